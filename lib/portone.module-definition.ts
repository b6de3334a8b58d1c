import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { PortOneModuleOptions } from './options/portone-module-options.interface';

/**
 * `forRoot` / `forRootAsync` come from Nest's ConfigurableModuleBuilder. `isGlobal` is an "extra": it
 * decides the module's scope and is kept out of the options object.
 * @internal
 */
export const {
  ConfigurableModuleClass: PortOneConfigurableModule,
  MODULE_OPTIONS_TOKEN: PORTONE_MODULE_OPTIONS,
  OPTIONS_TYPE: PORTONE_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: PORTONE_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<PortOneModuleOptions>({ moduleName: 'PortOne' })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createPortOneOptions')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();

/** What `forRootAsync` accepts: `imports`, `inject`, and one of `useFactory`, `useClass`, `useExisting`. */
export type PortOneModuleAsyncOptions = typeof PORTONE_ASYNC_OPTIONS_TYPE;
/** What `forRoot` accepts: the options plus `isGlobal`. */
export type PortOneModuleForRootOptions = typeof PORTONE_OPTIONS_TYPE;

/** Implemented by a class passed as `useClass` / `useExisting` to `forRootAsync`. */
export interface PortOneOptionsFactory {
  createPortOneOptions(): PortOneModuleOptions | Promise<PortOneModuleOptions>;
}
