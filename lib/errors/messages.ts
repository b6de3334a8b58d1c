import type { PortOneRequestSummary } from './portone.error';
import type { PortOneValidationIssue } from './portone-validation.error';

// Every sentence this module puts in an error or a log line, in one place. Messages are built from method,
// path, status, field names and rules, and PortOne's own text after scrubbing: never from request values.

/** `POST /identity-verifications/x/send`, or `PortOne call` when no request was being made. */
function where(request: PortOneRequestSummary | undefined): string {
  return request ? `${request.method} ${request.path}` : 'PortOne call';
}

function withPortOneText(sentence: string, portOneMessage: string | undefined): string {
  return portOneMessage ? `${sentence}: ${portOneMessage}` : sentence;
}

/** What an API generation needs in the module options, named as the user writes them. */
const API_OPTIONS = { v1: 'v1: { apiKey, apiSecret }', v2: 'v2: { apiSecret }' } as const;

/** @internal */
export const messages = {
  apiError: (
    request: PortOneRequestSummary | undefined,
    status: number,
    what: string,
    portOneMessage: string | undefined,
  ): string => withPortOneText(`${where(request)} failed with HTTP ${status} (${what})`, portOneMessage),

  /** A 401 to an API call. `afterRefresh`: the token was refreshed and the replay was refused too. */
  unauthorized: (
    request: PortOneRequestSummary,
    afterRefresh: boolean,
    portOneMessage: string | undefined,
  ): string =>
    withPortOneText(
      afterRefresh
        ? `${where(request)} was refused with 401 after a token refresh`
        : `${where(request)} was refused with 401: PortOne did not accept the API secret`,
      portOneMessage,
    ),

  /** A 401 to a token request: PortOne refused `credential` (e.g. `the API key or secret`). */
  tokenRefused: (request: PortOneRequestSummary, credential: string): string =>
    `PortOne ${request.api.toUpperCase()} refused ${credential} (${request.path} answered 401)`,

  tokenUnavailable: (request: PortOneRequestSummary, cause: string): string =>
    `Could not obtain a PortOne ${request.api.toUpperCase()} access token: ${request.path} failed with ${cause}`,

  tokenMissing: (request: PortOneRequestSummary): string =>
    `PortOne ${request.api.toUpperCase()} ${request.path} answered without a usable access token`,

  timeout: (request: PortOneRequestSummary | undefined, timeoutMs: number): string =>
    `${where(request)} timed out after ${timeoutMs} ms`,

  aborted: (request: PortOneRequestSummary | undefined): string =>
    `${where(request)} was aborted by the caller`,

  connection: (request: PortOneRequestSummary, errorCode: string | undefined): string =>
    `${where(request)} failed: connection error (${errorCode || 'unknown'})`,

  /** A non-2xx answer whose body is not PortOne's error JSON (an HTML page from a proxy, an empty body). */
  notPortOneJson: (request: PortOneRequestSummary, status: number): string =>
    `${where(request)} failed: HTTP ${status} with a body that is not PortOne's JSON`,

  /** An answer past `maxResponseBytes`: reading stopped there and the connection was closed. */
  responseTooLarge: (
    request: PortOneRequestSummary,
    bound: { readonly limitBytes: number; readonly measured: 'received' | 'decompressed' },
  ): string =>
    `${where(request)} failed: the ${bound.measured === 'decompressed' ? 'decompressed answer' : 'answer'} ` +
    `is larger than maxResponseBytes (${bound.limitBytes} bytes)`,

  /** A 2xx answer that is not what the API generation always sends. */
  invalidSuccess: (request: PortOneRequestSummary, status: number): string =>
    request.api === 'v1'
      ? `${where(request)} answered HTTP ${status} without the V1 envelope`
      : `${where(request)} answered HTTP ${status} with a body that is not JSON`,

  /** A 2xx answer of the API generation's form whose content is not what the operation's type promises. */
  unexpectedAnswer: (request: PortOneRequestSummary | undefined, what: string): string =>
    `${where(request)}: PortOne answered something unexpected (${what})`,

  /** Shutdown: the call was refused before anything was sent. */
  shutdownNotSent: (request: PortOneRequestSummary | undefined): string =>
    `${where(request)} was not sent: the app is shutting down`,

  /** Shutdown: the call was still on the wire when the grace period ran out. */
  shutdownCutOff: (request: PortOneRequestSummary | undefined): string =>
    `${where(request)} was cut off by the app's shutdown after the grace period; PortOne may have processed it`,

  invalidInput: (target: string, issues: readonly PortOneValidationIssue[]): string =>
    `Invalid ${target}: ${issues
      .map(issue => `${issue.field} (${issue.rules.join(', ')}): ${issue.messages.join('; ')}`)
      .join(' | ')}`,

  invalidOptions: (problems: readonly string[]): string =>
    `Invalid PortOneModule options: ${problems.join('; ')}`,

  /** A service of an API generation the registration did not configure was called. */
  apiNotConfigured: (operation: string, api: 'v1' | 'v2'): string =>
    `${operation} needs the ${api.toUpperCase()} API, which this PortOneModule registration does not configure: ` +
    `add options.${API_OPTIONS[api]}`,

  unknownOption: (path: string): string => `${path} is not a PortOneModule option (check its spelling)`,

  /** One log line per attempt. */
  attemptSucceeded: (
    request: PortOneRequestSummary,
    status: number,
    elapsedMs: number,
    attempt: number,
    requestId: string | undefined,
  ): string =>
    `${request.method} ${request.api} ${request.path} ${status} ${elapsedMs}ms` +
    `${attempt > 0 ? ` attempt=${attempt + 1}` : ''}${requestId ? ` requestId=${requestId}` : ''}`,

  attemptFailed: (
    request: PortOneRequestSummary,
    error: { name: string; message: string; requestId?: string },
    elapsedMs: number,
    attempt: number,
    retryInMs: number | undefined,
  ): string =>
    `${request.method} ${request.api} ${request.path} failed after ${elapsedMs}ms: ${error.name}: ${error.message}` +
    `${attempt > 0 ? ` attempt=${attempt + 1}` : ''}${error.requestId ? ` requestId=${error.requestId}` : ''}` +
    `${retryInMs !== undefined ? ` retrying in ${retryInMs}ms` : ''}`,
};
