export type {
  PortOneModuleOptions,
  PortOneV1Options,
  PortOneV2Options,
  PortOneRetryOptions,
} from './portone-module-options.interface';
