import request from 'supertest';
import {
  sendBody,
  startSampleApp,
  uniqueId,
  V1_PERSON,
  V2_PERSON,
  type SampleApp,
} from '../support/sample-app';

/**
 * The sample's answers show masked names and phone numbers only. This drives every flow, including failures,
 * and checks that no answer contains the test people's full phone number, name, birth date, resident-number
 * digits, or their CI/DI.
 */
describe('sample: answers never contain raw personal data', () => {
  let sample: SampleApp;
  const answers: string[] = [];

  beforeAll(async () => {
    sample = await startSampleApp();
  });
  afterAll(() => sample.close());

  /** Runs a request and keeps the raw answer text. */
  async function call(test: request.Test, status: number): Promise<request.Response> {
    const res = await test.expect(status);
    answers.push(res.text);
    return res;
  }
  const http = () => request(sample.server);

  it('holds for the V2 flow and its failures', async () => {
    const id = uniqueId('iv');
    const base = `/identity-verifications/${id}`;
    await call(http().post(`${base}/send`).send(sendBody()), 201);
    await call(http().get(base), 200);
    await call(http().post(`${base}/confirm`).send({ otp: 'wrong-code' }), 502);
    await call(http().post(`${base}/resend`), 200);
    await call(
      http()
        .post(`${base}/confirm`)
        .send({ otp: sample.emulator.lastOtp(id) }),
      200,
    );
    await call(http().get(base), 200);
    await call(http().get('/identity-verifications').query({ status: 'VERIFIED' }), 200);
    await call(http().post(`${base}/send`).send(sendBody()), 409);
    // A value breaking PortOne's rules is named by field, never echoed.
    const badPhone = sendBody({ customer: { ...V2_PERSON, phoneNumber: `+82${V2_PERSON.phoneNumber}` } });
    await call(
      http()
        .post(`/identity-verifications/${uniqueId('iv')}/send`)
        .send(badPhone),
      400,
    );
    const badIdentity = sendBody({ customer: { ...V2_PERSON, identityNumber: '0213454' } });
    await call(
      http()
        .post(`/identity-verifications/${uniqueId('iv')}/send`)
        .send(badIdentity),
      400,
    );

    const verified = sample.emulator.getIdentityVerification(id);
    expect(verified?.status).toBe('VERIFIED');
    const person = verified?.status === 'VERIFIED' ? verified.verifiedCustomer : undefined;
    expect(person?.ci).toEqual(expect.any(String));
    expectNoneContain([
      V2_PERSON.name,
      V2_PERSON.phoneNumber,
      '010-9876-5432',
      V2_PERSON.identityNumber,
      '020304',
      '2002-03-04',
      '0213454',
      person?.ci ?? 'ci',
      person?.di ?? 'di',
    ]);
  });

  it('holds for the V1 flow and its failures', async () => {
    const requested = await call(http().post('/certifications/otp').send(V1_PERSON), 201);
    const impUid = (requested.body as { impUid: string }).impUid;
    await call(http().post(`/certifications/${impUid}/confirm`).send({ otp: 'wrong' }), 422);
    await call(
      http()
        .post(`/certifications/${impUid}/confirm`)
        .send({ otp: sample.emulator.lastOtp(impUid) }),
      200,
    );
    const certification = sample.emulator.getCertification(impUid);
    await call(http().get(`/certifications/${impUid}`), 200);
    await call(http().post(`/certifications/${impUid}/confirm`).send({ otp: '123456' }), 409);
    await call(http().delete(`/certifications/${impUid}`), 200);
    await call(
      http()
        .post('/certifications/otp')
        .send({ ...V1_PERSON, phone: '02-2468-1357' }),
      400,
    );

    expect(certification?.unique_key).toEqual(expect.any(String));
    expectNoneContain([
      V1_PERSON.name,
      '01024681357',
      V1_PERSON.phone,
      '02-2468-1357',
      V1_PERSON.birth,
      '1985-06-15',
      certification?.unique_key ?? 'ci',
      certification?.unique_in_site ?? 'di',
    ]);
  });

  function expectNoneContain(values: string[]): void {
    expect(answers.length).toBeGreaterThan(5);
    for (const answer of answers) {
      for (const value of values) expect(answer).not.toContain(value);
    }
  }
});
