import { PortOneNetworkError } from '../../lib';
import { rejectionOf, sendRequest, type PortOneTestApp } from '../support/portone-test-app';
import {
  scriptedCvsIssue as cvs,
  scriptedOtpRequest as otp,
  startScriptedPortOne,
  type ScriptedPortOne,
} from '../support/scripted-server';

// Every operation of the three services, driven with the same hostile 2xx answers: each must check the shape
// its return type promises. Before: CvsService.get and findByMerchantUid resolved an empty PortOnePayment
// (no impUid, no status) for each of them, and V2 send/resend resolved on a list.

type Call = (app: PortOneTestApp) => Promise<unknown>;

const OPERATIONS: readonly (readonly [name: string, api: 'v1' | 'v2', call: Call])[] = [
  ['CertificationService.get', 'v1', a => a.certifications.get('imp_1')],
  ['CertificationService.delete', 'v1', a => a.certifications.delete('imp_1')],
  ['CertificationService.requestOtp', 'v1', a => a.certifications.requestOtp(otp())],
  ['CertificationService.confirmOtp', 'v1', a => a.certifications.confirmOtp('imp_1', { otp: '123456' })],
  ['CvsService.issue', 'v1', a => a.cvs.issue(cvs())],
  ['CvsService.revoke', 'v1', a => a.cvs.revoke('imp_1')],
  ['CvsService.get', 'v1', a => a.cvs.get('imp_1')],
  ['CvsService.findByMerchantUid', 'v1', a => a.cvs.findByMerchantUid('order-1')],
  ['CvsService.listByStatus', 'v1', a => a.cvs.listByStatus('paid')],
  [
    'CvsService.findByMerchantUid (status)',
    'v1',
    a => a.cvs.findByMerchantUid('order-1', { status: 'paid' }),
  ],
  ['IdentityVerificationService.get', 'v2', a => a.identityVerifications.get('iv-1')],
  ['IdentityVerificationService.list', 'v2', a => a.identityVerifications.list()],
  [
    'IdentityVerificationService.send',
    'v2',
    a => a.identityVerifications.send('iv-1', sendRequest('channel-key-1')),
  ],
  [
    'IdentityVerificationService.confirm',
    'v2',
    a => a.identityVerifications.confirm('iv-1', { otp: '123456' }),
  ],
  ['IdentityVerificationService.resend', 'v2', a => a.identityVerifications.resend('iv-1')],
];

/** The same hostile values for every operation: V1 gets them as the envelope's `response`, V2 as the body. */
const HOSTILE: readonly (readonly [label: string, value: unknown])[] = [
  ['null', null],
  ['[]', []],
  ['42', 42],
  ["'x'", 'x'],
  ['{}', {}],
];

/** V2 send and resend promise nothing but an object: PortOne's answer to them is `{}`. */
const ANSWERS_WITH_NOTHING = new Set([
  'IdentityVerificationService.send',
  'IdentityVerificationService.resend',
]);

describe('every operation checks the shape its type promises', () => {
  let portone: ScriptedPortOne;
  let app: PortOneTestApp;

  beforeAll(async () => {
    portone = await startScriptedPortOne('shape');
    ({ app } = portone);
  });
  afterAll(() => portone.close());

  const cases = OPERATIONS.flatMap(([name, api, call]) =>
    HOSTILE.map(([label, value]) => [name, label, api, value, call] as const),
  );

  it.each(cases)('%s answered %s: a typed invalid-response error', async (name, label, api, value, call) => {
    // As JSON text: the scripted server would send a string as it is and a null as `{}`.
    portone.next = {
      body: JSON.stringify(api === 'v1' ? { code: 0, message: null, response: value } : value),
    };
    if (label === '{}' && ANSWERS_WITH_NOTHING.has(name)) {
      await expect(call(app)).resolves.toBeUndefined();
      return;
    }
    const error = await rejectionOf(call(app));
    expect(error).toBeInstanceOf(PortOneNetworkError);
    expect(error).toMatchObject({ failure: 'invalid-response', status: 200 });
  });

  it('a payment whose status is not a PortOne status is refused, a well-formed one maps', async () => {
    const payment = { imp_uid: 'imp_1', merchant_uid: 'order-1', amount: 1000, status: { toString: 1 } };
    portone.next = { body: { code: 0, message: null, response: payment } };
    expect(await rejectionOf(app.cvs.get('imp_1'))).toBeInstanceOf(PortOneNetworkError);
    expect(await rejectionOf(app.cvs.issue(cvs()))).toBeInstanceOf(PortOneNetworkError);
    portone.next = { body: { code: 0, message: null, response: { ...payment, status: 'paid' } } };
    await expect(app.cvs.get('imp_1')).resolves.toMatchObject({ impUid: 'imp_1', status: 'paid' });
    await expect(app.cvs.findByMerchantUid('order-1')).resolves.toMatchObject({ merchantUid: 'order-1' });
  });
});
