/**
 * Which files of lib/ run for one service call: the measure of how spread out a call's decisions are (issue
 * 23 counts them before and after a refactor). Starts the emulator and a PortOneModule in this process, makes
 * each call once to load what loads lazily (undici, a V1 token), then makes it again under V8's precise
 * coverage and lists every lib/ file (the emulator's lib/testing excepted) in which a function ran.
 *
 *   npx ts-node --transpile-only scripts/walk-call.ts
 */
import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import * as path from 'node:path';
import { Test } from '@nestjs/testing';
import { CertificationService, IdentityVerificationService, PortOneModule } from '../lib';
import { PortOneEmulator } from '../lib/testing';

const LIB = path.join(__dirname, '../lib');

/** The lib/ files in which some function (not only the module's top level) ran since the last take. */
async function filesThatRan(session: Session): Promise<string[]> {
  const { result } = await session.post('Profiler.takePreciseCoverage');
  return result
    .filter(
      script => script.url.startsWith(`file://${LIB}/`) && !script.url.startsWith(`file://${LIB}/testing/`),
    )
    .filter(script => script.functions.some(fn => fn.ranges[0].startOffset > 0 && fn.ranges[0].count > 0))
    .map(script => path.relative(LIB, script.url.slice('file://'.length)))
    .sort();
}

async function walk(session: Session, label: string, call: () => Promise<unknown>): Promise<void> {
  await call(); // loads what loads on first use
  await filesThatRan(session); // resets the counters
  await call();
  const files = await filesThatRan(session);
  const folders = new Set(files.map(file => path.dirname(file)));
  const topLevel = new Set(files.map(file => file.split('/')[0]));
  console.log(`${label}: ${files.length} files in ${folders.size} folders (${topLevel.size} top-level)`);
  for (const file of files) console.log(`  ${file}`);
}

async function main(): Promise<void> {
  const emulator = await PortOneEmulator.start();
  const moduleRef = await Test.createTestingModule({
    imports: [PortOneModule.forRoot({ ...emulator.moduleOptions() })],
  }).compile();
  await moduleRef.init();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  try {
    const identity = moduleRef.get(IdentityVerificationService);
    const channelKey = emulator.credentials.channelKeys.identityVerification;
    let n = 0;
    await walk(session, 'IdentityVerificationService.send', () =>
      identity.send(`walk-${(n += 1)}`, {
        channelKey,
        customer: {
          name: '홍길동',
          phoneNumber: '01012345678',
          identityNumber: '9001011',
          ipAddress: '203.0.113.7',
        },
        operator: 'SKT',
        method: 'SMS',
      }),
    );
    const certifications = moduleRef.get(CertificationService);
    const { impUid } = await certifications.requestOtp({
      name: '홍길동',
      phone: '010-1234-5678',
      birth: '900101',
      genderDigit: '1',
      carrier: 'SKT',
      channelKey,
    });
    await certifications.confirmOtp(impUid, { otp: emulator.lastOtp(impUid)! });
    await walk(session, 'CertificationService.get', () => certifications.get(impUid));
  } finally {
    session.disconnect();
    await moduleRef.close();
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
