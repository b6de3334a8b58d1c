import { PortOneEmulator, type EmulatorMerchant } from '../../lib/testing';
import { call, jsonInit, uniqueId } from '../support/emulator-http';

// Two merchants in one emulator (an agency and its second store): each one's records are reachable only with
// its own credentials, over the same HTTP API, as between two PortOne accounts.

describe('emulator serving two merchants', () => {
  let emulator: PortOneEmulator;
  let main: EmulatorMerchant;
  let agency: EmulatorMerchant;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true, merchants: [{ name: 'agency' }] });
    main = emulator.merchant('default');
    agency = emulator.merchant('agency');
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  async function v1TokenOf(merchant: EmulatorMerchant): Promise<string> {
    const { apiKey, apiSecret } = merchant.credentials.v1;
    const res = await call(
      `${emulator.v1BaseUrl}/users/getToken`,
      jsonInit('POST', { imp_key: apiKey, imp_secret: apiSecret }),
    );
    expect(res.status).toBe(200);
    return res.body.response.access_token as string;
  }

  async function issueBarcode(merchant: EmulatorMerchant, token: string): Promise<string> {
    const res = await call(
      `${emulator.v1BaseUrl}/cvs`,
      jsonInit(
        'POST',
        {
          channel_key: merchant.credentials.channelKeys.galaxia,
          merchant_uid: uniqueId('order'),
          amount: 1000,
        },
        { authorization: `Bearer ${token}` },
      ),
    );
    expect(res.status).toBe(200);
    return res.body.response.imp_uid as string;
  }

  const getPayment = (impUid: string, token: string) =>
    call(`${emulator.v1BaseUrl}/payments/${impUid}?include_sandbox=true`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it('lists both merchants, each with credentials, channel keys and module options of its own', () => {
    expect(emulator.merchants.map(merchant => merchant.name)).toEqual(['default', 'agency']);
    expect(main.credentials).toEqual(emulator.credentials);
    expect(agency.credentials.v1.apiKey).not.toBe(main.credentials.v1.apiKey);
    expect(agency.credentials.v2.apiSecret).not.toBe(main.credentials.v2.apiSecret);
    expect(agency.credentials.v2.storeId).not.toBe(main.credentials.v2.storeId);
    expect(agency.credentials.channelKeys.galaxia).not.toBe(main.credentials.channelKeys.galaxia);
    expect(agency.moduleOptions()).toEqual({
      v1: { ...agency.credentials.v1, baseUrl: emulator.v1BaseUrl },
      v2: {
        apiSecret: agency.credentials.v2.apiSecret,
        storeId: agency.credentials.v2.storeId,
        baseUrl: emulator.v2BaseUrl,
        webhookSecrets: [emulator.webhookSecret],
      },
    });
    expect(main.moduleOptions()).toEqual(emulator.moduleOptions());
    expect(() => emulator.merchant('nobody')).toThrow(/no merchant called "nobody"/);
  });

  it("V1: a payment is found with its merchant's token and is a 404 with the other's", async () => {
    const [mainToken, agencyToken] = await Promise.all([v1TokenOf(main), v1TokenOf(agency)]);
    const mainPayment = await issueBarcode(main, mainToken);
    const agencyPayment = await issueBarcode(agency, agencyToken);

    expect((await getPayment(mainPayment, mainToken)).status).toBe(200);
    expect((await getPayment(agencyPayment, agencyToken)).status).toBe(200);
    expect((await getPayment(agencyPayment, mainToken)).status).toBe(404);
    expect((await getPayment(mainPayment, agencyToken)).status).toBe(404);
    // The test controls act on whichever merchant holds the id.
    expect(emulator.getPayment(agencyPayment)?.imp_uid).toBe(agencyPayment);
  });

  it("V1: a merchant cannot issue on the other's channel, and wrong keys get no token", async () => {
    const agencyToken = await v1TokenOf(agency);
    const res = await call(
      `${emulator.v1BaseUrl}/cvs`,
      jsonInit(
        'POST',
        { channel_key: main.credentials.channelKeys.galaxia, merchant_uid: uniqueId('order'), amount: 1000 },
        { authorization: `Bearer ${agencyToken}` },
      ),
    );
    expect(res.status).toBe(400);
    const mixed = await call(
      `${emulator.v1BaseUrl}/users/getToken`,
      jsonInit('POST', { imp_key: main.credentials.v1.apiKey, imp_secret: agency.credentials.v1.apiSecret }),
    );
    expect(mixed.status).toBe(401);
  });

  it("V2: an identity verification is found with its merchant's secret or JWT, not with the other's", async () => {
    const id = uniqueId('iv');
    emulator.seedIdentityVerification({ id, storeId: agency.credentials.v2.storeId });
    const read = (authorization: string) =>
      call(`${emulator.v2BaseUrl}/identity-verifications/${id}`, { headers: { authorization } });

    expect((await read(`PortOne ${agency.credentials.v2.apiSecret}`)).status).toBe(200);
    expect((await read(`PortOne ${main.credentials.v2.apiSecret}`)).status).toBe(404);

    const login = async (merchant: EmulatorMerchant) => {
      const res = await call(
        `${emulator.v2BaseUrl}/login/api-secret`,
        jsonInit('POST', { apiSecret: merchant.credentials.v2.apiSecret }),
      );
      expect(res.status).toBe(200);
      return res.body as { accessToken: string; refreshToken: string };
    };
    const [agencyJwt, mainJwt] = await Promise.all([login(agency), login(main)]);
    expect((await read(`Bearer ${agencyJwt.accessToken}`)).status).toBe(200);
    expect((await read(`Bearer ${mainJwt.accessToken}`)).status).toBe(404);

    // A refresh keeps the merchant: the rotated token still reads the agency's record only.
    const refreshed = await call(
      `${emulator.v2BaseUrl}/token/refresh`,
      jsonInit('POST', { refreshToken: agencyJwt.refreshToken }),
    );
    expect(refreshed.status).toBe(200);
    expect((await read(`Bearer ${refreshed.body.accessToken as string}`)).status).toBe(200);
    expect(emulator.getIdentityVerification(id, agency.credentials.v2.storeId)?.id).toBe(id);
  });

  it("the inspector page lists both merchants' barcodes", async () => {
    const mainPayment = await issueBarcode(main, await v1TokenOf(main));
    const agencyPayment = await issueBarcode(agency, await v1TokenOf(agency));
    const page = await fetch(`${emulator.origin}/`, { signal: AbortSignal.timeout(5_000) });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(`data-imp-uid="${mainPayment}"`);
    expect(html).toContain(`data-imp-uid="${agencyPayment}"`);
  });

  it("reset() clears every merchant's records", async () => {
    const agencyPayment = await issueBarcode(agency, await v1TokenOf(agency));
    emulator.reset();
    expect(emulator.getPayment(agencyPayment)).toBeUndefined();
  });

  it('refuses merchants that cannot be told apart, naming what they share', async () => {
    await expect(
      PortOneEmulator.start({ merchants: [{ name: 'a' }, { name: 'b', v1: { apiKey: 'a_imp_key' } }] }),
    ).rejects.toThrow("merchants 'a' and 'b' have the same v1.apiKey");
    await expect(PortOneEmulator.start({ merchants: [{ name: 'default' }] })).rejects.toThrow(
      /merchants\[\]\.name/,
    );
  });
});
