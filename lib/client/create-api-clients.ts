import { HttpService } from '@nestjs/axios';
import type { AxiosInstance } from 'axios';
import { registerAuthInterceptors, type AuthStrategy } from '../http/auth-interceptors';
import { createAxiosInstance } from '../http/create-axios-instance';
import { SingleFlightTokenCache } from '../http/token-cache';
import { PortOneTransport } from '../http/transport';
import { HeldSecrets } from '../redaction';
import type { ApiDialect } from '../http/api-dialect.interface';
import type { ResolvedPortOneOptions } from '../options/resolve-options';
import { V1AuthStrategy } from '../v1/v1-auth.strategy';
import { v1Dialect } from '../v1/v1-dialect';
import { issueV1Token } from '../v1/v1-token-issuer';
import { V2SecretAuthStrategy, V2TokenAuthStrategy } from '../v2/v2-auth.strategies';
import { v2Dialect } from '../v2/v2-dialect';
import { V2TokenIssuer } from '../v2/v2-token-issuer';
import { createObservers } from '../observability/create-observer';
import { observeTokenFetch } from '../observability/observe-token-fetch';
import type { PortOneObserver } from '../observability/call-observer';
import { PortOneApiClient, type ConfiguredApi } from './portone-api-client';

/**
 * Builds the V1 client: its own axios instance and socket pool, one token cache, the auth interceptors
 * registered exactly once. Called once per module registration, so two registrations share nothing.
 * @internal
 */
export function createV1Client(options: ResolvedPortOneOptions): PortOneApiClient {
  const v1 = options.v1;
  if (!v1) return new PortOneApiClient('v1', undefined);
  const secrets = new HeldSecrets([v1.apiKey, v1.apiSecret]);
  const configured = assemble(v1.baseUrl, v1Dialect, options, secrets, true, (axios, observer) => {
    const issue = observeTokenFetch(observer, async () => {
      const issued = await issueV1Token(axios, v1, options.timeoutMs);
      secrets.addToken(issued.value);
      return issued;
    });
    return new V1AuthStrategy(new SingleFlightTokenCache(issue), v1.tierCode);
  });
  return new PortOneApiClient('v1', configured);
}

/**
 * Builds the V2 client, authenticating with the API secret on every call or with login/refresh tokens.
 * @internal
 */
export function createV2Client(options: ResolvedPortOneOptions): PortOneApiClient {
  const v2 = options.v2;
  if (!v2) return new PortOneApiClient('v2', undefined);
  const secrets = new HeldSecrets([v2.apiSecret]);
  const usesTokens = v2.auth === 'token';
  const configured = assemble(v2.baseUrl, v2Dialect, options, secrets, usesTokens, (axios, observer) => {
    if (v2.auth !== 'token') return new V2SecretAuthStrategy(v2.apiSecret);
    const issuer = new V2TokenIssuer(axios, v2.apiSecret, options.timeoutMs, secrets);
    return new V2TokenAuthStrategy(
      new SingleFlightTokenCache(observeTokenFetch(observer, () => issuer.issue())),
    );
  });
  return new PortOneApiClient('v2', configured, v2.storeId);
}

/**
 * One API generation's plumbing: a dedicated axios instance, the auth strategy built on it (token requests
 * go through the same instance and pool, marked to skip the auth interceptors), and the transport.
 */
function assemble(
  baseURL: string,
  dialect: ApiDialect,
  options: ResolvedPortOneOptions,
  secrets: HeldSecrets,
  usesTokens: boolean,
  createStrategy: (axios: AxiosInstance, observer: PortOneObserver) => AuthStrategy,
): ConfiguredApi {
  const { statistics, observer } = createObservers(dialect.api, baseURL, usesTokens);
  const owned = createAxiosInstance({
    baseURL,
    timeoutMs: options.timeoutMs,
    maxSockets: options.maxSockets,
  });
  registerAuthInterceptors(owned.axios, createStrategy(owned.axios, observer));
  return {
    http: new HttpService(owned.axios),
    // Only what the transport needs: the credentials stay with the auth strategy, out of anything that a
    // debugger, a test diff or a heap dump of the transport would show.
    transport: new PortOneTransport(owned.axios, dialect, {
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      logger: options.logger,
      secrets,
      observer,
    }),
    statistics,
    destroy: () => owned.destroy(),
  };
}
