import { performance } from 'node:perf_hooks';
import type { LoggerService } from '@nestjs/common';
import type { AxiosResponse } from 'axios';
import {
  PortOneAbortedError,
  PortOneError,
  PortOneShutdownError,
  type PortOneRequestSummary,
} from '../errors';
import type { AttemptResult, PortOneObserver } from '../observability/call-observer';
import type { ResolvedRetryPolicy } from '../options/resolve-options';
import type { HeldSecrets } from '../redaction';
import type { AttemptContext, PortOneAxiosConfig } from './attempt-context';
import { registerAuthInterceptors, type AuthStrategy } from './authentication';
import { createAxiosInstance, type AxiosInstanceSettings, type OwnedAxiosInstance } from './axios-instance';
import { NO_RETRY, UNVERIFIED_PATH, type PortOneCallOptions } from './call-options';
import { logAttempt, observeCall } from './call-observation';
import { describeThrown, readRequestId, toPortOneError, type FailureContext } from './error-map';
import { readAnswer, type Protocol } from './protocols';
import { RequestSlots } from './request-slots';
import { ShutdownDrain } from './shutdown-drain';
import { backoffDelay, sleep } from './retry-rule';
import { validateCallOptions } from './validate-call-options';

/** One logical call; retries and auth replays happen underneath. @internal */
export interface TransportRequest {
  /** What is being called: `IdentityVerificationService.send`, `HttpService`, `getToken`, … */
  readonly operation: string;
  readonly method: string;
  /** Relative to the base URL, with every parameter already URL-encoded. */
  readonly path: string;
  /** The path with its parameters as `{id}`, never their values: what telemetry records. */
  readonly urlTemplate: string;
  readonly params?: Readonly<Record<string, string | undefined>>;
  readonly data?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Whether repeating the call cannot do anything twice (GET, a POST with an Idempotency-Key, a token request). */
  readonly retrySafe: boolean;
  /** Request values that must never appear in an error (scrubbed from PortOne's messages). */
  readonly sensitiveValues?: readonly string[];
  readonly options?: PortOneCallOptions;
  /**
   * Set on token requests only: what PortOne refuses when it answers 401 (`the API key or secret`). They are
   * sent without the auth interceptors, fail as `PortOneAuthError`, are not retried here (the call they fetch
   * a token for retries) and are reported to observers as token fetches, not as calls.
   */
  readonly tokenCredential?: string;
  /**
   * Checks that the payload has the shape the operation's return type promises and builds its model.
   * Whatever it throws becomes a typed error saying PortOne answered something unexpected: a raw TypeError
   * or RangeError (a hostile, deeply nested body) never escapes.
   */
  readonly map?: (payload: unknown) => unknown;
}

/** What a successful call returns: the raw answer and its payload (the V1 envelope's `response`). @internal */
export interface TransportResult {
  readonly response: AxiosResponse<unknown>;
  readonly payload: unknown;
}

/** @internal */
export interface TransportSettings {
  readonly timeoutMs: number;
  readonly retry: ResolvedRetryPolicy;
  /** undefined: quiet. One line per attempt (`messages.attemptSucceeded` / `attemptFailed`). */
  readonly logger?: LoggerService;
  /** The credentials the client holds: scrubbed by value from whatever PortOne writes back. */
  readonly secrets?: HeldSecrets;
  /** Told where each call starts, each attempt ends and the call ends (health statistics, telemetry). */
  readonly observer?: PortOneObserver;
  /** Most calls on the wire at once (`maxSockets`); see RequestSlots. Token requests do not count. */
  readonly concurrency: number;
  /** How long `close()` waits for the calls on the wire (`shutdownGraceMs`). */
  readonly shutdownGraceMs: number;
}

type AttemptOutcome =
  | (TransportResult & { readonly error?: undefined; readonly requestId?: string })
  | { readonly error: PortOneError; readonly status?: number; readonly retryAfterMs?: number };

/**
 * Sends calls to ONE PortOne API generation over the module's own axios instance. A call reads top to
 * bottom through `exchange` (the call: observed once, `call-observation.ts`), `attempts` (the retry loop)
 * and `attempt` (one try):
 *
 *   validate call options -> serialise -> authenticate -> send -> read the answer -> error map -> retry rule
 *
 * Authentication is the pair of axios interceptors registered in `authenticate()`, once per instance
 * (`authentication.ts`). Token requests come through here too (`tokenCredential`), so they get the same
 * timeouts, logging, answer check and error map. Shutdown is `shutdown-drain.ts`.
 * @internal
 */
