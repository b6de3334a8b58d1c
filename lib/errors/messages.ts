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

/** A webhook route's answer: `message` goes into the HTTP body, `log` is its one log line. */
interface WebhookAnswerText {
  readonly message: string;
  readonly log: string;
}

/** What an API generation needs in the module options, named as the user writes them. */
const API_OPTIONS = { v1: 'v1: { apiKey, apiSecret }', v2: 'v2: { apiSecret }' } as const;

/** The NestJS 11 releases of the peers whose NestJS 12 release is ESM-only, as the README's install line has them. */
const NEST11_PEER_INSTALL: Record<string, string> = {
  '@nestjs/axios': 'npm install @nestjs/axios@^4',
  '@nestjs/terminus': 'npm install @nestjs/terminus@^11',
};

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

  /** `new BullMqWebhookQueue(options)` with options that break a rule. */
  invalidWebhookQueueOptions: (problems: readonly string[]): string =>
    `Invalid BullMqWebhookQueue options: ${problems.join('; ')}`,

  /** A service of an API generation the registration did not configure was called. */
  apiNotConfigured: (operation: string, api: 'v1' | 'v2'): string =>
    `${operation} needs the ${api.toUpperCase()} API, which this PortOneModule registration does not configure: ` +
    `add options.${API_OPTIONS[api]}`,

  /** The app's copy of a peer is ESM-only (NestJS 12) and the CommonJS runtime (jest, in a NestJS 11 app) cannot load it. */
  esmPeerNotLoadable: (name: string, version: string): string =>
    `nestjs-portone could not load ${name} ${version}: that release is an ES module only (it belongs to NestJS 12), ` +
    `and this CommonJS runtime cannot require() ES modules (jest cannot; Node can from 20.19 and 22.12). ` +
    `In a NestJS 11 app install the NestJS 11 releases: ${NEST11_PEER_INSTALL[name] ?? `npm install ${name}@^11`} ` +
    `(an unversioned npm install picks ${name} 12, whose peers also allow NestJS 11). ` +
    `In a NestJS 12 app keep ${version} and test with Vitest, as nest new sets NestJS 12 apps up.`,

  /** A V2 delivery whose raw bytes the app's body parser consumed: the fix in the form of the adapter in use. */
  rawBodyConsumed: (adapter: 'express' | 'fastify'): string =>
    'the request body was parsed before nestjs-portone could read its raw bytes, so the V2 webhook signature ' +
    'cannot be checked: ' +
    (adapter === 'fastify'
      ? 'on Fastify pass rawBody: true as the third argument, NestFactory.create(AppModule, new FastifyAdapter(), ' +
        '{ rawBody: true }) (in tests: moduleRef.createNestApplication(new FastifyAdapter(), { rawBody: true }))'
      : 'create the app with NestFactory.create(AppModule, { rawBody: true }) (or app = ' +
        'moduleRef.createNestApplication({ rawBody: true }) in tests)'),

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

  // What a call's input breaks, one sentence per rule (PortOneValidationError's `messages`). They name the
  // field and the rule, never the value.
  input: {
    notAnObject: (target: string): string => `${target} must be an object`,
    unreadable: (target: string): string => `${target} holds a value that cannot be read`,
    notAString: (field: string): string => `${field} must be a string`,
    empty: (field: string): string => `${field} must not be empty`,
    tooLong: (field: string, maxLength: number): string => `${field} must be at most ${maxLength} characters`,
    controlCharacters: (field: string): string => `${field} must not contain control characters`,
    notOnePathSegment: (field: string): string => `${field} must not be "." or ".." nor contain "/" or "\\"`,
    callOptionsNotAnObject: 'call options must be an object',
    timeoutNotPositive: 'timeoutMs must be a positive integer',
    timeoutTooLong: (maxMs: number): string => `timeoutMs must not be greater than ${maxMs}`,
    signalNotAbortSignal: 'signal must be an AbortSignal',
    idempotencyKeyShape:
      'idempotencyKey must be 16 to 256 visible ASCII characters without quotes or backslashes',
    urlNotAPath: 'url must be a path starting with /',
  },

  // The DTOs' own rule sentences (class-validator's `message`), where its default would not say what to send.
  rules: {
    v1Phone: 'phone must be a Korean mobile number, e.g. 010-1234-5678 or 01012345678',
    v1Birth: 'birth must be a date of birth as YYMMDD (6 digits, separators allowed)',
    v1GenderDigit: 'genderDigit must be one of 1-8 (the first digit after the hyphen)',
    cvsExpiredAt: 'expiredAt must be in the future',
    filterBirthYear: 'birthYear must be 4 digits',
    filterBirthMonth: 'birthMonth must be 1-12',
    filterBirthDay: 'birthDay must be 1-31',
    filterPhoneNumber: 'phoneNumber must be digits only',
    v2PhoneNumber: 'customer.phoneNumber must be a mobile number in digits only, e.g. 01012345678',
    v2IdentityNumber: 'customer.identityNumber must be 7 digits: YYMMDD and the gender digit (1-8)',
    v2IpAddress: 'customer.ipAddress must be an IPv4 or IPv6 address',
    tierCode: 'tierCode must be 3 upper-case letters or digits',
  },

  // What is wrong with the module's options (PortOneConfigurationError's `problems`), one sentence each.
  options: {
    notAnObject: 'options must be an object',
    loggerShape: 'logger must be a boolean or a LoggerService',
    noApi: 'at least one of v1 or v2 must be configured',
    registrationName: 'name must be a non-empty string',
    webhookNotAnObject: 'webhook must be an object',
    reconcileShape: 'webhook.reconcile must be true or an object',
    reconcileUnknownKey: (name: string): string => `webhook.reconcile.${name} is not an option`,
    reconcileIntervalMs:
      'webhook.reconcile.intervalMs must be an integer from 10 to 2147483647 (milliseconds)',
    reconcileOverlapMs: 'webhook.reconcile.overlapMs must be an integer of at least 0 (milliseconds)',
    reconcileLookBackMs: 'webhook.reconcile.lookBackMs must be an integer from 1 to 7776000000 (90 days)',
    reconcileStoreMethods: (missing: readonly string[]): string =>
      'webhook.reconcile needs a claim store that keeps leases and cursors; webhookReceiver.claimStore lacks ' +
      missing.join(', '),
    reconcileLookBackBeyondDedupe:
      'webhook.reconcile.lookBackMs must not exceed webhookReceiver.dedupeWindowMs',
    reconcileOverlapBeyondDedupe:
      'webhook.reconcile.overlapMs must be less than webhookReceiver.dedupeWindowMs',
    reconcileNeedsV1: 'webhook.reconcile lists V1 payments: it needs v1 in the options',
    cleartextBaseUrl: (api: 'v1' | 'v2'): string =>
      `${api}.baseUrl must use https: (http: is allowed only for loopback hosts such as the emulator, ` +
      'because the API secret and access tokens would otherwise travel in cleartext)',
    receiverNotAnObject: 'webhookReceiver must be an object',
    receiverQueue: 'webhookReceiver.queue must implement enqueue, start and close',
    queueNotAnObject: 'BullMqWebhookQueue options must be an object',
    queueConnection: 'BullMqWebhookQueue connection must be ioredis options or an ioredis instance',
    queueName: (name: string): string =>
      `BullMqWebhookQueue ${name} must be 1 to 100 letters, digits, '_', '.' or '-'`,
    queuePositiveInteger: (name: string): string => `BullMqWebhookQueue ${name} must be a positive integer`,
    receiverDuration: (name: string): string =>
      `webhookReceiver.${name} must be a positive integer (milliseconds)`,
    receiverProxyHops: 'webhookReceiver.trustedProxyHops must be an integer from 0 to 10',
    receiverSourceIps: 'webhookReceiver.allowedSourceIps must be an array of IP addresses',
    receiverClaimStore: 'webhookReceiver.claimStore must implement claim, complete and release',
    webhookPath: 'webhook.path must be a non-empty URL path such as "portone/webhook"',
    webhookSecrets: 'v2.webhookSecrets: each secret must be base64, optionally prefixed with whsec_',
    /**
     * A `forRoot` / `forRootAsync` extra (`webhook`, `isGlobal`, `name`) returned by the options factory: it
     * decides how the module is registered, so Nest needs it before any factory runs.
     */
    misplacedExtra: (key: string): string =>
      `${key} belongs beside useFactory (or useClass / useExisting) in forRootAsync({ ..., ${key} }), ` +
      'not in the options the factory returns',
    /** A millisecond option past what a Node timer honours (a longer one fires after 1 ms). */
    timerTooLong: (path: string, max: number): string => `${path} must not be greater than ${max}`,
    healthNotAnObject: 'PortOneHealthModule: options must be an object',
    healthDuration: (name: string): string =>
      `PortOneHealthModule: ${name} must be a positive integer (milliseconds)`,
    unknownHealthOption: (key: string): string =>
      `PortOneHealthModule: ${key} is not a PortOneHealthModule option (check its spelling)`,
    handlerNotSingleton: (handler: string): string =>
      `${handler}: webhook handlers must be in singleton (not request-scoped) providers`,
    /** Two `@OnCvsConfirm()` handlers for the same registration (or two without one). */
    severalConfirmHandlers: (handlers: readonly string[], registration: string | undefined): string =>
      registration === undefined
        ? `only one @OnCvsConfirm() without a registration is allowed; found ${handlers.join(', ')}`
        : `only one @OnCvsConfirm() is allowed per registration; found ${handlers.join(', ')} for registration "${registration}"`,
    /** A `registration` option of `@OnPortOneWebhook` / `@OnCvsConfirm` that cannot name a registration. */
    handlerRegistration: (handler: string): string =>
      `${handler}: registration must be the non-empty name of a PortOneModule registration`,
  },

  // Queue mode (`webhookReceiver.queue`): what a job's log lines and errors say. Ids and log fields only.
  queue: {
    notConfigured: 'webhookReceiver.queue is not configured',
    jobFailed: (jobId: string, attempts: number, reason: string): string =>
      `webhook job ${jobId} failed after ${attempts} attempt(s): ${reason}`,
    queueError: (where: string, errorName: string, code: string | undefined): string =>
      `webhook queue ${where} error: ${errorName}${code !== undefined ? ` ${code}` : ''}`,
    v1NoticeNotYet: (log: string): string => `v1 notice not dispatched yet: ${log}`,
    dispatchedNothing: (key: string, log: string): string => `webhook job ${key} dispatched nothing: ${log}`,
    unknownRegistration: (registration: string): string =>
      registration === ''
        ? 'v1 notice not re-read: this app has no PortOneModule registration without a name'
        : `v1 notice not re-read: this app has no PortOneModule registration named "${registration}"`,
  },

  // Webhook reconciliation (`webhook.reconcile`): the one line each sweep logs. Counts and error class names only.
  reconciliation: {
    sweepLine: (
      outcome: string,
      counts: {
        readonly listed: number;
        readonly dispatched: number;
        readonly queued: number;
        readonly alreadyHandled: number;
        readonly inProgress: number;
        readonly failed: number;
        readonly pages: number;
      },
      durationMs: number,
      heldReason: string | undefined,
    ): string =>
      `webhook reconciliation ${outcome}: listed=${counts.listed} dispatched=${counts.dispatched} ` +
      `queued=${counts.queued} already-handled=${counts.alreadyHandled} in-progress=${counts.inProgress} ` +
      `failed=${counts.failed} pages=${counts.pages} ${durationMs}ms; ` +
      (outcome === 'complete' ? 'cursor advanced' : `cursor held: ${heldReason ?? 'unknown'}`),
    /** Why a sweep left the cursor where it was. */
    held: {
      stopped: 'the sweep was stopped',
      handlerFailed: 'a handler failed',
      inProgress: 'a payment is still being handled',
      listChanged: "PortOne's list changed during the sweep",
      leaseLost: 'the lease was lost',
      storeFailed: (errorName: string): string => `the claim store failed (${errorName})`,
      queueFailed: (errorName: string): string => `the webhook queue failed (${errorName})`,
    },
  },

  /** A webhook body past MAX_WEBHOOK_BODY_BYTES (answered 413). */
  webhookBodyTooLarge: 'webhook body too large',

  // What a webhook route answers (`message`, in the HTTP body) and the one line it logs (`log`). `what` names
  // the delivery (`v1 notice imp_uid=…`, `v2 delivery id=…`) with its values already bounded and escaped.
  webhookAnswer: {
    v1NoImpUid: {
      message: 'not a PortOne V1 notice: imp_uid is required',
      log: 'v1 notice rejected: no imp_uid',
    },
    v1MerchantUidMismatch: (impUid: string): WebhookAnswerText => ({
      message: 'merchant_uid does not match the payment',
      log: `v1 notice imp_uid=${impUid} rejected: merchant_uid mismatch`,
    }),
    v1UnknownImpUid: { message: 'no such payment', log: 'v1 notice rejected: unknown imp_uid' },
    v1InvalidImpUid: {
      message: 'imp_uid is not a valid payment id',
      log: 'v1 notice rejected: invalid imp_uid',
    },
    v1MalformedImpUid: {
      message: 'imp_uid is not a valid payment id',
      log: 'v1 notice rejected: malformed imp_uid',
    },
    v1MerchantUidTooLong: {
      message: 'merchant_uid is too long',
      log: 'v1 notice rejected: merchant_uid over 200 characters',
    },
    v1RereadFailed: (errorName: string): WebhookAnswerText => ({
      message: 'could not re-read the payment from PortOne; retry later',
      log: `v1 notice imp_uid re-read failed: ${errorName}`,
    }),
    v2VerificationFailed: (reason: string): WebhookAnswerText => ({
      message: `webhook verification failed: ${reason}`,
      log: `v2 delivery rejected: ${reason}`,
    }),
    queued: (what: string): WebhookAnswerText => ({ message: 'queued', log: `${what} queued` }),
    queueUnavailable: (what: string, errorName: string): WebhookAnswerText => ({
      message: 'webhook queue unavailable; retry later',
      log: `${what} not queued: the queue failed with ${errorName}`,
    }),
    dispatched: (what: string, handlers: number): WebhookAnswerText => ({
      message: 'dispatched',
      log: `${what} dispatched to ${handlers} handler(s)`,
    }),
    duplicate: (what: string): WebhookAnswerText => ({
      message: 'already received',
      log: `${what} duplicate: not dispatched again`,
    }),
    inProgress: (what: string): WebhookAnswerText => ({
      message: 'this delivery is being processed by an earlier attempt; retry later',
      log: `${what} not dispatched: an earlier attempt is still running it`,
    }),
    handlerFailed: (what: string, handler: string, errorName: string): WebhookAnswerText => ({
      message: 'a handler failed; the delivery will be dispatched again when retried',
      log: `${what} handler ${handler} threw ${errorName}: claim released`,
    }),
    storeUnavailable: (what: string, errorName: string): WebhookAnswerText => ({
      message: 'webhook claim store unavailable; retry later',
      log: `${what} not dispatched: claim store failed with ${errorName}`,
    }),
    cvsMalformed: {
      message: 'not a Galaxia.Cvs.Confirm request',
      log: 'cvs confirm refused: malformed request',
    },
    cvsNoHandler: (what: string): WebhookAnswerText => ({
      message: 'allowed',
      log: `${what} allowed (no @OnCvsConfirm handler)`,
    }),
    cvsAllowed: (what: string, handler: string): WebhookAnswerText => ({
      message: 'allowed',
      log: `${what} allowed by ${handler}`,
    }),
    cvsRefused: (what: string, handler: string): WebhookAnswerText => ({
      message: 'refused',
      log: `${what} refused by ${handler}`,
    }),
    cvsMissedDeadline: (what: string, handler: string, deadlineMs: number): WebhookAnswerText => ({
      message: 'refused',
      log: `${what} refused: ${handler} missed the ${deadlineMs} ms deadline`,
    }),
    cvsHandlerThrew: (what: string, handler: string, errorName: string): WebhookAnswerText => ({
      message: 'refused',
      log: `${what} refused: ${handler} threw ${errorName}`,
    }),
    sourceNotAllowed: (what: string, ip: string | undefined): WebhookAnswerText => ({
      message: 'source address not allowed',
      log: `${what} rejected: source ${ip ?? 'unknown'} not allowed`,
    }),
    /** A typed refusal (e.g. the body too large) whose message is already one of this file's. */
    refused: (what: string, message: string): WebhookAnswerText => ({
      message,
      log: `${what} failed: ${message}`,
    }),
    processingFailed: (what: string, errorName: string): WebhookAnswerText => ({
      message: 'webhook processing failed',
      log: `${what} failed: ${errorName}`,
    }),
  },

  // Why `nestjs-portone/health` reports `down` without having asked PortOne.
  health: {
    noApiConfigured: 'PortOneModule has no API configured',
    apiNotConfigured: (api: 'v1' | 'v2'): string => `${api} is not configured`,
    checkFailed: 'the PortOne health check failed unexpectedly',
    noSuchRegistration: (registration: string | undefined): string =>
      registration === undefined
        ? 'PortOneModule has no registration without a name; pass the one to check as registration'
        : `PortOneModule has no registration named "${registration}"`,
  },
};
