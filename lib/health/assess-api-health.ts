import type { RecordedCall, TokenKnowledge } from '../observability/call-statistics';

/** What `/health` shows for one API. Counts, durations and error classes only: nothing personal or secret. */
export interface PortOneApiHealth {
  status: 'up' | 'down';
  /** Where the verdict comes from: the app's own recent calls, or the indicator's probe. */
  basis: 'recent-calls' | 'probe' | 'none';
  lastCall?: {
    outcome: 'success' | 'error';
    /** Error class of a failed call, e.g. `PortOneTimeoutError`. */
    errorClass?: string;
    /** HTTP status PortOne answered with, when it answered. */
    httpStatus?: number;
    secondsAgo: number;
    durationMs: number;
  };
  /** The last calls kept (at most 20), however old. */
  recentCalls: { count: number; failures: number; medianMs?: number; maxMs?: number };
  /** Token auth only: the cached access token's state (never the token). */
  token?: {
    state: 'valid' | 'expired' | 'none';
    ageSeconds?: number;
    expiresInSeconds?: number;
    /** Error class of the last token fetch, when it failed after the last success. */
    lastFetchFailure?: string;
  };
  /** Why it is down, in a few words. */
  reason?: string;
}

/** @internal */
export interface HealthEvidence {
  readonly calls: readonly RecordedCall[];
  readonly token?: TokenKnowledge;
  readonly now: number;
  readonly windowMs: number;
  readonly probed: boolean;
}

/**
 * Judges one API from its recorded calls: up when the last call within the window reached PortOne with
 * accepted credentials, down when it did not, down ("no recent calls") when nothing is known.
 * @internal
 */
export function assessApiHealth(evidence: HealthEvidence): PortOneApiHealth {
  const { calls, now, windowMs } = evidence;
  const last = calls.at(-1);
  const recent = last && now - last.endedAt <= windowMs ? last : undefined;
  const health: PortOneApiHealth = {
    status: recent?.reachable ? 'up' : 'down',
    basis: recent ? (evidence.probed ? 'probe' : 'recent-calls') : 'none',
    recentCalls: summarise(calls),
  };
  if (last) {
    health.lastCall = {
      outcome: last.errorClass ? 'error' : 'success',
      ...(last.errorClass && { errorClass: last.errorClass }),
      ...(last.status !== undefined && { httpStatus: last.status }),
      secondsAgo: Math.round((now - last.endedAt) / 1000),
      durationMs: Math.round(last.durationMs),
    };
  }
  if (evidence.token) health.token = describeToken(evidence.token, now);
  if (health.status === 'down') {
    health.reason = !recent
      ? 'no call reached PortOne recently'
      : `the last call failed (${recent.errorClass ?? 'error'})`;
  }
  return health;
}

function summarise(calls: readonly RecordedCall[]): PortOneApiHealth['recentCalls'] {
  if (calls.length === 0) return { count: 0, failures: 0 };
  const durations = calls.map(call => call.durationMs).sort((a, b) => a - b);
  return {
    count: calls.length,
    failures: calls.filter(call => !call.reachable).length,
    medianMs: Math.round(durations[Math.floor(durations.length / 2)]),
    maxMs: Math.round(durations[durations.length - 1]),
  };
}

function describeToken(token: TokenKnowledge, now: number): NonNullable<PortOneApiHealth['token']> {
  const failure =
    token.failedAt !== undefined && (token.fetchedAt === undefined || token.failedAt > token.fetchedAt)
      ? { lastFetchFailure: token.failureClass }
      : {};
  if (token.fetchedAt === undefined) return { state: 'none', ...failure };
  const ageMs = now - token.fetchedAt;
  const expiresInMs = token.lifetimeMs === undefined ? undefined : token.lifetimeMs - ageMs;
  return {
    state: expiresInMs !== undefined && expiresInMs <= 0 ? 'expired' : 'valid',
    ageSeconds: Math.round(ageMs / 1000),
    ...(expiresInMs !== undefined && { expiresInSeconds: Math.max(0, Math.round(expiresInMs / 1000)) }),
    ...failure,
  };
}