export class PortOneTransport {
  private readonly slots: RequestSlots;
  private readonly shutdown: ShutdownDrain;

  /** The module's own axios instance: sends through undici keep-alive pools, bounded in time and size. */
  private readonly http: OwnedAxiosInstance;

  constructor(
    wire: AxiosInstanceSettings,
    readonly protocol: Protocol,
    private readonly settings: TransportSettings,
  ) {
    this.http = createAxiosInstance(wire);
    this.slots = new RequestSlots(settings.concurrency);
    this.shutdown = new ShutdownDrain(this.slots, settings.shutdownGraceMs);
  }

  /**
   * Registers the auth interceptors on this transport's axios instance (`authentication.ts`: auth headers on
   * every request, and a 401 refreshed and replayed once). Called once, when the API is built, because the
   * token requests themselves go through this transport.
   */
  authenticate(strategy: AuthStrategy): void {
    registerAuthInterceptors(this.http.axios, strategy);
  }

  /** Sends one call and resolves to its payload. */
  async request(request: TransportRequest): Promise<unknown> {
    return (await this.exchange(request)).payload;
  }

  /** Sends one call: every attempt, every retry, one typed error at the end. */
  async exchange(request: TransportRequest): Promise<TransportResult> {
    validateCallOptions(request.options);
    const call = {
      api: this.protocol.api,
      operation: request.operation,
      method: request.method,
      urlTemplate: request.urlTemplate,
    };
    const isTokenRequest = request.tokenCredential !== undefined;
    return observeCall(this.settings.observer, call, isTokenRequest, attemptEnded =>
      this.attempts(request, attemptEnded),
    );
  }

  /** The retry loop: attempts until one succeeds or the retry rule gives up. */
  private async attempts(
    request: TransportRequest,
    attemptEnded?: (attempt: AttemptResult) => void,
  ): Promise<TransportResult> {
    const unverified = (request.options as { [UNVERIFIED_PATH]?: true } | undefined)?.[UNVERIFIED_PATH];
    const summary: PortOneRequestSummary = {
      api: this.protocol.api,
      method: request.method,
      path: unverified ? request.urlTemplate : request.path,
    };
    const signal = request.options?.signal;
    const notSent = (): PortOneShutdownError => new PortOneShutdownError({ request: summary, sent: false });
    if (this.shutdown.started) throw notSent();
    // An already aborted call must not even fetch a token.
    if (signal?.aborted) throw new PortOneAbortedError({ request: summary });
    // A retry's wait ends early when the caller aborts or the app shuts down.
    const wake = signal ? AbortSignal.any([signal, this.shutdown.signal]) : this.shutdown.signal;
    const context: FailureContext = {
      request: summary,
      retrySafe: request.retrySafe,
      sensitiveValues: request.sensitiveValues ?? [],
      timeoutMs: request.options?.timeoutMs ?? this.settings.timeoutMs,
      tokenCredential: request.tokenCredential,
    };

    for (let attempt = 0; ; attempt++) {
      const startedAt = performance.now();
      const outcome = await this.attempt(request, context, notSent);
      const retryInMs =
        outcome.error && this.retryDelay(request, outcome.error, attempt, outcome.retryAfterMs);
      const result: AttemptResult = {
        attempt,
        durationMs: performance.now() - startedAt,
        status: outcome.error ? outcome.status : outcome.response.status,
        requestId: outcome.error ? outcome.error.requestId : outcome.requestId,
        error: outcome.error,
        retryInMs,
      };
      logAttempt(this.settings.logger, summary, result);
      attemptEnded?.(result);
      if (!outcome.error) return outcome;
      if (retryInMs === undefined) throw outcome.error;
      await sleep(retryInMs, wake).catch(() => {
        // Shutting down: the retry is not sent. Like every call waiting for a slot or a token, it is refused
        // unsent (the attempts before it failed retryably, so another instance may make the call again).
        throw this.shutdown.started ? notSent() : new PortOneAbortedError({ request: summary });
      });
    }
  }

