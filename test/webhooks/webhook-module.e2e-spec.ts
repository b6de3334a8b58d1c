import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  OnCvsConfirm,
  PortOneModule,
  PORTONE_WEBHOOK_SOURCE_IPS,
  PortOneConfigurationError,
  type PortOneModuleOptions,
} from '../../lib';
import { PortOneEmulator } from '../../lib/testing';
import { CapturingLogger } from '../support/capturing-logger';
import { emulatorOptions } from '../support/portone-test-app';
import { createHttpAdapter } from '../support/http-adapter';
import { post, RecordingHandlers, startWebhookApp } from '../support/webhook-test-app';

const confirmBody = JSON.stringify({
  event: 'Galaxia.Cvs.Confirm',
  imp_uid: 'imps_123',
  merchant_uid: 'order-1',
  status: 'ready',
  extra: { barcode: '1234', payType: 'cash' },
});

describe('webhook routes: mounting, confirm deadline, source addresses', () => {
  let emulator: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start();
  });
  afterAll(() => emulator?.close());

  async function listen(module: unknown): Promise<{ url: string; close: () => Promise<void> }> {
    const app = await NestFactory.create(module as never, createHttpAdapter(), {
      logger: false,
      abortOnError: false,
    });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
  }

  it('forRoot without `webhook` mounts no route', async () => {
    @Module({ imports: [PortOneModule.forRoot(emulatorOptions(emulator))] })
    class NoWebhookModule {}
    const app = await listen(NoWebhookModule);
    try {
      expect((await post(`${app.url}/portone/webhook`, '{}')).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('forRootAsync with `webhook: {}` mounts the default path portone/webhook beside useFactory', async () => {
    @Module({
      imports: [
        PortOneModule.forRootAsync({
          useFactory: (): Promise<PortOneModuleOptions> => Promise.resolve(emulatorOptions(emulator)),
          webhook: {},
        }),
      ],
      providers: [RecordingHandlers],
    })
    class AsyncWebhookModule {}
    const app = await listen(AsyncWebhookModule);
    try {
      expect((await post(`${app.url}/portone/webhook/cvs-confirm`, confirmBody)).status).toBe(200);
      expect(
        (await post(`${app.url}/portone/webhook`, JSON.stringify({ imp_uid: 'imps_000000000000' }))).status,
      ).toBe(404);
    } finally {
      await app.close();
    }
  });

  it("rejects a path that is not a URL path at boot, with the options' other problems", async () => {
    @Module({
      imports: [PortOneModule.forRoot({ ...emulatorOptions(emulator), webhook: { path: 'a b?c' } })],
    })
    class BadPathModule {}
    const boot = listen(BadPathModule);
    await expect(boot).rejects.toThrow(PortOneConfigurationError);
    await expect(boot).rejects.toThrow(/webhook\.path must be a non-empty URL path/);
  });

  it('two @OnCvsConfirm() handlers stop the boot', async () => {
    @Injectable()
    class SecondConfirm {
      @OnCvsConfirm()
      decide(): boolean {
        return false;
      }
    }
    @Module({
      imports: [PortOneModule.forRoot({ ...emulatorOptions(emulator), webhook: {} })],
      providers: [RecordingHandlers, SecondConfirm],
    })
    class TwoConfirmsModule {}
    await expect(listen(TwoConfirmsModule)).rejects.toThrow(/only one @OnCvsConfirm/);
  });

  describe('CVS confirm', () => {
    it('no handler allows', async () => {
      const web = await startWebhookApp(emulatorOptions(emulator), { withHandlers: false });
      try {
        expect((await post(`${web.webhookUrl}/cvs-confirm`, confirmBody)).status).toBe(200);
      } finally {
        await web.close();
      }
    });

    it('a handler slower than confirmDeadlineMs refuses, and a fast one still decides', async () => {
      const web = await startWebhookApp(
        emulatorOptions(emulator, { webhookReceiver: { confirmDeadlineMs: 100 } }),
      );
      try {
        web.handlers.decide = () => new Promise(resolve => setTimeout(() => resolve(true), 1_000));
        // The handler would allow (after 1 s): the refusal can only come from the deadline.
        const answer = await post(`${web.webhookUrl}/cvs-confirm`, confirmBody);
        expect(answer.status).toBe(403);
        web.handlers.decide = () => new Promise(resolve => setTimeout(() => resolve(true), 10));
        expect((await post(`${web.webhookUrl}/cvs-confirm`, confirmBody)).status).toBe(200);
      } finally {
        await web.close();
      }
    });

    it('a malformed confirm request is refused with 400 and the handler is not called', async () => {
      const web = await startWebhookApp(emulatorOptions(emulator));
      try {
        expect((await post(`${web.webhookUrl}/cvs-confirm`, JSON.stringify({ event: 'Other' }))).status).toBe(
          400,
        );
        expect(web.handlers.confirms).toEqual([]);
      } finally {
        await web.close();
      }
    });
  });

  describe('source-address allowlist', () => {
    it('refuses callers outside the list (403) and ignores X-Forwarded-For without trusted proxies', async () => {
      const logger = new CapturingLogger();
      const web = await startWebhookApp(
        emulatorOptions(emulator, {
          logger,
          webhookReceiver: { allowedSourceIps: PORTONE_WEBHOOK_SOURCE_IPS },
        }),
      );
      try {
        const forged = await post(`${web.webhookUrl}/cvs-confirm`, confirmBody, {
          'content-type': 'application/json',
          'x-forwarded-for': PORTONE_WEBHOOK_SOURCE_IPS[0],
        });
        expect(forged.status).toBe(403);
        expect(web.handlers.confirms).toEqual([]);
        expect(logger.lines.some(line => line.includes('not allowed'))).toBe(true);
      } finally {
        await web.close();
      }
    });

    it('with trustedProxyHops: 1, the address the proxy appended decides', async () => {
      const web = await startWebhookApp(
        emulatorOptions(emulator, {
          webhookReceiver: { allowedSourceIps: PORTONE_WEBHOOK_SOURCE_IPS, trustedProxyHops: 1 },
        }),
      );
      try {
        const through = (xff: string) =>
          post(`${web.webhookUrl}/cvs-confirm`, confirmBody, {
            'content-type': 'application/json',
            'x-forwarded-for': xff,
          });
        expect((await through(`203.0.113.9, ${PORTONE_WEBHOOK_SOURCE_IPS[1]}`)).status).toBe(200);
        // A client prepending PortOne's address does not help: the proxy appended the real one.
        expect((await through(`${PORTONE_WEBHOOK_SOURCE_IPS[1]}, 203.0.113.9`)).status).toBe(403);
        expect((await post(`${web.webhookUrl}/cvs-confirm`, confirmBody)).status).toBe(403);
      } finally {
        await web.close();
      }
    });

    it('allows the loopback caller when listed', async () => {
      const web = await startWebhookApp(
        emulatorOptions(emulator, { webhookReceiver: { allowedSourceIps: ['127.0.0.1'] } }),
      );
      try {
        expect((await post(`${web.webhookUrl}/cvs-confirm`, confirmBody)).status).toBe(200);
      } finally {
        await web.close();
      }
    });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a non-IP allowlist entry', { allowedSourceIps: ['portone.io'] }, /allowedSourceIps/],
    ['a zero deadline', { confirmDeadlineMs: 0 }, /confirmDeadlineMs/],
    [
      'a claim store without release',
      { claimStore: { claim: () => undefined, complete: () => undefined } },
      /claimStore/,
    ],
  ])('webhookReceiver with %s stops the boot', async (_case, receiver, message) => {
    await expect(startWebhookApp(emulatorOptions(emulator, { webhookReceiver: receiver }))).rejects.toThrow(
      message,
    );
  });
});
