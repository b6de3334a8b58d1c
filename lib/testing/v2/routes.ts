import { headerValue, type HandlerResult, type PreparedResponse, type RequestContext } from '../http/context';
import { parseIdempotencyKey } from '../http/idempotency';
import type { Dispatcher } from '../http/pipeline';
import { Router } from '../http/router';
import type { V2OperationId } from '../schema/validator';
import { strictMessage, unknownQueryParams } from '../schema/strict';
import type { EmulatorState } from '../state';
import {
  authenticate,
  bodyCredentialScope,
  loginViaApiSecret,
  refreshToken,
  unauthorized,
  type V2Principal,
} from './auth';
import { v2Error } from './errors';
import {
  confirmIdentityVerification,
  getIdentityVerification,
  resendIdentityVerification,
  sendIdentityVerification,
} from './identity-verifications';
import { listIdentityVerifications } from './list';

/** A V2 handler. `principal` is set for authenticated routes. */
type V2Handler = (
  ctx: RequestContext,
  state: EmulatorState,
  body: unknown,
  principal: V2Principal,
) => HandlerResult;

/** A V2 route: authentication, body schema and where the body comes from. */
interface V2Route {
  auth: boolean;
  operationId?: V2OperationId;
  /** GET /identity-verifications takes its body from `?requestBody=` (or a JSON GET body). */
  bodyFromQuery?: boolean;
  /** The query parameters the spec declares (strict mode refuses others). */
  query?: readonly string[];
  handler: V2Handler;
}

/** Login and refresh run unauthenticated (their handlers find the merchant); a principal-shaped placeholder. */
function noPrincipal(state: EmulatorState): V2Principal {
  return { merchant: state, storeId: '', idempotencyScope: '' };
}

function buildRouter(): Router<V2Route> {
  return new Router<V2Route>()
    .add('POST', '/login/api-secret', {
      auth: false,
      operationId: 'loginViaApiSecret',
      handler: loginViaApiSecret,
    })
    .add('POST', '/token/refresh', { auth: false, operationId: 'refreshToken', handler: refreshToken })
    .add('GET', '/identity-verifications', {
      auth: true,
      operationId: 'getIdentityVerifications',
      bodyFromQuery: true,
      query: ['requestBody'],
      handler: listIdentityVerifications,
    })
    .add('GET', '/identity-verifications/:identityVerificationId', {
      auth: true,
      query: ['storeId'],
      handler: getIdentityVerification,
    })
    .add('POST', '/identity-verifications/:identityVerificationId/send', {
      auth: true,
      operationId: 'sendIdentityVerification',
      handler: sendIdentityVerification,
    })
    .add('POST', '/identity-verifications/:identityVerificationId/confirm', {
      auth: true,
      operationId: 'confirmIdentityVerification',
      handler: confirmIdentityVerification,
    })
    .add('POST', '/identity-verifications/:identityVerificationId/resend', {
      auth: true,
      query: ['storeId'],
      handler: resendIdentityVerification,
    });
}

/**
 * V2 bodies are JSON only. PortOne's SDK sends JSON without a Content-Type, which the body parser already
 * accepts as JSON; forms, non-JSON text and malformed JSON are refused.
 */
function isJsonOrEmpty(ctx: RequestContext): boolean {
  return ctx.bodyKind === 'json' || ctx.bodyKind === 'none';
}

/** The list body: `?requestBody=<JSON>` wins over a GET body. Undefined body means "all defaults". */
function listBodySource(ctx: RequestContext): { ok: true; body: unknown } | { ok: false } {
  const fromQuery = ctx.query.requestBody;
  if (fromQuery !== undefined) {
    try {
      return { ok: true, body: JSON.parse(Array.isArray(fromQuery) ? fromQuery[0] : fromQuery) as unknown };
    } catch {
      return { ok: false };
    }
  }
  return isJsonOrEmpty(ctx) ? { ok: true, body: ctx.body } : { ok: false };
}

