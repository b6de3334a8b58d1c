import { createControlDispatcher } from './control/routes';
import type { EmulatorFault } from './http/faults';
import { createRequestListener } from './http/pipeline';
import { statsOf } from './stats-snapshot';
import type { EmulatorStats } from './stats';
import type { EmulatorRequestFilter, EmulatorRequestRecord } from './http/request-log';
import { EmulatorServer } from './http/server';
import { TimerSet } from './http/timers';
import {
  EMULATOR_DEFAULTS,
  resolveOptions,
  type PortOneEmulatorOptions,
  type ResolvedConfig,
} from './options';
import type { EmulatorPgError } from './pg-error';
import { getSchemaValidator } from './schema/validator';
import { EmulatorState } from './state';
import { toCertificationAnnotation } from './v1/certification-store';
import { createV1Dispatcher } from './v1/routes';
import type { EmulatorCertification, EmulatorPayment, EmulatorPaymentCancellation } from './v1/types';
import { toIdentityVerification } from './v2/identity-verification-store';
import { createV2Dispatcher } from './v2/routes';
import { seedIdentityVerification } from './v2/seed';
import { cancelPaidPayment } from './v1/partial-cancel';
import { payAtStore } from './v1/pay-at-store';
import type { PayAtStoreOptions, PayAtStoreResult } from './v1/pay-at-store.types';
import type { EmulatorWebhookDelivery, EmulatorWebhookHistory } from './webhooks/delivery-log';
import { advanceClock } from './time/advance';
import type { EmulatorClockAdvance } from './time/advance.types';
import { sendV2Delivery } from './webhooks/send-v2';
import type { SendV2WebhookOptions } from './webhooks/send-v2.types';
import type { EmulatorWebhookDeliveryOptions } from './webhooks/schedules';
import { signV2Webhook, type SignedWebhook, type SignWebhookOptions } from './webhooks/v2-signing';
import { buildV2Event, type EmulatorV2WebhookEvent, type EmulatorV2WebhookType } from './webhooks/v2-events';
import type { SeedIdentityVerification } from './v2/types';
import type { EmulatorIdentityVerification } from './v2/types';

/** The credentials and channel keys a client needs to talk to the emulator. */
export interface EmulatorCredentials {
  readonly v1: { readonly apiKey: string; readonly apiSecret: string };
  readonly v2: { readonly apiSecret: string; readonly storeId: string };
  /**
   * The channel keys, named by the API they serve and by provider. Each is the key of the first configured
   * channel of that provider; when custom `channels` lack a provider, its entry is the default key, which that
   * emulator does not know: using it gives the normal unknown-channel error.
   */
  readonly channelKeys: EmulatorChannelKeys;
}

/** The emulator's channel keys (see {@link EmulatorCredentials.channelKeys}). */
export interface EmulatorChannelKeys {
  /** V1 OTP certification and V2 identity verification by SMS: the Danal channel. */
  readonly identityVerification: string;
  /** V1 OTP certification and V2 identity verification, SMS or APP (APP is KCP only): the KCP V2 channel. */
  readonly identityVerificationApp: string;
  /** V1 convenience-store (CVS) barcodes: the Galaxia channel. */
  readonly cvs: string;
  /** The Danal channel (V1 OTP, V2 identity verification). */
  readonly danal: string;
  /** The KCP V2 channel (V1 OTP, V2 identity verification, APP method). */
  readonly kcpV2: string;
  /** The Galaxia channel (V1 CVS). */
  readonly galaxia: string;
}

/**
 * The `{ v1, v2 }` options of `PortOneModule.forRoot` that point the module at an emulator. Declared here
 * (structurally the same as the module's option types) so `nestjs-portone/testing` stays independent of the
 * client it tests.
 */
export interface EmulatorModuleOptions {
  v1: { apiKey: string; apiSecret: string; baseUrl: string };
  /** `webhookSecrets` holds the secret the emulator signs V2 deliveries with. */
  v2: { apiSecret: string; storeId: string; baseUrl: string; webhookSecrets: string[] };
}

