export {
  OnPortOneWebhook,
  type PortOneWebhookHandlerDecorator,
  type PortOneWebhookHandlerOptions,
  type PortOneWebhookTypeSelector,
} from './decorators/on-portone-webhook.decorator';
export { OnCvsConfirm } from './decorators/on-cvs-confirm.decorator';
export type {
  CvsConfirmRequest,
  PortOneV1PaymentEvent,
  PortOneV1PaymentEventType,
  PortOneV1PaymentEventSource,
  PortOneV2UnrecognizedWebhookEvent,
  PortOneV2UnrecognizedWebhookType,
  PortOneV2WebhookEvent,
  PortOneV2WebhookEventBase,
  PortOneV2WebhookEventOf,
  PortOneWebhookEvent,
  PortOneWebhookEventFor,
  PortOneWebhookEventType,
} from './events/webhook-events';
export {
  PORTONE_V2_WEBHOOK_EVENT_TYPES,
  isPortOneV2WebhookEventType,
  type PortOneV2BillingKeyWebhookData,
  type PortOneV2CancellationWebhookData,
  type PortOneV2ConfirmWebhookData,
  type PortOneV2TransactionWebhookData,
  type PortOneV2WebhookDataByType,
  type PortOneV2WebhookEventType,
} from './events/v2-webhook-data';
export type { PortOneWebhookClaim, PortOneWebhookClaimStore } from './claims/webhook-claim-store.interface';
export type {
  PortOneWebhookJob,
  PortOneWebhookJobProcessor,
  PortOneWebhookQueue,
} from './queue/webhook-queue.interface';
export { PortOneWebhookJobError } from './queue/webhook-job-error';
export { InMemoryWebhookClaimStore } from './claims/in-memory-webhook-claim-store';
export type { PortOneReconciliationStore } from './claims/reconciliation-store.interface';
export type { PortOneWebhookReconcileOptions } from './reconciliation/reconcile-options';
export type { PortOneReconciliationHealth } from './reconciliation/reconciliation-health';
export {
  PORTONE_WEBHOOK_SOURCE_IPS,
  type PortOneWebhookReceiverOptions,
} from './options/webhook-receiver-options.interface';
export type { PortOneWebhookMountOptions } from './webhook-module-parts';
export { DEFAULT_WEBHOOK_PATH } from './webhook.constants';
