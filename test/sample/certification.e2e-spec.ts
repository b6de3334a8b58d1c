import request from 'supertest';
import { useSampleApp, V1_PERSON } from '../support/sample-app';

describe('sample: V1 OTP certification over HTTP', () => {
  const sample = useSampleApp();

  const http = () => request(sample.server);

  async function requestOtp(): Promise<string> {
    const res = await http().post('/certifications/otp').send(V1_PERSON).expect(201);
    return (res.body as { impUid: string }).impUid;
  }

  function confirm(impUid: string, otp = sample.emulator.lastOtp(impUid)) {
    return http().post(`/certifications/${impUid}/confirm`).send({ otp });
  }

  it('requests an OTP through the configured Danal channel and answers only the impUid', async () => {
    const res = await http().post('/certifications/otp').send(V1_PERSON).expect(201);

    expect(res.body).toEqual({ impUid: expect.stringMatching(/^imp_/) });
    const [sent] = sample.emulator.requests.filter(r => r.path === '/certifications/otp/request');
    expect(sent.body).toMatchObject({
      channel_key: sample.emulator.credentials.channelKeys.danal,
      name: V1_PERSON.name,
      carrier: 'SKT',
    });
    expect(sample.emulator.otpsSent(res.body.impUid)).toBe(1);
  });

  it('confirms, reads and deletes a certification, showing masked data only', async () => {
    const impUid = await requestOtp();

    const confirmed = await confirm(impUid).expect(200);
    // No phone: like a real Danal contract without the carrier pre-approval, the emulator's Danal channel
    // reports none, and the sample shows what it has.
    expect(confirmed.body).toEqual({
      impUid,
      certified: true,
      certifiedAt: expect.any(String),
      name: '홍*동',
    });

    const read = await http().get(`/certifications/${impUid}`).expect(200);
    expect(read.body).toEqual(confirmed.body);

    await http().delete(`/certifications/${impUid}`).expect(200, { impUid, deleted: true });
    expect(sample.emulator.getCertification(impUid)).toBeUndefined();
    await http().get(`/certifications/${impUid}`).expect(404);
  });

  it('shows a pending certification as not certified, without personal data', async () => {
    const impUid = await requestOtp();

    const res = await http().get(`/certifications/${impUid}`).expect(200);
    expect(res.body).toEqual({ impUid, certified: false });
  });

  it('answers 422 for a wrong code, and the person can try again', async () => {
    const impUid = await requestOtp();
    const wrong = sample.emulator.lastOtp(impUid) === '000000' ? '111111' : '000000';

    const res = await confirm(impUid, wrong).expect(422);
    expect(res.body).toMatchObject({
      statusCode: 422,
      error: 'Unprocessable Entity',
      portOne: { code: -1, requestId: expect.any(String) },
    });
    await confirm(impUid).expect(200);
  });

  it('answers 409 when a confirmed certification is confirmed again', async () => {
    const impUid = await requestOtp();
    await confirm(impUid).expect(200);

    const res = await confirm(impUid).expect(409);
    expect(res.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      message: 'This certification is already confirmed.',
      portOne: { code: -1 },
    });
  });

  it('answers 404 for an unknown impUid', async () => {
    const get = await http().get('/certifications/imp_000000000000').expect(404);
    expect(get.body).toMatchObject({ statusCode: 404, error: 'Not Found', portOne: { code: -1 } });
    await http().delete('/certifications/imp_000000000000').expect(404);
    await confirm('imp_000000000000', '123456').expect(404);
  });

  describe('invalid input is refused with 400 before anything reaches PortOne', () => {
    it.each([
      ['a missing field', { ...V1_PERSON, carrier: undefined }],
      ['an unknown field', { ...V1_PERSON, channelKey: 'somebody-elses-channel' }],
      ['a gender digit out of range', { ...V1_PERSON, genderDigit: '9' }],
    ])('by the ValidationPipe: %s', async (_case, body) => {
      await http().post('/certifications/otp').send(body).expect(400);
      expect(sample.emulator.requests).toHaveLength(0);
    });

    it("by the module's PortOne rules, naming the field and the rule", async () => {
      const res = await http()
        .post('/certifications/otp')
        .send({ ...V1_PERSON, birth: '851315' })
        .expect(400);

      expect(res.body.portOne.issues).toEqual([{ field: 'birth', rules: ['matches'] }]);
      expect(sample.emulator.requests).toHaveLength(0);
    });

    it('for a confirm without a code', async () => {
      await http().post('/certifications/imp_000000000000/confirm').send({}).expect(400);
      expect(sample.emulator.requests).toHaveLength(0);
    });
  });
});
