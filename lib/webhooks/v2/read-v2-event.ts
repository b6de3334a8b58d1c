import { isJsonObject } from '../../mapping/json-readers';
import { V2_WEBHOOK_DATA_FIELDS, isPortOneV2WebhookEventType } from '../events/v2-webhook-data';
import type {
  PortOneV2UnrecognizedWebhookEvent,
  PortOneV2WebhookEvent,
  PortOneV2WebhookEventOf,
} from '../events/webhook-events';

/** @internal */
export interface V2EventReading {
  readonly event: PortOneV2WebhookEvent;
  /** A known type whose body lacks what PortOne's SDK declares for it: names the first such field. */
  readonly problem?: string;
}

/**
 * The event a verified V2 body becomes, carrying the `registration` whose route received it. A type PortOne's SDK declares is checked against its declared fields
 * (`timestamp`, and each field of `data` with its JSON type). A body that breaks them is still dispatched
 * under its type (PortOne signed it; refusing would only make PortOne retry the same body), and `problem`
 * names the field for the log line, so a change of PortOne's contract is seen. Any other type, and a body
 * without one, is an unrecognized event.
 * @internal
 */
export function readV2Event(
  body: Record<string, unknown>,
  webhookId: string,
  registration: string | undefined,
): V2EventReading {
  const data = isJsonObject(body.data) ? body.data : {};
  const type = body.type;
  if (!isPortOneV2WebhookEventType(type)) {
    const unrecognized = typeof type === 'string' && type !== '' ? type : 'unknown';
    const event = { api: 'v2', registration, type: unrecognized, webhookId, data, body };
    // At runtime the type is the string PortOne sent; only TypeScript sees it apart from the known types.
    return { event: event as unknown as PortOneV2UnrecognizedWebhookEvent };
  }
  const event = { api: 'v2', registration, type, timestamp: body.timestamp, webhookId, data, body };
  return { event: event as PortOneV2WebhookEventOf<typeof type>, problem: declaredFieldProblem(type, body) };
}

function declaredFieldProblem(
  type: keyof typeof V2_WEBHOOK_DATA_FIELDS,
  body: Record<string, unknown>,
): string | undefined {
  if (typeof body.timestamp !== 'string') return 'timestamp is not a string';
  if (!isJsonObject(body.data)) return 'data is not an object';
  for (const [field, kind] of Object.entries(V2_WEBHOOK_DATA_FIELDS[type])) {
    if (typeof body.data[field] !== kind) return `data.${field} is not a ${kind}`;
  }
  return undefined;
}
