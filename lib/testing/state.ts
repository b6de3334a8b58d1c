import { Clock } from './time/clock';
import { EmulatorCounters } from './stats';
import { FaultRegistry } from './http/faults';
import { IdempotencyStore } from './http/idempotency';
import { RequestLog } from './http/request-log';
import {
  resolveWebhookDelivery,
  type ResolvedChannel,
  type ResolvedConfig,
  type ResolvedWebhookDelivery,
} from './options';
import { Agenda } from './time/agenda';
import type { EmulatorWebhookDeliveryOptions } from './webhooks/schedules';
import { OtpOutbox } from './otp-outbox';
import { PendingPgError } from './pg-error';
import type { SchemaValidator } from './schema/validator';
import { CertificationStore } from './v1/certification-store';
import { CvsPaymentStore } from './v1/cvs-store';
import { V1TokenStore } from './v1/token-store';
import { IdentityVerificationStore } from './v2/identity-verification-store';
import { V2TokenStore } from './v2/token-store';
import { WebhookDeliveryLog } from './webhooks/delivery-log';

/**
 * Everything the emulator remembers for one merchant. Handlers receive the state of the merchant whose
 * credentials the request carries, so each merchant's records (tokens, certifications, payments, identity
 * verifications) are visible only with its own credentials, as between two PortOne accounts. Time, scripted
 * failures, counters, logs, idempotency keys (whose scopes already name the credential) and the webhook
 * schedule are the emulator's, shared by every merchant. The PortOneEmulator class exposes controls over the
 * default merchant's state, which lists every merchant in `merchants`.
 */
export class EmulatorState {
  readonly clock: Clock;
  readonly otps: OtpOutbox;
  readonly pgError: PendingPgError;
  readonly faults: FaultRegistry;
  readonly counters: EmulatorCounters;
  readonly log: RequestLog;
  readonly idempotency: IdempotencyStore;
  readonly webhookDeliveries: WebhookDeliveryLog;
  /** Webhook retries and call deadlines, run on the clock. */
  readonly agenda: Agenda;
  readonly v1Tokens: V1TokenStore;
  readonly certifications = new CertificationStore();
  readonly payments = new CvsPaymentStore();
  readonly v2Tokens: V2TokenStore;
  readonly identityVerifications = new IdentityVerificationStore();
  /** Every merchant's state, the default merchant's first: the same list on each of them. */
  readonly merchants: readonly EmulatorState[];
  /** The default merchant's state: it holds the webhook schedule every merchant uses. */
  private readonly root: EmulatorState;
  private delivery: ResolvedWebhookDelivery;
  private readonly channels: ReadonlyMap<string, ResolvedChannel>;

  /** The default merchant's state, with one state per configured merchant beside it. */
  static create(config: ResolvedConfig, validator: SchemaValidator): EmulatorState {
    const merchants: EmulatorState[] = [];
    const root = new EmulatorState(config, validator, merchants);
    for (const merchant of config.merchants) {
      const merchantConfig: ResolvedConfig = {
        ...config,
        merchant: merchant.name,
        merchants: [],
        v1: { ...config.v1, ...merchant.v1 },
        v2: { ...config.v2, ...merchant.v2 },
        channels: merchant.channels,
      };
      new EmulatorState(merchantConfig, validator, merchants, root);
    }
    return root;
  }

  private constructor(
    readonly config: ResolvedConfig,
    readonly validator: SchemaValidator,
    merchants: EmulatorState[],
    root?: EmulatorState,
  ) {
    this.root = root ?? this;
    this.clock = root?.clock ?? new Clock();
    this.otps = root?.otps ?? new OtpOutbox(config.otp);
    this.pgError = root?.pgError ?? new PendingPgError();
    this.faults = root?.faults ?? new FaultRegistry();
    this.counters = root?.counters ?? new EmulatorCounters();
    this.log = root?.log ?? new RequestLog(config.logRequests);
    this.idempotency = root?.idempotency ?? new IdempotencyStore(this.clock);
    this.webhookDeliveries = root?.webhookDeliveries ?? new WebhookDeliveryLog();
    this.agenda = root?.agenda ?? new Agenda(this.clock);
    this.v1Tokens = new V1TokenStore(this.clock, config.v1.tokenTtlSeconds);
    this.v2Tokens = new V2TokenStore(
      this.clock,
      config.v2.accessTokenTtlSeconds,
      config.v2.refreshTokenTtlSeconds,
    );
    this.channels = new Map(config.channels.map(channel => [channel.key, channel]));
    this.delivery = config.webhookDelivery;
    merchants.push(this);
    this.merchants = merchants;
  }

