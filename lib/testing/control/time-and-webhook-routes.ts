import type { Router } from '../http/router';
import type { EmulatorState } from '../state';
import { advanceClock } from '../time/advance';
import { sendV2Delivery } from '../webhooks/send-v2';
import { buildV2Event, isV2WebhookType, V2_WEBHOOK_EVENT_FIELDS } from '../webhooks/v2-events';
import type { ControlAnswer, ControlRoute } from './admin-routes';

const badRequest = (message: string): ControlAnswer => ({ status: 400, body: { message } });

function objectBody(body: unknown): Record<string, unknown> | undefined {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

/** The clock as the control API shows it. */
export function clockView(state: EmulatorState): {
  skewSeconds: number;
  advancedSeconds: number;
  now: string;
} {
  return {
    skewSeconds: state.clock.skewSeconds,
    advancedSeconds: state.clock.advancedSeconds,
    now: new Date(state.clock.nowMs()).toISOString(),
  };
}

/** `POST /emulator/clock/advance { "seconds": n }`: moves time and answers with the attempts that fell due. */
const advance: ControlRoute = async (_params, state, body) => {
  const seconds = objectBody(body)?.seconds;
  if (typeof seconds !== 'number') return badRequest('seconds must be a number');
  try {
    const result = await advanceClock(state, seconds);
    return { status: 200, body: { ...clockView(state), attempts: result.attempts } };
  } catch (error) {
    return badRequest((error as Error).message);
  }
};

/** `PUT /emulator/webhook-delivery { "v1"?, "v2"? }`: changes the schedules of later deliveries. */
const setDelivery: ControlRoute = (_params, state, body) => {
  const change = objectBody(body);
  if (!change) return badRequest('body must be a JSON object { "v1"?, "v2"? }');
  try {
    const resolved = state.setWebhookDelivery(change);
    return { status: 200, body: { v1: resolved.v1.name, v2: resolved.v2.name } };
  } catch (error) {
    return badRequest((error as Error).message);
  }
};

/**
 * `POST /emulator/webhooks/v2 { "url", "type", "data"?, "id"? }`: builds the event the official SDK types for
 * `type`, signs it with the emulator's secret and sends it on the V2 schedule; answers after the first
 * attempt with the delivery (attempts so far, state, next attempt).
 */
const sendV2: ControlRoute = async (_params, state, body) => {
  const input = objectBody(body);
  if (!input) return badRequest('body must be a JSON object { "url", "type", "data"? }');
  const { url, type, data = {}, id } = input;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return badRequest('url must be an http(s) URL');
  try {
    new URL(url);
  } catch {
    return badRequest('url must be an http(s) URL');
  }
  if (!isV2WebhookType(type)) {
    return badRequest(`type must be one of ${Object.keys(V2_WEBHOOK_EVENT_FIELDS).join(', ')}`);
  }
  const fields = objectBody(data);
  if (!fields || Object.values(fields).some(v => typeof v !== 'string' && typeof v !== 'number')) {
    return badRequest('data must be a JSON object of strings and numbers');
  }
  if (id !== undefined && (typeof id !== 'string' || id === ''))
    return badRequest('id must be a non-empty string');
  const event = buildV2Event(
    type,
    fields as Record<string, string | number>,
    state.config.v2.storeId,
    state.clock.nowMs(),
  );
  const history = await sendV2Delivery(state, url, event, { secret: state.config.v2.webhookSecret, id });
  return { status: 200, body: history };
};

/** The routes that move time and send or reconfigure webhooks. */
export function addTimeAndWebhookRoutes(router: Router<ControlRoute>): void {
  router
    .add('POST', '/clock/advance', advance)
    .add('PUT', '/webhook-delivery', setDelivery)
    .add('GET', '/webhooks', (_params, state) => ({
      status: 200,
      body: { items: state.webhookDeliveries.allHistories },
    }))
    .add('POST', '/webhooks/v2', sendV2);
}
