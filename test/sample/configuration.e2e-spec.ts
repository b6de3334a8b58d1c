import request from 'supertest';
import { PortOneConfigurationError } from '../../sample/src/portone';
import {
  setEnvironment,
  startSampleAppFromEnvironment,
  uniqueId,
  type SampleApp,
} from '../support/sample-app';

// These tests are about the sample's options factory, which reads the environment: they boot it the way
// `npm start` does. Every other sample test overrides PORTONE_MODULE_OPTIONS instead.
describe('sample: configuration mistakes', () => {
  it('refuses to boot with invalid options, listing every problem and no secret', async () => {
    const error = await startSampleAppFromEnvironment({
      PORTONE_V1_BASE_URL: 'not a url',
      PORTONE_V2_AUTH: 'password',
      PORTONE_V2_API_SECRET: 'v2-secret-that-must-not-be-printed',
    }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(PortOneConfigurationError);
    const { problems, message } = error as PortOneConfigurationError;
    expect(problems).toHaveLength(2);
    expect(problems.join(' ')).toMatch(/v1\.baseUrl/);
    expect(problems.join(' ')).toMatch(/v2\.auth/);
    expect(message).not.toContain('v2-secret-that-must-not-be-printed');
  });

  it('refuses to boot without a required credential', async () => {
    await expect(startSampleAppFromEnvironment({ PORTONE_V1_API_SECRET: undefined })).rejects.toThrow(
      /PORTONE_V1_API_SECRET/,
    );
  });

  describe('a missing channel key', () => {
    let sample: SampleApp;
    beforeAll(async () => {
      sample = await startSampleAppFromEnvironment();
    });
    afterAll(() => sample.close());

    it('fails only the endpoints that need it, with a 500 and no call to PortOne', async () => {
      const restore = setEnvironment({ PORTONE_GALAXIA_CHANNEL_KEY: undefined });
      try {
        sample.emulator.clearRequests();
        await request(sample.server)
          .post('/cvs')
          .send({ merchantUid: uniqueId('order'), amount: 1000 })
          .expect(500);
        expect(sample.emulator.requests).toHaveLength(0);

        await request(sample.server)
          .post('/certifications/otp')
          .send({
            name: '홍길동',
            phone: '01012345678',
            birth: '900101',
            genderDigit: '1',
            carrier: 'SKT',
          })
          .expect(201);
      } finally {
        restore();
      }
    });
  });
});
