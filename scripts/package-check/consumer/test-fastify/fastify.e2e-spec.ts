import 'reflect-metadata';
import {
  CvsService,
  IdentityVerificationService,
  OnCvsConfirm,
  OnPortOneWebhook,
  PortOneExceptionFilter,
  PortOneModule,
  type CvsConfirmRequest,
  type PortOneWebhookEvent,
} from 'nestjs-portone';
import { PortOneHealthIndicator, PortOneHealthModule } from 'nestjs-portone/health';
import { EMULATOR_WEBHOOK_SECRET, PortOneEmulator } from 'nestjs-portone/testing';
import { Controller, Get, Inject, Injectable, Module, Param } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthCheck, HealthCheckService, TerminusModule } from '@nestjs/terminus';

// The NestJS 12 Fastify row of the packed-consumer matrix (Vitest globals, as nest new 12 sets them up): a
// Fastify app built as the README's Fastify section says, receiving a V1 notice, a signed V2 delivery and the
// CVS confirm call from the emulator, answering PortOne errors through PortOneExceptionFilter, and reporting health.

@Injectable()
class PaymentEvents {
  readonly events: PortOneWebhookEvent[] = [];
  readonly confirms: CvsConfirmRequest[] = [];

  @OnPortOneWebhook()
  onEvent(event: PortOneWebhookEvent): void {
    this.events.push(event);
  }

  @OnCvsConfirm()
  mayPay(request: CvsConfirmRequest): boolean {
    this.confirms.push(request);
    return true;
  }
}

@Controller()
class AppController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(PortOneHealthIndicator) private readonly portOne: PortOneHealthIndicator,
    @Inject(IdentityVerificationService) private readonly verifications: IdentityVerificationService,
  ) {}

  @Get('health')
  @HealthCheck()
  check() {
    return this.health.check([() => this.portOne.isHealthy('portone')]);
  }

  @Get('verifications/:id')
  get(@Param('id') id: string) {
    return this.verifications.get(id);
  }
}

describe('nestjs-portone on @nestjs/platform-fastify', () => {
  let emulator: PortOneEmulator;
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start();
    const options = emulator.moduleOptions();
    @Module({
      imports: [
        PortOneModule.forRoot({
          ...options,
          v2: { ...options.v2, webhookSecrets: [EMULATOR_WEBHOOK_SECRET] },
          webhook: { path: 'portone/webhook' },
        }),
        TerminusModule,
        PortOneHealthModule.forRoot(),
      ],
      controllers: [AppController],
      providers: [PaymentEvents],
    })
    class AppModule {}
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule,
      new FastifyAdapter({ bodyLimit: 256 * 1024 }),
      { rawBody: true, logger: false },
    );
    app.useGlobalFilters(new PortOneExceptionFilter(app.get(HttpAdapterHost)));
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await emulator?.close();
  });

  it('verifies and dispatches a signed V2 delivery', async () => {
    const event = { type: 'Transaction.Paid', timestamp: '2026-11-29T00:00:00Z', data: { paymentId: 'p-1' } };
    const delivery = await emulator.sendV2Webhook(`${base}/portone/webhook`, event);
    expect(delivery.status).toBe(200);
    expect(app.get(PaymentEvents).events.map(e => e.type)).toContain('Transaction.Paid');
  });

  it('answers the CVS confirm call and dispatches the re-read V1 notice', async () => {
    const issued = await app.get(CvsService).issue({
      channelKey: emulator.credentials.channelKeys.cvs,
      merchantUid: 'fastify-order-1',
      amount: 12_000,
      confirmUrl: `${base}/portone/webhook/cvs-confirm`,
      noticeUrl: [`${base}/portone/webhook`],
    });
    const result = await emulator.payAtStore(issued.impUid);
    expect(result.outcome).toBe('paid');
    expect(result.confirm?.status).toBe(200);
    expect(result.notices.map(notice => notice.status)).toEqual([200]);
    const events = app.get(PaymentEvents);
    expect(events.confirms.map(confirm => confirm.impUid)).toEqual([issued.impUid]);
    expect(events.events.map(e => e.type)).toContain('payment.paid');
  });

  it('PortOneExceptionFilter answers a PortOne 404 as 404', async () => {
    const response = await fetch(`${base}/verifications/unknown-id`, { signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      statusCode: 404,
      portOne: { type: 'IDENTITY_VERIFICATION_NOT_FOUND' },
    });
  });

  it('reports PortOne up through Terminus', async () => {
    const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', info: { portone: { status: 'up' } } });
  });
});
