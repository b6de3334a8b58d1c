import type { DynamicModule, Provider } from '@nestjs/common';
import { DiscoveryModule, HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { messages } from '../errors/messages';
import { WebhookHandlerRegistry } from './handlers/webhook-handler-registry';
import { installRawBodyCapture } from './http/raw-body-capture';
import { createWebhookController } from './portone-webhook.controller';
import { DEFAULT_WEBHOOK_PATH } from './webhook.constants';
import { WebhookReceiver } from './webhook-receiver.service';
import { WebhookQueueRunner } from './queue/webhook-queue-runner';
import { CvsService } from '../cvs-payment/cvs.service';
import type { ResolvedPortOneOptions } from '../options/resolve-options';
import { PORTONE_RESOLVED_OPTIONS } from '../portone.constants';
import { getPortOneToken } from '../portone.tokens';
import { reconcilerProviders } from './reconciliation/reconciler-providers';
import {
  reconcileProblems,
  resolveReconcileOptions,
  type PortOneWebhookReconcileOptions,
} from './reconciliation/reconcile-options';

/**
 * The `webhook` extra of `forRoot` / `forRootAsync`: mounts the webhook routes. Static (routes are fixed
 * when the module is defined), so it sits beside `isGlobal`, not in the options a factory returns.
 * @publicApi
 */
export interface PortOneWebhookMountOptions {
  /**
   * Route prefix: V1 notices and V2 deliveries are POSTed to `/{path}`, CVS confirm calls to
   * `/{path}/cvs-confirm` (behind any global prefix of the app).
   * @default 'portone/webhook'
   */
  path?: string;
  /**
   * Reconcile V1 payments from PortOne's records: every `intervalMs`, list the payments paid or cancelled
   * since the last sweep and dispatch those whose notice was never handled, as `payment.paid` /
   * `payment.cancelled` with `source: 'reconciliation'`, once. `true` for the defaults. Off when absent.
   */
  reconcile?: PortOneWebhookReconcileOptions | boolean;
}

const RAW_BODY_CAPTURE = Symbol('PORTONE:WEBHOOK_RAW_BODY_CAPTURE');

/**
 * Adds the webhook routes, handler discovery and receiver to a module definition when `webhook` is given.
 * @internal
 */
export function withWebhookRoutes(
  definition: DynamicModule,
  mount: PortOneWebhookMountOptions | undefined,
  registrationName: string | undefined,
): DynamicModule {
  // An invalid mount adds nothing: its problems are reported with the options' (webhookMountProblems).
  if (mount === undefined || webhookMountProblems(mount).length > 0) return definition;
  const path = normalizeWebhookPath(mount)!;
  const reconcile = resolveReconcileOptions(mount.reconcile);
  const providers: Provider[] = [
    WebhookHandlerRegistry,
    {
      provide: WebhookReceiver,
      // The CvsService of this registration (a named one exports it under its own token).
      useFactory: (options: ResolvedPortOneOptions, registry: WebhookHandlerRegistry, cvs: CvsService) =>
        new WebhookReceiver(options, registry, cvs, registrationName),
      inject: [
        PORTONE_RESOLVED_OPTIONS,
        WebhookHandlerRegistry,
        getPortOneToken(CvsService, registrationName),
      ],
    },
    ...reconcilerProviders(reconcile, registrationName),
    {
      provide: WebhookQueueRunner,
      useFactory: (
        options: ResolvedPortOneOptions,
        registry: WebhookHandlerRegistry,
        cvs: CvsService,
        moduleRef: ModuleRef,
      ) => new WebhookQueueRunner(options, registry, cvs, registrationName, moduleRef),
      inject: [
        PORTONE_RESOLVED_OPTIONS,
        WebhookHandlerRegistry,
        getPortOneToken(CvsService, registrationName),
        ModuleRef,
      ],
    },
    {
      provide: RAW_BODY_CAPTURE,
      useFactory: (host?: HttpAdapterHost) => installRawBodyCapture(host, path),
      inject: [{ token: HttpAdapterHost, optional: true }],
    },
  ];
  return {
    ...definition,
    imports: [...(definition.imports ?? []), DiscoveryModule],
    controllers: [...(definition.controllers ?? []), createWebhookController(path)],
    providers: [...(definition.providers ?? []), ...providers],
  };
}

/**
 * Problems with the `webhook` extra. Not thrown where the module is defined: they are reported at boot in
 * the one `PortOneConfigurationError` that lists the options' problems too.
 * @internal
 */
export function webhookMountProblems(mount: PortOneWebhookMountOptions | undefined): string[] {
  if (mount === undefined) return [];
  if (mount === null || typeof mount !== 'object') return [messages.options.webhookNotAnObject];
  const pathProblems = normalizeWebhookPath(mount) === undefined ? [messages.options.webhookPath] : [];
  return [...pathProblems, ...reconcileProblems(mount.reconcile)];
}

/** The route prefix without its outer slashes, or undefined when it is not a usable URL path. */
function normalizeWebhookPath(mount: PortOneWebhookMountOptions): string | undefined {
  const raw = mount.path ?? DEFAULT_WEBHOOK_PATH;
  const path = typeof raw === 'string' ? raw.replace(/^\/+|\/+$/g, '') : '';
  if (path === '' || !/^[A-Za-z0-9._~\-/]+$/.test(path) || path.includes('//')) return undefined;
  return path;
}
