import type { HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { isAxiosError } from 'axios';
import { firstValueFrom } from 'rxjs';
import {
  InjectPortOneHttp,
  PortOneApiError,
  PortOneModule,
  PortOneValidationError,
  getPortOneHttpToken,
} from '../../lib';
import { rejectionOf } from '../support/portone-test-app';
import { ScriptedServer, v1TokenAnswer } from '../support/scripted-server';

/**
 * `@InjectPortOneHttp` gives the module's own HttpService for each API generation, so an app can call an
 * endpoint the module does not wrap (here V1 `GET /payments/{imp_uid}` and V2 `GET /payments/{paymentId}`,
 * which PortOne has and the module does not) with the module's tokens, retries and typed errors.
 */
describe('the injectable HttpService of each API generation', () => {
  let server: ScriptedServer;
  let moduleRef: TestingModule;
  let payments: PaymentsClient;
  let paymentAttempts = 0;

  @Injectable()
  class PaymentsClient {
    constructor(
      @InjectPortOneHttp('v1') readonly v1: HttpService,
      @InjectPortOneHttp('v2') readonly v2: HttpService,
    ) {}
  }

  beforeAll(async () => {
    server = await ScriptedServer.start(request => {
      if (request.path === '/users/getToken') return v1TokenAnswer('v1-token-1');
      if (request.path === '/payments/imp_1') {
        if (request.headers.authorization !== 'Bearer v1-token-1') return { status: 401, body: { code: -1 } };
        // The first attempt meets a busy gateway: the module retries the GET.
        paymentAttempts += 1;
        if (paymentAttempts === 1)
          return { status: 503, body: { code: -1, message: 'busy', response: null } };
        return { body: { code: 0, message: null, response: { imp_uid: 'imp_1', amount: 1000 } } };
      }
      if (request.path === '/payments/imp_missing') {
        return { status: 404, body: { code: -1, message: '존재하지 않는 결제정보입니다.', response: null } };
      }
      if (request.path === '/payments/pay_1') {
        if (request.headers.authorization !== 'PortOne v2-secret')
          return { status: 401, body: { type: 'UNAUTHORIZED' } };
        return { body: { payment: { id: 'pay_1', status: 'PAID' } } };
      }
      return { status: 404, body: { code: -1, message: 'no route', response: null } };
    });
    @Module({
      imports: [
        PortOneModule.forRoot({
          v1: { apiKey: 'v1-key', apiSecret: 'v1-secret', baseUrl: server.baseUrl },
          v2: { apiSecret: 'v2-secret', baseUrl: server.baseUrl },
          retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 },
          timeoutMs: 2_000,
        }),
      ],
      providers: [PaymentsClient],
    })
    class AppModule {}
    moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    await moduleRef.init();
    payments = moduleRef.get(PaymentsClient);
  });
  afterAll(async () => {
    await moduleRef?.close();
    await server?.close();
  });

  it('V1: authenticates with the module token, retries a transient failure, answers PortOne body', async () => {
    const response = await firstValueFrom(payments.v1.get('/payments/imp_1'));
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ code: 0, message: null, response: { imp_uid: 'imp_1', amount: 1000 } });
    expect(server.count('/users/getToken')).toBe(1);
    const sent = server.requests.filter(request => request.path === '/payments/imp_1');
    expect(sent).toHaveLength(2);
    expect(sent.map(request => request.headers.authorization)).toEqual([
      'Bearer v1-token-1',
      'Bearer v1-token-1',
    ]);
    // The same instance is what the module registered under the public token.
    expect(moduleRef.get(getPortOneHttpToken('v1'))).toBe(payments.v1);
  });

  it('V1: a failure is a typed PortOneApiError, never an AxiosError', async () => {
    const error = await rejectionOf(firstValueFrom(payments.v1.get('/payments/imp_missing')));
    expect(isAxiosError(error)).toBe(false);
    expect(error).toBeInstanceOf(PortOneApiError);
    expect(error).toMatchObject({
      status: 404,
      code: -1,
      portOneMessage: '존재하지 않는 결제정보입니다.',
      request: { api: 'v1', method: 'GET', path: '/payments/imp_missing' },
    });
  });

  it('V2: authenticates with the API secret', async () => {
    const response = await firstValueFrom(payments.v2.get<{ payment: { id: string } }>('/payments/pay_1'));
    expect(response.data.payment.id).toBe('pay_1');
    const sent = server.requests.find(request => request.path === '/payments/pay_1');
    expect(sent?.headers.authorization).toBe('PortOne v2-secret');
  });

  it('refuses an absolute URL, which would carry the credentials to another host', async () => {
    const before = server.requests.length;
    for (const url of ['http://attacker.example/steal', '//attacker.example/steal']) {
      const error = await rejectionOf(firstValueFrom(payments.v1.get(url)));
      expect(error).toBeInstanceOf(PortOneValidationError);
    }
    expect(server.requests.length).toBe(before);
  });
});
