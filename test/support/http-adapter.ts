import type { INestApplication } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';

/** The HTTP platforms the webhook, exception-filter and health e2e specs run on. */
export const HTTP_ADAPTERS = ['express', 'fastify'] as const;
export type HttpAdapterName = (typeof HTTP_ADAPTERS)[number];

let current: HttpAdapterName = 'express';

/**
 * Makes the apps this test file starts (startWebhookApp, startHealthTestApp, createTestApp) use `name`. A spec
 * file re-run on Fastify (test/fastify/) calls it before importing the spec, so one spec serves both adapters;
 * each test file has its own module registry on jest and on Vitest, so the choice stays in that file.
 */
export function useHttpAdapter(name: HttpAdapterName): void {
  current = name;
}

/** The adapter this test file runs on. */
export function currentHttpAdapter(): HttpAdapterName {
  return current;
}

/** A fresh adapter instance of the current platform (Fastify's body limit left at its 1 MiB default). */
export function createHttpAdapter(name: HttpAdapterName = current): AbstractHttpAdapter {
  return name === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
}

/**
 * `app.init()`, plus, on Fastify, waiting until the instance is ready, which supertest's
 * `request(app.getHttpServer())` needs (on Express the server is usable as soon as init resolves).
 */
export async function initApp<T extends INestApplication>(app: T): Promise<T> {
  await app.init();
  if (current === 'fastify') {
    await (app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
  }
  return app;
}
