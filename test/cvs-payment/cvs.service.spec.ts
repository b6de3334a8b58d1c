import {
  PortOnePayment,
  PortOnePaymentCancellation,
  PortOneApiError,
  PortOneValidationError,
  type IssueCvsPaymentDto,
} from '../../lib';
import { useEmulatorApp, rejectionOf } from '../support/portone-test-app';

describe('CvsService against the emulator', () => {
  let orders = 0;

  const env = useEmulatorApp();

  function issueDto(overrides: Partial<IssueCvsPaymentDto> = {}): IssueCvsPaymentDto {
    orders += 1;
    return {
      channelKey: env.emulator.credentials.channelKeys.galaxia,
      merchantUid: `order-${orders}`,
      amount: 15_000,
      ...overrides,
    };
  }

  it('issue sends every field in snake_case and resolves to a ready payment with a barcode', async () => {
    const expiredAt = new Date(Date.now() + 3 * 86_400_000);
    const dto = issueDto({
      barcode: '12345678901234567890',
      expiredAt,
      name: '주문 상품',
      buyerName: '홍길동',
      buyerEmail: 'buyer@example.com',
      buyerTel: '010-1234-5678',
      buyerAddr: '서울특별시 강남구',
      buyerPostcode: '06236',
      confirmUrl: 'https://shop.example.com/cvs/confirm',
      noticeUrl: ['https://shop.example.com/cvs/notice'],
      customData: { cart: 7 },
    });
    const payment = await env.app.cvs.issue(dto);

    expect(env.emulator.requests.at(-1)?.body).toEqual({
      channel_key: env.emulator.credentials.channelKeys.galaxia,
      merchant_uid: dto.merchantUid,
      amount: 15_000,
      barcode: '12345678901234567890',
      expired_at: Math.floor(expiredAt.getTime() / 1000),
      name: '주문 상품',
      buyer_name: '홍길동',
      buyer_email: 'buyer@example.com',
      buyer_tel: '010-1234-5678',
      buyer_addr: '서울특별시 강남구',
      buyer_postcode: '06236',
      confirm_url: 'https://shop.example.com/cvs/confirm',
      notice_url: ['https://shop.example.com/cvs/notice'],
      custom_data: '{"cart":7}',
    });
    expect(payment).toBeInstanceOf(PortOnePayment);
    expect(payment).toEqual(
      expect.objectContaining({
        merchantUid: dto.merchantUid,
        pgProvider: 'galaxia',
        sandbox: true,
        amount: 15_000,
        cancelAmount: 0,
        currency: 'KRW',
        status: 'ready',
        name: '주문 상품',
        buyerName: '홍길동',
        buyerEmail: 'buyer@example.com',
        buyerTel: '010-1234-5678',
        buyerAddr: '서울특별시 강남구',
        buyerPostcode: '06236',
        customData: '{"cart":7}',
        vbankNum: '12345678901234567890',
        failReason: null,
        cancelReason: null,
        cancelHistory: [],
      }),
    );
    expect(payment.impUid).toMatch(/^imps_/);
    expect(payment.startedAt).toBeInstanceOf(Date);
    expect(payment.vbankDate?.getTime()).toBe(Math.floor(expiredAt.getTime() / 1000) * 1000);
    // PortOne's 0 ("never") becomes undefined rather than 1970.
    expect(payment.paidAt).toBeUndefined();
    expect(payment.cancelledAt).toBeUndefined();
    expect(payment.failedAt).toBeUndefined();
  });

  it('issue generates a barcode when none is given', async () => {
    const payment = await env.app.cvs.issue(issueDto());
    expect(payment.vbankNum).toMatch(/^\d{20}$/);
  });

  it('revoke cancels the payment and maps the cancel history', async () => {
    const issued = await env.app.cvs.issue(issueDto());
    const revoked = await env.app.cvs.revoke(issued.impUid);
    expect(revoked).toEqual(
      expect.objectContaining({ impUid: issued.impUid, status: 'cancelled', cancelAmount: 15_000 }),
    );
    expect(revoked.cancelledAt).toBeInstanceOf(Date);
    expect(revoked.cancelHistory).toHaveLength(1);
    const [cancellation] = revoked.cancelHistory!;
    expect(cancellation).toBeInstanceOf(PortOnePaymentCancellation);
    expect(cancellation).toEqual(
      expect.objectContaining({
        amount: 15_000,
        reason: expect.any(String),
        cancellationId: expect.any(String),
      }),
    );
    expect(cancellation.cancelledAt).toBeInstanceOf(Date);
  });

  it('revoking twice: HTTP 200 with a non-zero code becomes PortOneApiError', async () => {
    const issued = await env.app.cvs.issue(issueDto());
    await env.app.cvs.revoke(issued.impUid);
    const error = await rejectionOf(env.app.cvs.revoke(issued.impUid));
    expect(error).toBeInstanceOf(PortOneApiError);
    expect(error).toMatchObject({ status: 200, code: 1, retryable: false });
  });

  it('revoking an unknown payment: 404 in the envelope', async () => {
    await expect(env.app.cvs.revoke('imps_000000000000')).rejects.toMatchObject({
      name: 'PortOneApiError',
      status: 404,
      code: -1,
      portOneMessage: '존재하지 않는 결제정보입니다.',
    });
  });

  it('issuing for an order that is already paid: HTTP 200 with a non-zero code', async () => {
    const dto = issueDto();
    const issued = await env.app.cvs.issue(dto);
    env.emulator.markCvsPaid(issued.impUid);
    await expect(env.app.cvs.issue({ ...dto })).rejects.toMatchObject({
      name: 'PortOneApiError',
      status: 200,
      code: 1,
    });
  });

  it('a 401 from PortOne after a token refresh is a PortOneAuthError', async () => {
    env.emulator.injectFault({ api: 'v1', path: '/cvs', status: 401, times: 2 });
    await expect(env.app.cvs.issue(issueDto())).rejects.toMatchObject({
      name: 'PortOneAuthError',
      status: 401,
    });
    expect(env.emulator.countRequests({ path: '/cvs' })).toBe(2);
  });

  it.each<[string, Partial<Record<keyof IssueCvsPaymentDto, unknown>> & Record<string, unknown>, string]>([
    ['channelKey missing', { channelKey: undefined }, 'channelKey'],
    ['merchantUid missing', { merchantUid: undefined }, 'merchantUid'],
    ['merchantUid over 40', { merchantUid: 'm'.repeat(41) }, 'merchantUid'],
    ['amount zero', { amount: 0 }, 'amount'],
    ['amount negative', { amount: -1 }, 'amount'],
    ['amount NaN', { amount: Number.NaN }, 'amount'],
    ['amount a string', { amount: '1000' }, 'amount'],
    ['expiredAt in the past', { expiredAt: new Date(Date.now() - 1000) }, 'expiredAt'],
    ['expiredAt not convertible to a date', { expiredAt: { toString: false } }, 'expiredAt'],
    ['name over 40', { name: 'n'.repeat(41) }, 'name'],
    ['buyerName over 16', { buyerName: 'n'.repeat(17) }, 'buyerName'],
    ['buyerEmail invalid', { buyerEmail: 'not-an-email' }, 'buyerEmail'],
    ['buyerTel over 16', { buyerTel: '0'.repeat(17) }, 'buyerTel'],
    ['buyerAddr over 128', { buyerAddr: 'a'.repeat(129) }, 'buyerAddr'],
    ['buyerPostcode over 8', { buyerPostcode: '123456789' }, 'buyerPostcode'],
    ['confirmUrl not a URL', { confirmUrl: 'nope' }, 'confirmUrl'],
    ['noticeUrl not an array', { noticeUrl: 'https://example.com' }, 'noticeUrl'],
    ['noticeUrl with a bad entry', { noticeUrl: ['https://example.com', 'nope'] }, 'noticeUrl'],
    ['customData a number', { customData: 5 }, 'customData'],
    ['an unknown property', { pg: 'galaxia.MID' }, 'pg'],
  ])('issue, %s: PortOneValidationError naming the field, no request', async (_case, patch, field) => {
    const error = await rejectionOf(env.app.cvs.issue({ ...issueDto(), ...patch } as IssueCvsPaymentDto));
    expect(error).toBeInstanceOf(PortOneValidationError);
    expect((error as PortOneValidationError).issues.map(issue => issue.field)).toContain(field);
    expect(env.emulator.requests).toHaveLength(0);
  });

  it('revoke with an empty impUid: PortOneValidationError, no request', async () => {
    await expect(env.app.cvs.revoke('')).rejects.toBeInstanceOf(PortOneValidationError);
    expect(env.emulator.requests).toHaveLength(0);
  });
});
