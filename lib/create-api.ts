import type { HttpService } from '@nestjs/axios';
import { SingleFlightTokenCache } from './auth/token-cache';
import { V1AuthStrategy, requestV1Token } from './auth/v1-auth';
import { V2SecretAuthStrategy, V2TokenAuthStrategy, V2TokenIssuer } from './auth/v2-auth';
import { createObservers, type ApiObservers } from './observability/create-observer';
import { observeTokenFetch } from './observability/observe-token-fetch';
import type { ResolvedPortOneOptions } from './options/resolve-options';
import { HeldSecrets } from './redaction';
import { createAxiosInstance } from './core/axios-instance';
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
 * `/users/getToken` (fetched through this same transport) and the `Tier` header. Called once per module
 * registration, so two registrations share nothing.
 * @internal
 */
export function createV1Api(options: ResolvedPortOneOptions): PortOneApi {
  const v1 = options.v1;
  if (!v1) return withHttp(new PortOneClient('v1', undefined));
  const observers = createObservers('v1', v1.baseUrl, true);
  const secrets = new HeldSecrets([v1.apiKey, v1.apiSecret]);
  const transport = createTransport(v1.baseUrl, V1_PROTOCOL, options, secrets, observers);
  const issue = observeTokenFetch(observers.observer, async () => {
    const issued = await requestV1Token(transport, v1);
    secrets.addToken(issued.value, issued.lifetimeMs);
    return issued;
  });
  transport.authenticate(new V1AuthStrategy(new SingleFlightTokenCache(issue), v1.tierCode));
  return withHttp(new PortOneClient('v1', transport, observers.statistics));
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
  if (usesTokens) {
    const issuer = new V2TokenIssuer(transport, v2.apiSecret, secrets);
    const issue = observeTokenFetch(observers.observer, () => issuer.issue());
    transport.authenticate(new V2TokenAuthStrategy(new SingleFlightTokenCache(issue)));
  } else {
    transport.authenticate(new V2SecretAuthStrategy(v2.apiSecret));
  }
  return withHttp(new PortOneClient('v2', transport, observers.statistics, v2.storeId));
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
    createAxiosInstance({
      baseURL,
      timeoutMs: options.timeoutMs,
      // One socket more than calls may be on the wire (RequestSlots): a token request then never queues
      // behind the calls that wait for it.
      maxSockets: options.maxSockets + 1,
      maxResponseBytes: options.maxResponseBytes,
    }),
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
