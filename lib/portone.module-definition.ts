import {
  ConfigurableModuleBuilder,
  type ConfigurableModuleAsyncOptions,
  type Provider,
} from '@nestjs/common';
import type { PortOneModuleOptions } from './options/portone-module-options.interface';
import { portOneRegistration } from './portone.providers';
import { PORTONE_MODULE_OPTIONS, getPortOneOptionsToken } from './portone.tokens';
import {
  webhookMountProblems,
  withWebhookRoutes,
  type PortOneWebhookMountOptions,
} from './webhooks/webhook-module-parts';

/**
 * What `forRoot` / `forRootAsync` accept beside the options ("extras"): they decide how the module is
 * registered and never reach the options object. To add one, add it here and to `EXTRAS`, then read it in
 * the transform below.
 * @publicApi
 */
export interface PortOneModuleExtras {
  /** Register the services globally, so feature modules need not import PortOneModule. @default false */
  isGlobal?: boolean;
  /**
   * Names this registration, so one app can hold several (two merchants, test and live keys, an agency's
   * sub-stores). Its services are then injected with `@InjectPortOne(Service, name)` instead of by class.
   */
  name?: string;
  /**
   * Mounts the webhook routes (`POST /{path}` for payment notices and V2 deliveries, `POST /{path}/cvs-confirm`)
   * and dispatches them to your `@OnPortOneWebhook()` / `@OnCvsConfirm()` methods. Without it, no route.
   */
  webhook?: PortOneWebhookMountOptions;
}

/** The defaults; every key listed here is kept out of the options object. */
const EXTRAS: PortOneModuleExtras = { isGlobal: false, name: undefined, webhook: undefined };

/**
 * `forRoot` / `forRootAsync` come from Nest's ConfigurableModuleBuilder; the options are provided under
 * `getPortOneOptionsToken(name)` (`PORTONE_MODULE_OPTIONS` without a name), and the extras shape the rest of
 * the dynamic module.
 * @internal
 */
export const { ConfigurableModuleClass: PortOneConfigurableModule } =
  new ConfigurableModuleBuilder<PortOneModuleOptions>({ optionsInjectionToken: PORTONE_MODULE_OPTIONS })
    .setClassMethodName('forRoot')
    .setFactoryMethodName('createPortOneOptions')
    .setExtras<PortOneModuleExtras>(EXTRAS, (definition, extras) => {
      const registration = portOneRegistration(extras.name, webhookMountProblems(extras.webhook));
      return withWebhookRoutes(
        {
          ...definition,
          global: extras.isGlobal,
          providers: [...ownOptionsToken(definition.providers ?? [], extras.name), ...registration.providers],
          exports: [...(definition.exports ?? []), ...registration.exports],
        },
        extras.webhook,
        extras.name,
      );
    })
    .build();

/**
 * The builder provides every registration's options under `PORTONE_MODULE_OPTIONS`; a named registration's
 * move to `getPortOneOptionsToken(name)`, so that overriding one registration's options in a test (an
 * app-wide operation in Nest) does not replace the others'.
 */
function ownOptionsToken(providers: Provider[], name: string | undefined): Provider[] {
  if (name === undefined) return providers;
  return providers.map(provider =>
    typeof provider === 'object' && provider.provide === PORTONE_MODULE_OPTIONS
      ? { ...provider, provide: getPortOneOptionsToken(name) }
      : provider,
  );
}

/** What `forRootAsync` accepts: `imports`, `inject`, one of `useFactory`, `useClass`, `useExisting`, and the extras. @publicApi */
export type PortOneModuleAsyncOptions = ConfigurableModuleAsyncOptions<
  PortOneModuleOptions,
  'createPortOneOptions'
> &
  Partial<PortOneModuleExtras>;
/** What `forRoot` accepts: the options plus the extras (`isGlobal`, `name`, `webhook`). @publicApi */
export type PortOneModuleForRootOptions = PortOneModuleOptions & Partial<PortOneModuleExtras>;

/** Implemented by a class passed as `useClass` / `useExisting` to `forRootAsync`. @publicApi */
export interface PortOneOptionsFactory {
  /** Returns the options (or a promise of them), as `useFactory` would. */
  createPortOneOptions(): PortOneModuleOptions | Promise<PortOneModuleOptions>;
}
