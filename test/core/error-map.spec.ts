import {
  PortOneAbortedError,
  PortOneApiError,
  PortOneAuthError,
  PortOneNetworkError,
  PortOneTimeoutError,
  type PortOneError,
} from '../../lib';
import { toPortOneError, type CallFailure, type FailureContext } from '../../lib/core/error-map';
import { V1_PROTOCOL, V2_PROTOCOL } from '../../lib/core/protocols';

// The one error map and the one retry rule as a table (after stripe-node's test/Error.spec.ts): what PortOne
// answered (status x body x API generation, or no answer at all) and how the call was made decide the error
// class, `retryable` and the message. Over-the-wire behaviour (retries actually made, Retry-After, 401
// replays) is covered by test/reliability/fault-matrix.spec.ts against the emulator.

type Api = 'v1' | 'v2';
type Retry = 'safe' | 'unsafe';

/** PortOne answered `status` with `body`: what the transport hands to the error map. */
function answered(api: Api, status: number, body: unknown, afterRefresh = false): CallFailure {
  const protocol = api === 'v1' ? V1_PROTOCOL : V2_PROTOCOL;
  if (status >= 200 && status < 300) {
    const read = protocol.readSuccess(body);
    if ('payload' in read) throw new Error('the row describes a success');
    return 'failure' in read
      ? { kind: 'answer', status, body: read.failure }
      : { kind: 'invalid-success', status };
  }
  return { kind: 'answer', status, body: protocol.readFailure(body), afterRefresh };
}

const PATHS = { v1: '/certifications/imp_1', v2: '/identity-verifications/iv_1/send' } as const;

function context(api: Api, retry: Retry, token?: string): FailureContext {
  return {
    request: token
      ? { api, method: 'POST', path: api === 'v1' ? '/users/getToken' : '/login/api-secret' }
      : { api, method: retry === 'safe' && api === 'v1' ? 'GET' : 'POST', path: PATHS[api] },
    requestId: 'req-1',
    retrySafe: retry === 'safe',
    sensitiveValues: ['01012345678', '남궁민수'],
    timeoutMs: 1500,
    tokenCredential: token,
  };
}

interface Row {
  readonly case: string;
  readonly api: Api;
  readonly failure: CallFailure;
  readonly retry: Retry;
  readonly token?: string;
  readonly expected: {
    readonly class: abstract new (...args: never[]) => PortOneError;
    readonly retryable: boolean;
    readonly message: string;
    readonly fields?: Record<string, unknown>;
  };
}

const V1_404 = { code: -1, message: '인증결과가 존재하지 않습니다', response: null };
const V1_500 = { code: -1, message: 'Internal error', response: null };
const HTML = '<html><body>502 Bad Gateway</body></html>';