/** The emulator's clock, as tests move it (see {@link PortOneEmulator.clock}). */
export interface EmulatorClock {
  /** The emulator's current time. */
  now(): Date;
  /**
   * Moves the emulator's time forward by `seconds` and runs what falls due on the way, each at its own time:
   * webhook retries and the connect/read timeouts of calls in flight. OTPs, barcode windows, access tokens and
   * idempotency keys expire by the moved clock. Resolves once the retries that fell due have their answers
   * (an app gets up to 2 s of real time to answer each). Also served as `POST /emulator/clock/advance`.
   */
  advance(seconds: number): Promise<EmulatorClockAdvance>;
}

/**
 * One merchant the emulator serves (`PortOneEmulator.start({ merchants: [...] })`, plus the default one): its
 * credentials and the module options that point a `PortOneModule` registration at it. Records created with
 * one merchant's credentials are invisible to the other's, as between two PortOne accounts.
 */
export interface EmulatorMerchant {
  /** `'default'` for the top-level credentials, else the name given in `merchants`. */
  readonly name: string;
  readonly credentials: EmulatorCredentials;
  /** `{ v1, v2 }` for `PortOneModule.forRoot`, with this merchant's credentials and the emulator's URLs. */
  moduleOptions(): EmulatorModuleOptions;
}

function credentialsOf(config: ResolvedConfig): EmulatorCredentials {
  const keyFor = (v1PgProvider: string, fallback: string): string =>
    config.channels.find(channel => channel.v1PgProvider === v1PgProvider)?.key ?? fallback;
  const [danal, kcpV2, galaxia] = EMULATOR_DEFAULTS.channels;
  return Object.freeze({
    v1: Object.freeze({ apiKey: config.v1.apiKey, apiSecret: config.v1.apiSecret }),
    v2: Object.freeze({ apiSecret: config.v2.apiSecret, storeId: config.v2.storeId }),
    channelKeys: Object.freeze({
      identityVerification: keyFor('danal', danal.key),
      identityVerificationApp: keyFor('kcp_v2', kcpV2.key),
      cvs: keyFor('galaxia', galaxia.key),
      danal: keyFor('danal', danal.key),
      kcpV2: keyFor('kcp_v2', kcpV2.key),
      galaxia: keyFor('galaxia', galaxia.key),
    }),
  });
}

/**
 * A stateful, in-process fake of PortOne's V1 (iamport) and V2 REST APIs for tests, served over real HTTP on
 * 127.0.0.1. It issues and checks tokens, validates request bodies against schemas derived from PortOne's
 * spec, keeps certifications, CVS payments and identity verifications, "texts" OTPs you can read back, and
 * lets tests inject faults, skew the clock and inspect every request.
 *
 * @example
 * const emulator = await PortOneEmulator.start();
 * // point the client at emulator.v1BaseUrl / emulator.v2BaseUrl with emulator.credentials
 * await emulator.close();
 */
