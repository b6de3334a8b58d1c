import { createHash } from 'node:crypto';
import type { EmulatorExchange } from './http/exchange';
import {
  DEFAULT_WEBHOOK_DELIVERY,
  resolveSchedule,
  type EmulatorWebhookDeliveryOptions,
  type ResolvedSchedule,
} from './webhooks/schedules';
import { EMULATOR_WEBHOOK_SECRET } from './webhooks/v2-signing';

/**
 * Emulator configuration: the public options, their documented defaults, and the resolved form the rest of
 * the emulator reads.
 */

/** A PG channel the emulator knows about. Channels are what `channel_key` / `channelKey` point at. */
export interface EmulatorChannel {
  /** The channel key clients send. */
  key: string;
  /** V1 `pg_provider` code, e.g. `'danal'`, `'kcp_v2'`, `'galaxia'`. Decides which V1 endpoints accept it. */
  v1PgProvider: string;
  /** V2 `PgProvider` enum value, e.g. `'DANAL'`, `'KCP_V2'`. Decides whether V2 identity verification accepts it. */
  v2PgProvider: string;
  /** Channel id shown in V2 `SelectedChannel.id`. Default: derived from the key. */
  id?: string;
  /** Channel name shown in V2 `SelectedChannel.name`. Default: derived from the provider. */
  name?: string;
  /** PG merchant id (MID / CPID) shown as V2 `pgMerchantId` and V1 `pg_id`. Default: derived from the provider. */
  pgMerchantId?: string;
  /**
   * Whether the merchant obtained the carrier pre-approval (통신사 사전승인) that makes V1 certifications carry
   * `phone` and `carrier`. Without it PortOne leaves both properties out of `CertificationAnnotation`.
   * Default: false for `danal` (PortOne's default: the approval is requested from cs@portone.io with the Danal
   * CPID), true for every other provider (KCP always reports the phone number).
   */
  carrierPreApproval?: boolean;
  /**
   * Whether the Danal contract includes foreigner detection. Without it V1 `foreigner` is always false and
   * `foreigner_v2` is null, as PortOne's V1 spec says. Default: false for `danal`, true for every other provider
   * (KCP always reports foreigner status).
   */
  foreignerDetection?: boolean;
}

/**
 * Another merchant the emulator serves beside the default one (`merchants` option): its own credentials,
 * store and channels. Records it creates are visible only with its credentials, as on PortOne, where each
 * merchant account sees its own payments and certifications.
 */
export interface EmulatorMerchantOptions {
  /** How tests name it (`emulator.merchant(name)`); not sent anywhere. Must not be `'default'`. */
  name: string;
  /** Default `<name>_imp_key` / `<name>_imp_secret`. */
  v1?: { apiKey?: string; apiSecret?: string };
  /** Default secret `<name>-v2-api-secret` and a store id derived from the name. */
  v2?: { apiSecret?: string; storeId?: string };
  /** Default: the default channels, with keys `channel-key-<name>-danal`, `-kcp-v2`, `-galaxia`. */
  channels?: EmulatorChannel[];
}

