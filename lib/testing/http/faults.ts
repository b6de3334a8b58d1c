/**
 * A scripted failure. Faults are checked, in the order they were injected, before authentication and
 * validation; the first one that matches a request consumes one of its `times`.
 *
 * - `status`: answer with this status (after `delayMs`) instead of processing the request. The body is `body`,
 *   or the API's normal error body when `body` is omitted. Nothing else happens: no side effect, and an
 *   `Idempotency-Key` on the request is not recorded (this simulates an infrastructure failure, so a retry is
 *   processed normally).
 * - `dropConnection`: destroy the socket without answering (after `delayMs`); the client sees a connection
 *   reset.
 * - `delayMs` alone: process the request normally (side effects happen at once), then wait before writing the
 *   response, exactly like a slow server.
 * - `headers` are added to whatever response is sent (e.g. `Retry-After`).
 */
export interface EmulatorFault {
  /** Restrict to one API. Omitted: both. */
  api?: 'v1' | 'v2';
  /** Restrict to one HTTP method (case-insensitive). Omitted: any. */
  method?: string;
  /** API-relative path without the query string (`/users/getToken`, `/certifications/imp_123`), or a RegExp tested against it. */
  path: string | RegExp;
  /** HTTP status to answer with. */
  status?: number;
  /** Response body: a string is sent as-is (HTML, malformed JSON...), anything else is JSON-encoded. */
  body?: unknown;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** Wait this long before answering (or before dropping the connection). */
  delayMs?: number;
  /** How many matching requests this fault affects. Default 1; `Infinity` is allowed. */
  times?: number;
  /** Destroy the socket without answering. */
  dropConnection?: boolean;
}

interface ActiveFault {
  readonly fault: EmulatorFault;
  remaining: number;
}

/** The ordered list of injected faults. */
export class FaultRegistry {
  private faults: ActiveFault[] = [];

  /** Adds a fault after validating it, so a typo fails the test that wrote it rather than silently never matching. */
  inject(fault: EmulatorFault): void {
    const times = fault.times ?? 1;
    if (!(times > 0) || (Number.isFinite(times) && !Number.isInteger(times))) {
      throw new RangeError('fault.times must be a positive integer or Infinity');
    }
    if (
      fault.status !== undefined &&
      (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599)
    ) {
      throw new RangeError('fault.status must be an HTTP status code (100-599)');
    }
    if (fault.delayMs !== undefined && !(fault.delayMs >= 0)) {
      throw new RangeError('fault.delayMs must be >= 0');
    }
    this.faults.push({ fault: { ...fault, method: fault.method?.toUpperCase() }, remaining: times });
  }

  /** Removes every fault. */
  clear(): void {
    this.faults = [];
  }

  /** True when no fault is waiting: lets the hot path skip matching entirely. */
  get isEmpty(): boolean {
    return this.faults.length === 0;
  }

  /** Finds the first fault matching the request and consumes one use of it. */
  take(api: 'v1' | 'v2', method: string, path: string): EmulatorFault | undefined {
    for (let i = 0; i < this.faults.length; i++) {
      const active = this.faults[i];
      if (!matches(active.fault, api, method, path)) continue;
      active.remaining -= 1;
      if (active.remaining <= 0) this.faults.splice(i, 1);
      return active.fault;
    }
    return undefined;
  }
}

function matches(fault: EmulatorFault, api: 'v1' | 'v2', method: string, path: string): boolean {
  if (fault.api !== undefined && fault.api !== api) return false;
  if (fault.method !== undefined && fault.method !== method) return false;
  if (typeof fault.path === 'string') return fault.path === path;
  // A /g or /y RegExp keeps state between test() calls; reset it so matching is repeatable.
  fault.path.lastIndex = 0;
  return fault.path.test(path);
}

/** Content-Type for a fault body given as a string: HTML when it looks like markup, plain text otherwise. */
export function contentTypeForRawBody(body: string): string {
  return body.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
}
