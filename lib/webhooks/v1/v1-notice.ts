import { messages } from '../../errors/messages';
import type { CvsService } from '../../cvs-payment/cvs.service';
import type { PaymentLookupOptions } from '../../cvs-payment/payment-lookup-options';
import type { PortOnePayment } from '../../cvs-payment/models/payment.model';
import { PortOneApiError, PortOneError, PortOneValidationError } from '../../errors';
import { dispatchOnce } from '../dispatch/once-only-dispatcher';
import type { PortOneV1PaymentEvent } from '../events/webhook-events';
import type { WebhookHandlerRegistry } from '../handlers/webhook-handler-registry';
import { answer, type WebhookAnswer } from '../http/webhook-answer';
import { outcomeAnswer } from '../dispatch/outcome-answer';
import { logValue } from '../../logging/log-value';
import { UNVERIFIED_PATH } from '../../core/call-options';
import type { ResolvedWebhookReceiverOptions } from '../options/resolve-webhook-receiver-options';

/** What a V1 notice claims: `{ imp_uid, merchant_uid, status, cancellation_id? }`. Never trusted. @internal */
export interface V1Notice {
  readonly impUid: string;
  readonly merchantUid?: string;
  readonly cancellationId?: string;
  readonly status?: string;
}

/** @internal */
export interface V1NoticeDeps {
  readonly cvs: CvsService;
  readonly registry: WebhookHandlerRegistry;
  readonly options: ResolvedWebhookReceiverOptions;
  /** The registration whose route received the notice (its name; undefined for the unnamed one). */
  readonly registration: string | undefined;
}

/** A notice checked against PortOne: the event to dispatch and its delivery key, or why there is none. @internal */
export type RereadNotice =
  | { readonly ok: true; readonly key: string; readonly event: PortOneV1PaymentEvent }
  /** `status` 503: PortOne could not be read (retry); 4xx: nothing to dispatch, ever. */
  | { readonly ok: false; readonly answer: WebhookAnswer };

/**
 * Handles a V1 payment notice as PortOne requires: the notice is unsigned, so only its `imp_uid` is used to
 * re-read the payment (`GET /payments/{imp_uid}`); the event is `payment.<re-read status>` with the re-read
 * payment. An unknown `imp_uid` (404) or a `merchant_uid` that differs from the payment's (400) dispatches
 * nothing. A failed re-read answers 503 so that PortOne retries. Dispatched once per {@link v1DeliveryKey}.
 * @internal
 */
export async function handleV1Notice(
  body: Record<string, unknown> | undefined,
  deps: V1NoticeDeps,
): Promise<WebhookAnswer> {
  const notice = readV1Notice(body);
  if (!notice) return noImpUid();
  const reread = await rereadV1Notice(notice, deps.cvs, deps.registration);
  if (!reread.ok) return reread.answer;
  const { event, key } = reread;
  const outcome = await dispatchOnce(key, event, deps.registry, deps.options);
  return outcomeAnswer(outcome, `v1 notice imp_uid=${logValue(event.payment.impUid)} ${event.type}`, {
    event: event.type,
  });
}

/** @internal */
export function noImpUid(): WebhookAnswer {
  return answer(400, messages.webhookAnswer.v1NoImpUid);
}

/**
 * Re-reads the payment a notice names and builds its event: PortOne's current truth, never the notice's.
 * `cvs` must be the CvsService of `registration`, the registration whose route received the notice: a
 * payment is visible only with the credentials of the merchant it belongs to.
 * @internal
 */
export async function rereadV1Notice(
  notice: V1Notice,
  cvs: CvsService,
  registration: string | undefined,
): Promise<RereadNotice> {
  let payment: PortOnePayment;
  try {
    // Until PortOne answers, the imp_uid is a stranger's: the client's request log line holds it back too.
    payment = await cvs.get(notice.impUid, { [UNVERIFIED_PATH]: true } as PaymentLookupOptions);
  } catch (error) {
    return { ok: false, answer: rereadFailure(error) };
  }
  if (notice.merchantUid !== undefined && notice.merchantUid !== payment.merchantUid) {
    return {
      ok: false,
      answer: answer(400, messages.webhookAnswer.v1MerchantUidMismatch(logValue(payment.impUid))),
    };
  }
  const event: PortOneV1PaymentEvent = {
    api: 'v1',
    registration,
    type: `payment.${payment.status}`,
    source: 'notice',
    payment,
    cancellationId: confirmedCancellation(payment, notice.cancellationId),
  };
  return { ok: true, key: v1DeliveryKey(payment, event.cancellationId), event };
}

/**
 * What makes two V1 notices the same delivery: the payment, its re-read status and, since a partially
 * cancelled payment stays `paid`, the cancellation the notice is about. A confirmed `cancellation_id` names it
 * (each partial cancellation once, whatever came after it); without one, the cancelled amount tells a notice
 * sent after a cancellation from the one sent before. Unchanged (`v1:<imp_uid>:<status>`) for payments
 * never cancelled.
 * @internal
 */
export function v1DeliveryKey(payment: PortOnePayment, confirmedCancellationId: string | undefined): string {
  const base = `v1:${payment.impUid}:${payment.status}`;
  if (confirmedCancellationId !== undefined) return `${base}:cancellation:${confirmedCancellationId}`;
  return payment.cancelAmount > 0 ? `${base}:cancelled:${payment.cancelAmount}` : base;
}

/** The fields of a notice body, or undefined without an `imp_uid`. @internal */
export function readV1Notice(body: Record<string, unknown> | undefined): V1Notice | undefined {
  const impUid = body?.imp_uid;
  if (typeof impUid !== 'string' || impUid.trim() === '') return undefined;
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : undefined;
  return {
    impUid,
    merchantUid: text(body?.merchant_uid),
    cancellationId: text(body?.cancellation_id),
    status: text(body?.status),
  };
}

function rereadFailure(error: unknown): WebhookAnswer {
  // The imp_uid comes from an unverified body: log it only once PortOne has confirmed it exists.
  if (error instanceof PortOneApiError && error.status === 404) {
    return answer(404, messages.webhookAnswer.v1UnknownImpUid);
  }
  if (error instanceof PortOneValidationError) {
    return answer(400, messages.webhookAnswer.v1InvalidImpUid);
  }
  const name = error instanceof PortOneError ? error.name : 'Error';
  return answer(503, messages.webhookAnswer.v1RereadFailed(name));
}

function confirmedCancellation(payment: PortOnePayment, claimed: string | undefined): string | undefined {
  if (claimed === undefined) return undefined;
  return payment.cancelHistory?.some(entry => entry.cancellationId === claimed) ? claimed : undefined;
}