/** Validates the body and runs the handler: the part of a request that idempotency records. */
function run(
  ctx: RequestContext,
  state: EmulatorState,
  route: V2Route,
  principal: V2Principal,
): HandlerResult {
  let body: unknown = ctx.body;
  if (route.bodyFromQuery) {
    const source = listBodySource(ctx);
    if (!source.ok) return v2Error('INVALID_REQUEST', 'requestBody must be a JSON object');
    body = source.body;
  } else if (route.operationId && !isJsonOrEmpty(ctx)) {
    return v2Error('INVALID_REQUEST', 'Request body must be JSON');
  }
  if (state.config.strict) {
    const fields = route.operationId ? state.validator.unknownV2Fields(route.operationId, body) : [];
    const message = strictMessage(fields, unknownQueryParams(ctx.query, route.query));
    if (message) return v2Error('INVALID_REQUEST', message);
  }
  if (route.operationId) {
    const result = state.validator.validateV2(route.operationId, body);
    if (!result.ok) {
      state.counters.specViolations += 1;
      return v2Error('INVALID_REQUEST', result.message);
    }
    body = result.value;
  }
  try {
    return route.handler(ctx, state, body, principal);
  } catch {
    return v2InternalError();
  }
}

/**
 * Wraps a POST in `Idempotency-Key` handling: replay a finished key, 409 an outstanding one, otherwise run the
 * request with the key marked in flight until its response is written.
 */
function withIdempotency(
  ctx: RequestContext,
  state: EmulatorState,
  scope: string,
  execute: () => HandlerResult,
): HandlerResult {
  const header = headerValue(ctx.headers, 'idempotency-key');
  if (header === undefined) return execute();
  const parsed = parseIdempotencyKey(header);
  if (!parsed.ok) return v2Error('INVALID_REQUEST', parsed.message);
  const previous = state.idempotency.lookup(scope, parsed.key);
  if (previous.state === 'done') return replay(previous.response);
  if (previous.state === 'in-flight') {
    return v2Error(
      'IDEMPOTENCY_OUTSTANDING_REQUEST',
      '같은 멱등 키로 처리 중인 요청이 있습니다. (a request with this Idempotency-Key is still in flight)',
    );
  }
  state.idempotency.begin(scope, parsed.key);
  const result = execute();
  return {
    ...result,
    onWritten: (response: PreparedResponse) => {
      result.onWritten?.(response);
      state.idempotency.complete(scope, parsed.key, response);
    },
  };
}

function replay(response: PreparedResponse): HandlerResult {
  return {
    status: response.status,
    body: undefined,
    payload: response.payload,
    headers: { ...response.headers, 'idempotent-replayed': 'true' },
  };
}

/**
 * The V2 API. Order of checks: route (404), authentication (401), Idempotency-Key (400/409/replay), body
 * parse and schema (400), then the handler's own checks. Errors are `{ type, message }`.
 */
export function createV2Dispatcher(state: EmulatorState): Dispatcher {
  const router = buildRouter();
  return ctx => {
    const match = router.match(ctx.method, ctx.path);
    if (!match) return v2Error('NOT_FOUND', `No such V2 endpoint: ${ctx.method} ${ctx.path}`);
    ctx.params = match.params;
    const { route } = match;
    let principal = noPrincipal(state);
    if (route.auth) {
      const authenticated = authenticate(ctx.headers, state);
      if (!authenticated) return unauthorized();
      principal = authenticated;
    }
    // The handler sees the records of the merchant whose credential the request carries.
    const merchant = principal.merchant;
    // PortOne ignores Idempotency-Key on GET.
    if (ctx.method !== 'POST') return run(ctx, merchant, route, principal);
    const scope = route.auth ? principal.idempotencyScope : bodyCredentialScope(ctx.body);
    return withIdempotency(ctx, state, scope, () => run(ctx, merchant, route, principal));
  };
}

/**
 * The 500 for an unexpected emulator error. Caught here rather than in the pipeline so an idempotency key
 * still completes (with this answer) instead of staying in flight forever.
 */
function v2InternalError(): HandlerResult {
  return v2Error('INTERNAL_SERVER_ERROR', 'Internal Server Error');
}
