import { ResponseChecker } from './response-checker';

const base = { contentType: 'application/json', injected: false } as const;

describe('the response checker (what test/conformance/setup.ts runs on every emulator response)', () => {
  it('passes a body that matches its operation and status, and reports one that does not', () => {
    const checker = new ResponseChecker();
    const ready = {
      status: 'READY',
      id: 'iv-1',
      requestedCustomer: {},
      requestedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      statusChangedAt: '2026-01-01T00:00:00.000Z',
      version: 'V2',
    };
    const get = {
      ...base,
      api: 'v2',
      method: 'GET',
      path: '/identity-verifications/iv-1',
      status: 200,
    } as const;
    checker.check({ ...get, body: JSON.stringify(ready) });
    checker.check({ ...get, body: JSON.stringify({ ...ready, requestedAt: 'yesterday' }) });
    checker.check({ ...get, body: JSON.stringify({ ...ready, status: 'DONE' }) });
    expect(checker.tally.validated).toBe(3);
    // ajv reports the first union member's first error, so the message names a rule, not always the field.
    expect(checker.tally.violations).toEqual([
      expect.stringMatching(/^v2 GET \/identity-verifications\/\{identityVerificationId\} 200: /),
      expect.stringMatching(/^v2 GET \/identity-verifications\/\{identityVerificationId\} 200: /),
    ]);
  });

  it('matches V1 payment lookups, with or without the optional payment_status segment', () => {
    const checker = new ResponseChecker();
    const v1Get = { ...base, api: 'v1', method: 'GET', status: 200 } as const;
    const payment = {
      imp_uid: 'imp_1',
      merchant_uid: 'order-1',
      amount: 1000,
      cancel_amount: 0,
      currency: 'KRW',
      status: 'paid',
      sandbox: true,
    };
    const ok = JSON.stringify({ code: 0, message: null, response: payment });
    const bad = JSON.stringify({ code: 0, message: null, response: { ...payment, amount: 'lots' } });
    checker.check({ ...v1Get, path: '/payments/imp_1', body: ok });
    checker.check({ ...v1Get, path: '/payments/find/order-1', body: ok });
    checker.check({ ...v1Get, path: '/payments/find/order-1/paid', body: bad });
    expect(checker.tally.outsideSpec).toBe(0);
    expect(checker.tally.validated).toBe(3);
    expect(checker.tally.violations).toEqual([
      expect.stringMatching(/^v1 GET \/payments\/find\/\{merchant_uid\}\/\{payment_status\} 200: /),
    ]);
  });

  it('matches the V1 status list (getPaymentsByStatus) and checks its PagedPaymentAnnotation', () => {
    const checker = new ResponseChecker();
    const v1Get = { ...base, api: 'v1', method: 'GET', status: 200, path: '/payments/status/paid' } as const;
    const payment = {
      imp_uid: 'imp_1',
      merchant_uid: 'order-1',
      amount: 1000,
      cancel_amount: 0,
      currency: 'KRW',
      status: 'paid',
      sandbox: true,
    };
    const page = { total: 1, previous: 0, next: 0, list: [payment] };
    checker.check({ ...v1Get, body: JSON.stringify({ code: 0, message: null, response: page }) });
    checker.check({
      ...v1Get,
      body: JSON.stringify({ code: 0, message: null, response: { ...page, next: 'none' } }),
    });
    checker.check({
      ...v1Get,
      body: JSON.stringify({ code: 0, message: null, response: { ...page, list: [{ imp_uid: 1 }] } }),
    });
    expect(checker.tally).toMatchObject({ outsideSpec: 0, validated: 3 });
    expect(checker.tally.violations).toEqual([
      expect.stringMatching(/^v1 GET \/payments\/status\/\{payment_status\} 200: /),
      expect.stringMatching(/^v1 GET \/payments\/status\/\{payment_status\} 200: /),
    ]);
  });

  it('tells the V2 error union apart by type: a type the operation cannot answer is a violation', () => {
    const checker = new ResponseChecker();
    const get = {
      ...base,
      api: 'v2',
      method: 'GET',
      path: '/identity-verifications/x',
      status: 404,
    } as const;
    checker.check({
      ...get,
      body: JSON.stringify({ type: 'IDENTITY_VERIFICATION_NOT_FOUND', message: 'm' }),
    });
    checker.check({ ...get, body: JSON.stringify({ type: 'CHANNEL_NOT_FOUND', message: 'm' }) });
    expect(checker.tally.violations).toHaveLength(1);
  });

  it('a V2 status the operation does not declare is a violation; V1 bodies without a schema get the envelope', () => {
    const checker = new ResponseChecker();
    checker.check({
      ...base,
      api: 'v2',
      method: 'POST',
      path: '/login/api-secret',
      status: 404,
      body: '{"type":"X"}',
    });
    checker.check({
      ...base,
      api: 'v1',
      method: 'POST',
      path: '/users/getToken',
      status: 401,
      body: JSON.stringify({ code: -1, message: 'Unauthorized', response: null }),
    });
    checker.check({
      ...base,
      api: 'v1',
      method: 'POST',
      path: '/users/getToken',
      status: 401,
      body: '{"code":"x"}',
    });
    expect(checker.tally.envelopeOnly).toBe(2);
    expect(checker.tally.violations).toEqual([
      expect.stringContaining('v2 POST /login/api-secret 404: status not declared'),
      expect.stringContaining('/code must be integer'),
    ]);
  });

  it('V1 null means absent (Swagger 2.0 cannot say nullable) except on required fields', () => {
    const checker = new ResponseChecker();
    const cert = { imp_uid: 'imp_1', pg_provider: 'danal', foreigner: false, name: null, foreigner_v2: null };
    const get = { ...base, api: 'v1', method: 'GET', path: '/certifications/imp_1', status: 200 } as const;
    checker.check({ ...get, body: JSON.stringify({ code: 0, message: null, response: cert }) });
    checker.check({
      ...get,
      body: JSON.stringify({ code: 0, message: null, response: { ...cert, foreigner: null } }),
    });
    expect(checker.tally.violations).toEqual([
      expect.stringContaining('/response/foreigner must be boolean'),
    ]);
  });

  it('leaves injected faults, unknown routes and the emulator’s own endpoints out', () => {
    const checker = new ResponseChecker();
    checker.check({ ...base, api: 'v1', method: 'GET', path: '/x', status: 404, body: '{}' });
    checker.check({
      ...base,
      injected: true,
      api: 'v2',
      method: 'GET',
      path: '/identity-verifications/a',
      status: 503,
      body: '<html>',
    });
    checker.check({ ...base, api: 'emulator', method: 'GET', path: '/stats', status: 200, body: '{}' });
    expect(checker.tally).toMatchObject({ outsideSpec: 1, injected: 1, validated: 0, violations: [] });
  });
});
