import type { PortOneError } from '../errors';

/**
 * What the module tells its observers (health statistics, OpenTelemetry) about its calls. The transport
 * reports where a logical call starts, where each HTTP attempt ends and where the call ends; the token
 * caches report each token fetch. Observers only ever see what is listed here: a path TEMPLATE, statuses,
 * durations, PortOne's request id and the typed error. Never a path parameter value, a body or a header.
 * @internal
 */
export interface PortOneObserver {
  callStarted(call: ObservedCall): CallObservation;
  tokenFetchStarted(): TokenFetchObservation;
  /** One HTTP request of a token fetch (V1 getToken, V2 login or refreshToken): traced, not counted as a call. */
  tokenRequestStarted(request: ObservedCall): CallObservation;
}

/** One logical call, as described before it is sent. @internal */
export interface ObservedCall {
  readonly api: 'v1' | 'v2';
  /** `Service.method`, e.g. `IdentityVerificationService.send`. */
  readonly operation: string;
  readonly method: string;
  /** The path with every parameter replaced by `{id}`, e.g. `/identity-verifications/{id}/send`. */
  readonly urlTemplate: string;
}

/** How one HTTP attempt ended. @internal */
export interface AttemptResult {
  /** 0 for the first attempt. */
  readonly attempt: number;
  readonly durationMs: number;
  readonly status?: number;
  readonly requestId?: string;
  readonly error?: PortOneError;
  /** Set when another attempt follows after this wait. */
  readonly retryInMs?: number;
}

/** How the logical call ended. @internal */
export interface CallResult {
  readonly durationMs: number;
  /** Attempts made (1 when the first one settled it). */
  readonly attempts: number;
  readonly status?: number;
  readonly requestId?: string;
  readonly error?: PortOneError;
}

/** @internal */
export interface CallObservation {
  /** Runs the call in this observation's context (OpenTelemetry: its span is the active one). */
  run<T>(call: () => Promise<T>): Promise<T>;
  attemptEnded(result: AttemptResult): void;
  ended(result: CallResult): void;
}

/** @internal */
export interface TokenFetchResult {
  readonly durationMs: number;
  /** Lifetime of the issued token on the server's clock. */
  readonly lifetimeMs?: number;
  /** Set when the fetch failed: a `PortOneAuthError` in practice, any Error in theory. */
  readonly error?: Error;
}

/** @internal */
export interface TokenFetchObservation {
  run<T>(fetch: () => Promise<T>): Promise<T>;
  ended(result: TokenFetchResult): void;
}