  /** The webhook schedules in force: the configured ones, or what `setWebhookDelivery` changed them to. */
  get webhookDelivery(): ResolvedWebhookDelivery {
    return this.root.delivery;
  }

  /** Changes the schedule of later deliveries (ones under way keep theirs) until reset. */
  setWebhookDelivery(change: EmulatorWebhookDeliveryOptions): ResolvedWebhookDelivery {
    this.root.delivery = resolveWebhookDelivery(change, this.root.delivery);
    return this.root.delivery;
  }

  /** The state of the merchant called `name` (`'default'`: the top-level credentials). */
  merchant(name: string): EmulatorState | undefined {
    return this.merchants.find(merchant => merchant.config.merchant === name);
  }

  // The test controls (PortOneEmulator methods, control API) take ids, not credentials: they act on the
  // merchant whose records hold the id, and on the default merchant for an unknown one, so "not found" reads
  // as it did before there were several merchants.

  /** The state of the merchant that has the V1 payment `impUid`. */
  withPayment(impUid: string): EmulatorState {
    return this.merchants.find(merchant => merchant.payments.has(impUid)) ?? this.merchants[0];
  }

  /** The state of the merchant that has the V1 certification `impUid`. */
  withCertification(impUid: string): EmulatorState {
    return this.merchants.find(merchant => merchant.certifications.has(impUid)) ?? this.merchants[0];
  }

  /** The state of the merchant whose V2 store is `storeId`. */
  withStore(storeId: string | undefined): EmulatorState {
    return this.merchants.find(merchant => merchant.config.v2.storeId === storeId) ?? this.merchants[0];
  }

  /** The configured channel with this key. */
  channelByKey(key: string): ResolvedChannel | undefined {
    return this.channels.get(key);
  }

  /** Expires every V1 and V2 access token issued so far, of every merchant. V2 refresh tokens stay valid. */
  expireTokens(): void {
    for (const merchant of this.merchants) {
      merchant.v1Tokens.expireAll();
      merchant.v2Tokens.expireAccessTokens();
    }
  }

  /**
   * Moves a `ready` CVS barcode's deadline (`vbank_date`) to now, as if its payment window ran out: the store
   * then refuses it. Throws for an unknown imp_uid or a payment that is not `ready`.
   */
  expireCvsPayment(impUid: string): void {
    const payment = this.withPayment(impUid).payments.get(impUid);
    if (!payment) throw new Error(`No CVS payment ${impUid}`);
    if (payment.status !== 'ready') throw new Error(`CVS payment ${impUid} is ${payment.status}, not ready`);
    payment.vbank_date = Math.min(payment.vbank_date, this.clock.nowSeconds());
  }

  /**
   * Back to a freshly started emulator, every merchant's records included (the TCP connection counter is not
   * state and keeps counting).
   */
  reset(): void {
    this.agenda.clear();
    this.root.delivery = this.root.config.webhookDelivery;
    this.clock.reset();
    this.otps.clear();
    this.pgError.clear();
    this.faults.clear();
    this.counters.clear();
    this.log.clear();
    this.idempotency.clear();
    this.webhookDeliveries.clear();
    for (const merchant of this.merchants) {
      merchant.v1Tokens.clear();
      merchant.certifications.clear();
      merchant.payments.clear();
      merchant.v2Tokens.clear();
      merchant.identityVerifications.clear();
    }
  }
}
