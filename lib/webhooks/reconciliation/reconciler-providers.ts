import { messages } from '../../errors/messages';
import type { Provider } from '@nestjs/common';
import { CvsService } from '../../cvs-payment/cvs.service';
import { PortOneConfigurationError } from '../../errors';
import type { ResolvedPortOneOptions } from '../../options/resolve-options';
import { PORTONE_RESOLVED_OPTIONS, portOneReconcilerToken } from '../../portone.constants';
import { getPortOneToken } from '../../portone.tokens';
import { dispatchOnce } from '../dispatch/once-only-dispatcher';
import { WebhookHandlerRegistry } from '../handlers/webhook-handler-registry';
import { reconcileReceiverProblems, type ResolvedReconcileOptions } from './reconcile-options';
import { WebhookReconciler } from './webhook-reconciler';

/**
 * The reconciler of one registration (when `webhook.reconcile` is on), and its alias for the health
 * indicator. Its claim store and options are checked when the module's options are known.
 * @internal
 */
export function reconcilerProviders(
  reconcile: ResolvedReconcileOptions | undefined,
  registrationName: string | undefined,
): Provider[] {
  if (!reconcile) return [];
  return [
    {
      provide: WebhookReconciler,
      useFactory: (options: ResolvedPortOneOptions, registry: WebhookHandlerRegistry, cvs: CvsService) => {
        const problems = reconcileReceiverProblems(reconcile, options.webhookReceiver);
        if (!options.v1) problems.push(messages.options.reconcileNeedsV1);
        if (problems.length > 0) throw new PortOneConfigurationError(problems);
        return new WebhookReconciler({
          options,
          reconcile,
          cvs,
          // Reconciled events carry the registration, as its notices do, so they reach the same handlers.
          deliver: (key, event) =>
            dispatchOnce(
              key,
              { ...event, registration: registrationName },
              registry,
              options.webhookReceiver,
            ),
          name: registrationName ?? 'default',
        });
      },
      inject: [
        PORTONE_RESOLVED_OPTIONS,
        WebhookHandlerRegistry,
        getPortOneToken(CvsService, registrationName),
      ],
    },
    { provide: portOneReconcilerToken(registrationName), useExisting: WebhookReconciler },
  ];
}
