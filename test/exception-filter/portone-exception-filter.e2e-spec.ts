import { Body, Controller, Get, HttpCode, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { IdentityVerificationService, PortOneExceptionFilter, PortOneModule } from '../../lib';
import { PortOneEmulator } from '../../lib/testing';
import { createHttpAdapter, initApp } from '../support/http-adapter';
import { emulatorOptions, newId, sendRequest } from '../support/portone-test-app';

/** A thin API in front of the V2 service, with no error handling of its own. */
@Controller('verifications')
class VerificationController {
  constructor(private readonly verifications: IdentityVerificationService) {}

  @Get(':id')
  get(@Param('id') id: string) {
    return this.verifications.get(id);
  }

  @Get(':id/app-bug')
  appBug(): never {
    throw new Error('a bug in the app itself');
  }

  @Post(':id/send')
  @HttpCode(200)
  send(@Param('id') id: string, @Body() body: unknown) {
    return this.verifications.send(id, body as never);
  }
}

describe.each([
  ['registered with APP_FILTER (injected HttpAdapterHost)', 'provider'],
  ['registered with app.useGlobalFilters(new PortOneExceptionFilter())', 'global'],
] as const)('PortOneExceptionFilter %s', (_title, registration) => {
  let emulator: PortOneEmulator;
  let app: INestApplication;
  const http = () => request(app.getHttpServer() as App);

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
    @Module({
      imports: [
        PortOneModule.forRoot(
          emulatorOptions(emulator, {
            timeoutMs: 300,
            retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5 },
          }),
        ),
      ],
      controllers: [VerificationController],
      providers:
        registration === 'provider' ? [{ provide: APP_FILTER, useClass: PortOneExceptionFilter }] : [],
    })
    class FilteredAppModule {}
    const moduleRef = await Test.createTestingModule({ imports: [FilteredAppModule] }).compile();
    app = moduleRef.createNestApplication(createHttpAdapter(), { logger: false });
    if (registration === 'global') app.useGlobalFilters(new PortOneExceptionFilter());
    await initApp(app);
  });
  afterAll(async () => {
    await app.close();
    await emulator.close();
  });
  beforeEach(() => emulator.clearFaults());

  /** Neither the credentials nor anything personal from the request may reach the client. */
  function expectNothingSecret(text: string, body: ReturnType<typeof sendRequest>): void {
    const secrets = [
      emulator.credentials.v2.apiSecret,
      body.customer.name,
      body.customer.phoneNumber,
      body.customer.identityNumber,
      body.customer.ipAddress,
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
  }

  it('answers 400 with the failing fields, before anything is sent', async () => {
    const body = sendRequest(emulator.credentials.channelKeys.danal, {
      customer: {
        ...sendRequest(emulator.credentials.channelKeys.danal).customer,
        phoneNumber: '0109876543x',
      },
    });
    const res = await http().post(`/verifications/${newId()}/send`).send(body).expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      portOne: { issues: [{ field: 'customer.phoneNumber', rules: expect.any(Array) }] },
    });
    expectNothingSecret(res.text, body);
  });

  it('answers 404 for an unknown verification, with the type and request id', async () => {
    const res = await http().get(`/verifications/${newId()}`).expect(404);
    expect(res.body).toMatchObject({
      statusCode: 404,
      portOne: { type: 'IDENTITY_VERIFICATION_NOT_FOUND', requestId: expect.any(String) },
    });
  });

  it('answers 409 when the verification was already sent', async () => {
    const id = newId();
    const body = sendRequest(emulator.credentials.channelKeys.danal);
    await http().post(`/verifications/${id}/send`).send(body).expect(200);
    const res = await http().post(`/verifications/${id}/send`).send(body).expect(409);
    expect(res.body).toMatchObject({ portOne: { type: 'IDENTITY_VERIFICATION_ALREADY_SENT' } });
    expectNothingSecret(res.text, body);
  });

  it('answers 502 with the PG code when the PG refuses', async () => {
    emulator.setNextPgError({ pgCode: 'DANAL_1234', pgMessage: 'carrier unavailable' });
    const body = sendRequest(emulator.credentials.channelKeys.danal);
    const res = await http().post(`/verifications/${newId()}/send`).send(body).expect(502);
    expect(res.body).toMatchObject({ portOne: { type: 'PG_PROVIDER', pgCode: 'DANAL_1234' } });
    expectNothingSecret(res.text, body);
  });

  it('a bare birth date (YYMMDD, YYYYMMDD) the request did not carry is masked in the 502 body', async () => {
    emulator.setNextPgError({ pgCode: '851231', pgMessage: 'birth 851231 (19851231) does not match' });
    const body = sendRequest(emulator.credentials.channelKeys.danal);
    const res = await http().post(`/verifications/${newId()}/send`).send(body).expect(502);
    expect(res.text).toContain('does not match');
    expect(res.text).not.toContain('851231');
  });

  it('answers 502 when PortOne keeps failing, and 504 when it does not answer in time', async () => {
    emulator.injectFault({ api: 'v2', path: /^\/identity-verifications\//, status: 500, times: Infinity });
    await http().get(`/verifications/${newId()}`).expect(502);

    emulator.clearFaults();
    emulator.injectFault({ api: 'v2', path: /^\/identity-verifications\//, delayMs: 1_000, times: Infinity });
    const res = await http().get(`/verifications/${newId()}`).expect(504);
    expect(res.body).toMatchObject({ statusCode: 504, error: 'Gateway Timeout' });
  });

  it('answers 502 when PortOne refuses the credentials, without revealing them', async () => {
    emulator.injectFault({ api: 'v2', path: /^\/identity-verifications\//, status: 401 });
    const res = await http().get(`/verifications/${newId()}`).expect(502);
    expect(res.text).not.toContain(emulator.credentials.v2.apiSecret);
  });

  it('leaves errors that are not PortOneErrors to Nest', async () => {
    const res = await http().get('/verifications/broken/app-bug').expect(500);
    expect(res.body).toEqual({ statusCode: 500, message: 'Internal server error' });
  });
});
