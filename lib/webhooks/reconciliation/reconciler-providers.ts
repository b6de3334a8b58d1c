import { messages } from '../../errors/messages';
import type { Provider } from '@nestjs/common';
import { CvsService } from '../../cvs-payment/cvs.service';
import { PortOneConfigurationError } from '../../errors';
import type { ResolvedPortOneOptions } from '../../options/resolve-options';
import { PORTONE_RESOLVED_OPTIONS, portOneReconcilerToken } from '../../portone.constants';
import { getPortOneToken } from '../../portone.tokens';
import { WebhookHandlerRegistry } from '../handlers/webhook-handler-registry';
import { WebhookQueueRunner } from '../queue/webhook-queue-runner';
import { reconciledDelivery } from './deliver-reconciled';
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
      useFactory: (
        options: ResolvedPortOneOptions,
        registry: WebhookHandlerRegistry,
        cvs: CvsService,
        runner: WebhookQueueRunner,
      ) => {
        const problems = reconcileReceiverProblems(reconcile, options.webhookReceiver);
        if (!options.v1) problems.push(messages.options.reconcileNeedsV1);
        if (problems.length > 0) throw new PortOneConfigurationError(problems);
        const deliver = reconciledDelivery(options.webhookReceiver, registry, runner);
        return new WebhookReconciler({
          options,
          reconcile,
          cvs,
          // Reconciled events carry the registration, as its notices do, so they reach the same handlers (and,
          // in queue mode, the worker re-reads the payment with that registration's credentials).
          deliver: (key, event) => deliver(key, { ...event, registration: registrationName }),
          name: registrationName ?? 'default',
        });
      },
      inject: [
        PORTONE_RESOLVED_OPTIONS,
        WebhookHandlerRegistry,
        getPortOneToken(CvsService, registrationName),
        WebhookQueueRunner,
      ],
    },
    { provide: portOneReconcilerToken(registrationName), useExisting: WebhookReconciler },
  ];
}
