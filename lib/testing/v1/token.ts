import type { HandlerResult, RequestContext } from '../http/context';
import type { EmulatorState } from '../state';
import { v1Error, v1Ok } from './envelope';

/** `POST /users/getToken` body after schema validation. */
interface GetTokenBody {
  imp_key: string;
  imp_secret: string;
}

/** `POST /users/getToken`: 401 with the envelope for wrong credentials (the exact body is UNVERIFIED). */
export function getToken(ctx: RequestContext, state: EmulatorState, body: unknown): HandlerResult {
  const { imp_key, imp_secret } = body as GetTokenBody;
  // Each merchant has its own keys; the token is that merchant's, and so is everything it then reaches.
  const merchant = state.merchants.find(
    ({ config }) => config.v1.apiKey === imp_key && config.v1.apiSecret === imp_secret,
  );
  if (!merchant) return v1Error(401, 'Unauthorized');
  return v1Ok(merchant.v1Tokens.issue());
}
