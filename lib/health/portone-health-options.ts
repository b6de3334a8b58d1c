import { PortOneConfigurationError } from '../errors';

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

/** Applies the defaults; invalid values stop the app while it boots. @internal */
export function resolveHealthOptions(options: PortOneHealthOptions = {}): ResolvedHealthOptions {
  const resolved = { probeIntervalMs: 30_000, probeTimeoutMs: 5_000, ...options };
  const problems = Object.entries(resolved)
    .filter(([, value]) => !Number.isInteger(value) || value <= 0)
    .map(([name]) => `PortOneHealthModule: ${name} must be a positive integer (milliseconds)`);
  if (problems.length > 0) throw new PortOneConfigurationError(problems);
  return resolved;
}
