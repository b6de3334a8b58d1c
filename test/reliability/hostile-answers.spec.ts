import { PortOneError, PortOneNetworkError, PortOneValidationError } from '../../lib';
import { rejectionOf, type PortOneTestApp } from '../support/portone-test-app';
import {
  scriptedCvsIssue,
  scriptedOtpRequest,
  startScriptedPortOne,
  type ScriptedAnswer,
  type ScriptedPortOne,
  type ScriptedServer,
} from '../support/scripted-server';

// Written as JSON text: JSON.stringify itself overflows the stack on 5,000 levels, JSON.parse does not.
/** `depth` lists inside lists: `[[[...]]]`. */
const nestedLists = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
/** `depth` objects inside objects: `{"a":{"a":...}}`. */
const nestedObjects = (depth: number): string => '{"a":'.repeat(depth) + '{}' + '}'.repeat(depth);
/** A V1 success envelope around a payment whose `field` holds `json`. */
const v1PaymentWith = (field: string, json: string): ScriptedAnswer => ({
  body: `{"code":0,"message":null,"response":{"imp_uid":"imp_1","merchant_uid":"order-1","status":"cancelled","${field}":${json}}}`,
});

/**
 * Every failure is a PortOneError. Before: a BigInt in bypass/customData, a toJSON that throws, a status of
 * `{"toString":1}` and a 5,000-deep cancel_history each threw a raw TypeError or RangeError; confirm()
 * resolved a READY record typed as verified; certifications.get resolved to a string or a list.
 */