/** Options for {@link PortOneEmulator.start}. Every field is optional. */
export interface PortOneEmulatorOptions {
  /** TCP port; 0 or omitted picks any free port. The host is always 127.0.0.1. */
  port?: number;
  /** V1 (iamport) credentials and token lifetime. */
  v1?: {
    /** Default {@link EMULATOR_DEFAULTS}.v1.apiKey. */
    apiKey?: string;
    /** Default {@link EMULATOR_DEFAULTS}.v1.apiSecret. */
    apiSecret?: string;
    /** Access-token lifetime in seconds. Default 1800 (30 minutes, as PortOne documents). */
    tokenTtlSeconds?: number;
  };
  /** V2 credentials and token lifetimes. */
  v2?: {
    /** Default {@link EMULATOR_DEFAULTS}.v2.apiSecret. */
    apiSecret?: string;
    /** The store the API secret belongs to. Default {@link EMULATOR_DEFAULTS}.v2.storeId. */
    storeId?: string;
    /** Access-token (JWT) lifetime in seconds. Default 1800. */
    accessTokenTtlSeconds?: number;
    /** Refresh-token lifetime in seconds. Default 86400 (1 day). */
    refreshTokenTtlSeconds?: number;
    /**
     * The secret V2 deliveries are signed with (`whsec_…` or plain base64). Default
     * {@link EMULATOR_DEFAULTS}.v2.webhookSecret, the documented test secret.
     */
    webhookSecret?: string;
  };
  /**
   * How webhooks are delivered, per API: PortOne's schedules by default (V1 notices sent once, V2 deliveries
   * retried 5 times over about 6 hours), a re-send schedule, `'off'`, or your own. Waits and timeouts run on the
   * emulator clock, so `clock.advance()` plays them out. See `EmulatorWebhookSchedule`.
   */
  webhookDelivery?: EmulatorWebhookDeliveryOptions;
  /** The channels the emulator knows. Replaces the defaults ({@link EMULATOR_DEFAULTS}.channels) when given. */
  channels?: EmulatorChannel[];
  /**
   * More merchants beside the default one (whose credentials are `v1`, `v2` and `channels` above), e.g. an
   * agency's second store, for apps with several `PortOneModule` registrations. Token lifetimes, OTP rules,
   * the clock, faults and the request log are shared.
   */
  merchants?: EmulatorMerchantOptions[];
  /** Keep the request log ({@link PortOneEmulator.requests}). Default true; a benchmark may turn it off. */
  logRequests?: boolean;
  /**
   * How long an OTP stays valid and how many wrong OTPs a verification survives. PortOne documents neither
   * value (the PGs decide), so the defaults are the emulator's: 180 seconds (the usual Korean SMS-verification
   * window) and 5 wrong attempts. Past either limit the verification is FAILED with a failure reason.
   */
  otp?: {
    /** Seconds from sending until the OTP expires. Default 180. */
    ttlSeconds?: number;
    /** Wrong OTPs after which the verification fails (the last one fails it). Default 5. */
    maxAttempts?: number;
  };
  /**
   * Refuse request-body fields and query parameters that PortOne's spec does not declare, with a 400 naming
   * them (stripe-mock's behaviour). Off by default because the real API ignores unknown fields; turn it on in
   * tests to catch typos such as a misspelled list filter, which would otherwise silently match everything.
   */
  strict?: boolean;
  /**
   * Called after every response is written, with the status and the body as sent. For recording traffic or
   * checking it (our own test suite validates every response against PortOne's response schemas this way).
   * An exception thrown here is the caller's: the emulator does not catch it.
   */
  onResponse?: (exchange: EmulatorExchange) => void;
}

/** The emulator's documented defaults. */
export const EMULATOR_DEFAULTS = Object.freeze({
  v1: Object.freeze({ apiKey: 'emulator_imp_key', apiSecret: 'emulator_imp_secret', tokenTtlSeconds: 1800 }),
  v2: Object.freeze({
    apiSecret: 'emulator-v2-api-secret',
    storeId: 'store-00000000-0000-0000-0000-000000000000',
    accessTokenTtlSeconds: 1800,
    refreshTokenTtlSeconds: 86400,
    webhookSecret: EMULATOR_WEBHOOK_SECRET,
  }),
  webhookDelivery: DEFAULT_WEBHOOK_DELIVERY,
  otp: Object.freeze({ ttlSeconds: 180, maxAttempts: 5 }),
  channels: Object.freeze([
    Object.freeze({ key: 'channel-key-emulator-danal', v1PgProvider: 'danal', v2PgProvider: 'DANAL' }),
    Object.freeze({ key: 'channel-key-emulator-kcp-v2', v1PgProvider: 'kcp_v2', v2PgProvider: 'KCP_V2' }),
    Object.freeze({ key: 'channel-key-emulator-galaxia', v1PgProvider: 'galaxia', v2PgProvider: 'GALAXIA' }),
  ] as readonly Readonly<EmulatorChannel>[]),
});

/** A channel with every optional field filled in. */
export type ResolvedChannel = Readonly<Required<EmulatorChannel>>;

/** Each API's webhook schedule, checked. */
export interface ResolvedWebhookDelivery {
  readonly v1: ResolvedSchedule;
  readonly v2: ResolvedSchedule;
}

/** Resolves `webhookDelivery` (or a change of it) over `base`; throws a RangeError naming the bad field. */
export function resolveWebhookDelivery(
  options: EmulatorWebhookDeliveryOptions | undefined,
  base?: ResolvedWebhookDelivery,
): ResolvedWebhookDelivery {
  const v1 = options?.v1 ?? (base ? undefined : EMULATOR_DEFAULTS.webhookDelivery.v1);
  const v2 = options?.v2 ?? (base ? undefined : EMULATOR_DEFAULTS.webhookDelivery.v2);
  return {
    v1: v1 === undefined ? base!.v1 : resolveSchedule(v1, 'v1', 'webhookDelivery.v1'),
    v2: v2 === undefined ? base!.v2 : resolveSchedule(v2, 'v2', 'webhookDelivery.v2'),
  };
}

