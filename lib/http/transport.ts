import { performance } from 'node:perf_hooks';
import type { LoggerService } from '@nestjs/common';
import type { AxiosInstance } from 'axios';
import { PortOneAbortedError, type PortOneError, type PortOneRequestSummary } from '../errors';
import type { HeldSecrets } from '../redaction';
import type { ResolvedRetryPolicy } from '../options/resolve-options';
import type { ApiDialect, DialectContext } from './api-dialect.interface';
import type { PortOneCallOptions } from './call-options.interface';
import type { PortOneRequestConfig, PortOneRequestContext } from './request-context';
import { backoffDelay, sleep } from './retry-policy';
import { readRequestId, toPortOneError } from './to-portone-error';
import { validateCallOptions } from '../validation/validate-call-options';
import type { AttemptResult, PortOneObserver } from '../observability/call-observer';
import { EncodedPath } from './encode-path';

/** One logical call; retries and auth replays happen underneath. @internal */
export interface TransportRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Relative to the base URL, with every parameter already URL-encoded (`encodePath` keeps the template). */
  readonly path: string | EncodedPath;
  /** `Service.method`, for telemetry. */
  readonly operation?: string;
  readonly params?: Readonly<Record<string, string | undefined>>;
  readonly data?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Whether repeating the call cannot do anything twice (GET, or a POST with an Idempotency-Key). */
  readonly retrySafe: boolean;
  /** Request values that must never appear in an error (scrubbed from PortOne's messages). */
  readonly sensitiveValues?: readonly string[];
  readonly options?: PortOneCallOptions;
}

/** @internal */
export interface TransportSettings {
  readonly timeoutMs: number;
  readonly retry: ResolvedRetryPolicy;
  readonly logger?: LoggerService;
  /** The credentials the client holds: scrubbed by value from whatever PortOne writes back. */
  readonly secrets?: HeldSecrets;
  /** Told where each call starts, each attempt ends and the call ends (health statistics, telemetry). */
  readonly observer?: PortOneObserver;
}

/**
 * Sends calls to one PortOne API over the module's own axios instance: per-call timeout and abort, retries
 * with full-jitter backoff for failures that are transient AND safe to repeat, `Retry-After`, one typed
 * error per failure, and a log line per attempt (method, path, status, duration, request id; never bodies).
 * @internal
 */
export class PortOneTransport {
  constructor(
    private readonly axios: AxiosInstance,
    private readonly dialect: ApiDialect,
    private readonly settings: TransportSettings,
  ) {}

  async request<T>(request: TransportRequest): Promise<T> {
    validateCallOptions(request.options);
    const path = String(request.path);
    const observation = this.settings.observer?.callStarted({
      api: this.dialect.api,
      operation: request.operation ?? `${request.method} ${templateOf(request.path)}`,
      method: request.method,
      urlTemplate: templateOf(request.path),
    });
    if (!observation) return this.send<T>(request, path);

    const startedAt = performance.now();
    let last: AttemptResult | undefined;
    const onAttempt = (result: AttemptResult): void => {
      last = result;
      observation.attemptEnded(result);
    };
    const end = (error?: PortOneError): void =>
      observation.ended({
        durationMs: performance.now() - startedAt,
        attempts: last ? last.attempt + 1 : 0,
        status: last?.status,
        requestId: last?.requestId,
        error,
      });
    return observation.run(async () => {
      try {
        const result = await this.send<T>(request, path, onAttempt);
        end();
        return result;
      } catch (error) {
        end(error as PortOneError);
        throw error;
      }
    });
  }

  private async send<T>(
    request: TransportRequest,
    path: string,
    onAttempt?: (result: AttemptResult) => void,
  ): Promise<T> {
    const summary: PortOneRequestSummary = {
      api: this.dialect.api,
      method: request.method,
      path,
    };
    // An already aborted call must not even fetch a token.
    if (request.options?.signal?.aborted) throw new PortOneAbortedError({ request: summary });
    const timeoutMs = request.options?.timeoutMs ?? this.settings.timeoutMs;
    const signal = request.options?.signal;
    // Read when an answer is described, not when the call starts: a token issued during the call counts.
    const context = (): Omit<DialectContext, 'requestId'> => ({
      summary,
      retrySafe: request.retrySafe,
      sensitiveValues: [...(request.sensitiveValues ?? []), ...(this.settings.secrets?.values() ?? [])],
    });

    for (let attempt = 0; ; attempt++) {
      const startedAt = performance.now();
      const portone: PortOneRequestContext = { summary };
      try {
        const response = await this.axios.request<unknown>({
          method: request.method,
          url: path,
          params: request.params,
          data: request.data,
          headers: request.headers,
          timeout: timeoutMs,
          signal,
          portone,
        } as PortOneRequestConfig);
        const requestId = readRequestId(response.headers);
        const result = this.dialect.readSuccess(response, { ...context(), requestId }) as T;
        this.logSuccess(summary, response.status, startedAt, attempt, requestId);
        onAttempt?.({
          attempt,
          durationMs: performance.now() - startedAt,
          status: response.status,
          requestId,
        });
        return result;
      } catch (thrown) {
        const { error, retryAfterMs } = toPortOneError(thrown, this.dialect, context(), timeoutMs);
        const delay = this.retryDelay(error, attempt, retryAfterMs, signal);
        this.logFailure(summary, error, startedAt, attempt, delay);
        onAttempt?.({
          attempt,
          durationMs: performance.now() - startedAt,
          status: (error as { status?: number }).status,
          requestId: error.requestId,
          error,
          retryInMs: delay,
        });
        if (delay === undefined) throw error;
        await sleep(delay, signal).catch(() => {
          throw new PortOneAbortedError({ request: summary });
        });
      }
    }
  }

  /** Milliseconds to wait before the next attempt, or undefined to give up. */
  private retryDelay(
    error: PortOneError,
    attempt: number,
    retryAfterMs: number | undefined,
    signal: AbortSignal | undefined,
  ): number | undefined {
    const policy = this.settings.retry;
    if (!error.retryable || attempt >= policy.maxRetries || signal?.aborted) return undefined;
    if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxDelayMs ? retryAfterMs : undefined;
    return backoffDelay(policy, attempt);
  }

  private logSuccess(
    summary: PortOneRequestSummary,
    status: number,
    startedAt: number,
    attempt: number,
    requestId: string | undefined,
  ): void {
    this.settings.logger?.log(
      `${summary.method} ${summary.api} ${summary.path} ${status} ${elapsed(startedAt)}ms` +
        `${attempt > 0 ? ` attempt=${attempt + 1}` : ''}${requestId ? ` requestId=${requestId}` : ''}`,
    );
  }

  private logFailure(
    summary: PortOneRequestSummary,
    error: PortOneError,
    startedAt: number,
    attempt: number,
    retryInMs: number | undefined,
  ): void {
    // error.message is built from field names and scrubbed PortOne text: safe to log.
    this.settings.logger?.warn(
      `${summary.method} ${summary.api} ${summary.path} failed after ${elapsed(startedAt)}ms: ${error.name}: ${error.message}` +
        `${attempt > 0 ? ` attempt=${attempt + 1}` : ''}${error.requestId ? ` requestId=${error.requestId}` : ''}` +
        `${retryInMs !== undefined ? ` retrying in ${retryInMs}ms` : ''}`,
    );
  }
}

/** The path with its parameters as `{id}`: what telemetry may record. */
function templateOf(path: string | EncodedPath): string {
  return path instanceof EncodedPath ? path.template : path;
}

function elapsed(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}
