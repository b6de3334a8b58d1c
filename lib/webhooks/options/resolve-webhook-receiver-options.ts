import { isIP } from 'node:net';
import { messages } from '../../errors/messages';
import { MAX_TIMER_MS } from '../../core/max-timer';
import { InMemoryWebhookClaimStore } from '../claims/in-memory-webhook-claim-store';
import type { PortOneWebhookClaimStore } from '../claims/webhook-claim-store.interface';
import type { PortOneWebhookQueue } from '../queue/webhook-queue.interface';
import type { PortOneWebhookReceiverOptions } from './webhook-receiver-options.interface';

/** @internal */
export const WEBHOOK_RECEIVER_DEFAULTS = {
  processingTimeoutMs: 120_000,
  dedupeWindowMs: 86_400_000,
  confirmDeadlineMs: 25_000,
  trustedProxyHops: 0,
} as const;

/** @internal */
export interface ResolvedWebhookReceiverOptions {
  readonly claimStore: PortOneWebhookClaimStore;
  /** Queue mode; undefined: inline. */
  readonly queue?: PortOneWebhookQueue;
  readonly processingTimeoutMs: number;
  readonly dedupeWindowMs: number;
  readonly confirmDeadlineMs: number;
  /** undefined: any source. */
  readonly allowedSourceIps?: ReadonlySet<string>;
  readonly trustedProxyHops: number;
}

const DURATIONS = ['processingTimeoutMs', 'dedupeWindowMs', 'confirmDeadlineMs'] as const;

/** Problems with `webhookReceiver`, one message per rule broken. @internal */
export function webhookReceiverProblems(raw: unknown): string[] {
  if (raw === undefined) return [];
  if (raw === null || typeof raw !== 'object') return [messages.options.receiverNotAnObject];
  const options = raw as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of DURATIONS) {
    const value = options[name];
    if (value === undefined) continue;
    if (!(Number.isInteger(value) && (value as number) >= 1)) {
      problems.push(messages.options.receiverDuration(name));
    } else if ((value as number) > MAX_TIMER_MS) {
      // Node clamps a longer timer to 1 ms: a 2^31 ms confirm deadline refused every CVS payment at once.
      problems.push(messages.options.timerTooLong(`webhookReceiver.${name}`, MAX_TIMER_MS));
    }
  }
  const hops = options.trustedProxyHops;
  if (hops !== undefined && !(Number.isInteger(hops) && (hops as number) >= 0 && (hops as number) <= 10)) {
    problems.push(messages.options.receiverProxyHops);
  }
  const ips = options.allowedSourceIps;
  if (
    ips !== undefined &&
    (!Array.isArray(ips) || ips.some(ip => typeof ip !== 'string' || isIP(ip) === 0))
  ) {
    problems.push(messages.options.receiverSourceIps);
  }
  if (!isUnsetOrHasMethods<PortOneWebhookClaimStore>(options.claimStore, ['claim', 'complete', 'release'])) {
    problems.push(messages.options.receiverClaimStore);
  }
  if (!isUnsetOrHasMethods<PortOneWebhookQueue>(options.queue, ['enqueue', 'start', 'close'])) {
    problems.push(messages.options.receiverQueue);
  }
  return problems;
}

/** Applies defaults; call after {@link webhookReceiverProblems} found nothing. @internal */
export function resolveWebhookReceiverOptions(
  options: PortOneWebhookReceiverOptions = {},
): ResolvedWebhookReceiverOptions {
  return {
    claimStore: options.claimStore ?? new InMemoryWebhookClaimStore(),
    ...(options.queue && { queue: options.queue }),
    processingTimeoutMs: options.processingTimeoutMs ?? WEBHOOK_RECEIVER_DEFAULTS.processingTimeoutMs,
    dedupeWindowMs: options.dedupeWindowMs ?? WEBHOOK_RECEIVER_DEFAULTS.dedupeWindowMs,
    confirmDeadlineMs: options.confirmDeadlineMs ?? WEBHOOK_RECEIVER_DEFAULTS.confirmDeadlineMs,
    allowedSourceIps: options.allowedSourceIps && new Set(options.allowedSourceIps.map(normalizeIp)),
    trustedProxyHops: options.trustedProxyHops ?? WEBHOOK_RECEIVER_DEFAULTS.trustedProxyHops,
  };
}

/** `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) is `1.2.3.4`. @internal */
export function normalizeIp(ip: string): string {
  const trimmed = ip.trim();
  return trimmed.toLowerCase().startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4
    ? trimmed.slice(7)
    : trimmed;
}

/** An option the app may leave out, or an object with every one of the given methods (the interface's shape). */
function isUnsetOrHasMethods<T>(value: unknown, methods: readonly (keyof T & string)[]): boolean {
  if (value === undefined) return true;
  const candidate = value as Record<string, unknown> | null;
  return methods.every(method => typeof candidate?.[method] === 'function');
}
