/**
 * `nestjs-portone/testing`: a stateful PortOne API emulator for tests.
 *
 * It is independent of the client library: it validates requests against schemas derived from PortOne's own
 * spec, never against the client's DTOs.
 * @module nestjs-portone/testing
 */
export {
  PortOneEmulator,
  type EmulatorCredentials,
  type EmulatorModuleOptions,
  type EmulatorChannelKeys,
  type EmulatorClock,
  type EmulatorMerchant,
} from './emulator';
export type { EmulatorClockAdvance } from './time/advance.types';
export {
  EMULATOR_DEFAULTS,
  type EmulatorChannel,
  type EmulatorMerchantOptions,
  type PortOneEmulatorOptions,
} from './options';
export type { EmulatorFault } from './http/faults';
export type { EmulatorExchange } from './http/exchange';
export type { EmulatorRequestFilter, EmulatorRequestRecord } from './http/request-log';
export type { ApiName as EmulatorApi } from './http/context';
export type { EmulatorPgError } from './pg-error';
export type { SeedIdentityVerification } from './v2/types';
export type { EmulatorCertification, EmulatorPayment, EmulatorPaymentCancellation } from './v1/types';
export type {
  EmulatorFailedIdentityVerification,
  EmulatorIdentityVerification,
  EmulatorIdentityVerificationFailure,
  EmulatorOperator,
  EmulatorReadyIdentityVerification,
  EmulatorRequestedCustomer,
  EmulatorSelectedChannel,
  EmulatorVerifiedCustomer,
  EmulatorVerifiedIdentityVerification,
} from './v2/types';
export type { EmulatorStats } from './stats';
export {
  EmulatorStorePaymentError,
  type PayAtStoreOptions,
  type PayAtStoreResult,
} from './v1/pay-at-store.types';
export type {
  EmulatorWebhookDelivery,
  EmulatorWebhookHistory,
  EmulatorWebhookKind,
  EmulatorWebhookState,
} from './webhooks/delivery-log';
export type {
  EmulatorCustomWebhookSchedule,
  EmulatorWebhookDeliveryOptions,
  EmulatorWebhookSchedule,
} from './webhooks/schedules';
export type { SendV2WebhookOptions } from './webhooks/send-v2.types';
export type { EmulatorV2WebhookEvent, EmulatorV2WebhookType } from './webhooks/v2-events';
export { EMULATOR_WEBHOOK_SECRET, type SignedWebhook, type SignWebhookOptions } from './webhooks/v2-signing';
