import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { performance } from 'node:perf_hooks';
import { NO_RETRY, type PortOneCallOptions } from '../core/call-options';
import { defineOperation } from '../core/operation';
import { messages } from '../errors/messages';
import type { PortOneClient } from '../core/portone-client';
import { portOneClientToken, portOneReconcilerToken } from '../portone.constants';
import type { PortOneReconciliationHealth } from '../webhooks/reconciliation/reconciliation-health';
import type { WebhookReconciler } from '../webhooks/reconciliation/webhook-reconciler';
import { assessApiHealth, type PortOneApiHealth } from './assess-api-health';
import { PORTONE_HEALTH_OPTIONS, type ResolvedHealthOptions } from './portone-health-options';

/** Options of one `isHealthy` check. */
export interface PortOneHealthCheckOptions {
  /** Check only this API generation. Default: every configured one. */
  api?: 'v1' | 'v2';
  /**
   * The `name` of the `PortOneModule` registration to check (`forRoot({ name: 'agency', … })`): its own
   * calls, token and credentials. Default: the registration made without a name. With several merchants,
   * give each its own key: `isHealthy('portone-agency', { registration: 'agency' })`.
   */
  registration?: string;
}
/** An id no record has: PortOne answers 404 to an authenticated lookup, 401 when the credentials fail. */
const PROBE_ID = 'imp_portone_health_probe';
/** Lookups (GETs), sent without retries (`NO_RETRY` at the call): a probe reports the state of now, not after backoff. */
const PROBES = {
  v1: defineOperation({
    api: 'v1',
    name: 'PortOneHealthIndicator.probe',
    method: 'GET',
    path: '/certifications/{id}',
    idempotency: 'natural',
  }),
  v2: defineOperation({
    api: 'v2',
    name: 'PortOneHealthIndicator.probe',
    method: 'GET',
    path: '/identity-verifications/{id}',
    idempotency: 'natural',
    query: (_, { storeId }) => ({ storeId }),
  }),
};

/**
 * Terminus health indicator for PortOne. Reports from what the module already knows: the outcome and
 * latency of the app's recent PortOne calls and the access token's state. Only when it knows nothing
 * recent does it send one cheap authenticated request, at most once per `probeIntervalMs` however often
 * `/health` is asked. It never throws: every problem is a `down` result (Terminus 12 no longer turns a
 * throw into a 503). The result holds statuses, counts, durations and error classes, never a secret, a
 * token or personal data.
 *
 * ```ts
 * @Get('health') @HealthCheck()
 * check() { return this.health.check([() => this.portOne.isHealthy('portone')]); }
 * ```
 * Each check is of one registration (`{ registration: name }`; the unnamed one by default), so two merchants
 * are two keys, and one can be down while the other is up.
 * @publicApi
 */
@Injectable()
export class PortOneHealthIndicator {
  /** The probe in flight or last sent, per registration and API (`<registration>|<api>`). */
  private readonly probes = new Map<string, { startedAt: number; done: Promise<void> }>();

  /** @internal Nest constructs the indicator; apps inject it. */
  constructor(
    private readonly healthIndicatorService: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
    @Inject(PORTONE_HEALTH_OPTIONS) private readonly options: ResolvedHealthOptions,
  ) {}

