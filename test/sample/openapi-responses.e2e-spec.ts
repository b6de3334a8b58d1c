import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';
import request from 'supertest';
import { setUpSwagger } from '../../sample/src/swagger';
import { sendBody, startSampleApp, uniqueId, V1_PERSON, type SampleApp } from '../support/sample-app';

/** The routes whose errors come from PortOneExceptionFilter (every route that calls PortOne). */
const PORTONE_ROUTE = /^\/(identity-verifications|certifications|cvs)(\/|$)/;
/** Every status toPortOneErrorResponse can answer with, plus the ValidationPipe's 400. */
const FILTER_STATUSES = ['400', '404', '409', '422', '429', '500', '502', '503', '504'];

/**
 * The sample's OpenAPI document against the sample's real answers: every route declares its success and
 * error answers with schemas, and what the app answers (success, its own errors, the exception filter's)
 * matches the schema declared for that route and status. The schemas are made closed
 * (`additionalProperties: false`) here, so a field the app answers but the document leaves out fails too.
 */
describe('sample: the OpenAPI document declares every answer, and the answers match it', () => {
  let sample: SampleApp;
  let document: OpenAPIObject;
  let ajv: Ajv;
  beforeAll(async () => {
    sample = await startSampleApp(app => {
      document = setUpSwagger(app);
    });
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ components: closed(document.components) }, 'openapi');
  });
  afterAll(() => sample.close());
  const http = () => request(sample.server);

  /** The compiled schema the document declares for `method path` answering `status`. */
  function declared(method: string, path: string, status: number): ValidateFunction {
    const response = document.paths[path]?.[method as 'get']?.responses?.[String(status)];
    if (!response || !('content' in response) || !response.content?.['application/json']?.schema) {
      throw new Error(`${method.toUpperCase()} ${path} declares no JSON answer for ${status}`);
    }
    const schema = JSON.stringify(response.content['application/json'].schema).replaceAll(
      '"#/components/',
      '"openapi#/components/',
    );
    return ajv.compile(JSON.parse(schema) as object);
  }

  function expectMatches(method: string, path: string, res: { status: number; body: unknown }): void {
    const validate = declared(method, path, res.status);
    const valid = validate(res.body);
    expect({ path, status: res.status, errors: valid ? [] : validate.errors }).toEqual({
      path,
      status: res.status,
      errors: [],
    });
  }

  it('declares a JSON success answer on every route, and the exception filter answers on those calling PortOne', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      (['get', 'post', 'put', 'patch', 'delete'] as const)
        .filter(method => item[method])
        .map(method => ({ path, method, responses: item[method]!.responses })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(14);
    for (const { path, method, responses } of operations) {
      const statuses = Object.keys(responses);
      const success = statuses.filter(status => status.startsWith('2'));
      expect({ path, method, success: success.length }).toEqual({ path, method, success: 1 });
      for (const status of statuses) {
        const response = responses[status] as { description?: string; content?: object };
        expect({
          path,
          status,
          described: Boolean(response.description) || Boolean(response.content),
        }).toEqual({ path, status, described: true });
        expect({ path, status, schema: Boolean(response.content) }).toEqual({ path, status, schema: true });
      }
      if (PORTONE_ROUTE.test(path)) {
        expect({ path, method, statuses: FILTER_STATUSES.filter(s => !statuses.includes(s)) }).toEqual({
          path,
          method,
          statuses: [],
        });
      }
    }
    expect(Object.keys(document.paths).some(path => path.startsWith('/portone/webhook'))).toBe(false);
  });

  it('barcode flow: issue, read the order, revoke, revoke again (a PortOne refusal), an unknown order', async () => {
    const merchantUid = uniqueId('openapi');
    const issued = await http().post('/cvs').send({ merchantUid, amount: 15000, name: 'Sample order' });
    expect(issued.status).toBe(201);
    expectMatches('post', '/cvs', issued);
    expectMatches('get', '/orders/{merchantUid}', await http().get(`/orders/${merchantUid}`).expect(200));

    const impUid = (issued.body as { impUid: string }).impUid;
    expectMatches('delete', '/cvs/{impUid}', await http().delete(`/cvs/${impUid}`).expect(200));
    expectMatches('delete', '/cvs/{impUid}', await http().delete(`/cvs/${impUid}`).expect(409));
    expectMatches(
      'post',
      '/orders/{merchantUid}/cancel',
      await http().post(`/orders/${merchantUid}/cancel`).expect(201),
    );
    expectMatches('get', '/orders/{merchantUid}', await http().get('/orders/no-such-order').expect(404));
    expectMatches('post', '/cvs', await http().post('/cvs').send({ merchantUid }).expect(400));
  });

  it('V2 verification flow: send, confirm, read, list, and the filter’s 404 and 502 answers', async () => {
    const id = uniqueId('openapi');
    expectMatches(
      'post',
      '/identity-verifications/{id}/send',
      await http().post(`/identity-verifications/${id}/send`).send(sendBody()).expect(201),
    );
    const otp = sample.emulator.lastOtp(id);
    expectMatches(
      'post',
      '/identity-verifications/{id}/confirm',
      await http().post(`/identity-verifications/${id}/confirm`).send({ otp }).expect(200),
    );
    expectMatches(
      'get',
      '/identity-verifications/{id}',
      await http().get(`/identity-verifications/${id}`).expect(200),
    );
    expectMatches('get', '/identity-verifications', await http().get('/identity-verifications').expect(200));
    expectMatches(
      'get',
      '/identity-verifications/{id}',
      await http().get('/identity-verifications/no-such-id').expect(404),
    );

    sample.emulator.injectFault({
      api: 'v2',
      path: /^\/identity-verifications\//,
      status: 500,
      times: Infinity,
    });
    try {
      expectMatches(
        'get',
        '/identity-verifications/{id}',
        await http().get(`/identity-verifications/${id}`).expect(502),
      );
    } finally {
      sample.emulator.clearFaults();
    }
  });

  it('V1 certification flow: request an OTP, confirm it, confirm again (409), delete; a bad body (400)', async () => {
    const requested = await http().post('/certifications/otp').send(V1_PERSON).expect(201);
    expectMatches('post', '/certifications/otp', requested);
    const impUid = (requested.body as { impUid: string }).impUid;
    const otp = sample.emulator.lastOtp(impUid);
    expectMatches(
      'post',
      '/certifications/{impUid}/confirm',
      await http().post(`/certifications/${impUid}/confirm`).send({ otp }).expect(200),
    );
    expectMatches(
      'post',
      '/certifications/{impUid}/confirm',
      await http().post(`/certifications/${impUid}/confirm`).send({ otp }).expect(409),
    );
    expectMatches(
      'get',
      '/certifications/{impUid}',
      await http().get(`/certifications/${impUid}`).expect(200),
    );
    expectMatches(
      'delete',
      '/certifications/{impUid}',
      await http().delete(`/certifications/${impUid}`).expect(200),
    );
    expectMatches(
      'post',
      '/certifications/otp',
      await http().post('/certifications/otp').send({}).expect(400),
    );
  });
});

/** The document's schemas with `additionalProperties: false` on every object, so undeclared fields fail. */
function closed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(closed) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, closed(item)]));
  return ('properties' in copy ? { ...copy, additionalProperties: false } : copy) as T;
}
