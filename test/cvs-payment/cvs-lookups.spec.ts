import {
  PortOnePayment,
  PortOnePaymentCancellation,
  PortOneApiError,
  PortOneValidationError,
  type IssueCvsPaymentDto,
} from '../../lib';
import type { PortOneEmulator } from '../../lib/testing';
import {
  useEmulatorApp,
  rejectionOf,
  createPortOneTestApp,
  emulatorOptions,
  type PortOneTestApp,
} from '../support/portone-test-app';

const camel = (key: string): string => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const UNIX_SECONDS = /(_at|^vbank_date)$/;

/** Asserts that every snake_case field PortOne sent arrived under its camelCase name, times as Dates. */
function expectEveryFieldMapped(raw: Record<string, unknown>, model: object): void {
  const mapped = model as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) {
    const field = camel(key);
    expect(
      Object.prototype.hasOwnProperty.call(mapped, field) || (UNIX_SECONDS.test(key) && value === 0),
    ).toBe(true);
    if (UNIX_SECONDS.test(key)) {
      expect(mapped[field]).toEqual(value === 0 ? undefined : new Date((value as number) * 1000));
    } else if (Array.isArray(value)) {
      expect(mapped[field]).toHaveLength(value.length);
      value.forEach((entry, i) =>
        typeof entry === 'object' && entry !== null
          ? expectEveryFieldMapped(entry as Record<string, unknown>, (mapped[field] as object[])[i])
          : expect((mapped[field] as unknown[])[i]).toEqual(entry),
      );
    } else {
      expect({ field, value: mapped[field] }).toEqual({ field, value });
    }
  }
}

describe('CvsService lookups against the emulator', () => {
  let emulator: PortOneEmulator;
  let app: PortOneTestApp;
  let orders = 0;

  const env = useEmulatorApp();
  beforeAll(() => ({ emulator, app } = env));

  function issueDto(overrides: Partial<IssueCvsPaymentDto> = {}): IssueCvsPaymentDto {
    orders += 1;
    return {
      channelKey: emulator.credentials.channelKeys.galaxia,
      merchantUid: `lookup-order-${orders}`,
      amount: 9_900,
      name: '주문',
      buyerName: '김철수',
      buyerEmail: 'kim@example.com',
      buyerTel: '010-1111-2222',
      buyerAddr: '부산광역시',
      buyerPostcode: '48058',
      customData: { sku: 'A-1' },
      ...overrides,
    };
  }

  it('get maps every field of a paid payment', async () => {
    const issued = await app.cvs.issue(issueDto());
    await emulator.payAtStore(issued.impUid);
    const payment = await app.cvs.get(issued.impUid);

    expect(payment).toBeInstanceOf(PortOnePayment);
    expect(payment.status).toBe('paid');
    expect(payment.paidAt).toBeInstanceOf(Date);
    expectEveryFieldMapped(emulator.getPayment(issued.impUid) as unknown as Record<string, unknown>, payment);
    expect(emulator.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: `/payments/${issued.impUid}`,
      query: { include_sandbox: 'true' },
    });
  });

  it('get maps the cancel history of a revoked payment', async () => {
    const issued = await app.cvs.issue(issueDto());
    await app.cvs.revoke(issued.impUid);
    const payment = await app.cvs.get(issued.impUid);
    expect(payment.cancelHistory?.[0]).toBeInstanceOf(PortOnePaymentCancellation);
    expectEveryFieldMapped(emulator.getPayment(issued.impUid) as unknown as Record<string, unknown>, payment);
  });

  it('get of an unknown payment is a PortOneApiError 404', async () => {
    const error = await rejectionOf(app.cvs.get('imps_000000000000'));
    expect(error).toBeInstanceOf(PortOneApiError);
    expect(error).toMatchObject({ status: 404, portOneMessage: '존재하지 않는 결제정보입니다.' });
  });

  it('includeSandbox: false sends include_sandbox=false, and a sandbox payment is then not found', async () => {
    const issued = await app.cvs.issue(issueDto());
    await expect(app.cvs.get(issued.impUid, { includeSandbox: false })).rejects.toMatchObject({
      status: 404,
    });
    expect(emulator.requests.at(-1)?.query).toEqual({ include_sandbox: 'false' });
    await expect(
      app.cvs.findByMerchantUid(issued.merchantUid, { includeSandbox: false }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it('v1.includeSandbox: false in the module options is the default of every lookup', async () => {
    const strict = await createPortOneTestApp(
      emulatorOptions(emulator, { v1: { ...emulatorOptions(emulator).v1!, includeSandbox: false } }),
    );
    try {
      const issued = await strict.cvs.issue(issueDto());
      await expect(strict.cvs.get(issued.impUid)).rejects.toMatchObject({ status: 404 });
      await expect(strict.cvs.get(issued.impUid, { includeSandbox: true })).resolves.toMatchObject({
        impUid: issued.impUid,
      });
    } finally {
      await strict.close();
    }
  });

  it('findByMerchantUid returns the newest payment of the order, or the newest in a status', async () => {
    const dto = issueDto();
    const first = await app.cvs.issue(dto);
    await app.cvs.revoke(first.impUid);
    emulator.setClockSkew(5);
    const second = await app.cvs.issue({ ...dto });
    emulator.setClockSkew(0);

    const latest = await app.cvs.findByMerchantUid(dto.merchantUid);
    expect(latest.impUid).toBe(second.impUid);
    expect(emulator.requests.at(-1)).toMatchObject({ path: `/payments/find/${dto.merchantUid}` });

    const cancelled = await app.cvs.findByMerchantUid(dto.merchantUid, { status: 'cancelled' });
    expect(cancelled.impUid).toBe(first.impUid);
    expect(emulator.requests.at(-1)).toMatchObject({ path: `/payments/find/${dto.merchantUid}/cancelled` });
    expectEveryFieldMapped(
      emulator.getPayment(first.impUid) as unknown as Record<string, unknown>,
      cancelled,
    );

    await expect(app.cvs.findByMerchantUid(dto.merchantUid, { status: 'paid' })).rejects.toMatchObject({
      name: 'PortOneApiError',
      status: 404,
    });
  });

  it.each<[string, () => Promise<unknown>, string]>([
    ['get with an empty impUid', () => app.cvs.get(''), 'impUid'],
    ['find with an empty merchantUid', () => app.cvs.findByMerchantUid(''), 'merchantUid'],
    [
      'find with an unknown status',
      () => app.cvs.findByMerchantUid('x', { status: 'done' as never }),
      'status',
    ],
    [
      'get with includeSandbox not a boolean',
      () => app.cvs.get('imps_1', { includeSandbox: 'yes' as never }),
      'includeSandbox',
    ],
  ])('%s: PortOneValidationError naming the field, no request', async (_case, call, field) => {
    const error = await rejectionOf(call());
    expect(error).toBeInstanceOf(PortOneValidationError);
    expect((error as PortOneValidationError).issues.map(issue => issue.field)).toContain(field);
    expect(emulator.requests).toHaveLength(0);
  });
});
