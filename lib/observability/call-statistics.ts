import { performance } from 'node:perf_hooks';
import { PortOneApiError, PortOneAbortedError, type PortOneError } from '../errors';
import type {
  CallObservation,
  CallResult,
  ObservedCall,
  PortOneObserver,
  TokenFetchObservation,
  TokenFetchResult,
} from './call-observer';

/** How many recent calls are kept for the health indicator. */
const RECENT_CALLS = 20;

/** One finished call as the health indicator sees it: no ids, no paths, no messages. @internal */
export interface RecordedCall {
  /** `performance.now()` when it ended. */
  readonly endedAt: number;
  readonly durationMs: number;
  /** Whether PortOne was reachable and accepted our credentials (a 404 or a PG refusal still counts). */
  readonly reachable: boolean;
  /** Error class of a failure, e.g. `PortOneTimeoutError`. */
  readonly errorClass?: string;
  readonly status?: number;
}

/** What is known about the API's access token (token auth only). @internal */
export interface TokenKnowledge {
  readonly fetchedAt?: number;
  readonly lifetimeMs?: number;
  readonly failedAt?: number;
  readonly failureClass?: string;
}

/**
 * Remembers the last calls and token fetches of one API, so `/health` can answer from what the module
 * already knows instead of calling PortOne. Constant memory: a ring of the last 20 calls.
 * @internal
 */
export class CallStatistics implements PortOneObserver {
  private readonly recent: RecordedCall[] = [];
  private tokenState: TokenKnowledge = {};

  constructor(
    /** Whether this API authenticates with fetched access tokens (V1, V2 `auth: 'token'`). */
    readonly usesTokens: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {}

  callStarted(_call: ObservedCall): CallObservation {
    return {
      run: call => call(),
      attemptEnded: () => undefined,
      ended: result => this.record(result),
    };
  }

  /** Token requests are known through their token fetch (`tokenFetchStarted`); they are not calls. */
  tokenRequestStarted(_request: ObservedCall): CallObservation {
    return { run: request => request(), attemptEnded: () => undefined, ended: () => undefined };
  }

  tokenFetchStarted(): TokenFetchObservation {
    return {
      run: fetch => fetch(),
      ended: result => this.recordToken(result),
    };
  }

  /** The recorded calls, oldest first. */
  calls(): readonly RecordedCall[] {
    return this.recent;
  }

  token(): TokenKnowledge {
    return this.tokenState;
  }

  private record(result: CallResult): void {
    // An abort is the caller's decision and says nothing about PortOne.
    if (result.error instanceof PortOneAbortedError) return;
    this.recent.push({
      endedAt: this.now(),
      durationMs: result.durationMs,
      reachable: isReachable(result.error),
      errorClass: result.error?.name,
      status: result.status ?? (result.error as { status?: number } | undefined)?.status,
    });
    if (this.recent.length > RECENT_CALLS) this.recent.shift();
  }

  private recordToken(result: TokenFetchResult): void {
    this.tokenState = result.error
      ? { ...this.tokenState, failedAt: this.now(), failureClass: result.error.name }
      : { fetchedAt: this.now(), lifetimeMs: result.lifetimeMs };
  }
}

/**
 * PortOne answered as PortOne, with our credentials accepted: any success, and any API error that is about
 * the request rather than the service (not found, wrong state, a PG refusal). 401/403, 5xx, 429, network
 * failures, timeouts and token failures mean the integration is not working right now.
 */
function isReachable(error: PortOneError | undefined): boolean {
  if (!error) return true;
  if (!(error instanceof PortOneApiError)) return false;
  return error.status < 500 && error.status !== 401 && error.status !== 403 && error.status !== 429;
}