/** The name of the merchant configured by the top-level `v1`, `v2` and `channels` options. */
export const DEFAULT_MERCHANT = 'default';

/** One merchant's credentials and channels, defaults applied. */
export interface ResolvedMerchant {
  readonly name: string;
  readonly v1: { readonly apiKey: string; readonly apiSecret: string };
  readonly v2: { readonly apiSecret: string; readonly storeId: string };
  readonly channels: readonly ResolvedChannel[];
}

/** Options after defaults are applied. */
export interface ResolvedConfig {
  /** Which merchant this configuration is of (`'default'` for the top-level credentials). */
  readonly merchant: string;
  /** The other merchants (only on the default merchant's configuration). */
  readonly merchants: readonly ResolvedMerchant[];
  readonly port: number;
  readonly v1: { readonly apiKey: string; readonly apiSecret: string; readonly tokenTtlSeconds: number };
  readonly v2: {
    readonly apiSecret: string;
    readonly storeId: string;
    readonly accessTokenTtlSeconds: number;
    readonly refreshTokenTtlSeconds: number;
    readonly webhookSecret: string;
  };
  readonly webhookDelivery: ResolvedWebhookDelivery;
  readonly channels: readonly ResolvedChannel[];
  readonly logRequests: boolean;
  readonly otp: { readonly ttlSeconds: number; readonly maxAttempts: number };
  readonly strict: boolean;
  readonly onResponse: ((exchange: EmulatorExchange) => void) | undefined;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number`);
  return value;
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  const n = positive(value, fallback, name);
  if (!Number.isInteger(n)) throw new RangeError(`${name} must be a positive integer`);
  return n;
}

/** A Standard Webhooks secret: `whsec_` and base64 of at least 16 bytes, or plain base64. */
function webhookSecret(value: string | undefined): string {
  if (value === undefined) return EMULATOR_DEFAULTS.v2.webhookSecret;
  const key = typeof value === 'string' ? value.replace(/^whsec_/, '') : '';
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key) || Buffer.from(key, 'base64').length < 16) {
    throw new RangeError('v2.webhookSecret must be base64 of at least 16 bytes, optionally prefixed whsec_');
  }
  return value;
}

function resolveChannel(channel: EmulatorChannel): ResolvedChannel {
  const slug = channel.key.replace(/^channel-key-/, '');
  return Object.freeze({
    key: channel.key,
    v1PgProvider: channel.v1PgProvider,
    v2PgProvider: channel.v2PgProvider,
    id: channel.id ?? `channel-id-${slug}`,
    name: channel.name ?? `Emulator ${channel.v2PgProvider}`,
    pgMerchantId: channel.pgMerchantId ?? `emulator_${channel.v1PgProvider}_mid`,
    carrierPreApproval: channel.carrierPreApproval ?? channel.v1PgProvider !== 'danal',
    foreignerDetection: channel.foreignerDetection ?? channel.v1PgProvider !== 'danal',
  });
}

/** Applies the defaults and checks the few values that would make the emulator misbehave. */
export function resolveOptions(options: PortOneEmulatorOptions = {}): ResolvedConfig {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError('port must be 0..65535');
  const channels = (options.channels ?? EMULATOR_DEFAULTS.channels).map(resolveChannel);
  const keys = new Set<string>();
  for (const channel of channels) {
    if (keys.has(channel.key)) throw new Error(`Duplicate channel key ${channel.key}`);
    keys.add(channel.key);
  }
  const v1 = {
    apiKey: options.v1?.apiKey ?? EMULATOR_DEFAULTS.v1.apiKey,
    apiSecret: options.v1?.apiSecret ?? EMULATOR_DEFAULTS.v1.apiSecret,
  };
  const v2 = {
    apiSecret: options.v2?.apiSecret ?? EMULATOR_DEFAULTS.v2.apiSecret,
    storeId: options.v2?.storeId ?? EMULATOR_DEFAULTS.v2.storeId,
  };
  const merchants = resolveMerchants(options.merchants ?? []);
  checkMerchantsApart([{ name: DEFAULT_MERCHANT, v1, v2, channels }, ...merchants]);
  return {
    port,
    v1: {
      ...v1,
      tokenTtlSeconds: positive(
        options.v1?.tokenTtlSeconds,
        EMULATOR_DEFAULTS.v1.tokenTtlSeconds,
        'v1.tokenTtlSeconds',
      ),
    },
    v2: {
      ...v2,
      accessTokenTtlSeconds: positive(
        options.v2?.accessTokenTtlSeconds,
        EMULATOR_DEFAULTS.v2.accessTokenTtlSeconds,
        'v2.accessTokenTtlSeconds',
      ),
      refreshTokenTtlSeconds: positive(
        options.v2?.refreshTokenTtlSeconds,
        EMULATOR_DEFAULTS.v2.refreshTokenTtlSeconds,
        'v2.refreshTokenTtlSeconds',
      ),
      webhookSecret: webhookSecret(options.v2?.webhookSecret),
    },
    webhookDelivery: resolveWebhookDelivery(options.webhookDelivery),
    channels,
    merchant: DEFAULT_MERCHANT,
    merchants,
    logRequests: options.logRequests ?? true,
    otp: {
      ttlSeconds: positive(options.otp?.ttlSeconds, EMULATOR_DEFAULTS.otp.ttlSeconds, 'otp.ttlSeconds'),
      maxAttempts: positiveInteger(
        options.otp?.maxAttempts,
        EMULATOR_DEFAULTS.otp.maxAttempts,
        'otp.maxAttempts',
      ),
    },
    strict: options.strict ?? false,
    onResponse: options.onResponse,
  };
}

function resolveMerchants(merchants: unknown): ResolvedMerchant[] {
  if (!Array.isArray(merchants)) throw new TypeError('merchants must be an array');
  return (merchants as EmulatorMerchantOptions[]).map(merchant => {
    const name = merchant?.name;
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]+$/.test(name) || name === DEFAULT_MERCHANT) {
      throw new RangeError(
        `merchants[].name must be letters, digits, _ or - and not '${DEFAULT_MERCHANT}' (got ${JSON.stringify(name)})`,
      );
    }
    const slug = name.toLowerCase();
    const channels =
      merchant.channels ??
      EMULATOR_DEFAULTS.channels.map(channel => ({
        ...channel,
        key: channel.key.replace('channel-key-emulator-', `channel-key-${slug}-`),
      }));
    return {
      name,
      v1: {
        apiKey: merchant.v1?.apiKey ?? `${slug}_imp_key`,
        apiSecret: merchant.v1?.apiSecret ?? `${slug}_imp_secret`,
      },
      v2: {
        apiSecret: merchant.v2?.apiSecret ?? `${slug}-v2-api-secret`,
        storeId: merchant.v2?.storeId ?? storeIdFor(slug),
      },
      channels: channels.map(resolveChannel),
    };
  });
}

/** A store id shaped like PortOne's (`store-` + a UUID), the same for the same name on every run. */
function storeIdFor(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `store-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Each merchant's credentials, store and channel keys must be its own, or a request could not tell whose it is.
 * @throws RangeError naming the first value two merchants share.
 */
function checkMerchantsApart(merchants: readonly ResolvedMerchant[]): void {
  const owners = new Map<string, string>();
  for (const merchant of merchants) {
    const values = new Set([
      `name ${merchant.name}`,
      `v1.apiKey ${merchant.v1.apiKey}`,
      `v2.apiSecret ${merchant.v2.apiSecret}`,
      `v2.storeId ${merchant.v2.storeId}`,
      ...merchant.channels.map(channel => `channel key ${channel.key}`),
    ]);
    for (const value of values) {
      const owner = owners.get(value);
      if (owner !== undefined) {
        const what = value.slice(0, value.lastIndexOf(' '));
        throw new RangeError(`merchants '${owner}' and '${merchant.name}' have the same ${what}`);
      }
      owners.set(value, merchant.name);
    }
  }
}

/** V1 providers that serve the OTP certification API (PortOne's supported-PG list for requestOTP). */
export const V1_OTP_PROVIDERS: ReadonlySet<string> = new Set(['danal', 'kcp_v2']);
/** V1 providers that serve CVS barcodes. */
export const V1_CVS_PROVIDERS: ReadonlySet<string> = new Set(['galaxia']);
/** V2 providers that serve API-based identity verification. */
export const V2_IDENTITY_PROVIDERS: ReadonlySet<string> = new Set(['DANAL', 'KCP_V2']);
