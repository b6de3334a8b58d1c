import type { PortOneAxiosConfig } from '../core/attempt-context';
import type { AuthStrategy } from '../core/authentication';
import type { SingleFlightTokenCache } from './token-cache';

/**
 * `Authorization: Bearer <access token>` from the token cache (V1, and V2 with `auth: 'token'`), plus
 * `headers` on every request (V1's `Tier` for sub-stores). A 401 drops exactly the token that was refused;
 * the replay then fetches (or joins the fetch of) a new one.
 * @internal
 */
export function bearerTokenAuth(
  tokens: SingleFlightTokenCache,
  headers: Readonly<Record<string, string>> = {},
): AuthStrategy {
  return {
    async authorize(config: PortOneAxiosConfig, fresh: boolean): Promise<string> {
      const token = await tokens.get({ fresh });
      config.headers.set('Authorization', `Bearer ${token}`);
      for (const [name, value] of Object.entries(headers)) config.headers.set(name, value);
      return token;
    },
    refuse(token: string): boolean {
      tokens.invalidate(token);
      return true;
    },
  };
}

/**
 * V2 `Authorization: PortOne <secret>` on every call. A 401 cannot be fixed by a replay, so none is made.
 * @internal
 */
export function apiSecretAuth(apiSecret: string): AuthStrategy {
  const header = `PortOne ${apiSecret}`;
  return {
    authorize(config: PortOneAxiosConfig): Promise<string> {
      config.headers.set('Authorization', header);
      return Promise.resolve('');
    },
    refuse: () => false,
  };
}
