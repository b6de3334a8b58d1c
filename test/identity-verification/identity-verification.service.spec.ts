import {
  FailedIdentityVerification,
  PortOneApiError,
  PortOneValidationError,
  ReadyIdentityVerification,
  UnrecognizedIdentityVerification,
  VerifiedIdentityVerification,
  isIdentityVerificationError,
  isUnrecognizedIdentityVerification,
} from '../../lib';
import { useEmulatorApp, newId, rejectionOf, sendRequest } from '../support/portone-test-app';

describe('IdentityVerificationService against the emulator', () => {
  const env = useEmulatorApp();

  const send = (id: string, overrides: Record<string, unknown> = {}) =>
    env.app.identityVerifications.send(
      id,
      sendRequest(env.emulator.credentials.channelKeys.danal, overrides),
    );

  describe('success paths', () => {
    it('send creates a READY record with the requested customer; get reads it', async () => {
      const id = newId();
      await send(id, { customData: { orderId: 7 } });

      const sent = env.emulator.requests.find(r => r.path === `/identity-verifications/${id}/send`);
      expect(sent?.headers.authorization).toBe(`PortOne ${env.emulator.credentials.v2.apiSecret}`);
      expect(sent?.headers['idempotency-key']).toMatch(/^"[0-9a-f-]{36}"$/);
      expect(sent?.body).toEqual({
        storeId: env.emulator.credentials.v2.storeId,
        channelKey: env.emulator.credentials.channelKeys.danal,
        customer: {
          id: 'user-42',
          name: '김영희',
          phoneNumber: '01098765432',
          identityNumber: '0203044',
          ipAddress: '203.0.113.7',
        },
        customData: '{"orderId":7}',
        operator: 'KT',
        method: 'SMS',
      });

      const record = await env.app.identityVerifications.get(id);
      expect(record).toBeInstanceOf(ReadyIdentityVerification);
      if (record.status !== 'READY') throw new Error('expected READY');
      expect(record).toEqual(
        expect.objectContaining({
          id,
          customData: '{"orderId":7}',
          version: 'V2',
          requestedCustomer: expect.objectContaining({
            id: 'user-42',
            name: '김영희',
            phoneNumber: '01098765432',
            birthYear: '2002',
            birthMonth: '03',
            birthDay: '04',
          }),
          channel: expect.objectContaining({
            type: 'TEST',
            key: env.emulator.credentials.channelKeys.danal,
            pgProvider: 'DANAL',
          }),
        }),
      );
      for (const date of [record.requestedAt, record.updatedAt, record.statusChangedAt])
        expect(date).toBeInstanceOf(Date);
      expect(env.emulator.requests.find(r => r.path === `/identity-verifications/${id}`)?.query.storeId).toBe(
        env.emulator.credentials.v2.storeId,
      );
    });

    it('confirm with the OTP resolves to the VERIFIED record with every field', async () => {
      const id = newId();
      await send(id);
      const verified = await env.app.identityVerifications.confirm(id, { otp: env.emulator.lastOtp(id) });
      expect(verified).toBeInstanceOf(VerifiedIdentityVerification);
      expect(verified.status).toBe('VERIFIED');
      expect(verified.verifiedCustomer).toEqual(
        expect.objectContaining({
          id: 'user-42',
          name: '김영희',
          operator: 'KT',
          phoneNumber: '01098765432',
          birthDate: '2002-03-04',
          gender: 'FEMALE', // 7th digit 4: a woman born in 2000 or later
          isForeigner: false,
        }),
      );
      expect(verified.verifiedCustomer.ci).toHaveLength(88);
      expect(verified.verifiedCustomer.di).toHaveLength(64);
      expect(verified.verifiedAt).toBeInstanceOf(Date);
      expect(typeof verified.pgTxId).toBe('string');
      expect(typeof verified.pgRawResponse).toBe('string');
      expect((await env.app.identityVerifications.get(id)).status).toBe('VERIFIED');
    });

    it('the APP method needs no OTP and no identity number', async () => {
      const id = newId();
      await send(id, {
        method: 'APP',
        channelKey: env.emulator.credentials.channelKeys.kcpV2,
        customer: { name: '김영희', phoneNumber: '01098765432', ipAddress: '2001:db8::1' },
      });
      expect((await env.app.identityVerifications.confirm(id)).status).toBe('VERIFIED');
    });

    it('resend sends a new OTP, and only the new one confirms', async () => {
      const id = newId();
      await send(id);
      const first = env.emulator.lastOtp(id);
      await env.app.identityVerifications.resend(id);
      const second = env.emulator.lastOtp(id);
      expect(second).toMatch(/^\d{6}$/);
      expect(
        env.emulator.countRequests({ method: 'POST', path: `/identity-verifications/${id}/resend` }),
      ).toBe(1);
      if (first !== second) {
        await expect(env.app.identityVerifications.confirm(id, { otp: first })).rejects.toMatchObject({
          type: 'PG_PROVIDER',
        });
      }
      expect((await env.app.identityVerifications.confirm(id, { otp: second })).status).toBe('VERIFIED');
    });

    it('list honours filters, paging and sorting, and maps every item', async () => {
      const marker = newId('list');
      const ids = [`${marker}a`, `${marker}b`, `${marker}c`];
      for (const id of ids) await send(id);
      await env.app.identityVerifications.confirm(ids[1], { otp: env.emulator.lastOtp(ids[1]) });

      const verified = await env.app.identityVerifications.list({
        filter: { identityVerificationId: ids[1], statuses: ['VERIFIED'] },
      });
      expect(verified.items.map(item => item.id)).toEqual([ids[1]]);
      expect(verified.items[0]).toBeInstanceOf(VerifiedIdentityVerification);

      const page = await env.app.identityVerifications.list({
        page: { number: 0, size: 2 },
        sort: { by: 'REQUESTED_AT', order: 'DESC' },
        filter: {
          statuses: ['READY'],
          from: new Date(Date.now() - 60_000),
          until: new Date(Date.now() + 60_000),
        },
      });
      expect(page.items).toHaveLength(2);
      expect(page.page).toEqual(expect.objectContaining({ number: 0, size: 2 }));
      expect(page.page.totalCount).toBeGreaterThanOrEqual(2);
      expect(page.items.every(item => item.status === 'READY')).toBe(true);
      const times = page.items.map(item => (item as ReadyIdentityVerification).requestedAt.getTime());
      expect(times[0]).toBeGreaterThanOrEqual(times[1]);

      const request = env.emulator.requests.at(-1)!;
      const body = JSON.parse(String(request.query.requestBody));
      expect(body.filter.storeId).toBe(env.emulator.credentials.v2.storeId);
      expect(body.filter.from).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });

    it('a customer filter (personal data) travels as the GET body, never in the URL', async () => {
      const id = newId();
      await send(id);
      const customer = sendRequest(env.emulator.credentials.channelKeys.danal).customer;
      const found = await env.app.identityVerifications.list({
        filter: { customer: { name: customer.name, phoneNumber: customer.phoneNumber } },
      });
      expect(found.items.map(item => item.id)).toContain(id);

      const request = env.emulator.requests.at(-1)!;
      expect(request).toMatchObject({ method: 'GET', path: '/identity-verifications' });
      expect(request.query).toEqual({});
      expect(request.body).toMatchObject({
        filter: { customer: { name: customer.name }, storeId: env.emulator.credentials.v2.storeId },
      });
      // What a proxy or access log would keep: the whole request line.
      const line = `${request.path}?${new URLSearchParams(request.query as Record<string, string>).toString()}`;
      for (const value of [customer.name, encodeURIComponent(customer.name), customer.phoneNumber]) {
        expect(line).not.toContain(value);
      }
    });

    it('an unrecognized status keeps the raw record instead of crashing', async () => {
      env.emulator.injectFault({
        api: 'v2',
        path: '/identity-verifications/iv-future',
        status: 200,
        body: { status: 'EXPIRED', id: 'iv-future', somethingNew: 1 },
      });
      const record = await env.app.identityVerifications.get('iv-future');
      expect(record).toBeInstanceOf(UnrecognizedIdentityVerification);
      expect(isUnrecognizedIdentityVerification(record)).toBe(true);
      expect(record).toMatchObject({
        status: 'UNRECOGNIZED',
        rawStatus: 'EXPIRED',
        id: 'iv-future',
        raw: { somethingNew: 1 },
      });
    });

    it('maps a FAILED record', async () => {
      env.emulator.injectFault({
        api: 'v2',
        path: '/identity-verifications/iv-failed',
        status: 200,
        body: {
          status: 'FAILED',
          id: 'iv-failed',
          requestedCustomer: { name: '김영희' },
          requestedAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:01:00Z',
          statusChangedAt: '2026-01-01T00:01:00Z',
          failure: { reason: 'timeout', pgCode: 'E1', pgMessage: 'no answer' },
          version: 'V2',
        },
      });
      const record = await env.app.identityVerifications.get('iv-failed');
      expect(record).toBeInstanceOf(FailedIdentityVerification);
      expect(record).toMatchObject({
        failure: { reason: 'timeout', pgCode: 'E1' },
        requestedAt: new Date('2026-01-01T00:00:00Z'),
      });
    });
  });

  describe('error types', () => {
    async function expectType(
      call: Promise<unknown>,
      status: number,
      type: string,
    ): Promise<PortOneApiError> {
      const error = await rejectionOf(call);
      expect(error).toBeInstanceOf(PortOneApiError);
      expect(error).toMatchObject({ status, type });
      expect(isIdentityVerificationError(error, type)).toBe(true);
      return error as PortOneApiError;
    }

    it('get of an unknown id: IDENTITY_VERIFICATION_NOT_FOUND', async () => {
      await expectType(
        env.app.identityVerifications.get('iv-unknown'),
        404,
        'IDENTITY_VERIFICATION_NOT_FOUND',
      );
    });

    it('confirm of an unknown id: IDENTITY_VERIFICATION_NOT_FOUND', async () => {
      await expectType(
        env.app.identityVerifications.confirm('iv-unknown', { otp: '123456' }),
        404,
        'IDENTITY_VERIFICATION_NOT_FOUND',
      );
    });

    it('confirm and resend before send: IDENTITY_VERIFICATION_NOT_SENT', async () => {
      const id = newId();
      env.emulator.seedIdentityVerification({ id });
      await expectType(
        env.app.identityVerifications.confirm(id, { otp: '123456' }),
        404,
        'IDENTITY_VERIFICATION_NOT_SENT',
      );
      await expectType(env.app.identityVerifications.resend(id), 404, 'IDENTITY_VERIFICATION_NOT_SENT');
    });

    it('send twice: IDENTITY_VERIFICATION_ALREADY_SENT', async () => {
      const id = newId();
      await send(id);
      await expectType(send(id), 409, 'IDENTITY_VERIFICATION_ALREADY_SENT');
    });

    it('send, confirm and resend after verification: IDENTITY_VERIFICATION_ALREADY_VERIFIED', async () => {
      const id = newId();
      await send(id);
      await env.app.identityVerifications.confirm(id, { otp: env.emulator.lastOtp(id) });
      await expectType(send(id), 409, 'IDENTITY_VERIFICATION_ALREADY_VERIFIED');
      await expectType(
        env.app.identityVerifications.confirm(id, { otp: '000000' }),
        409,
        'IDENTITY_VERIFICATION_ALREADY_VERIFIED',
      );
      await expectType(
        env.app.identityVerifications.resend(id),
        409,
        'IDENTITY_VERIFICATION_ALREADY_VERIFIED',
      );
    });

    it('an unknown channel: CHANNEL_NOT_FOUND', async () => {
      await expectType(send(newId(), { channelKey: 'channel-key-nope' }), 404, 'CHANNEL_NOT_FOUND');
    });

    it('a wrong OTP: PG_PROVIDER with pgCode and pgMessage', async () => {
      const id = newId();
      await send(id);
      const wrong = env.emulator.lastOtp(id) === '000000' ? '111111' : '000000';
      const error = await expectType(
        env.app.identityVerifications.confirm(id, { otp: wrong }),
        502,
        'PG_PROVIDER',
      );
      expect(error.pgCode).toEqual(expect.any(String));
      expect(error.pgMessage).toEqual(expect.any(String));
      // A PG refusal is not transient: retrying the same OTP gives the same answer.
      expect(env.emulator.countRequests({ path: `/identity-verifications/${id}/confirm` })).toBe(1);
    });

    it('a store the secret cannot access: FORBIDDEN', async () => {
      await expectType(
        env.app.identityVerifications.get('iv-x', { storeId: 'store-someone-else' }),
        403,
        'FORBIDDEN',
      );
    });

    it.each([
      ['INVALID_REQUEST', 400],
      ['MAX_TRANSACTION_COUNT_REACHED', 400],
      ['UNAUTHORIZED', 401],
    ])('%s from PortOne is mapped', async (type, status) => {
      env.emulator.injectFault({
        api: 'v2',
        path: /\/send$/,
        status,
        body: { type, message: `${type} happened` },
      });
      const error = await rejectionOf(send(newId()));
      expect(error).toMatchObject({ status, type });
    });

    it('an error type the client does not know does not crash', async () => {
      env.emulator.injectFault({
        api: 'v2',
        path: /\/send$/,
        status: 422,
        body: { type: 'SOMETHING_NEW', message: 'new rule' },
      });
      const error = await expectType(send(newId()), 422, 'SOMETHING_NEW');
      expect(error.portOneMessage).toBe('new rule');
    });
  });

  describe('validation before sending', () => {
    const customer = sendRequest('channel-key').customer;
    it.each<[string, Record<string, unknown>, string]>([
      ['channelKey missing', { channelKey: undefined }, 'channelKey'],
      ['operator LGT (V1 spelling)', { operator: 'LGT' }, 'operator'],
      ['method unknown', { method: 'EMAIL' }, 'method'],
      ['customer missing', { customer: undefined }, 'customer'],
      ['customer.name missing', { customer: { ...customer, name: undefined } }, 'customer.name'],
      [
        'customer.phoneNumber with dashes',
        { customer: { ...customer, phoneNumber: '010-9876-5432' } },
        'customer.phoneNumber',
      ],
      [
        'customer.ipAddress invalid',
        { customer: { ...customer, ipAddress: '999.1.1.1' } },
        'customer.ipAddress',
      ],
      [
        'customer.identityNumber 6 digits',
        { customer: { ...customer, identityNumber: '020304' } },
        'customer.identityNumber',
      ],
      [
        'customer.identityNumber gender 9',
        { customer: { ...customer, identityNumber: '0203049' } },
        'customer.identityNumber',
      ],
      ['SMS without identityNumber', { customer: { ...customer, identityNumber: undefined } }, 'customer'],
      ['customer.id over 200', { customer: { ...customer, id: 'i'.repeat(201) } }, 'customer.id'],
      ['an unknown customer property', { customer: { ...customer, birth: '900101' } }, 'customer.birth'],
      ['bypass a string', { bypass: 'x' }, 'bypass'],
      ['an unknown property', { pg: 'danal' }, 'pg'],
    ])('send, %s: PortOneValidationError naming the field, no request', async (_case, patch, field) => {
      const error = await rejectionOf(send(newId(), patch));
      expect(error).toBeInstanceOf(PortOneValidationError);
      expect((error as PortOneValidationError).issues.map(issue => issue.field)).toContain(field);
      expect(env.emulator.requests).toHaveLength(0);
    });

    it.each<[string, () => Promise<unknown>]>([
      ['get with an empty id', () => env.app.identityVerifications.get('')],
      [
        'get with an unknown scope property',
        () => env.app.identityVerifications.get('iv', { store: 'x' } as never),
      ],
      ['confirm with an empty otp', () => env.app.identityVerifications.confirm('iv', { otp: '' })],
      ['resend with an empty storeId', () => env.app.identityVerifications.resend('iv', { storeId: '' })],
      ['list with a negative page', () => env.app.identityVerifications.list({ page: { number: -1 } })],
      ['list with a zero page size', () => env.app.identityVerifications.list({ page: { size: 0 } })],
      [
        'list with an unknown status',
        () => env.app.identityVerifications.list({ filter: { statuses: ['DONE' as never] } }),
      ],
      [
        'list with an unknown sort field',
        () => env.app.identityVerifications.list({ sort: { by: 'NAME' as never } }),
      ],
      [
        'list with a bad date',
        () => env.app.identityVerifications.list({ filter: { from: 'yesterday' as never } }),
      ],
      // Found by the fuzzer: an object that cannot become a primitive used to crash the Date conversion.
      [
        'list with a date that cannot be converted',
        () => env.app.identityVerifications.list({ filter: { from: { toString: false } as never } }),
      ],
      [
        'list with a bad carrier',
        () => env.app.identityVerifications.list({ filter: { carriers: ['LGT' as never] } }),
      ],
      [
        'send with a short idempotency key',
        () =>
          env.app.identityVerifications.send(
            newId(),
            sendRequest(env.emulator.credentials.channelKeys.danal),
            {
              idempotencyKey: 'short',
            },
          ),
      ],
    ])('%s: PortOneValidationError, no request', async (_case, call) => {
      const error = await rejectionOf(call());
      expect(error).toBeInstanceOf(PortOneValidationError);
      expect(env.emulator.requests).toHaveLength(0);
    });
  });
});