  /**
   * One HTTP attempt, never throwing: its payload, or its failure already mapped to a PortOneError.
   *
   * A call first takes a slot (RequestSlots), and only then gets its token and a socket, so the token it
   * carries cannot expire while the request waits in the socket pool. Token requests take no slot: the calls
   * waiting for the token hold theirs.
   */
  private async attempt(
    request: TransportRequest,
    context: FailureContext,
    notSent: () => PortOneShutdownError,
  ): Promise<AttemptOutcome> {
    const isTokenRequest = request.tokenCredential !== undefined;
    let release = (): void => undefined;
    if (!isTokenRequest) {
      try {
        release = await this.slots.acquire(request.options?.signal);
      } catch (reason) {
        return {
          error:
            reason instanceof PortOneShutdownError
              ? notSent()
              : new PortOneAbortedError({ request: context.request }),
        };
      }
    }
    try {
      return await this.send(request, context, notSent);
    } finally {
      release();
    }
  }

  private async send(
    request: TransportRequest,
    context: FailureContext,
    notSent: () => PortOneShutdownError,
  ): Promise<AttemptOutcome> {
    const portone: AttemptContext = {
      skipAuth: request.tokenCredential !== undefined,
      // Checked before the token is fetched and again right before sending: once shutdown has started, an
      // attempt that is not on the wire yet sends nothing, token requests included.
      beforeSend: () => {
        if (this.shutdown.started) throw notSent();
      },
    };
    let response: AxiosResponse<unknown>;
    try {
      // What runs around this call, in order: axios serialises (`data` as JSON, `params` encoded); the auth
      // interceptors from authenticate() set the auth headers; the undici adapter of the constructor's
      // createAxiosInstance sends it; after a 401 the auth interceptor refreshes and replays it once.
      response = await this.http.axios.request<unknown>({
        method: request.method,
        url: request.path,
        params: request.params,
        data: request.data,
        headers: request.headers,
        timeout: context.timeoutMs,
        signal: request.options?.signal,
        portone,
      } as PortOneAxiosConfig);
    } catch (thrown) {
      // Still on the wire when the grace period ran out: PortOne may have done it, and only we know why it failed.
      if (this.shutdown.cutOff)
        return { error: new PortOneShutdownError({ request: context.request, sent: true }) };
      // A failed token request, thrown by the auth interceptor, is already typed.
      if (thrown instanceof PortOneError) return { error: thrown };
      const described = describeThrown(thrown, this.protocol);
      const error = toPortOneError(described.failure, this.atFailure(context, described.requestId));
      const status = described.failure.kind === 'answer' ? described.failure.status : undefined;
      return { error, status, retryAfterMs: described.retryAfterMs };
    }
    const requestId = readRequestId(response.headers);
    const answer = readAnswer(this.protocol, response.status, response.data, request.map);
    if ('payload' in answer) return { response, payload: answer.payload, requestId };
    const error = toPortOneError(answer.failure, this.atFailure(context, requestId));
    return { error, status: response.status };
  }

  /** The context as the failure is described: the held secrets are read now, so a token issued during the call counts. */
  private atFailure(context: FailureContext, requestId: string | undefined): FailureContext {
    const secrets = this.settings.secrets?.values() ?? [];
    return { ...context, requestId, sensitiveValues: [...context.sensitiveValues, ...secrets] };
  }

  /** The retry rule's verdict applied: milliseconds to wait before the next attempt, or undefined to give up. */
  private retryDelay(
    request: TransportRequest,
    error: PortOneError,
    attempt: number,
    retryAfterMs: number | undefined,
  ): number | undefined {
    const policy = this.settings.retry;
    if (!error.retryable || request.tokenCredential !== undefined) return undefined;
    if ((request.options as { [NO_RETRY]?: true } | undefined)?.[NO_RETRY]) return undefined;
    if (attempt >= policy.maxRetries || request.options?.signal?.aborted) return undefined;
    if (this.shutdown.started) return undefined;
    if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxDelayMs ? retryAfterMs : undefined;
    return backoffDelay(policy, attempt);
  }

  /**
   * Shutdown, step 1: stops accepting calls. Calls not yet sent (waiting for a slot, a token or a retry) are
   * refused with `PortOneShutdownError` (`sent: false`) and nothing more goes out, token requests included.
   * Resolves when the calls on the wire have finished, or after `shutdownGraceMs`.
   */
  close(): Promise<void> {
    return this.shutdown.close();
  }

  /** Shutdown, step 2: closes the keep-alive socket pool; whatever is still on the wire is cut off. */
  destroy(): Promise<void> {
    return this.http.destroy();
  }
}
