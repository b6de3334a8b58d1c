import {
  PortOneAbortedError,
  PortOneApiError,
  PortOneAuthError,
  PortOneConfigurationError,
  PortOneNetworkError,
  PortOneShutdownError,
  PortOneTimeoutError,
  PortOneValidationError,
  type PortOneError,
  toPortOneErrorResponse,
} from '../../lib';

const request = { api: 'v2', method: 'POST', path: '/identity-verifications/iv-1/send' } as const;
const api = (init: Partial<ConstructorParameters<typeof PortOneApiError>[0]> & { status: number }) =>
  new PortOneApiError({ request, requestId: 'req-1', ...init });

describe('PortOneError → HTTP answer mapping', () => {
  it.each<[string, PortOneError, number]>([
    ['a 404 type', api({ status: 404, type: 'IDENTITY_VERIFICATION_NOT_FOUND' }), 404],
    ['an unknown type with status 404', api({ status: 404, type: 'SOMETHING_NEW_NOT_FOUND' }), 404],
    ['a V1 404', api({ status: 404, code: -1 }), 404],
    ['already sent', api({ status: 409, type: 'IDENTITY_VERIFICATION_ALREADY_SENT' }), 409],
    ['already verified', api({ status: 409, type: 'IDENTITY_VERIFICATION_ALREADY_VERIFIED' }), 409],
    ['not sent (a 404 from PortOne)', api({ status: 404, type: 'IDENTITY_VERIFICATION_NOT_SENT' }), 409],
    ['an outstanding idempotent request', api({ status: 409, type: 'IDEMPOTENCY_OUTSTANDING_REQUEST' }), 409],
    ['a V1 refusal sent as HTTP 200', api({ status: 200, code: 1 }), 409],
    ['a rejected request', api({ status: 400, type: 'INVALID_REQUEST' }), 422],
    ['a V1 400', api({ status: 400, code: -1 }), 422],
    ['too many attempts', api({ status: 400, type: 'MAX_TRANSACTION_COUNT_REACHED' }), 429],
    ['rate limiting', api({ status: 429 }), 429],
    ['an unknown channel key', api({ status: 404, type: 'CHANNEL_NOT_FOUND' }), 500],
    ['a forbidden store', api({ status: 403, type: 'FORBIDDEN' }), 500],
    ['a PG rejection', api({ status: 502, type: 'PG_PROVIDER', pgCode: 'E1' }), 502],
    ['a 5xx', api({ status: 503 }), 502],
    ['a 401 on an API call', api({ status: 401, type: 'UNAUTHORIZED' }), 502],
    ['a not-found type with another status', api({ status: 400, type: 'PAYMENT_NOT_FOUND' }), 404],
    ['refused credentials', new PortOneAuthError('refused', { status: 401 }), 502],
    ['a dropped connection', new PortOneNetworkError('dropped', { failure: 'connection' }), 502],
    ['a timeout', new PortOneTimeoutError(60_000, { request }), 504],
    ['invalid module options', new PortOneConfigurationError(['v1.apiKey must be a string']), 500],
    ['an aborted call', new PortOneAbortedError({ request }), 503],
    ['a call refused at shutdown', new PortOneShutdownError({ request, sent: false }), 503],
    ['a call cut off at shutdown', new PortOneShutdownError({ request, sent: true }), 503],
  ])('%s → %i', (_case, error, status) => {
    const body = toPortOneErrorResponse(error);
    expect(body.statusCode).toBe(status);
    expect(body.error).toEqual(expect.any(String));
    expect(body.message).toEqual(expect.any(String));
  });

  it('lists the fields and rules of a validation error, without its messages', () => {
    const error = new PortOneValidationError('SendIdentityVerificationDto', [
      {
        field: 'customer.phoneNumber',
        rules: ['matches'],
        messages: ['customer.phoneNumber must be digits'],
      },
    ]);

    expect(toPortOneErrorResponse(error)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: error.message,
      portOne: { issues: [{ field: 'customer.phoneNumber', rules: ['matches'] }] },
    });
  });

  it("passes on PortOne's type, code, PG code and request id", () => {
    expect(
      toPortOneErrorResponse(api({ status: 502, type: 'PG_PROVIDER', pgCode: 'E1', pgMessage: 'no' })),
    ).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      message: 'no',
      portOne: { type: 'PG_PROVIDER', pgCode: 'E1', requestId: 'req-1' },
    });
  });

  it('does not tell the client about server-side problems', () => {
    const body = toPortOneErrorResponse(new PortOneConfigurationError(['v2.apiSecret must be a string']));
    expect(JSON.stringify(body)).not.toContain('apiSecret');
  });
});
