import request from 'supertest';
import { sendBody, useSampleApp, uniqueId, V2_PERSON } from '../support/sample-app';

describe('sample: V2 identity verification over HTTP', () => {
  const sample = useSampleApp();

  const http = () => request(sample.server);

  async function send(id: string) {
    return http().post(`/identity-verifications/${id}/send`).send(sendBody()).expect(201);
  }

  async function sendAndConfirm(id: string) {
    await send(id);
    return http()
      .post(`/identity-verifications/${id}/confirm`)
      .send({ otp: sample.emulator.lastOtp(id) })
      .expect(200);
  }

  it('sends with the configured Danal channel and the caller IP, and answers READY', async () => {
    const id = uniqueId('iv');
    const res = await send(id);

    expect(res.body).toEqual({ id, status: 'READY' });
    const [sent] = sample.emulator.requests.filter(r => r.path === `/identity-verifications/${id}/send`);
    expect(sent.body).toMatchObject({
      channelKey: sample.emulator.credentials.channelKeys.danal,
      customer: { name: V2_PERSON.name, phoneNumber: V2_PERSON.phoneNumber, ipAddress: '127.0.0.1' },
      operator: 'KT',
      method: 'SMS',
    });
    expect(sample.emulator.otpsSent(id)).toBe(1);
  });

  it('confirms with the texted code and answers the verified record, masked', async () => {
    const id = uniqueId('iv');
    const res = await sendAndConfirm(id);

    expect(res.body).toEqual({
      id,
      status: 'VERIFIED',
      requestedAt: expect.any(String),
      verifiedAt: expect.any(String),
      customer: { name: '김*희', phoneNumber: '010-****-5432' },
    });
  });

  it('reads a verification by id', async () => {
    const id = uniqueId('iv');
    await send(id);

    const ready = await http().get(`/identity-verifications/${id}`).expect(200);
    expect(ready.body).toMatchObject({ id, status: 'READY', customer: { name: '김*희' } });

    await http()
      .post(`/identity-verifications/${id}/confirm`)
      .send({ otp: sample.emulator.lastOtp(id) })
      .expect(200);
    const verified = await http().get(`/identity-verifications/${id}`).expect(200);
    expect(verified.body).toMatchObject({ id, status: 'VERIFIED', verifiedAt: expect.any(String) });
  });

  it('resends a new code, which then confirms', async () => {
    const id = uniqueId('iv');
    await send(id);

    const res = await http().post(`/identity-verifications/${id}/resend`).expect(200);
    expect(res.body).toEqual({ id, status: 'READY' });
    expect(sample.emulator.otpsSent(id)).toBe(2);
    await http()
      .post(`/identity-verifications/${id}/confirm`)
      .send({ otp: sample.emulator.lastOtp(id) })
      .expect(200);
  });

  it('lists verifications filtered by status, with paging', async () => {
    const verifiedId = uniqueId('iv');
    const readyId = uniqueId('iv');
    await sendAndConfirm(verifiedId);
    await send(readyId);

    const verified = await http().get('/identity-verifications').query({ status: 'VERIFIED' }).expect(200);
    const ids = (verified.body.items as { id: string }[]).map(item => item.id);
    expect(ids).toContain(verifiedId);
    expect(ids).not.toContain(readyId);
    expect(verified.body.items.every((item: { status: string }) => item.status === 'VERIFIED')).toBe(true);

    const firstPage = await http().get('/identity-verifications').query({ page: 0, size: 1 }).expect(200);
    expect(firstPage.body.items).toHaveLength(1);
    expect(firstPage.body.page).toMatchObject({ number: 0, size: 1 });
    expect(firstPage.body.page.totalCount).toBeGreaterThanOrEqual(2);
    // Newest first: the last one sent.
    expect(firstPage.body.items[0].id).toBe(readyId);
  });

  it('answers 502 with the PG code for a wrong code, and the person can try again', async () => {
    const id = uniqueId('iv');
    await send(id);
    const wrong = sample.emulator.lastOtp(id) === '000000' ? '111111' : '000000';

    const res = await http().post(`/identity-verifications/${id}/confirm`).send({ otp: wrong }).expect(502);
    expect(res.body).toMatchObject({
      statusCode: 502,
      error: 'Bad Gateway',
      portOne: { type: 'PG_PROVIDER', pgCode: 'OTP_MISMATCH', requestId: expect.any(String) },
    });
    await http()
      .get(`/identity-verifications/${id}`)
      .expect(200, /"status":"READY"/);
    await http()
      .post(`/identity-verifications/${id}/confirm`)
      .send({ otp: sample.emulator.lastOtp(id) })
      .expect(200);
  });

  it('answers 409 when the same id is sent twice', async () => {
    const id = uniqueId('iv');
    await send(id);

    const res = await http().post(`/identity-verifications/${id}/send`).send(sendBody()).expect(409);
    expect(res.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      portOne: { type: 'IDENTITY_VERIFICATION_ALREADY_SENT' },
    });
  });

  it('answers 409 when a verified id is confirmed again or resent', async () => {
    const id = uniqueId('iv');
    await sendAndConfirm(id);

    const again = await http()
      .post(`/identity-verifications/${id}/confirm`)
      .send({ otp: sample.emulator.lastOtp(id) })
      .expect(409);
    expect(again.body.portOne.type).toBe('IDENTITY_VERIFICATION_ALREADY_VERIFIED');
    const resend = await http().post(`/identity-verifications/${id}/resend`).expect(409);
    expect(resend.body.portOne.type).toBe('IDENTITY_VERIFICATION_ALREADY_VERIFIED');
  });

  it('answers 409 for a record that was not sent through the API', async () => {
    const id = uniqueId('iv');
    sample.emulator.seedIdentityVerification({ id });

    const res = await http()
      .post(`/identity-verifications/${id}/confirm`)
      .send({ otp: '123456' })
      .expect(409);
    expect(res.body.portOne.type).toBe('IDENTITY_VERIFICATION_NOT_SENT');
  });

  it('answers 404 for an unknown id', async () => {
    const get = await http().get('/identity-verifications/no-such-id').expect(404);
    expect(get.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      portOne: { type: 'IDENTITY_VERIFICATION_NOT_FOUND' },
    });
    await http().post('/identity-verifications/no-such-id/confirm').send({ otp: '123456' }).expect(404);
    await http().post('/identity-verifications/no-such-id/resend').expect(404);
  });

  describe('invalid input is refused with 400 before anything reaches PortOne', () => {
    it.each([
      ['a missing field', { customer: { ...V2_PERSON }, method: 'SMS' }],
      ['an unknown field', sendBody({ admin: true })],
      ['an unknown operator', sendBody({ operator: 'VODAFONE' })],
      ['a customer that is not an object', sendBody({ customer: 'me' })],
    ])('by the ValidationPipe: %s', async (_case, body) => {
      const res = await http()
        .post(`/identity-verifications/${uniqueId('iv')}/send`)
        .send(body)
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(sample.emulator.requests).toHaveLength(0);
    });

    it("by the module's PortOne rules, naming the field and the rule", async () => {
      const body = sendBody({ customer: { ...V2_PERSON, phoneNumber: '010-9876-5432' } });
      const res = await http()
        .post(`/identity-verifications/${uniqueId('iv')}/send`)
        .send(body)
        .expect(400);

      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        portOne: { issues: [{ field: 'customer.phoneNumber', rules: ['matches'] }] },
      });
      expect(sample.emulator.requests).toHaveLength(0);
    });

    it('for the list filters', async () => {
      await http().get('/identity-verifications').query({ status: 'DONE' }).expect(400);
      await http().get('/identity-verifications').query({ size: 'ten' }).expect(400);
      await http().get('/identity-verifications').query({ from: 'yesterday' }).expect(400);
      expect(sample.emulator.requests).toHaveLength(0);
    });
  });
});
