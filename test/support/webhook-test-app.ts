import {
  Injectable,
  Module,
  type INestApplication,
  type LoggerService,
  type ModuleMetadata,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import {
  OnCvsConfirm,
  OnPortOneWebhook,
  PortOneModule,
  type CvsConfirmRequest,
  type PortOneModuleOptions,
  type PortOneWebhookEvent,
  type PortOneWebhookMountOptions,
} from '../../lib';
import { createHttpAdapter, currentHttpAdapter } from './http-adapter';

/** Records what the module dispatched; tests script how the handlers behave. */
@Injectable()
export class RecordingHandlers {
  readonly events: PortOneWebhookEvent[] = [];
  readonly confirms: CvsConfirmRequest[] = [];
  /** Throw from the event handler this many more times. */
  failuresLeft = 0;
  /** Handler calls started, those that threw included. */
  started = 0;
  /** Awaited first in every event handler call: lets a test keep a handler running. */
  hold: (() => Promise<void>) | undefined;
  /** What the confirm handler answers; a function may throw or stall. */
  decide: (request: CvsConfirmRequest) => boolean | Promise<boolean> = () => true;

  @OnPortOneWebhook()
  async onEvent(event: PortOneWebhookEvent): Promise<void> {
    this.started += 1;
    await this.hold?.();
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('handler failed on purpose');
    }
    this.events.push(event);
  }

  @OnCvsConfirm()
  onConfirm(request: CvsConfirmRequest): boolean | Promise<boolean> {
    this.confirms.push(request);
    return this.decide(request);
  }

  reset(): void {
    this.events.length = 0;
    this.confirms.length = 0;
    this.failuresLeft = 0;
    this.started = 0;
    this.hold = undefined;
    this.decide = () => true;
  }
}

/** A running Nest app with the webhook routes, listening on 127.0.0.1. */
export interface WebhookTestApp {
  readonly app: INestApplication;
  readonly handlers: RecordingHandlers;
  /** `http://127.0.0.1:<port>/<path>` */
  readonly webhookUrl: string;
  close(): Promise<void>;
}

export interface WebhookAppSettings {
  readonly path?: string;
  /** How the app is built: NestFactory (the production path) or a testing module. */
  readonly via?: 'factory' | 'testing-module';
  readonly rawBody?: boolean;
  readonly bodyParser?: boolean;
  readonly logger?: LoggerService;
  readonly withHandlers?: boolean;
  readonly globalPrefix?: string;
  /** `webhook.reconcile` of the mount options. */
  readonly reconcile?: PortOneWebhookMountOptions['reconcile'];
  /** More modules for the app (e.g. PortOneHealthModule). */
  readonly imports?: NonNullable<ModuleMetadata['imports']>;
}

export async function startWebhookApp(
  options: PortOneModuleOptions,
  settings: WebhookAppSettings = {},
): Promise<WebhookTestApp> {
  const path = settings.path ?? 'portone/webhook';
  const handlerProviders = settings.withHandlers === false ? [] : [RecordingHandlers];

  @Module({
    imports: [
      PortOneModule.forRoot({ ...options, webhook: { path, reconcile: settings.reconcile } }),
      ...(settings.imports ?? []),
    ],
    providers: handlerProviders,
  })
  class WebhookTestModule {}

  // Fastify: the module cannot capture the raw bytes itself (README, Fastify), so apps pass rawBody: true there;
  // a test that wants the consumed-body error sets rawBody: false explicitly.
  const fastify = currentHttpAdapter() === 'fastify';
  const appOptions = {
    logger: false as const,
    abortOnError: false,
    rawBody: settings.rawBody ?? (fastify && settings.via !== 'testing-module'),
    bodyParser: settings.bodyParser ?? true,
  };
  let app: INestApplication;
  if (settings.via === 'testing-module') {
    const moduleRef = await Test.createTestingModule({ imports: [WebhookTestModule] }).compile();
    app = moduleRef.createNestApplication(createHttpAdapter(), appOptions);
  } else {
    app = await NestFactory.create(WebhookTestModule, createHttpAdapter(), appOptions);
  }
  if (settings.globalPrefix) app.setGlobalPrefix(settings.globalPrefix);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const prefix = settings.globalPrefix ? `${settings.globalPrefix}/` : '';
  return {
    app,
    handlers: settings.withHandlers === false ? new RecordingHandlers() : app.get(RecordingHandlers),
    webhookUrl: `http://127.0.0.1:${address.port}/${prefix}${path}`,
    close: () => app.close(),
  };
}

/** POSTs a body to a URL and resolves to the status and parsed JSON answer. */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
