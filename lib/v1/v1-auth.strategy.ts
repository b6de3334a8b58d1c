import type { AuthStrategy } from '../http/auth-interceptors';
import type { PortOneRequestConfig } from '../http/request-context';
import type { SingleFlightTokenCache } from '../http/token-cache';

/**
 * V1 auth: `Authorization: Bearer <access token>` from the shared token cache, plus the `Tier` header for
 * sub-stores. A 401 drops exactly the token that was refused; the replay then fetches (or joins the fetch
 * of) a new one.
 * @internal
 */
export class V1AuthStrategy implements AuthStrategy {
  constructor(
    private readonly tokens: SingleFlightTokenCache,
    private readonly tierCode?: string,
  ) {}

  async authorize(config: PortOneRequestConfig): Promise<string> {
    const token = await this.tokens.get();
    config.headers.set('Authorization', `Bearer ${token}`);
    if (this.tierCode) config.headers.set('Tier', this.tierCode);
    return token;
  }

  onUnauthorized(token: string): boolean {
    this.tokens.invalidate(token);
    return true;
  }
}
