/**
 * Counters that work whether or not the request log is kept, so a benchmark or load run can turn the log off
 * and still check token requests and spec violations.
 */
export class EmulatorCounters {
  requests = 0;
  specViolations = 0;
  v1TokenRequests = 0;
  v2Logins = 0;
  v2Refreshes = 0;

  /** Counts one request, and the token endpoints by name. */
  count(api: string, method: string, path: string): void {
    this.requests += 1;
    if (method !== 'POST') return;
    if (api === 'v1' && path === '/users/getToken') this.v1TokenRequests += 1;
    else if (api === 'v2' && path === '/login/api-secret') this.v2Logins += 1;
    else if (api === 'v2' && path === '/token/refresh') this.v2Refreshes += 1;
  }

  clear(): void {
    this.requests = 0;
    this.specViolations = 0;
    this.v1TokenRequests = 0;
    this.v2Logins = 0;
    this.v2Refreshes = 0;
  }
}

/** A snapshot of the emulator's counters (see {@link PortOneEmulator.stats}). */
export interface EmulatorStats {
  /** Requests received since start or the last reset, logged or not. */
  readonly requests: number;
  /** Requests answered 400 because their body broke the schema derived from PortOne's spec. */
  readonly specViolations: number;
  /** Token requests: V1 `POST /users/getToken`, V2 `POST /login/api-secret` and `POST /token/refresh`. */
  readonly tokenRequests: { readonly v1: number; readonly v2Login: number; readonly v2Refresh: number };
  /** TCP connections accepted since start (not cleared by reset). */
  readonly connectionsOpened: number;
}
