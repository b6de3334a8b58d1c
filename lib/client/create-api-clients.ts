import { HttpService } from '@nestjs/axios';
import { registerAuthInterceptors, type AuthStrategy } from '../http/auth-interceptors';
import { createAxiosInstance, type OwnedAxiosInstance } from '../http/create-axios-instance';
import { SingleFlightTokenCache } from '../http/token-cache';
import { PortOneTransport } from '../http/transport';
import type { ApiDialect } from '../http/api-dialect.interface';
import type { ResolvedPortOneOptions } from '../options/resolve-options';
import { V1AuthStrategy } from '../v1/v1-auth.strategy';
import { v1Dialect } from '../v1/v1-dialect';
import { issueV1Token } from '../v1/v1-token-issuer';
import { V2SecretAuthStrategy, V2TokenAuthStrategy } from '../v2/v2-auth.strategies';
import { v2Dialect } from '../v2/v2-dialect';
import { V2TokenIssuer } from '../v2/v2-token-issuer';
import { PortOneApiClient, type ConfiguredApi } from './portone-api-client';

/**
 * Builds the V1 client: its own axios instance and socket pool, one token cache, the auth interceptors
 * registered exactly once. Called once per module registration, so two registrations share nothing.
 * @internal
 */
export function createV1Client(options: ResolvedPortOneOptions): PortOneApiClient {
  const v1 = options.v1;
  if (!v1) return new PortOneApiClient('v1', undefined);
  const owned = createAxiosInstance({
    baseURL: v1.baseUrl,
    timeoutMs: options.timeoutMs,
    maxSockets: options.maxSockets,
  });
  const tokens = new SingleFlightTokenCache(() => issueV1Token(owned.axios, v1, options.timeoutMs));
  return new PortOneApiClient(
    'v1',
    assemble(owned, new V1AuthStrategy(tokens, v1.tierCode), v1Dialect, options),
  );
}

/**
 * Builds the V2 client, authenticating with the API secret on every call or with login/refresh tokens.
 * @internal
 */
export function createV2Client(options: ResolvedPortOneOptions): PortOneApiClient {
  const v2 = options.v2;
  if (!v2) return new PortOneApiClient('v2', undefined);
  const owned = createAxiosInstance({
    baseURL: v2.baseUrl,
    timeoutMs: options.timeoutMs,
    maxSockets: options.maxSockets,
  });
  const issuer = new V2TokenIssuer(owned.axios, v2.apiSecret, options.timeoutMs);
  const strategy: AuthStrategy =
    v2.auth === 'token'
      ? new V2TokenAuthStrategy(new SingleFlightTokenCache(() => issuer.issue()))
      : new V2SecretAuthStrategy(v2.apiSecret);
  return new PortOneApiClient('v2', assemble(owned, strategy, v2Dialect, options), v2.storeId);
}

function assemble(
  owned: OwnedAxiosInstance,
  strategy: AuthStrategy,
  dialect: ApiDialect,
  options: ResolvedPortOneOptions,
): ConfiguredApi {
  registerAuthInterceptors(owned.axios, strategy);
  return {
    http: new HttpService(owned.axios),
    // Only what the transport needs: the credentials stay with the auth strategy, out of anything that a
    // debugger, a test diff or a heap dump of the transport would show.
    transport: new PortOneTransport(owned.axios, dialect, {
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      logger: options.logger,
    }),
    destroy: () => owned.destroy(),
  };
}
