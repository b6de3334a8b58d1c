import { answer, type WebhookAnswer } from '../http/webhook-answer';
import type { DispatchOutcome } from './once-only-dispatcher';

/**
 * The HTTP answer for a dispatch outcome: 200 for dispatched and duplicate deliveries (PortOne must stop
 * sending them), 500 when a handler threw and 503 when the claim store is down (PortOne retries both).
 * @internal
 */
export function outcomeAnswer(
  outcome: DispatchOutcome,
  what: string,
  extra: Record<string, unknown>,
): WebhookAnswer {
  switch (outcome.kind) {
    case 'dispatched':
      return answer(200, 'dispatched', `${what} dispatched to ${outcome.handlers} handler(s)`, {
        ...extra,
        duplicate: false,
      });
    case 'duplicate':
      return answer(200, 'already received', `${what} duplicate: not dispatched again`, {
        ...extra,
        duplicate: true,
      });
    case 'handler-failed':
      return answer(
        500,
        'a handler failed; the delivery will be dispatched again when retried',
        `${what} handler ${outcome.handler} threw ${outcome.errorName}: claim released`,
      );
    case 'store-unavailable':
      return answer(
        503,
        'webhook claim store unavailable; retry later',
        `${what} not dispatched: claim store failed with ${outcome.errorName}`,
      );
  }
}
