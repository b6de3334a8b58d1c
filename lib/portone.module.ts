import { Module, type DynamicModule } from '@nestjs/common';
import {
  PortOneConfigurableModule,
  type PortOneModuleAsyncOptions,
  type PortOneModuleForRootOptions,
} from './portone.module-definition';

/**
 * PortOne for NestJS. Register it with `PortOneModule.forRoot(options)` or
 * `PortOneModule.forRootAsync({ imports, inject, useFactory | useClass | useExisting, isGlobal, name })`, then
 * inject `CertificationService`, `CvsService` and `IdentityVerificationService` (by class; with
 * `@InjectPortOne(Service, name)` for a named registration), and `@InjectPortOneHttp('v1' | 'v2')` for
 * endpoints the module does not wrap.
 *
 * Options are validated while the app boots; invalid ones (an unknown key included) stop it with one
 * `PortOneConfigurationError` listing every problem. Each registration builds its own HTTP clients and token
 * caches. The providers are in `portone.providers.ts`.
 * @publicApi
 */
@Module({})
export class PortOneModule extends PortOneConfigurableModule {
  // Declarations only (no code): they give the two methods Nest's builder makes a description in editors and
  // the API reference.
  /** Registers the module with options known now; `isGlobal`, `name` and `webhook` shape the registration. */
  declare static forRoot: (options: PortOneModuleForRootOptions) => DynamicModule;
  /** Registers the module with options made by a factory, a class or an existing provider, after injection. */
  declare static forRootAsync: (options: PortOneModuleAsyncOptions) => DynamicModule;
}
