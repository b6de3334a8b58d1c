import type { EmulatorState } from '../state';
import { payAtStore } from '../v1/pay-at-store';
import { EmulatorStorePaymentError, type PayAtStoreOptions } from '../v1/pay-at-store.types';
import { resolveSchedule, type EmulatorWebhookSchedule } from '../webhooks/schedules';

/**
 * `POST /emulator/cvs/:imp_uid/pay` with an optional JSON body of {@link PayAtStoreOptions}: pays the barcode
 * (for an inspector page's "pay at the store" button or curl). 200 with the {@link PayAtStoreResult}
 * (`outcome` paid or refused), 409 when the barcode cannot be paid, 400 for bad options.
 */
export async function payAtStoreRoute(
  params: Record<string, string>,
  state: EmulatorState,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const options = readOptions(body);
  if (typeof options === 'string') return { status: 400, body: { message: options } };
  try {
    return {
      status: 200,
      body: await payAtStore(state.withPayment(params.imp_uid), params.imp_uid, options),
    };
  } catch (error) {
    if (error instanceof EmulatorStorePaymentError) {
      return {
        status: error.reason === 'not_found' ? 404 : 409,
        body: { message: error.message, reason: error.reason },
      };
    }
    throw error;
  }
}

function readOptions(body: unknown): PayAtStoreOptions | string {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) return 'body must be a JSON object';
  const input = body as Record<string, unknown>;
  const options: PayAtStoreOptions = {};
  if (input.payType !== undefined) {
    if (input.payType !== 'cash' && input.payType !== 'card') return 'payType must be cash or card';
    options.payType = input.payType;
  }
  if (input.noticeFormat !== undefined) {
    if (input.noticeFormat !== 'json' && input.noticeFormat !== 'form')
      return 'noticeFormat must be json or form';
    options.noticeFormat = input.noticeFormat;
  }
  if (input.noticeDelivery !== undefined) {
    try {
      resolveSchedule(input.noticeDelivery as EmulatorWebhookSchedule, 'v1', 'noticeDelivery');
    } catch (error) {
      return (error as Error).message;
    }
    options.noticeDelivery = input.noticeDelivery as EmulatorWebhookSchedule;
  }
  return options;
}
