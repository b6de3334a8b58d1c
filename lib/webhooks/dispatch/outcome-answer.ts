import { messages } from '../../errors/messages';
import { answer, type WebhookAnswer } from '../http/webhook-answer';
import type { DispatchOutcome } from './once-only-dispatcher';

/**
 * The HTTP answer for a dispatch outcome: 200 for dispatched and duplicate deliveries (PortOne must stop
 * sending them); 500 when a handler threw, 503 when the claim store is down and 503 with `Retry-After` when
 * another attempt is still running it (PortOne re-sends after any 5xx, V1 only after 5xx or network errors,
 * so 503 rather than 409).
 * @internal
 */
export function outcomeAnswer(
  outcome: DispatchOutcome,
  what: string,
  extra: Record<string, unknown>,
): WebhookAnswer {
  switch (outcome.kind) {
    case 'dispatched':
      return answer(200, messages.webhookAnswer.dispatched(what, outcome.handlers), {
        ...extra,
        duplicate: false,
      });
    case 'duplicate':
      return answer(200, messages.webhookAnswer.duplicate(what), {
        ...extra,
        duplicate: true,
      });
    case 'in-progress':
      return answer(
        503,
        messages.webhookAnswer.inProgress(what),
        {},
        { 'Retry-After': String(retryAfterSeconds(outcome.retryAfterMs)) },
      );
    case 'handler-failed':
      return answer(500, messages.webhookAnswer.handlerFailed(what, outcome.handler, outcome.errorName));
    case 'store-unavailable':
      return answer(503, messages.webhookAnswer.storeUnavailable(what, outcome.errorName));
  }
}

/** Whole seconds, at least 1 (the header's unit), at most the 2-minute default processing deadline. */
function retryAfterSeconds(ms: number): number {
  return Math.min(120, Math.max(1, Math.ceil(ms / 1000)));
}