export class PortOneEmulator {
  /** The default merchant's credentials and channel keys. */
  readonly credentials: EmulatorCredentials;
  /**
   * The emulator's clock. `await emulator.clock.advance(60)` plays out a minute: a V2 retry due in it is sent
   * and answered before the promise resolves. No test has to wait for real minutes.
   */
  readonly clock: EmulatorClock;
  /** Every merchant the emulator serves, the default one (`'default'`) first. */
  readonly merchants: readonly EmulatorMerchant[];
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly state: EmulatorState,
    private readonly server: EmulatorServer,
    private readonly timers: TimerSet,
  ) {
    this.merchants = Object.freeze(
      state.merchants.map(merchant => {
        const credentials = credentialsOf(merchant.config);
        return Object.freeze({
          name: merchant.config.merchant,
          credentials,
          moduleOptions: () => this.optionsFor(credentials),
        });
      }),
    );
    this.credentials = this.merchants[0].credentials;
    this.clock = Object.freeze({
      now: () => new Date(state.clock.nowMs()),
      advance: (seconds: number) => advanceClock(state, seconds),
    });
  }

  /**
   * The merchant called `name` (`merchants` option of {@link PortOneEmulator.start}; `'default'` is the
   * top-level one). Throws for a name the emulator was not started with.
   */
  merchant(name: string): EmulatorMerchant {
    const merchant = this.merchants.find(candidate => candidate.name === name);
    if (!merchant) throw new RangeError(`This emulator serves no merchant called ${JSON.stringify(name)}`);
    return merchant;
  }

  /** Starts an emulator on 127.0.0.1 (`options.port`, or any free port). */
  static async start(options?: PortOneEmulatorOptions): Promise<PortOneEmulator> {
    const state = EmulatorState.create(resolveOptions(options), getSchemaValidator());
    const timers = new TimerSet();
    // The control endpoints report the connection count, which only the server knows. The closure reads
    // `server` only when a request arrives, which is after listen() resolved and the constant is set.
    const listener = createRequestListener({
      clock: state.clock,
      faults: state.faults,
      log: state.log,
      counters: state.counters,
      timers,
      v1: createV1Dispatcher(state),
      v2: createV2Dispatcher(state),
      control: createControlDispatcher(state, () => statsOf(state, server.connectionsOpened)),
      onResponse: state.config.onResponse,
    });
    const server = await EmulatorServer.listen(state.config.port, listener);
    return new PortOneEmulator(state, server, timers);
  }

  /** The TCP port the emulator listens on. */
  get port(): number {
    return this.server.port;
  }

  /**
   * `http://127.0.0.1:<port>`. V1 and V2 are both also served at the root (`/users/…`, `/certifications/…`,
   * `/cvs/…`, `/payments/…` for V1; `/identity-verifications/…`, `/login/…`, `/token/…` for V2), as on
   * PortOne's own hosts, for clients that ignore a base path, such as PortOne's official
   * `@portone/server-sdk`: pass this as its `baseUrl`.
   */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * The `v1` and `v2` options that point `PortOneModule` at this emulator, with the default merchant's
   * credentials (another merchant's: `emulator.merchant(name).moduleOptions()`). Spread them
   * into `forRoot` and add your own settings:
   *
   * @example
   * PortOneModule.forRoot({ ...emulator.moduleOptions(), isGlobal: true, retry: false })
   */
  moduleOptions(): EmulatorModuleOptions {
    return this.optionsFor(this.credentials);
  }

  private optionsFor({ v1, v2 }: EmulatorCredentials): EmulatorModuleOptions {
    return {
      v1: { apiKey: v1.apiKey, apiSecret: v1.apiSecret, baseUrl: this.v1BaseUrl },
      v2: {
        apiSecret: v2.apiSecret,
        storeId: v2.storeId,
        baseUrl: this.v2BaseUrl,
        webhookSecrets: [this.webhookSecret],
      },
    };
  }

  /** Base URL of the V1 API, `http://127.0.0.1:<port>/v1`. */
  get v1BaseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Base URL of the V2 API, `http://127.0.0.1:<port>/v2`. */
  get v2BaseUrl(): string {
    return `http://127.0.0.1:${this.port}/v2`;
  }

  /**
   * Closes the server and destroys every open connection, idle keep-alive sockets included, and cancels
   * delayed responses, so jest exits cleanly. Safe to call twice.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.timers.clearAll();
      this.state.agenda.close();
      await this.server.close();
    })();
    return this.closing;
  }

  // ----- requests and connections -------------------------------------------------------------------------

  /** Every request received since start (or the last clearRequests/reset), in arrival order. Empty when `logRequests` is false. */
  get requests(): ReadonlyArray<EmulatorRequestRecord> {
    return this.state.log.all;
  }

  /** Forgets the request log. */
  clearRequests(): void {
    this.state.log.clear();
  }

  /** How many logged requests match the filter. */
  countRequests(filter: EmulatorRequestFilter = {}): number {
    return this.state.log.count(filter);
  }

  /**
   * Counters kept whether or not the request log is on: requests, spec violations, token requests and
   * connections. Also served as `GET /emulator/stats` for a client in another process.
   */
  get stats(): EmulatorStats {
    return statsOf(this.state, this.connectionsOpened);
  }

  /** Requests answered 400 because their body broke the schema derived from PortOne's official spec. */
  get specViolations(): number {
    return this.state.counters.specViolations;
  }

  /** Total TCP connections accepted since start (not cleared by reset). */
  get connectionsOpened(): number {
    return this.server.connectionsOpened;
  }

  // ----- time, tokens, OTPs ---------------------------------------------------------------------------------

  /** The OTP most recently "sent" for a V1 imp_uid or a V2 identityVerificationId (6 digits). */
  lastOtp(id: string): string | undefined {
    return this.state.otps.last(id);
  }

  /** How many OTPs were "sent" for a V1 imp_uid or V2 identityVerificationId (request, send and resend each count one). */
  otpsSent(id: string): number {
    return this.state.otps.count(id);
  }

  /** Expires every V1 access token and V2 access token issued so far. V2 refresh tokens stay valid. */
  expireTokens(): void {
    this.state.expireTokens();
  }

  /**
   * Sets the emulator clock to real time + `seconds` (plus what {@link clock}`.advance` moved). Token times and
   * expiry, certified_at, V2 timestamps, JWT iat/exp, webhook signatures and the HTTP `Date` header all follow it.
   */
  setClockSkew(seconds: number): void {
    this.state.clock.setSkewSeconds(seconds);
  }

  // ----- faults ---------------------------------------------------------------------------------------------

  /** Scripts a failure; see {@link EmulatorFault}. Faults are checked in injection order. */
  injectFault(fault: EmulatorFault): void {
    this.state.faults.inject(fault);
  }

  /** Removes every injected fault. */
  clearFaults(): void {
    this.state.faults.clear();
  }

  /**
   * Makes the next PG call fail with this PG error: V1 OTP request/confirm and CVS issue/revoke answer 500,
   * V2 send/confirm/resend answer 502 PG_PROVIDER. No state changes on that call.
   */
  setNextPgError(error: EmulatorPgError): void {
    this.state.pgError.set(error);
  }

  /** Clears all state: records, tokens, OTPs, idempotency keys, faults, the request log and the clock skew. */
  reset(): void {
    this.state.reset();
  }

  // ----- records --------------------------------------------------------------------------------------------

  /**
   * Inserts a V2 identity verification that did not come through the API (as if the browser SDK created it),
   * so `confirm` and `resend` on it answer IDENTITY_VERIFICATION_NOT_SENT. Returns its API view.
   */
  seedIdentityVerification(record: SeedIdentityVerification): EmulatorIdentityVerification {
    return seedIdentityVerification(this.state.withStore(record.storeId), record);
  }

  /** A copy of a V2 identity verification as the API would return it (default store: the configured one). */
  getIdentityVerification(
    id: string,
    storeId: string = this.state.config.v2.storeId,
  ): EmulatorIdentityVerification | undefined {
    const record = this.state.withStore(storeId).identityVerifications.get(storeId, id);
    return record && toIdentityVerification(record);
  }

  /** A copy of a V1 certification as `GET /certifications/{imp_uid}` would return it. */
  getCertification(impUid: string): EmulatorCertification | undefined {
    const record = this.state.withCertification(impUid).certifications.get(impUid);
    return record && toCertificationAnnotation(record);
  }

  /** A copy of a V1 CVS payment as the API would return it. */
  getPayment(impUid: string): EmulatorPayment | undefined {
    const payment = this.state.withPayment(impUid).payments.get(impUid);
    return payment && structuredClone(payment);
  }

  /**
   * Lets a `ready` CVS barcode expire: its deadline (`vbank_date`) becomes now, so paying it at the store is
   * refused. Throws for an unknown imp_uid or a payment that is not `ready`.
   */
  expireCvsPayment(impUid: string): void {
    this.state.expireCvsPayment(impUid);
  }

  /**
   * Marks a `ready` CVS payment as paid (status 'paid', paid_at now), as if the customer paid at the store.
   * Throws for an unknown imp_uid or a payment that is not `ready`.
   */
  markCvsPaid(impUid: string): EmulatorPayment {
    const payment = this.state.withPayment(impUid).payments.get(impUid);
    if (!payment) throw new Error(`No CVS payment ${impUid}`);
    if (payment.status !== 'ready') throw new Error(`CVS payment ${impUid} is ${payment.status}, not ready`);
    payment.status = 'paid';
    payment.paid_at = this.state.clock.nowSeconds();
    return structuredClone(payment);
  }

  /**
   * Cancels `amount` of a paid payment (a partial cancellation while the rest stays paid; the whole
   * remainder cancels it) and returns the `cancel_history` entry, whose `cancellation_id` a V1 notice about
   * it carries. Sends no notice: post one to test the app's answer. Throws for an unpaid payment or a bad amount.
   */
  cancelPayment(impUid: string, amount: number): EmulatorPaymentCancellation {
    return cancelPaidPayment(this.state.withPayment(impUid), impUid, amount);
  }

  // ----- webhooks -------------------------------------------------------------------------------------------

  /**
   * Plays the customer paying a CVS barcode at the store: calls the barcode's `confirm_url` (if any) once and,
   * only on a 200, marks the payment paid and posts the notice to its `notice_url`s on the V1 schedule
   * (`webhookDelivery.v1`, PortOne's default: once, no retry). Resolves after each notice's first attempt.
   * Rejects with `EmulatorStorePaymentError` for an unknown, expired, revoked or already paid barcode (nothing
   * is called then). Also served as `POST /emulator/cvs/{imp_uid}/pay`.
   */
  payAtStore(impUid: string, options?: PayAtStoreOptions): Promise<PayAtStoreResult> {
    return payAtStore(this.state.withPayment(impUid), impUid, options);
  }

  /** Every webhook call the emulator made (confirms, notices, V2 deliveries), retries included, oldest first. */
  get webhookDeliveries(): ReadonlyArray<EmulatorWebhookDelivery> {
    return this.state.webhookDeliveries.all;
  }

  /** One delivery with all its attempts and where it stands (`retrying`, `delivered`, `given-up`, `off`). */
  webhookHistory(deliveryId: string): EmulatorWebhookHistory | undefined {
    return this.state.webhookDeliveries.history(deliveryId);
  }

  /** Every delivery (the latest 500), oldest first. Also served as `GET /emulator/webhooks`. */
  get webhookHistories(): EmulatorWebhookHistory[] {
    return this.state.webhookDeliveries.allHistories;
  }

  /**
   * Changes the schedule of later deliveries, per API (see `PortOneEmulatorOptions.webhookDelivery`), until
   * `reset()`; deliveries under way keep theirs. E.g. `{ v1: 'off' }` loses every notice from now on. Throws a
   * RangeError naming a bad field. Also served as `PUT /emulator/webhook-delivery`.
   */
  setWebhookDelivery(change: EmulatorWebhookDeliveryOptions): void {
    this.state.setWebhookDelivery(change);
  }

  /** The secret V2 deliveries are signed with (option `v2.webhookSecret`): put it in the app's `v2.webhookSecrets`. */
  get webhookSecret(): string {
    return this.state.config.v2.webhookSecret;
  }

  /**
   * Signs a V2 webhook body as PortOne does (Standard Webhooks headers), with the emulator's clock and secret
   * unless `options` say otherwise. Send `body` exactly as returned.
   */
  signWebhook(body: unknown, options: SignWebhookOptions = {}): SignedWebhook {
    return signV2Webhook(
      body,
      { secret: this.webhookSecret, ...options },
      new Date(this.state.clock.appNowMs()),
    );
  }

  /**
   * A V2 event body as the official SDK types it: `{ type, timestamp, data }` with every field `type` requires
   * (`storeId` the emulator's, fresh ids where `data` gives none).
   *
   * @example
   * emulator.v2Event('Transaction.Paid', { paymentId: 'order-1' })
   */
  v2Event(
    type: EmulatorV2WebhookType,
    data: Readonly<Record<string, string | number>> = {},
  ): EmulatorV2WebhookEvent {
    return buildV2Event(type, data, this.state.config.v2.storeId, this.state.clock.nowMs());
  }

  /**
   * Signs and POSTs a V2 webhook event (e.g. `emulator.v2Event('Transaction.Paid')`) to `url` on the V2
   * schedule (`webhookDelivery.v2`, PortOne's: 5 retries over about 6 hours, played out by `clock.advance`),
   * and resolves to the first attempt (with the app's status). Every retry carries the same `webhook-id` and
   * body, signed afresh. Throws when the schedule is `'off'` (nothing would be sent; see
   * {@link deliverV2Webhook}).
   */
  async sendV2Webhook(
    url: string,
    event: unknown,
    options: SendV2WebhookOptions = {},
  ): Promise<EmulatorWebhookDelivery> {
    const history = await this.deliverV2Webhook(url, event, options);
    if (history.attempts.length === 0)
      throw new Error(`The V2 webhook schedule is 'off': nothing was sent to ${url}`);
    return history.attempts[0];
  }

  /**
   * {@link sendV2Webhook}, resolving to the whole delivery: its attempts so far, its state and when the next
   * attempt is due. Also served as `POST /emulator/webhooks/v2`.
   */
  deliverV2Webhook(
    url: string,
    event: unknown,
    options: SendV2WebhookOptions = {},
  ): Promise<EmulatorWebhookHistory> {
    return sendV2Delivery(this.state, url, event, { secret: this.webhookSecret, ...options });
  }
}
