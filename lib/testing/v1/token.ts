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
  const { apiKey, apiSecret } = state.config.v1;
  if (imp_key !== apiKey || imp_secret !== apiSecret) return v1Error(401, 'Unauthorized');
  return v1Ok(state.v1Tokens.issue());
}
