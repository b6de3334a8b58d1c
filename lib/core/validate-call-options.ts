import { PortOneValidationError, type PortOneValidationIssue } from '../errors';
import { messages as text } from '../errors/messages';
import type { PortOneCallOptions } from './call-options';
import { MAX_TIMER_MS } from './max-timer';

/**
 * Checks the per-call options every service method accepts, so a typo such as `timeoutMs: '5000'` fails
 * loudly before anything is sent instead of silently using the default.
 * @internal
 */
export function validateCallOptions(options: PortOneCallOptions | undefined): void {
  if (options === undefined) return;
  const issues: PortOneValidationIssue[] = [];
  if (options === null || typeof options !== 'object') {
    issues.push({ field: 'options', rules: ['isObject'], messages: [text.input.callOptionsNotAnObject] });
  } else {
    const { timeoutMs, signal } = options;
    if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
      issues.push({
        field: 'timeoutMs',
        rules: ['isPositiveInteger'],
        messages: [text.input.timeoutNotPositive],
      });
    } else if (timeoutMs !== undefined && timeoutMs > MAX_TIMER_MS) {
      // Node clamps longer timers to 1 ms: a "24-day" timeout would fire at once.
      issues.push({
        field: 'timeoutMs',
        rules: ['max'],
        messages: [text.input.timeoutTooLong(MAX_TIMER_MS)],
      });
    }
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      issues.push({ field: 'signal', rules: ['isAbortSignal'], messages: [text.input.signalNotAbortSignal] });
    }
  }
  if (issues.length > 0) throw new PortOneValidationError('PortOneCallOptions', issues);
}
