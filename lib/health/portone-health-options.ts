import { PortOneConfigurationError } from '../errors';
import { messages } from '../errors/messages';
import { MAX_TIMER_MS } from '../core/max-timer';

/** Options of `PortOneHealthModule.forRoot`. */
export interface PortOneHealthOptions {
  /**
   * How long what the module saw stays the answer. A check finds the outcome of the last call within this
   * window and reports it; when there is none, it sends one cheap authenticated request (a lookup of a
   * record that does not exist, which PortOne answers 404 when it is up and accepts the credentials), at
   * most once per window. A probe every second therefore never becomes PortOne traffic every second.
   * @default 30000
   */
  probeIntervalMs?: number;
  /**
   * Timeout of that request, in milliseconds.
   * @default 5000
   */
  probeTimeoutMs?: number;
}

/** @internal */
export type ResolvedHealthOptions = Required<PortOneHealthOptions>;

/** @internal */
export const PORTONE_HEALTH_OPTIONS = Symbol('PORTONE:HEALTH_OPTIONS');

const HEALTH_DEFAULTS: ResolvedHealthOptions = { probeIntervalMs: 30_000, probeTimeoutMs: 5_000 };

/**
 * Applies the defaults; invalid values stop the app while it boots, every problem in one error. Both options
 * are timers: past 2^31 - 1 ms Node fires them after 1 ms (a probe timeout that long reported a healthy
 * PortOne down), so they are bounded like the client's.
 * @internal
 */
export function resolveHealthOptions(options: PortOneHealthOptions = {}): ResolvedHealthOptions {
  if (options === null || typeof options !== 'object') {
    throw new PortOneConfigurationError([messages.options.healthNotAnObject]);
  }
  const problems: string[] = [];
  const unknown: string[] = [];
  for (const [name, value] of Object.entries(options)) {
    if (!(name in HEALTH_DEFAULTS)) unknown.push(messages.options.unknownHealthOption(name));
    else if (value === undefined) continue;
    else if (!Number.isInteger(value) || value <= 0) {
      problems.push(messages.options.healthDuration(name));
    } else if (value > MAX_TIMER_MS) {
      problems.push(messages.options.timerTooLong(`PortOneHealthModule: ${name}`, MAX_TIMER_MS));
    }
  }
  // A misspelt key is reported too, not silently left at its default (e.g. `probeTimeout` for `probeTimeoutMs`).
  if (problems.length + unknown.length > 0) throw new PortOneConfigurationError([...problems, ...unknown]);
  return { ...HEALTH_DEFAULTS, ...definedOnly(options) };
}

function definedOnly(options: PortOneHealthOptions): PortOneHealthOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
