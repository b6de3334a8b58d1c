import { messages } from './messages';
import { PortOneError, type PortOneErrorDetails } from './portone.error';

/**
 * The caller aborted the call through its `AbortSignal`.
 * @publicApi
 */
export class PortOneAbortedError extends PortOneError {
  /** @internal The module throws these; apps catch them and read the fields. */
  constructor(details: PortOneErrorDetails = {}) {
    super(messages.aborted(details.request), { ...details, retryable: false });
  }
}
