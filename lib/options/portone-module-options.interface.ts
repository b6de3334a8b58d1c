import type { LoggerService } from '@nestjs/common';
import type { PortOneWebhookReceiverOptions } from '../webhooks/options/webhook-receiver-options.interface';

/** Credentials and endpoint of PortOne's V1 API (api.iamport.kr). */
export interface PortOneV1Options {
  /** V1 REST API key (`imp_key`), from the console: 결제 연동 > 식별코드・API Keys > V1 API. */
  apiKey: string;
  /** V1 REST API secret (`imp_secret`). */
  apiSecret: string;
  /**
   * Base URL of the V1 API. Point it at the emulator in tests.
   * @default 'https://api.iamport.kr'
   */
  baseUrl?: string;
  /**
   * Sub-store (하위 상점) tier code: 3 upper-case letters or digits, sent as the `Tier` header on every call.
   * The key and secret must then be the agency account's.
   */
  tierCode?: string;
  /**
   * Whether payment lookups (`CvsService.get` / `findByMerchantUid`, and the re-read of every webhook notice)
   * also find payments made through a test channel. PortOne's `include_sandbox` defaults to false, which makes
   * every test-mode payment "not found"; the module defaults to true so test mode works out of the box.
   *
   * In production set it to `false` (or check `payment.sandbox`): a test channel takes no money, and anyone who
   * knows your test channel key could otherwise pay one of your orders with it.
   * @default true
   */
  includeSandbox?: boolean;
}

/** Credentials and endpoint of PortOne's V2 API (api.portone.io). */
export interface PortOneV2Options {
  /** V2 API secret, from the console. */
  apiSecret: string;
  /** Store id used when a call does not give one. Needed for sub-stores. */
  storeId?: string;
  /**
   * Base URL of the V2 API. Point it at the emulator in tests.
   * @default 'https://api.portone.io'
   */
  baseUrl?: string;
  /**
   * `secret` sends `Authorization: PortOne <apiSecret>` on every call (what PortOne's own SDKs do).
   * `token` logs in with the secret (`POST /login/api-secret`) and sends short-lived bearer tokens, refreshed
   * ahead of expiry, so the secret crosses the network once per day instead of on every call.
   * @default 'secret'
   */
  auth?: 'secret' | 'token';
  /**
   * Secrets that V2 webhook deliveries are verified with (`whsec_…`, from the console), when the module
   * receives webhooks (`webhook` in `forRoot` / `forRootAsync`). Up to two, so that a secret can be rotated
   * without downtime: a delivery is accepted when it is signed with either.
   */
  webhookSecrets?: string[];
}

/** When and how often failed calls are retried. Only calls that are safe to repeat are ever retried. */
export interface PortOneRetryOptions {
  /**
   * Retries after the first attempt.
   * @default 2
   */
  maxRetries?: number;
  /**
   * Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^n)] ("full jitter").
   * @default 200
   */
  baseDelayMs?: number;
  /**
   * Longest wait between attempts, at most 2^31 - 1 (Node's timer limit). A `Retry-After` longer than this
   * is not waited for: the error is thrown.
   * @default 5000
   */
  maxDelayMs?: number;
}

/** Options of `PortOneModule.forRoot` / the factory of `forRootAsync`. */
export interface PortOneModuleOptions {
  /** V1 API: needed by `CertificationService` and `CvsService`. */
  v1?: PortOneV1Options;
  /** V2 API: needed by `IdentityVerificationService`. */
  v2?: PortOneV2Options;
  /**
   * Timeout of one HTTP attempt, in milliseconds. Each call can override it.
   * PortOne asks for read timeouts of at least 60 s: identity verification waits on carriers and PGs, and a
   * request that the client abandons is not cancelled on PortOne's side. At most 2^31 - 1 (Node's timer
   * limit; a longer timer would fire at once).
   * @default 60000
   */
  timeoutMs?: number;
  /**
   * Retry policy, or `false` to never retry.
   * @default { maxRetries: 2, baseDelayMs: 200, maxDelayMs: 5000 }
   */
  retry?: PortOneRetryOptions | false;
  /**
   * Where the module logs each call (method, path, status, duration, PortOne request id; never bodies).
   * `true` uses Nest's `Logger` with the context `PortOne`; a `LoggerService` is used as given.
   * @default false (quiet)
   */
  logger?: boolean | LoggerService;
  /**
   * Most calls on the wire at once to each API host, 1 to 10,000: the keep-alive pool has this many
   * sockets, plus one kept for token requests. Further calls wait their turn inside the module and get
   * their access token only when their turn comes, so a token never expires while its request waits.
   * @default 50
   */
  maxSockets?: number;
  /**
   * Largest answer the module reads, in bytes, counted both as received and after decompression. A larger
   * answer (or a compression bomb) fails the call with `PortOneResponseTooLargeError` and its connection is
   * closed. PortOne's answers are a few kilobytes; a 1,000-item list page is about 1-2 MB.
   * @default 8388608 (8 MiB)
   */
  maxResponseBytes?: number;
  /**
   * How long the app's shutdown (`app.close()`) waits for calls already on the wire, in milliseconds. From
   * the moment shutdown starts, calls not yet sent are refused with `PortOneShutdownError` (`sent: false`)
   * and no request or token fetch leaves; calls still on the wire after this long are cut off
   * (`PortOneShutdownError`, `sent: true`) and the sockets closed.
   * @default 10000
   */
  shutdownGraceMs?: number;
  /**
   * How received webhooks are handled: the at-most-once claim store, the CVS confirm deadline and the
   * source-IP allowlist. Only used when the module mounts its webhook routes (`webhook` in `forRoot` /
   * `forRootAsync`).
   */
  webhookReceiver?: PortOneWebhookReceiverOptions;
}
