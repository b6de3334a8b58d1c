import { type AxiosInstance, isAxiosError } from 'axios';
import type { PortOneAxiosConfig } from '../core/attempt-context';

/**
 * How one API generation authenticates a request.
 * @internal
 */
export interface AuthStrategy {
  /** Sets the auth headers on `config` and returns the credential used (for targeted invalidation). */
  authorize(config: PortOneAxiosConfig): Promise<string>;
  /**
   * Called when PortOne answered 401 to a request that carried `credential`. Returns true when a replay
   * can succeed (a token was dropped and will be fetched anew), false when it cannot (a static secret).
   */
  onUnauthorized(credential: string): boolean;
}

/**
 * Registers the auth interceptors on the module's own axios instance, once, when the transport is built
 * (`PortOneTransport.authenticate`). Every request is authenticated except those marked `skipAuth` (the
 * token requests), so fetching a token can never recurse into fetching a token. A 401 drops the token and
 * replays the request exactly once.
 * @internal
 */
export function registerAuthInterceptors(instance: AxiosInstance, strategy: AuthStrategy): void {
  instance.interceptors.request.use(async config => {
    const request = config as PortOneAxiosConfig;
    const context = (request.portone ??= {});
    if (!context.skipAuth) {
      context.beforeSend?.(); // a call refused now must not even fetch a token
      context.usedCredential = await strategy.authorize(request);
    }
    context.beforeSend?.();
    return request;
  });

  instance.interceptors.response.use(undefined, async (error: unknown) => {
    if (!isAxiosError(error) || error.response?.status !== 401) throw error;
    const config = error.config as PortOneAxiosConfig | undefined;
    const context = config?.portone;
    if (!config || !context || context.skipAuth || context.authReplayed) throw error;
    if (!strategy.onUnauthorized(context.usedCredential ?? '')) throw error;
    context.authReplayed = true;
    return instance.request(config);
  });
}
