import type { PortOneEmulator } from '../../lib/testing';
import {
  call,
  cvsBody,
  formInit,
  jsonInit,
  readReferenceSpec,
  useV1Emulator,
} from '../support/emulator-http';

const v1Spec = readReferenceSpec('v1-subset.json');

describe('emulator V1 CVS barcodes', () => {
  let emulator: PortOneEmulator;
  let token: string;
  useV1Emulator(env => ({ emulator, token } = env));

  const auth = () => ({ authorization: `Bearer ${token}` });
  const issue = (body: unknown) => call(`${emulator.v1BaseUrl}/cvs`, jsonInit('POST', body, auth()));
  const revoke = (impUid: string) =>
    call(`${emulator.v1BaseUrl}/cvs/${impUid}`, { method: 'DELETE', headers: auth() });

  it('issues a ready payment with every PaymentAnnotation field', async () => {
    const before = Math.floor(Date.now() / 1000);
    const body = cvsBody(emulator, {
      merchant_uid: 'order-1',
      name: '주문명',
      buyer_name: '홍길동',
      buyer_email: 'a@example.com',
      buyer_tel: '01012345678',
      buyer_addr: '서울',
      buyer_postcode: '12345',
      custom_data: '{"a":1}',
      notice_url: ['https://example.com/hook'],
      confirm_url: 'https://example.com/confirm',
    });
    const res = await issue(body);
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(0);
    const payment = res.body.response;
    expect(Object.keys(payment).sort()).toEqual(
      Object.keys(v1Spec.definitions.PaymentAnnotation.properties).sort(),
    );
    expect(payment).toMatchObject({
      imp_uid: expect.stringMatching(/^imps_\d{12}$/),
      merchant_uid: 'order-1',
      pay_method: 'cvs',
      channel: 'api',
      pg_provider: 'galaxia',
      pg_tid: expect.any(String),
      sandbox: true,
      amount: 15000,
      cancel_amount: 0,
      currency: 'KRW',
      status: 'ready',
      name: '주문명',
      buyer_name: '홍길동',
      buyer_email: 'a@example.com',
      buyer_tel: '01012345678',
      buyer_addr: '서울',
      buyer_postcode: '12345',
      custom_data: '{"a":1}',
      paid_at: 0,
      failed_at: 0,
      cancelled_at: 0,
      fail_reason: null,
      cancel_reason: null,
      cancel_history: [],
      cancel_receipt_urls: [],
      cash_receipt_issued: false,
      vbank_num: expect.stringMatching(/^\d{20}$/),
      receipt_url: expect.stringContaining(payment.imp_uid),
    });
    expect(payment.started_at).toBeGreaterThanOrEqual(before);
    expect(payment.vbank_date).toBe(payment.started_at + 7 * 24 * 3600);
    expect(emulator.getPayment(payment.imp_uid)).toEqual(payment);
  });

  it('registers a given barcode and deadline', async () => {
    const res = await issue(cvsBody(emulator, { barcode: '11112222333344445555', expired_at: 1900000000 }));
    expect(res.body.response).toMatchObject({ vbank_num: '11112222333344445555', vbank_date: 1900000000 });
  });

  it('accepts a form-encoded body (amount coerced, a lone notice_url becomes an array)', async () => {
    const fields = {
      channel_key: emulator.credentials.channelKeys.galaxia,
      merchant_uid: 'form-1',
      amount: '2500',
      notice_url: 'https://n',
    };
    const res = await call(`${emulator.v1BaseUrl}/cvs`, formInit(fields, auth()));
    expect(res.status).toBe(200);
    expect(res.body.response.amount).toBe(2500);
    const repeated = await call(
      `${emulator.v1BaseUrl}/cvs`,
      formInit({ ...fields, merchant_uid: 'form-2', notice_url: ['https://a', 'https://b'] }, auth()),
    );
    expect(repeated.status).toBe(200);
    expect(emulator.requests.at(-1)?.body).toMatchObject({ notice_url: ['https://a', 'https://b'] });
  });

  describe('validation (400, code -1)', () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      [
        'merchant_uid over 40 characters',
        { merchant_uid: 'm'.repeat(41) },
        /merchant_uid must be at most 40 characters/,
      ],
      ['buyer_name over 16 characters', { buyer_name: '가'.repeat(17) }, /buyer_name/],
      ['amount as a JSON string', { amount: '1000' }, /amount must be of type number/],
      ['a zero amount', { amount: 0 }, /amount/],
      ['notice_url with a non-string item', { notice_url: [1] }, /notice_url/],
      ['a danal channel', { channel_key: 'channel-key-emulator-danal' }, /galaxia/],
      ['missing amount', { amount: undefined }, /amount is required/],
    ];
    it.each(cases)('%s', async (_label, overrides, message) => {
      const res = await issue(cvsBody(emulator, overrides));
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: -1, message: expect.stringMatching(message), response: null });
    });
  });

  it('refuses a new barcode for a paid merchant_uid with HTTP 200 code 1; an unpaid one may be reissued', async () => {
    const first = (await issue(cvsBody(emulator, { merchant_uid: 'dup' }))).body.response;
    const reissued = await issue(cvsBody(emulator, { merchant_uid: 'dup' }));
    expect(reissued.status).toBe(200);
    expect(reissued.body.code).toBe(0);
    expect(reissued.body.response.imp_uid).not.toBe(first.imp_uid);
    const paid = emulator.markCvsPaid(first.imp_uid);
    expect(paid).toMatchObject({ status: 'paid', paid_at: expect.any(Number) });
    expect(paid.paid_at).toBeGreaterThan(0);
    const refused = await issue(cvsBody(emulator, { merchant_uid: 'dup' }));
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({ code: 1, message: expect.any(String), response: null });
  });

  it('markCvsPaid throws for unknown or non-ready payments', async () => {
    expect(() => emulator.markCvsPaid('imps_000000000000')).toThrow(/No CVS payment/);
    const payment = (await issue(cvsBody(emulator))).body.response;
    await revoke(payment.imp_uid);
    expect(() => emulator.markCvsPaid(payment.imp_uid)).toThrow(/cancelled/);
  });

  it('revokes a barcode: cancelled, cancel_amount = amount, one cancel_history entry', async () => {
    const payment = (await issue(cvsBody(emulator, { amount: 3000 }))).body.response;
    const res = await revoke(payment.imp_uid);
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(0);
    const revoked = res.body.response;
    expect(revoked).toMatchObject({
      imp_uid: payment.imp_uid,
      status: 'cancelled',
      cancel_amount: 3000,
      cancel_reason: 'revoked',
      cancelled_at: expect.any(Number),
    });
    expect(revoked.cancelled_at).toBeGreaterThan(0);
    expect(revoked.cancel_history).toEqual([
      {
        pg_tid: payment.pg_tid,
        amount: 3000,
        cancelled_at: revoked.cancelled_at,
        reason: 'revoked',
        cancellation_id: expect.any(String),
        receipt_url: expect.any(String),
      },
    ]);
    expect(Object.keys(revoked.cancel_history[0]).sort()).toEqual(
      Object.keys(v1Spec.definitions.PaymentCancelAnnotation.properties).sort(),
    );
    expect(emulator.getPayment(payment.imp_uid)?.status).toBe('cancelled');
  });

  it('revoking twice answers HTTP 200 code 1; an unknown imp_uid 404; a paid one code 1', async () => {
    const payment = (await issue(cvsBody(emulator))).body.response;
    await revoke(payment.imp_uid);
    const again = await revoke(payment.imp_uid);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ code: 1, message: '이미 취소된 결제건입니다.', response: null });
    const unknown = await revoke('imps_000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: -1, message: '존재하지 않는 결제정보입니다.', response: null });
    const paid = (await issue(cvsBody(emulator))).body.response;
    emulator.markCvsPaid(paid.imp_uid);
    const refused = await revoke(paid.imp_uid);
    expect(refused.status).toBe(200);
    expect(refused.body.code).toBe(1);
    expect(emulator.getPayment(paid.imp_uid)?.status).toBe('paid');
  });

  it('answers a PG error with 500 and changes nothing', async () => {
    emulator.setNextPgError({ pgCode: 'GX1', pgMessage: 'galaxia down' });
    const failed = await issue(cvsBody(emulator));
    expect(failed.status).toBe(500);
    expect(failed.body.message).toBe('[GX1] galaxia down');
    const payment = (await issue(cvsBody(emulator))).body.response;
    emulator.setNextPgError({ pgCode: 'GX2', pgMessage: 'still down' });
    expect((await revoke(payment.imp_uid)).status).toBe(500);
    expect(emulator.getPayment(payment.imp_uid)?.status).toBe('ready');
  });

  it('requires the token', async () => {
    expect((await call(`${emulator.v1BaseUrl}/cvs`, jsonInit('POST', cvsBody(emulator)))).status).toBe(401);
    expect((await call(`${emulator.v1BaseUrl}/cvs/imps_1`, { method: 'DELETE' })).status).toBe(401);
  });
});