describe('hostile inputs and hostile success answers', () => {
  let portone: ScriptedPortOne;
  let server: ScriptedServer;
  let app: PortOneTestApp;

  beforeAll(async () => {
    portone = await startScriptedPortOne('hostile');
    ({ server, app } = portone);
  });
  afterAll(() => portone.close());
  beforeEach(() => (server.requests.length = 0));

  const throwingToJson = {
    toJSON() {
      throw new Error('no');
    },
  };
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;

  it.each([
    [
      'a BigInt in V1 bypass',
      (a: PortOneTestApp) => a.certifications.requestOtp(otp({ bypass: { n: 1n } })),
      'bypass',
    ],
    [
      'a toJSON that throws in V1 bypass',
      (a: PortOneTestApp) => a.certifications.requestOtp(otp({ bypass: throwingToJson })),
      'bypass',
    ],
    [
      'a BigInt in CVS customData',
      (a: PortOneTestApp) => a.cvs.issue(cvs({ customData: { n: 1n } })),
      'customData',
    ],
    [
      // class-transformer cannot even copy a cycle, so the DTO as a whole is reported unreadable
      'a cycle in CVS customData',
      (a: PortOneTestApp) => a.cvs.issue(cvs({ customData: cycle })),
      '(root)',
    ],
    [
      'a BigInt in V2 bypass',
      (a: PortOneTestApp) => a.identityVerifications.send('iv-1', send({ bypass: { n: 1n } })),
      'bypass',
    ],
    [
      'a toJSON that throws in V2 customData',
      (a: PortOneTestApp) => a.identityVerifications.send('iv-1', send({ customData: throwingToJson })),
      'customData',
    ],
  ])('%s: PortOneValidationError naming the field, nothing sent', async (_name, call, field) => {
    const error = await rejectionOf(call(app));
    expect(error).toBeInstanceOf(PortOneValidationError);
    expect((error as PortOneValidationError).issues.map(issue => issue.field)).toContain(field);
    expect(server.requests.filter(request => request.path !== '/users/getToken')).toEqual([]);
  });

  const v1 = (response: unknown): ScriptedAnswer => ({ body: { code: 0, message: null, response } });
  const payment = { imp_uid: 'imp_1', merchant_uid: 'order-1', status: 'cancelled' };
  const record = { id: 'iv-1', requestedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };

  it.each([
    [
      'V2 get: status {"toString":1}',
      { body: { ...record, status: { toString: 1 } } },
      (a: PortOneTestApp) => a.identityVerifications.get('iv-1'),
    ],
    [
      'V1 revoke: cancel_history 5,000 lists deep',
      v1PaymentWith('cancel_history', nestedLists(5_000)),
      (a: PortOneTestApp) => a.cvs.revoke('imp_1'),
    ],
    [
      'V2 confirm: a READY record',
      { body: { identityVerification: { ...record, status: 'READY' } } },
      (a: PortOneTestApp) => a.identityVerifications.confirm('iv-1', { otp: '123456' }),
    ],
    [
      'V2 confirm: an unrecognised status',
      { body: { identityVerification: { ...record, status: 'HACKED' } } },
      (a: PortOneTestApp) => a.identityVerifications.confirm('iv-1', { otp: '123456' }),
    ],
    [
      'V2 confirm: no record',
      { body: {} },
      (a: PortOneTestApp) => a.identityVerifications.confirm('iv-1', { otp: '123456' }),
    ],
    [
      'V2 list: items is not a list',
      { body: { items: 'x', page: { number: 0, size: 10, totalCount: 1 } } },
      (a: PortOneTestApp) => a.identityVerifications.list(),
    ],
    [
      'V2 list: an item without status',
      { body: { items: [{ id: 'iv-1' }], page: {} } },
      (a: PortOneTestApp) => a.identityVerifications.list(),
    ],
    ['V1 get: a string', v1('imp_1'), (a: PortOneTestApp) => a.certifications.get('imp_1')],
    ['V1 get: a list', v1([{ imp_uid: 'imp_1' }]), (a: PortOneTestApp) => a.certifications.get('imp_1')],
    ['V1 get: null', v1(null), (a: PortOneTestApp) => a.certifications.get('imp_1')],
    ['V1 requestOtp: no imp_uid', v1({}), (a: PortOneTestApp) => a.certifications.requestOtp(otp())],
  ])('%s: a typed error saying PortOne answered something unexpected', async (_name, answer, call) => {
    portone.next = answer;
    const error = await rejectionOf(call(app));
    expect(error).toBeInstanceOf(PortOneNetworkError);
    expect(error).toMatchObject({ failure: 'invalid-response', status: 200, retryable: false });
    expect((error as Error).message).toContain('PortOne answered something unexpected');
  });

  it('a well-formed answer still maps, and an unknown status from get stays readable', async () => {
    portone.next = { body: { ...record, status: 'SOMETHING_NEW' } };
    await expect(app.identityVerifications.get('iv-1')).resolves.toMatchObject({
      status: 'UNRECOGNIZED',
      rawStatus: 'SOMETHING_NEW',
    });
    portone.next = v1({ ...payment, cancel_history: [{ amount: 10 }] });
    await expect(app.cvs.revoke('imp_1')).resolves.toMatchObject({ impUid: 'imp_1' });
    // Depth in a text field is not walked: it is not text, so it is left out.
    portone.next = v1PaymentWith('custom_data', nestedObjects(5_000));
    await expect(app.cvs.revoke('imp_1')).resolves.toMatchObject({ impUid: 'imp_1' });
    // Depth in a field no model declares is never walked.
    portone.next = v1PaymentWith('cancel_history', `[${nestedObjects(5_000)}]`);
    await expect(app.cvs.revoke('imp_1')).resolves.toMatchObject({ impUid: 'imp_1' });
  });

  it('every rejection above is a PortOneError (no raw TypeError or RangeError)', async () => {
    portone.next = v1PaymentWith('cancel_history', nestedLists(5_000));
    expect(await rejectionOf(app.cvs.revoke('imp_1'))).toBeInstanceOf(PortOneError);
  });
});

// The scripted PortOne's valid requests, with fields replaced by hostile values (hence `as never`).
function otp(overrides: Record<string, unknown> = {}) {
  return { ...scriptedOtpRequest(), ...overrides } as never;
}
function cvs(overrides: Record<string, unknown> = {}) {
  return { ...scriptedCvsIssue(), ...overrides } as never;
}
function send(overrides: Record<string, unknown> = {}) {
  return {
    channelKey: 'channel-key-1',
    customer: { name: '김철', phoneNumber: '01012345678', identityNumber: '9001011' },
    operator: 'SKT',
    method: 'SMS',
    ...overrides,
  } as never;
}