  /**
   * `up` when every checked API's last recent call reached PortOne with accepted credentials. Checks one
   * registration: `options.registration`, else the one made without a name. With that registration's
   * `webhook.reconcile` on, V1's check also reports `reconciliation`, and is down after three sweeps in a row
   * left payments behind.
   */
  async isHealthy<const Key extends string>(
    key: Key,
    options: PortOneHealthCheckOptions = {},
  ): Promise<HealthIndicatorResult<Key>> {
    const session = this.healthIndicatorService.check(key);
    try {
      const { registration } = options;
      const configured = (['v1', 'v2'] as const).filter(api => this.client(api, registration));
      if (configured.length === 0 && !this.registered(registration)) {
        return session.down({ reason: messages.health.noSuchRegistration(registration) });
      }
      const apis = options.api ? [options.api] : configured;
      if (apis.length === 0) return session.down({ reason: messages.health.noApiConfigured });
      // Both APIs at once: a probe that waits for its timeout must not delay the other API's answer.
      const assessed = await Promise.all(
        apis.map(async api => [api, await this.assess(api, registration)] as const),
      );
      const reports: Partial<Record<'v1' | 'v2', PortOneApiHealth>> & {
        reconciliation?: PortOneReconciliationHealth;
      } = Object.fromEntries(assessed);
      let up = assessed.every(([, health]) => health.status === 'up');
      // Webhook reconciliation (V1), when on: sweeps that keep failing mean paid barcodes may go unnoticed.
      const reconciliation = apis.includes('v1') ? this.reconciliation(registration) : undefined;
      if (reconciliation) {
        reports.reconciliation = reconciliation;
        up &&= reconciliation.status !== 'down';
      }
      return up ? session.up(reports) : session.down(reports);
    } catch {
      // Nothing above is expected to throw; if it does, the answer is still a result, not an exception.
      return session.down({ reason: messages.health.checkFailed });
    }
  }

  private async assess(api: 'v1' | 'v2', registration: string | undefined): Promise<PortOneApiHealth> {
    const client = this.client(api, registration);
    const statistics = client?.statistics;
    if (!client || !statistics) {
      return {
        status: 'down',
        basis: 'none',
        recentCalls: { count: 0, failures: 0 },
        reason: messages.health.apiNotConfigured(api),
      };
    }
    const windowMs = this.options.probeIntervalMs;
    const last = statistics.calls().at(-1);
    let probed = false;
    if (!last || performance.now() - last.endedAt > windowMs) {
      probed = await this.probe(`${registration ?? ''}|${api}`, api, client);
    }
    return assessApiHealth({
      calls: statistics.calls(),
      token: statistics.usesTokens ? statistics.token() : undefined,
      now: performance.now(),
      windowMs,
      probed,
    });
  }

  /** Sends the probe unless one was sent within the interval (joining one in flight). True when it ran. */
  private async probe(probeKey: string, api: 'v1' | 'v2', client: PortOneClient): Promise<boolean> {
    const previous = this.probes.get(probeKey);
    if (previous && performance.now() - previous.startedAt < this.options.probeIntervalMs) {
      await previous.done;
      return true;
    }
    const done = client
      .call(PROBES[api], { id: PROBE_ID }, undefined, {
        timeoutMs: this.options.probeTimeoutMs,
        [NO_RETRY]: true,
      } as PortOneCallOptions)
      // The outcome is recorded by the module's call statistics like any call; nothing to do with it here.
      .then(
        () => undefined,
        () => undefined,
      );
    this.probes.set(probeKey, { startedAt: performance.now(), done });
    await done;
    return true;
  }

  private reconciliation(registration: string | undefined): PortOneReconciliationHealth | undefined {
    try {
      return this.moduleRef
        .get<WebhookReconciler>(portOneReconcilerToken(registration), { strict: false })
        .health.report();
    } catch {
      return undefined;
    }
  }

  /** The registration's client for `api`, when that API is configured in it. */
  private client(api: 'v1' | 'v2', registration: string | undefined): PortOneClient | undefined {
    try {
      const client = this.moduleRef.get<PortOneClient>(portOneClientToken(api, registration), {
        strict: false,
      });
      return client.statistics ? client : undefined;
    } catch {
      return undefined;
    }
  }

  /** Whether the app has this registration (its clients exist even for an API it leaves unconfigured). */
  private registered(registration: string | undefined): boolean {
    try {
      this.moduleRef.get(portOneClientToken('v1', registration), { strict: false });
      return true;
    } catch {
      return false;
    }
  }
}
