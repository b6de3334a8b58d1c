import type { IncomingHttpHeaders } from 'node:http';
import { headerValue } from '../http/context';

/**
 * The V1 access token from the request. PortOne's docs use `Authorization: Bearer <token>`; older official
 * clients send a bare `Authorization: <token>` or `X-ImpTokenHeader: <token>`. All three are accepted, and
 * Authorization wins when both are present (as an iamport maintainer described the server).
 */
export function extractV1Token(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headerValue(headers, 'authorization')?.trim();
  if (authorization) {
    const match = /^bearer\s+(\S+)$/i.exec(authorization);
    if (match) return match[1];
    return authorization.includes(' ') ? undefined : authorization;
  }
  return headerValue(headers, 'x-imptokenheader')?.trim() || undefined;
}

const TIER_CODE = /^[A-Z0-9]{3}$/;

/** An error message when a `Tier` header is present but is not a 3-character [A-Z0-9] code. */
export function checkTierHeader(headers: IncomingHttpHeaders): string | undefined {
  const tier = headerValue(headers, 'tier');
  if (tier === undefined || TIER_CODE.test(tier)) return undefined;
  return 'Tier header must be a 3-character code of upper-case letters or digits';
}
