import { type AxiosInstance, isAxiosError } from 'axios';
import type { PortOneAxiosConfig } from './attempt-context';

/**
 * How one API generation authenticates a request (see lib/auth for the bearer-token and API-secret ones).
 * @internal
 */
export interface AuthStrategy {
  /**
   * Sets the auth headers on `config` and returns the credential used, so that a 401 drops exactly that
   * one. `fresh` is set on the replay after a 401: a token about to expire must not be sent again.
   */
  authorize(config: PortOneAxiosConfig, fresh: boolean): Promise<string>;
  /**
   * PortOne answered 401 to `credential`. Drops it and returns true when a fresh one can be fetched, false
   * when nothing would change (a static API secret).
   */
  refuse(credential: string): boolean;
}

/**
 * THE 401 rule, for every call of both API generations: a 401 means the credential was refused, so drop it,
 * fetch a fresh one and replay the request ONCE; a second 401, or a 401 to a credential that cannot be
 * renewed, is the call's failure (`PortOneAuthError`). The retry loop never sends a 401 again
 * (`retriedByRetryLoop`): this replay is the only resend. Token requests are never authenticated nor
 * replayed, so fetching a token can never recurse into fetching a token.
 *
 * It runs as the module's pair of axios interceptors on its own axios instance, registered once per API by
 * `PortOneTransport.authenticate`: the request interceptor sets the auth headers, the response interceptor
 * replays after a 401.
 * @internal
 */
export function registerAuthInterceptors(instance: AxiosInstance, strategy: AuthStrategy): void {
  instance.interceptors.request.use(async config => {
    const request = config as PortOneAxiosConfig;
    const context = (request.portone ??= {});
    if (!context.skipAuth) {
      context.beforeSend?.(); // a call refused now must not even fetch a token
      context.usedCredential = await strategy.authorize(request, context.authReplayed === true);
    }
    context.beforeSend?.();
    return request;
  });

  instance.interceptors.response.use(undefined, async (error: unknown) => {
    if (!isAxiosError(error) || !isUnauthorized(error.response?.status)) throw error;
    const config = error.config as PortOneAxiosConfig | undefined;
    const context = config?.portone;
    if (!config || !context || context.skipAuth || context.authReplayed) throw error;
    if (!strategy.refuse(context.usedCredential ?? '')) throw error;
    context.authReplayed = true;
    return instance.request(config);
  });
}

function isUnauthorized(status: number | undefined): boolean {
  return status === 401;
}

/** Whether the retry loop may send a failure with this status again: never a 401 (see above). @internal */
export function retriedByRetryLoop(status: number): boolean {
  return !isUnauthorized(status);
}

/** Whether this attempt's 401 came after the one replay with a fresh token (said in the error). @internal */
export function refusedAfterReplay(config: unknown): boolean {
  return (config as PortOneAxiosConfig | undefined)?.portone?.authReplayed === true;
}
