import type { AuthStrategy } from '../http/auth-interceptors';
import type { PortOneRequestConfig } from '../http/request-context';
import type { SingleFlightTokenCache } from '../http/token-cache';

/**
 * `Authorization: PortOne <secret>` on every call. A 401 cannot be fixed by a replay, so none is made.
 * @internal
 */
export class V2SecretAuthStrategy implements AuthStrategy {
  private readonly header: string;

  constructor(apiSecret: string) {
    this.header = `PortOne ${apiSecret}`;
  }

  authorize(config: PortOneRequestConfig): Promise<string> {
    config.headers.set('Authorization', this.header);
    return Promise.resolve('');
  }

  onUnauthorized(): boolean {
    return false;
  }
}

/**
 * `Authorization: Bearer <access token>` from the token cache (login once, then refresh ahead of expiry).
 * @internal
 */
export class V2TokenAuthStrategy implements AuthStrategy {
  constructor(private readonly tokens: SingleFlightTokenCache) {}

  async authorize(config: PortOneRequestConfig): Promise<string> {
    const token = await this.tokens.get();
    config.headers.set('Authorization', `Bearer ${token}`);
    return token;
  }

  onUnauthorized(token: string): boolean {
    this.tokens.invalidate(token);
    return true;
  }
}
