import request from 'supertest';
import { OPENAPI_JSON_PATH, setUpSwagger } from '../../sample/src/swagger';
import { startSampleApp, type SampleApp } from '../support/sample-app';

describe('sample: Swagger UI at / and the OpenAPI document', () => {
  let sample: SampleApp;
  beforeAll(async () => {
    sample = await startSampleApp(setUpSwagger);
  });
  afterAll(() => sample.close());

  it('serves the OpenAPI document with every route of the sample and the DTOs as schemas', async () => {
    const res = await request(sample.server).get(OPENAPI_JSON_PATH).expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.info.title).toBe('nestjs-portone sample');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/identity-verifications/{id}/send',
        '/identity-verifications/{id}/confirm',
        '/identity-verifications/{id}',
        '/identity-verifications',
        '/certifications/otp',
        '/certifications/{impUid}/confirm',
        '/certifications/{impUid}',
        '/cvs',
        '/cvs/{impUid}',
      ]),
    );
    const send = res.body.components.schemas.SendVerificationBodyDto;
    expect(send.required).toEqual(expect.arrayContaining(['customer', 'operator', 'method']));
    expect(send.properties.method.enum).toEqual(['SMS', 'APP']);
    expect(res.body.components.schemas.RequestOtpBodyDto.properties.birth.example).toBe('900101');
  });

  it('serves Swagger UI at the root', async () => {
    const res = await request(sample.server).get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('swagger-ui');
  });
});
