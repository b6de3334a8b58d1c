/**
 * `npm run load`: 100,000 calls at concurrency 200 against the in-process emulator, with the token expiring
 * every 25,000 calls. Fails (exit 1) on any failed call, on more than one token request per expiry, or when
 * resident memory grows past the stated bound after warm-up. LOAD_CALLS changes the count.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CertificationService, PortOneModule } from '../lib';
import { PortOneEmulator } from '../lib/testing';
import { otpRequest } from './seed';

const CALLS = Number(process.env.LOAD_CALLS ?? 100_000);
const CONCURRENCY = 200;
const EXPIRE_EVERY = 25_000;
/** Resident memory may grow at most this much between the end of warm-up and the end of the run. */
const RSS_GROWTH_BOUND_MIB = 64;

const mib = (bytes: number) => bytes / 1024 / 1024;

async function main(): Promise<void> {
  const emulator = await PortOneEmulator.start({ logRequests: false });
  @Module({
    imports: [PortOneModule.forRoot({ v1: { ...emulator.credentials.v1, baseUrl: emulator.v1BaseUrl } })],
  })
  class LoadModule {}
  const app = await NestFactory.createApplicationContext(LoadModule, { logger: false });
  const certifications = app.get(CertificationService);
  const { impUid } = await certifications.requestOtp(
    otpRequest(emulator.credentials.channelKeys.danal, '부하'),
  );

  let started = 0;
  let failures = 0;
  let expiries = 0;
  let warmRss = 0;
  let peakRss = 0;
  const startedAt = Date.now();
  const worker = async (): Promise<void> => {
    while (started < CALLS) {
      started += 1;
      if (started % EXPIRE_EVERY === 0) {
        emulator.expireTokens();
        expiries += 1;
      }
      if (started === 10_000) {
        global.gc?.();
        warmRss = process.memoryUsage().rss;
      }
      if (started % 5_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await certifications.get(impUid).catch(() => (failures += 1));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  global.gc?.();
  const endRss = process.memoryUsage().rss;
  const seconds = (Date.now() - startedAt) / 1000;
  const tokenRequests = emulator.stats.tokenRequests.v1;

  const growth = mib(endRss - warmRss);
  console.log(
    [
      `calls: ${CALLS} at concurrency ${CONCURRENCY} in ${seconds.toFixed(1)} s (${Math.round(CALLS / seconds)} calls/s)`,
      `failures: ${failures}`,
      `token expiries: ${expiries}, token requests: ${tokenRequests} (expected ${expiries + 1})`,
      `RSS after warm-up: ${mib(warmRss).toFixed(1)} MiB, peak: ${mib(peakRss).toFixed(1)} MiB, end: ${mib(endRss).toFixed(1)} MiB`,
      `RSS growth after warm-up: ${growth.toFixed(1)} MiB (bound ${RSS_GROWTH_BOUND_MIB} MiB)`,
    ].join('\n'),
  );
  await app.close();
  await emulator.close();
  const ok = failures === 0 && tokenRequests === expiries + 1 && growth <= RSS_GROWTH_BOUND_MIB;
  if (!ok) {
    console.error('load run FAILED its bounds');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
