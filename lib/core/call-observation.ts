import { performance } from 'node:perf_hooks';
import type { LoggerService } from '@nestjs/common';
import type { PortOneError, PortOneRequestSummary } from '../errors';
import { messages } from '../errors/messages';
import type { AttemptResult, ObservedCall, PortOneObserver } from '../observability/call-observer';

/**
 * Runs one call under its observation: observers (a span, the health statistics) are told where the call
 * starts, each attempt ends (`run` reports them through `attemptEnded`) and the call ends. A token request
 * is traced inside its token fetch but is not a call of the app's.
 * @internal
 */
export function observeCall<T>(
  observer: PortOneObserver | undefined,
  call: ObservedCall,
  isTokenRequest: boolean,
  run: (attemptEnded?: (attempt: AttemptResult) => void) => Promise<T>,
): Promise<T> {
  const observation = isTokenRequest ? observer?.tokenRequestStarted(call) : observer?.callStarted(call);
  if (!observation) return run();

  const startedAt = performance.now();
  let last: AttemptResult | undefined;
  const callEnded = (error?: PortOneError): void =>
    observation.ended({
      durationMs: performance.now() - startedAt,
      attempts: last ? last.attempt + 1 : 0,
      status: last?.status,
      requestId: last?.requestId,
      error,
    });
  return observation.run(async () => {
    try {
      const result = await run(attempt => {
        last = attempt;
        observation.attemptEnded(attempt);
      });
      callEnded();
      return result;
    } catch (error) {
      callEnded(error as PortOneError);
      throw error;
    }
  });
}

/**
 * One log line per attempt: method, path, status, duration, request id; never bodies. Quiet without a logger.
 * @internal
 */
export function logAttempt(
  logger: LoggerService | undefined,
  request: PortOneRequestSummary,
  attempt: AttemptResult,
): void {
  if (!logger) return;
  const elapsed = Math.round(attempt.durationMs);
  // error.message is built from field names and scrubbed PortOne text: safe to log.
  if (attempt.error) {
    logger.warn(messages.attemptFailed(request, attempt.error, elapsed, attempt.attempt, attempt.retryInMs));
  } else {
    logger.log(
      messages.attemptSucceeded(request, attempt.status ?? 0, elapsed, attempt.attempt, attempt.requestId),
    );
  }
}
