import type { AttemptTimeouts } from './post-webhook';

/**
 * How the emulator delivers an API's webhooks:
 * - `'portone-v1-default'`: PortOne's V1 default, one attempt and no retry (10 s connect, 30 s read timeout).
 * - `'portone-v1-resend'`: V1 with re-sends turned on by PortOne support, up to 5 re-sends one minute apart
 *   after a network error or a 5xx (each re-send limited to 15 s in all).
 * - `'portone-v2'`: V2's, up to 5 retries after anything but a 2xx, waiting 1, 4, 16, 64 and 256 minutes
 *   (±20 % jitter) so the sends come at about 0, 1, 5, 21, 85 and 341 minutes (30 s connect and read timeouts).
 * - `'off'` (same as `{ attempts: 0 }`): nothing is sent; the delivery is logged as `off`. For testing what an
 *   app does when a notice never arrives.
 * - `{ attempts, delaysSeconds, jitter }`: your own: `attempts` sends in all, waiting `delaysSeconds[i]` before
 *   the (i + 2)-th (the last wait repeats when the list is shorter), `jitter` a fraction (default 0); retried
 *   and timed out as the API's PortOne schedule is.
 */
export type EmulatorWebhookSchedule =
  'portone-v1-default' | 'portone-v1-resend' | 'portone-v2' | 'off' | EmulatorCustomWebhookSchedule;

/** A schedule of your own (see {@link EmulatorWebhookSchedule}). */
export interface EmulatorCustomWebhookSchedule {
  /** Sends in all, the first included; 0 sends nothing. At most 20. */
  readonly attempts: number;
  /** Seconds to wait before each retry, in emulator time. Required when `attempts` > 1. */
  readonly delaysSeconds?: readonly number[];
  /** Each wait varies randomly by up to this fraction either way (0 to 0.5). Default 0. */
  readonly jitter?: number;
}

/** The delivery schedule of each API's webhooks (option `webhookDelivery`). */
export interface EmulatorWebhookDeliveryOptions {
  /** V1 payment notices (CVS). Default `'portone-v1-default'`: sent once. */
  readonly v1?: EmulatorWebhookSchedule;
  /** V2 deliveries. Default `'portone-v2'`. */
  readonly v2?: EmulatorWebhookSchedule;
}

/** Which API a webhook belongs to, which decides what is retried and the timeouts. */
export type WebhookApi = 'v1' | 'v2';

/** A schedule ready to run. */
export interface ResolvedSchedule {
  /** The preset's name, or `custom`/`off`. */
  readonly name: string;
  readonly attempts: number;
  readonly delaysSeconds: readonly number[];
  readonly jitter: number;
  /** Timeouts of the first attempt and of the retries. */
  readonly firstTimeouts: AttemptTimeouts;
  readonly retryTimeouts: AttemptTimeouts;
  /** Whether an answer (status, or undefined for a network error) calls for another attempt. */
  readonly retries: (status: number | undefined) => boolean;
}

const MINUTE = 60;

/** PortOne's documented V1 timeouts: 10 s connect, 30 s read; a re-send gets 15 s in all. */
const V1_TIMEOUTS = { connectMs: 10_000, readMs: 30_000 } as const;
const V1_RESEND_TIMEOUTS = { connectMs: 10_000, readMs: 15_000, totalMs: 15_000 } as const;
/** V2: 30 s connect and read (PORTONE-API.md 2.9). */
const V2_TIMEOUTS = { connectMs: 30_000, readMs: 30_000 } as const;

/** V1 re-sends after a network error or a 5xx (PortOne's docs). */
const v1Retries = (status: number | undefined): boolean => status === undefined || status >= 500;
/**
 * V2 retries after anything but a 2xx. UNVERIFIED: PortOne documents that it retries failed deliveries, not
 * which statuses count as failed; the Standard Webhooks convention (2xx is success) is taken.
 */
const v2Retries = (status: number | undefined): boolean =>
  status === undefined || status < 200 || status > 299;

const API_RULES = {
  v1: { retries: v1Retries, firstTimeouts: V1_TIMEOUTS, retryTimeouts: V1_RESEND_TIMEOUTS },
  v2: { retries: v2Retries, firstTimeouts: V2_TIMEOUTS, retryTimeouts: V2_TIMEOUTS },
} as const;

/** Each preset's sends and waits. */
const PRESETS = {
  'portone-v1-default': { attempts: 1, delaysSeconds: [], jitter: 0 },
  'portone-v1-resend': { attempts: 6, delaysSeconds: [MINUTE], jitter: 0 },
  'portone-v2': {
    attempts: 6,
    delaysSeconds: [1 * MINUTE, 4 * MINUTE, 16 * MINUTE, 64 * MINUTE, 256 * MINUTE],
    jitter: 0.2,
  },
  off: { attempts: 0, delaysSeconds: [], jitter: 0 },
} as const;

/** The default schedule of each API: PortOne's documented behaviour. */
export const DEFAULT_WEBHOOK_DELIVERY = Object.freeze({
  v1: 'portone-v1-default',
  v2: 'portone-v2',
} as const satisfies Required<EmulatorWebhookDeliveryOptions>);

/** Checks a schedule and fills in the API's rules. Throws a RangeError naming `field` and the rule broken. */
export function resolveSchedule(
  schedule: EmulatorWebhookSchedule,
  api: WebhookApi,
  field: string,
): ResolvedSchedule {
  const rules = API_RULES[api];
  if (typeof schedule === 'string') {
    if (!Object.hasOwn(PRESETS, schedule)) {
      throw new RangeError(
        `${field} must be one of ${Object.keys(PRESETS).join(', ')} or { attempts, delaysSeconds }`,
      );
    }
    return { name: schedule, ...PRESETS[schedule], ...rules };
  }
  if (typeof schedule !== 'object' || schedule === null) {
    throw new RangeError(`${field} must be a schedule name or { attempts, delaysSeconds }`);
  }
  const { attempts, delaysSeconds = [], jitter = 0 } = schedule;
  if (!Number.isInteger(attempts) || attempts < 0 || attempts > 20) {
    throw new RangeError(`${field}.attempts must be an integer from 0 to 20`);
  }
  if (
    !Array.isArray(delaysSeconds) ||
    delaysSeconds.some(d => typeof d !== 'number' || !(d >= 0) || !Number.isFinite(d))
  ) {
    throw new RangeError(`${field}.delaysSeconds must be a list of seconds (numbers, 0 or more)`);
  }
  if (attempts > 1 && delaysSeconds.length === 0) {
    throw new RangeError(`${field}.delaysSeconds must give at least one wait when attempts is more than 1`);
  }
  if (typeof jitter !== 'number' || !(jitter >= 0 && jitter <= 0.5)) {
    throw new RangeError(`${field}.jitter must be a fraction from 0 to 0.5`);
  }
  return {
    name: attempts === 0 ? 'off' : 'custom',
    attempts,
    delaysSeconds: (delaysSeconds as readonly number[]).slice(),
    jitter,
    ...rules,
  };
}

/** The wait in seconds before attempt `attempt` (2 for the first retry), jittered. */
export function waitBefore(
  schedule: ResolvedSchedule,
  attempt: number,
  random: () => number = Math.random,
): number {
  const { delaysSeconds, jitter } = schedule;
  const base = delaysSeconds[Math.min(attempt - 2, delaysSeconds.length - 1)];
  return base * (1 + jitter * (2 * random() - 1));
}