const rows: Row[] = [
  // V1: the envelope's code, in non-2xx answers and in HTTP 200 business failures
  {
    case: 'V1 404 with the envelope',
    api: 'v1',
    failure: answered('v1', 404, V1_404),
    retry: 'safe',
    expected: {
      class: PortOneApiError,
      retryable: false,
      message: 'GET /certifications/imp_1 failed with HTTP 404 (code -1): 인증결과가 존재하지 않습니다',
      fields: { status: 404, code: -1, type: undefined, requestId: 'req-1' },
    },
  },
  {
    case: 'V1 500 on a read is transient',
    api: 'v1',
    failure: answered('v1', 500, V1_500),
    retry: 'safe',
    expected: {
      class: PortOneApiError,
      retryable: true,
      message: 'GET /certifications/imp_1 failed with HTTP 500 (code -1): Internal error',
    },
  },
  {
    case: 'V1 500 on a POST without idempotency is not retryable',
    api: 'v1',
    failure: answered('v1', 500, V1_500),
    retry: 'unsafe',
    expected: {
      class: PortOneApiError,
      retryable: false,
      message: 'POST /certifications/imp_1 failed with HTTP 500 (code -1): Internal error',
    },
  },
  {
    case: 'V1 HTTP 200 with code != 0 is a business failure',
    api: 'v1',
    failure: answered('v1', 200, { code: 1, message: '이미 결제된 주문입니다', response: null }),
    retry: 'unsafe',
    expected: {
      class: PortOneApiError,
      retryable: false,
      message: 'POST /certifications/imp_1 failed with HTTP 200 (code 1): 이미 결제된 주문입니다',
      fields: { status: 200, code: 1 },
    },
  },
  {
    case: 'V1 HTTP 200 without the envelope',
    api: 'v1',
    failure: answered('v1', 200, 'OK'),
    retry: 'safe',
    expected: {
      class: PortOneNetworkError,
      retryable: true,
      message: 'GET /certifications/imp_1 answered HTTP 200 without the V1 envelope',
      fields: { failure: 'invalid-response', status: 200 },
    },
  },
  {
    case: 'V1 502 HTML page from a proxy',
    api: 'v1',
    failure: answered('v1', 502, HTML),
    retry: 'safe',
    expected: {
      class: PortOneNetworkError,
      retryable: true,
      message: "GET /certifications/imp_1 failed: HTTP 502 with a body that is not PortOne's JSON",
      fields: { failure: 'invalid-response', status: 502 },
    },
  },
  {
    case: 'V1 400 HTML page is not transient',
    api: 'v1',
    failure: answered('v1', 400, HTML),
    retry: 'safe',
    expected: {
      class: PortOneNetworkError,
      retryable: false,
      message: "GET /certifications/imp_1 failed: HTTP 400 with a body that is not PortOne's JSON",
    },
  },
  {
    case: 'V1 401 after the token was refreshed and the call replayed',
    api: 'v1',
    failure: answered('v1', 401, { code: -1, message: 'Unauthorized', response: null }, true),
    retry: 'safe',
    expected: {
      class: PortOneAuthError,
      retryable: false,
      message: 'GET /certifications/imp_1 was refused with 401 after a token refresh: Unauthorized',
      fields: { status: 401, code: -1 },
    },
  },
  // V2: the error type decides
  {
    case: 'V2 404 of a known type',
    api: 'v2',
    failure: answered('v2', 404, {
      type: 'IDENTITY_VERIFICATION_NOT_FOUND',
      message: '본인인증 건이 존재하지 않습니다.',
    }),
    retry: 'safe',
    expected: {
      class: PortOneApiError,
      retryable: false,
      message:
        'POST /identity-verifications/iv_1/send failed with HTTP 404 (IDENTITY_VERIFICATION_NOT_FOUND): 본인인증 건이 존재하지 않습니다.',
      fields: { status: 404, type: 'IDENTITY_VERIFICATION_NOT_FOUND', code: undefined },
    },
  },
  {
    case: 'V2 401 with the API secret (no token to refresh)',
    api: 'v2',
    failure: answered('v2', 401, { type: 'UNAUTHORIZED', message: 'Invalid secret' }),
    retry: 'safe',
    expected: {
      class: PortOneAuthError,
      retryable: false,
      message:
        'POST /identity-verifications/iv_1/send was refused with 401: PortOne did not accept the API secret: Invalid secret',
      fields: { status: 401, type: 'UNAUTHORIZED' },
    },
  },
  {
    case: 'V2 401 with a bearer token, after the refresh',
    api: 'v2',
    failure: answered('v2', 401, { type: 'UNAUTHORIZED' }, true),
    retry: 'safe',
    expected: {
      class: PortOneAuthError,
      retryable: false,
      message: 'POST /identity-verifications/iv_1/send was refused with 401 after a token refresh',
    },
  },
  {
    case: 'V2 409 IDEMPOTENCY_OUTSTANDING_REQUEST with a key: wait and send again',
    api: 'v2',
    failure: answered('v2', 409, { type: 'IDEMPOTENCY_OUTSTANDING_REQUEST', message: 'in progress' }),
    retry: 'safe',
    expected: {
      class: PortOneApiError,
      retryable: true,
      message:
        'POST /identity-verifications/iv_1/send failed with HTTP 409 (IDEMPOTENCY_OUTSTANDING_REQUEST): in progress',
    },
  },
  {
    case: 'V2 502 PG_PROVIDER is the PG answering, not a gateway failure',
    api: 'v2',
    failure: answered('v2', 502, {
      type: 'PG_PROVIDER',
      message: 'PG error',
      pgCode: 'E42',
      pgMessage: '남궁민수 님의 번호 01012345678 불일치',
    }),
    retry: 'safe',
    expected: {
      class: PortOneApiError,
      retryable: false,
      message: 'POST /identity-verifications/iv_1/send failed with HTTP 502 (PG_PROVIDER): PG error',
      fields: { pgCode: 'E42', pgMessage: '[REDACTED] 님의 번호 [REDACTED] 불일치' },
    },
  },
  {
    case: 'V2 503 of a type this version does not know',
    api: 'v2',
    failure: answered('v2', 503, { type: 'SOMETHING_NEW', message: 'later' }),
    retry: 'safe',
    expected: {
      class: PortOneApiError,
      retryable: true,
      message: 'POST /identity-verifications/iv_1/send failed with HTTP 503 (SOMETHING_NEW): later',
      fields: { type: 'SOMETHING_NEW' },
    },
  },
  {
    case: 'V2 429 on a call that is not safe to repeat',
    api: 'v2',
    failure: answered('v2', 429, { type: 'TOO_MANY_REQUESTS' }),
    retry: 'unsafe',
    expected: {
      class: PortOneApiError,
      retryable: false,
      message: 'POST /identity-verifications/iv_1/send failed with HTTP 429 (TOO_MANY_REQUESTS)',
    },
  },
  {
    case: 'V2 400 echoing personal data is scrubbed',
    api: 'v2',
    failure: answered('v2', 400, {
      type: 'INVALID_REQUEST',
      message: 'phone 01012345678 of 남궁민수 is invalid',
    }),
    retry: 'safe',
    expected: {
      class: PortOneApiError,
      retryable: false,
      message:
        'POST /identity-verifications/iv_1/send failed with HTTP 400 (INVALID_REQUEST): phone [REDACTED] of [REDACTED] is invalid',
    },
  },
  {
    case: 'V2 HTTP 200 that is not JSON',
    api: 'v2',
    failure: answered('v2', 200, ''),
    retry: 'safe',
    expected: {
      class: PortOneNetworkError,
      retryable: true,
      message: 'POST /identity-verifications/iv_1/send answered HTTP 200 with a body that is not JSON',
    },
  },
  // No answer
  {
    case: 'timeout of a call safe to repeat',
    api: 'v1',
    failure: { kind: 'timeout', errorCode: 'ETIMEDOUT' },
    retry: 'safe',
    expected: {
      class: PortOneTimeoutError,
      retryable: true,
      message: 'GET /certifications/imp_1 timed out after 1500 ms',
      fields: { failure: 'timeout', timeoutMs: 1500, errorCode: 'ETIMEDOUT' },
    },
  },
  {
    case: 'timeout of a call that may have acted',
    api: 'v1',
    failure: { kind: 'timeout', errorCode: 'ETIMEDOUT' },
    retry: 'unsafe',
    expected: {
      class: PortOneTimeoutError,
      retryable: false,
      message: 'POST /certifications/imp_1 timed out after 1500 ms',
    },
  },
  {
    case: 'connection reset mid-request of a call that may have acted',
    api: 'v2',
    failure: { kind: 'connection', errorCode: 'ECONNRESET' },
    retry: 'unsafe',
    expected: {
      class: PortOneNetworkError,
      retryable: false,
      message: 'POST /identity-verifications/iv_1/send failed: connection error (ECONNRESET)',
      fields: { failure: 'connection', errorCode: 'ECONNRESET' },
    },
  },
  {
    case: 'connection refused: the request never left, so even a POST may be sent again',
    api: 'v2',
    failure: { kind: 'connection', errorCode: 'ECONNREFUSED' },
    retry: 'unsafe',
    expected: {
      class: PortOneNetworkError,
      retryable: true,
      message: 'POST /identity-verifications/iv_1/send failed: connection error (ECONNREFUSED)',
    },
  },
  {
    case: 'aborted by the caller',
    api: 'v2',
    failure: { kind: 'aborted' },
    retry: 'safe',
    expected: {
      class: PortOneAbortedError,
      retryable: false,
      message: 'POST /identity-verifications/iv_1/send was aborted by the caller',
    },
  },
  // Token requests: always PortOneAuthError; retryable when transient (the call itself was not sent yet)
  {
    case: 'V1 getToken refused',
    api: 'v1',
    token: 'the API key or secret',
    failure: answered('v1', 401, { code: -1, message: 'Unauthorized', response: null }),
    retry: 'safe',
    expected: {
      class: PortOneAuthError,
      retryable: false,
      message: 'PortOne V1 refused the API key or secret (/users/getToken answered 401)',
      fields: { status: 401, code: -1 },
    },
  },
  {
    case: 'V1 getToken 500',
    api: 'v1',
    token: 'the API key or secret',
    failure: answered('v1', 500, V1_500),
    retry: 'safe',
    expected: {
      class: PortOneAuthError,
      retryable: true,
      message: 'Could not obtain a PortOne V1 access token: /users/getToken failed with HTTP 500',
    },
  },
  {
    case: 'V1 getToken HTTP 200 with code != 0',
    api: 'v1',
    token: 'the API key or secret',
    failure: answered('v1', 200, { code: -1, message: 'no', response: null }),
    retry: 'safe',
    expected: {
      class: PortOneAuthError,
      retryable: false,
      message: 'PortOne V1 /users/getToken answered without a usable access token',
      fields: { status: 200, code: -1 },
    },
  },
  {
    case: 'V2 login unreachable',
    api: 'v2',
    token: 'the API secret',
    failure: { kind: 'connection', errorCode: 'ECONNREFUSED' },
    retry: 'safe',
    expected: {
      class: PortOneAuthError,
      retryable: true,
      message:
        'Could not obtain a PortOne V2 access token: /login/api-secret failed with a network error (ECONNREFUSED)',
    },
  },
  {
    case: 'V2 login refused',
    api: 'v2',
    token: 'the API secret',
    failure: answered('v2', 401, { type: 'UNAUTHORIZED', message: 'bad secret' }),
    retry: 'safe',
    expected: {
      class: PortOneAuthError,
      retryable: false,
      message: 'PortOne V2 refused the API secret (/login/api-secret answered 401)',
      fields: { type: 'UNAUTHORIZED' },
    },
  },
];

describe('the error map and the retry rule', () => {
  it.each(rows.map(row => [row.case, row] as const))('%s', (_, row) => {
    const error = toPortOneError(row.failure, context(row.api, row.retry, row.token));
    expect(error).toBeInstanceOf(row.expected.class);
    expect(error.constructor).toBe(row.expected.class);
    expect(error.retryable).toBe(row.expected.retryable);
    expect(error.message).toBe(row.expected.message);
    expect(error).toMatchObject(row.expected.fields ?? {});
  });

  it('covers every failure kind, both API generations and token requests', () => {
    expect(new Set(rows.map(row => row.failure.kind))).toEqual(
      new Set(['answer', 'invalid-success', 'timeout', 'connection', 'aborted']),
    );
    expect(new Set(rows.map(row => row.api))).toEqual(new Set(['v1', 'v2']));
    expect(rows.some(row => row.token)).toBe(true);
  });
});
