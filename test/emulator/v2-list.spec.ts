import { PortOneEmulator } from '../../lib/testing';
import { call, jsonInit, rawRequest, sendBody, v2Auth } from '../support/emulator-http';

const DAY = 24 * 60 * 60 * 1000;

describe('emulator V2 GET /identity-verifications (list)', () => {
  let emulator: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(() => emulator.close());

  const list = (body?: unknown) => {
    const query = body === undefined ? '' : `?requestBody=${encodeURIComponent(JSON.stringify(body))}`;
    return call(`${emulator.v2BaseUrl}/identity-verifications${query}`, { headers: v2Auth(emulator) });
  };
  const ids = async (body?: unknown): Promise<string[]> => {
    const res = await list(body);
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ id: string }>).map(item => item.id);
  };

  /**
   * Fixture, newest first by requestedAt:
   *   api-sms   READY    DANAL  sent via the API just now (김영희, 2002-03-04, female, KT)
   *   r1        READY    DANAL  1 day ago   (홍길동, 1990-01-01, male)
   *   v2        VERIFIED KCP_V2 2 days ago  (박지성, 1981-02-25, male, SKT)
   *   f3        FAILED   DANAL  3 days ago
   *   v4        VERIFIED DANAL  4 days ago  (김연아, 1990-09-05, female, LGU) version V1
   *   r5        READY    KCP_V2 5 days ago
   *   old       READY    DANAL  100 days ago (outside the default 90-day window)
   */
  beforeAll(async () => {
    const now = Date.now();
    const kcp = emulator.credentials.channelKeys.kcpV2;
    emulator.seedIdentityVerification({ id: 'old', requestedAt: new Date(now - 100 * DAY) });
    emulator.seedIdentityVerification({ id: 'r5', channelKey: kcp, requestedAt: new Date(now - 5 * DAY) });
    emulator.seedIdentityVerification({
      id: 'v4',
      status: 'VERIFIED',
      version: 'V1',
      operator: 'LGU',
      customer: { name: '김연아', identityNumber: '9009052', phoneNumber: '01055556666' },
      requestedAt: new Date(now - 4 * DAY),
    });
    emulator.seedIdentityVerification({ id: 'f3', status: 'FAILED', requestedAt: new Date(now - 3 * DAY) });
    emulator.seedIdentityVerification({
      id: 'v2',
      status: 'VERIFIED',
      channelKey: kcp,
      operator: 'SKT',
      customer: { name: '박지성', identityNumber: '8102251' },
      requestedAt: new Date(now - 2 * DAY),
    });
    emulator.seedIdentityVerification({
      id: 'r1',
      customer: { name: '홍길동', identityNumber: '9001011' },
      requestedAt: new Date(now - 1 * DAY),
    });
    await new Promise(resolve => setTimeout(resolve, 2));
    const res = await call(
      `${emulator.v2BaseUrl}/identity-verifications/api-sms/send`,
      jsonInit('POST', sendBody(emulator), v2Auth(emulator)),
    );
    expect(res.status).toBe(200);
  });

  it('defaults: newest first by requestedAt, 90-day window, page 0 of size 10, totalCount = all matches', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.page).toEqual({ number: 0, size: 10, totalCount: 6 });
    expect(res.body.items.map((item: { id: string }) => item.id)).toEqual([
      'api-sms',
      'r1',
      'v2',
      'f3',
      'v4',
      'r5',
    ]);
    expect(res.body.items[0]).toEqual(emulator.getIdentityVerification('api-sms'));
  });

  it('pages with number and size; totalCount stays the total', async () => {
    const res = await list({ page: { number: 1, size: 2 } });
    expect(res.body.page).toEqual({ number: 1, size: 2, totalCount: 6 });
    expect(res.body.items.map((item: { id: string }) => item.id)).toEqual(['v2', 'f3']);
    expect(await ids({ page: { number: 3, size: 2 } })).toEqual([]);
  });

  it('sorts ascending and by verifiedAt (records without one last)', async () => {
    expect(await ids({ sort: { order: 'ASC' } })).toEqual(['r5', 'v4', 'f3', 'v2', 'r1', 'api-sms']);
    expect(await ids({ sort: { by: 'VERIFIED_AT' } })).toEqual(['v2', 'v4', 'api-sms', 'r1', 'f3', 'r5']);
    expect(await ids({ sort: { by: 'VERIFIED_AT', order: 'ASC' } })).toEqual([
      'v4',
      'v2',
      'r5',
      'f3',
      'r1',
      'api-sms',
    ]);
  });

  it('filters by time range and time field', async () => {
    const now = Date.now();
    const from = new Date(now - 4.5 * DAY).toISOString();
    const until = new Date(now - 1.5 * DAY).toISOString();
    expect(await ids({ filter: { from, until } })).toEqual(['v2', 'f3', 'v4']);
    expect(await ids({ filter: { from: new Date(now - 200 * DAY).toISOString() } })).toContain('old');
    expect(await ids({ filter: { timeRangeField: 'VERIFIED_AT' } })).toEqual(['v2', 'v4']);
    expect(await ids({ filter: { timeRangeField: 'FAILED_AT' } })).toEqual(['f3']);
    expect(await ids({ filter: { timeRangeField: 'STATUS_UPDATED_AT' } })).toHaveLength(6);
  });

  it('filters by status, id, provider, company, merchant id, carrier, version and test flag', async () => {
    expect(await ids({ filter: { statuses: ['VERIFIED'] } })).toEqual(['v2', 'v4']);
    expect(await ids({ filter: { statuses: ['READY', 'FAILED'] } })).toEqual(['api-sms', 'r1', 'f3', 'r5']);
    expect(await ids({ filter: { statuses: [] } })).toHaveLength(6);
    expect(await ids({ filter: { identityVerificationId: 'f3' } })).toEqual(['f3']);
    expect(await ids({ filter: { pgProviders: ['KCP_V2'] } })).toEqual(['v2', 'r5']);
    expect(await ids({ filter: { pgCompanies: ['KCP'] } })).toEqual(['v2', 'r5']);
    expect(await ids({ filter: { pgCompanies: ['DANAL'] } })).toEqual(['api-sms', 'r1', 'f3', 'v4']);
    const kcpMerchantId = emulator.getIdentityVerification('r5')?.channel?.pgMerchantId;
    expect(await ids({ filter: { pgMerchantId: kcpMerchantId } })).toEqual(['v2', 'r5']);
    expect(await ids({ filter: { carriers: ['SKT', 'LGU'] } })).toEqual(['v2', 'v4']);
    expect(await ids({ filter: { carriers: ['KT'] } })).toEqual(['api-sms']);
    expect(await ids({ filter: { version: 'V1' } })).toEqual(['v4']);
    expect(await ids({ filter: { isTest: true } })).toHaveLength(6);
    expect(await ids({ filter: { isTest: false } })).toEqual([]);
    const txId = (emulator.getIdentityVerification('v2') as { pgTxId: string }).pgTxId;
    expect(await ids({ filter: { pgTxId: txId } })).toEqual(['v2']);
  });

  it('filters by customer: the verified customer when verified, the requested one otherwise', async () => {
    expect(await ids({ filter: { customer: { name: '박지성' } } })).toEqual(['v2']);
    expect(await ids({ filter: { customer: { name: '홍길동' } } })).toEqual(expect.arrayContaining(['r1']));
    expect(await ids({ filter: { customer: { birthYear: '1990' } } })).toEqual(['r1', 'v4']);
    expect(
      await ids({ filter: { customer: { birthYear: '1990', birthMonth: '09', birthDay: '05' } } }),
    ).toEqual(['v4']);
    expect(await ids({ filter: { customer: { gender: 'FEMALE' } } })).toEqual(['api-sms', 'v4']);
    expect(await ids({ filter: { customer: { gender: 'MALE' } } })).toEqual(['r1', 'v2']);
    expect(await ids({ filter: { customer: { phoneNumber: '01055556666' } } })).toEqual(['v4']);
    expect(await ids({ filter: { customer: { phoneNumber: '01098765432' } } })).toEqual(['api-sms']);
  });

  it('takes the body from a JSON GET body too', async () => {
    const res = await rawRequest(`${emulator.v2BaseUrl}/identity-verifications`, {
      method: 'GET',
      headers: { ...v2Auth(emulator), 'content-type': 'application/json' },
      body: JSON.stringify({ filter: { statuses: ['FAILED'] } }),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).items.map((item: { id: string }) => item.id)).toEqual(['f3']);
  });

  it('400 INVALID_REQUEST for malformed or schema-invalid bodies', async () => {
    const malformed = await call(`${emulator.v2BaseUrl}/identity-verifications?requestBody=%7Bnope`, {
      headers: v2Auth(emulator),
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toBe('INVALID_REQUEST');
    for (const body of [
      { filter: { statuses: ['DONE'] } },
      { page: { size: 'ten' } },
      { page: { size: 0 } },
      { page: { number: -1 } },
      { page: { size: 2 ** 31 } },
      { filter: { from: 'yesterday' } },
      { sort: { by: 'NAME' } },
    ]) {
      const res = await list(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('INVALID_REQUEST');
    }
  });

  it('403 for another storeId; the own storeId is fine', async () => {
    expect((await list({ filter: { storeId: 'store-other' } })).status).toBe(403);
    expect(await ids({ filter: { storeId: emulator.credentials.v2.storeId } })).toHaveLength(6);
  });

  it('requires authentication', async () => {
    const res = await call(`${emulator.v2BaseUrl}/identity-verifications`);
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('UNAUTHORIZED');
  });
});
