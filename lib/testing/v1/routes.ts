import type { HandlerResult, RequestContext } from '../http/context';
import type { Dispatcher } from '../http/pipeline';
import { Router } from '../http/router';
import type { V1OperationId } from '../schema/validator';
import { strictMessage, unknownQueryParams } from '../schema/strict';
import type { EmulatorState } from '../state';
import { checkTierHeader, extractV1Token } from './auth';
import { confirmOtp, deleteCertification, getCertification, requestOtp } from './certifications';
import { issueCvsPayment, revokeCvsPayment } from './cvs';
import { v1Error } from './envelope';
import { listPaymentsByStatus } from './payment-list';
import { PAYMENT_LIST_QUERY } from './payment-list-params';
import { findPayment, getPayment } from './payments';
import { getToken } from './token';

/** A V1 route: whether it needs a token, which schema its body follows, and the handler. */
interface V1Route {
  auth: boolean;
  operationId?: V1OperationId;
  /** Query parameters the spec declares for the operation (strict mode rejects any other). */
  query?: readonly string[];
  handler: (ctx: RequestContext, state: EmulatorState, body: unknown) => HandlerResult;
}

// The spec declares only `sorting` on getPaymentByMerchantUid; `include_sandbox` is accepted too because
// whether find filters sandbox payments is UNVERIFIED and the client sends the flag to both lookups.
const FIND_QUERY = ['sorting', 'include_sandbox'] as const;

function buildRouter(): Router<V1Route> {
  return (
    new Router<V1Route>()
      .add('POST', '/users/getToken', { auth: false, operationId: 'getToken', handler: getToken })
      // Literal routes before parameter routes: the router takes the first match, so a future
      // `GET /certifications/otp` stays reachable.
      .add('POST', '/certifications/otp/request', {
        auth: true,
        operationId: 'requestOTP',
        handler: requestOtp,
      })
      .add('POST', '/certifications/otp/confirm/:imp_uid', {
        auth: true,
        operationId: 'confirmOTP',
        handler: confirmOtp,
      })
      .add('GET', '/certifications/:imp_uid', { auth: true, handler: getCertification })
      .add('DELETE', '/certifications/:imp_uid', { auth: true, handler: deleteCertification })
      .add('POST', '/cvs', { auth: true, operationId: 'issueCvsPayment', handler: issueCvsPayment })
      .add('DELETE', '/cvs/:imp_uid', { auth: true, handler: revokeCvsPayment })
      .add('GET', '/payments/find/:merchant_uid', { auth: true, query: FIND_QUERY, handler: findPayment })
      .add('GET', '/payments/find/:merchant_uid/:payment_status', {
        auth: true,
        query: FIND_QUERY,
        handler: findPayment,
      })
      .add('GET', '/payments/status/:payment_status', {
        auth: true,
        query: PAYMENT_LIST_QUERY,
        handler: listPaymentsByStatus,
      })
      .add('GET', '/payments/:imp_uid', { auth: true, query: ['include_sandbox'], handler: getPayment })
  );
}

/**
 * The V1 API. Order of checks: route (404), token (401), Tier header (400), body parse and schema (400), then
 * the handler's own semantic checks. Every answer uses the `{ code, message, response }` envelope.
 */
export function createV1Dispatcher(state: EmulatorState): Dispatcher {
  const router = buildRouter();
  return ctx => {
    const match = router.match(ctx.method, ctx.path);
    if (!match) return v1Error(404, `No such V1 endpoint: ${ctx.method} ${ctx.path}`);
    ctx.params = match.params;
    const { route } = match;
    // The merchant whose token the request carries: its handler sees that merchant's records only.
    let merchant = state;
    if (route.auth) {
      const token = extractV1Token(ctx.headers);
      const owner = state.merchants.find(candidate => candidate.v1Tokens.isValid(token));
      if (!owner) return v1Error(401, 'Unauthorized');
      merchant = owner;
    }
    const tierError = checkTierHeader(ctx.headers);
    if (tierError) return v1Error(400, tierError);
    if (ctx.bodyKind === 'invalid-json') return v1Error(400, 'Request body is not valid JSON');
    if (state.config.strict) {
      const fields = route.operationId ? state.validator.unknownV1Fields(route.operationId, ctx.body) : [];
      const message = strictMessage(fields, unknownQueryParams(ctx.query, route.query));
      if (message) return v1Error(400, message);
    }
    let body: unknown = ctx.body;
    if (route.operationId) {
      const result = state.validator.validateV1(route.operationId, ctx.body, ctx.bodyKind === 'form');
      if (!result.ok) {
        state.counters.specViolations += 1;
        return v1Error(400, result.message);
      }
      body = result.value;
    }
    return route.handler(ctx, merchant, body);
  };
}
