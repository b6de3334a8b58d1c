import type { HttpService } from '@nestjs/axios';
import { apiSecretAuth, bearerTokenAuth } from './auth/auth-strategies';
import { SingleFlightTokenCache } from './auth/token-cache';
import { tokenOperations } from './auth/token.operations';
import { V2TokenIssuer } from './auth/v2-token-issuer';
import { createObservers, type ApiObservers } from './observability/create-observer';
import { observeTokenFetch } from './observability/observe-token-fetch';
import type { ResolvedPortOneOptions } from './options/resolve-options';
import { HeldSecrets } from './redaction';
import { createPortOneHttpService } from './core/portone-http';
import { PortOneClient } from './core/portone-client';
import { V1_PROTOCOL, V2_PROTOCOL, type Protocol } from './core/protocols';
import { PortOneTransport } from './core/transport';

/** One API generation as the module registers it. @internal */
export interface PortOneApi {
  /** What the services call. */
  readonly client: PortOneClient;
  /** The injectable HttpService (`@InjectPortOneHttp`), going through the same client and transport. */
  readonly http: HttpService;
}

/**
 * The V1 API (api.iamport.kr): its own axios instance and socket pool, the V1 envelope, bearer tokens from
 * `/users/getToken` (a declared operation, fetched through this same client) and the `Tier` header. Called once per module
 * registration, so two registrations share nothing.
 * @internal
 */
export function createV1Api(options: ResolvedPortOneOptions): PortOneApi {
  const v1 = options.v1;
  if (!v1) return withHttp(new PortOneClient('v1', undefined));
  const observers = createObservers('v1', v1.baseUrl, true);
  const secrets = new HeldSecrets([v1.apiKey, v1.apiSecret]);
  const transport = createTransport(v1.baseUrl, V1_PROTOCOL, options, secrets, observers);
  const client = new PortOneClient('v1', transport, observers.statistics);
  const issue = observeTokenFetch(observers.observer, async () => {
    const issued = await client.requestToken(tokenOperations.v1GetToken, v1, 'the API key or secret');
    secrets.addToken(issued.value, issued.lifetimeMs);
    return issued;
  });
  const tier: Record<string, string> = v1.tierCode ? { Tier: v1.tierCode } : {};
  transport.authenticate(bearerTokenAuth(new SingleFlightTokenCache(issue), tier));
  return withHttp(client);
}

/**
 * The V2 API (api.portone.io): bare JSON, authenticated with the API secret on every call, or with
 * login/refresh tokens (fetched through this same transport) for `auth: 'token'`.
 * @internal
 */
export function createV2Api(options: ResolvedPortOneOptions): PortOneApi {
  const v2 = options.v2;
  if (!v2) return withHttp(new PortOneClient('v2', undefined));
  const usesTokens = v2.auth === 'token';
  const observers = createObservers('v2', v2.baseUrl, usesTokens);
  const secrets = new HeldSecrets([v2.apiSecret]);
  const transport = createTransport(v2.baseUrl, V2_PROTOCOL, options, secrets, observers);
  const client = new PortOneClient('v2', transport, observers.statistics, v2.storeId);
  if (usesTokens) {
    const issuer = new V2TokenIssuer(client, v2.apiSecret, secrets);
    const issue = observeTokenFetch(observers.observer, () => issuer.issue());
    transport.authenticate(bearerTokenAuth(new SingleFlightTokenCache(issue)));
  } else {
    transport.authenticate(apiSecretAuth(v2.apiSecret));
  }
  return withHttp(client);
}

function createTransport(
  baseURL: string,
  protocol: Protocol,
  options: ResolvedPortOneOptions,
  secrets: HeldSecrets,
  observers: ApiObservers,
): PortOneTransport {
  // Only what the transport needs: the credentials stay with the auth strategy, out of anything that a
  // debugger, a test diff or a heap dump of the transport would show (`secrets` only scrubs error text).
  return new PortOneTransport(
    {
      baseURL,
      timeoutMs: options.timeoutMs,
      // One socket more than calls may be on the wire (RequestSlots): a token request then never queues
      // behind the calls that wait for it.
      maxSockets: options.maxSockets + 1,
      maxResponseBytes: options.maxResponseBytes,
    },
    protocol,
    {
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      logger: options.logger,
      secrets,
      observer: observers.observer,
      concurrency: options.maxSockets,
      shutdownGraceMs: options.shutdownGraceMs,
    },
  );
}

function withHttp(client: PortOneClient): PortOneApi {
  return { client, http: createPortOneHttpService(client) };
}
