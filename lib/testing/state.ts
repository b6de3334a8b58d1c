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

/** Everything the emulator remembers. Handlers receive this; the PortOneEmulator class exposes controls over it. */
export class EmulatorState {
  readonly clock = new Clock();
  readonly otps: OtpOutbox;
  readonly pgError = new PendingPgError();
  readonly faults = new FaultRegistry();
  readonly counters = new EmulatorCounters();
  readonly log: RequestLog;
  readonly idempotency: IdempotencyStore;
  readonly v1Tokens: V1TokenStore;
  readonly certifications = new CertificationStore();
  readonly payments = new CvsPaymentStore();
  readonly v2Tokens: V2TokenStore;
  readonly identityVerifications = new IdentityVerificationStore();
  readonly webhookDeliveries = new WebhookDeliveryLog();
  /** Webhook retries and call deadlines, run on the clock. */
  readonly agenda = new Agenda(this.clock);
  private delivery: ResolvedWebhookDelivery;
  private readonly channels: ReadonlyMap<string, ResolvedChannel>;

  constructor(
    readonly config: ResolvedConfig,
    readonly validator: SchemaValidator,
  ) {
    this.log = new RequestLog(config.logRequests);
    this.otps = new OtpOutbox(config.otp);
    this.idempotency = new IdempotencyStore(this.clock);
    this.v1Tokens = new V1TokenStore(this.clock, config.v1.tokenTtlSeconds);
    this.v2Tokens = new V2TokenStore(
      this.clock,
      config.v2.accessTokenTtlSeconds,
      config.v2.refreshTokenTtlSeconds,
    );
    this.channels = new Map(config.channels.map(channel => [channel.key, channel]));
    this.delivery = config.webhookDelivery;
  }

  /** The webhook schedules in force: the configured ones, or what `setWebhookDelivery` changed them to. */
  get webhookDelivery(): ResolvedWebhookDelivery {
    return this.delivery;
  }

  /** Changes the schedule of later deliveries (ones under way keep theirs) until reset. */
  setWebhookDelivery(change: EmulatorWebhookDeliveryOptions): ResolvedWebhookDelivery {
    this.delivery = resolveWebhookDelivery(change, this.delivery);
    return this.delivery;
  }

  /** The configured channel with this key. */
  channelByKey(key: string): ResolvedChannel | undefined {
    return this.channels.get(key);
  }

  /** Expires every V1 access token and V2 access token issued so far. V2 refresh tokens stay valid. */
  expireTokens(): void {
    this.v1Tokens.expireAll();
    this.v2Tokens.expireAccessTokens();
  }

  /**
   * Moves a `ready` CVS barcode's deadline (`vbank_date`) to now, as if its payment window ran out: the store
   * then refuses it. Throws for an unknown imp_uid or a payment that is not `ready`.
   */
  expireCvsPayment(impUid: string): void {
    const payment = this.payments.get(impUid);
    if (!payment) throw new Error(`No CVS payment ${impUid}`);
    if (payment.status !== 'ready') throw new Error(`CVS payment ${impUid} is ${payment.status}, not ready`);
    payment.vbank_date = Math.min(payment.vbank_date, this.clock.nowSeconds());
  }

  /** Back to a freshly started emulator (the TCP connection counter is not state and keeps counting). */
  reset(): void {
    this.agenda.clear();
    this.delivery = this.config.webhookDelivery;
    this.clock.reset();
    this.otps.clear();
    this.pgError.clear();
    this.faults.clear();
    this.counters.clear();
    this.log.clear();
    this.idempotency.clear();
    this.v1Tokens.clear();
    this.certifications.clear();
    this.payments.clear();
    this.v2Tokens.clear();
    this.identityVerifications.clear();
    this.webhookDeliveries.clear();
  }
}
