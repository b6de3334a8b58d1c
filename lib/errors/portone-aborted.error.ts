import { PortOneError, type PortOneErrorDetails } from './portone.error';

/**
 * The caller aborted the call through its `AbortSignal`.
 * @publicApi
 */
export class PortOneAbortedError extends PortOneError {
  constructor(details: PortOneErrorDetails = {}) {
    const where = details.request ? `${details.request.method} ${details.request.path}` : 'PortOne call';
    super(`${where} was aborted by the caller`, { ...details, retryable: false });
  }
}
