import type { ResolvedWebhookReceiverOptions } from '../options/resolve-webhook-receiver-options';
import { dispatchOnce } from '../dispatch/once-only-dispatcher';
import type { WebhookHandlerRegistry } from '../handlers/webhook-handler-registry';
import type { WebhookQueueRunner } from '../queue/webhook-queue-runner';
import type { DeliverReconciled } from './reconcile-payment';

/**
 * How a sweep hands on what it found, the way a notice is handed on in the same mode: inline, through the
 * once-only claims (the handlers run in the sweep); in queue mode (`webhookReceiver.queue`), into the queue
 * under the notice's delivery key, so that a notice and a sweep of the same payment make one job, run by a
 * worker like the notice's would be.
 * @internal
 */
export function reconciledDelivery(
  receiver: ResolvedWebhookReceiverOptions,
  registry: WebhookHandlerRegistry,
  runner: WebhookQueueRunner,
): DeliverReconciled {
  if (!receiver.queue) return (key, event) => dispatchOnce(key, event, registry, receiver);
  return async (key, event) => {
    try {
      await runner.enqueueEvent(key, event);
      return { kind: 'queued' };
    } catch (error) {
      return { kind: 'queue-unavailable', errorName: error instanceof Error ? error.name : typeof error };
    }
  };
}
