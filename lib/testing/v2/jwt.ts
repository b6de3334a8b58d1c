import { createHmac } from 'node:crypto';

/**
 * Minimal HS256 JWT signing. PortOne's V2 access tokens are JWTs; the emulator issues real ones (header,
 * claims, signature) so clients that decode `exp` to schedule refreshes work against it. The emulator never
 * verifies signatures itself: it looks issued tokens up, which is faster and lets it expire them on demand.
 */
export interface JwtClaims {
  sub: string;
  iat: number;
  exp: number;
  jti: string;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** Encodes and signs `claims`. */
export function signJwt(claims: JwtClaims, key: Buffer): string {
  const unsigned = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac('sha256', key).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
