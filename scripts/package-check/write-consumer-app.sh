#!/usr/bin/env bash
# Writes a minimal NestJS 11 app that uses nestjs-portone the way the README tells users to, into $1.
# Its sources are heredocs rather than .ts files in this repo because they import 'nestjs-portone' by name,
# which only resolves once the tarball is installed; the repo's own type-check could not see it.
set -euo pipefail
app_dir=$1
mkdir -p "$app_dir/src"

cat > "$app_dir/package.json" <<'JSON'
{ "name": "portone-consumer-check", "version": "0.0.0", "private": true }
JSON

# strict, and skipLibCheck off: the published .d.ts files are type-checked as a consumer's compiler sees them.
cat > "$app_dir/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "node16",
    "moduleResolution": "node16",
    "types": ["node"],
    "strict": true,
    "skipLibCheck": false,
    "experimentalDecorators": true,
    "emitDecoratorMetadata": true,
    "rootDir": "src",
    "outDir": "dist"
  },
  "include": ["src"]
}
JSON

# The older resolution many existing Nest apps still use: `nestjs-portone/testing` then resolves through
# package.json "typesVersions" instead of "exports". Type-check only.
cat > "$app_dir/tsconfig.node10.json" <<'JSON'
{
  "extends": "./tsconfig.json",
  "compilerOptions": {
    "module": "commonjs",
    "moduleResolution": "node10",
    "ignoreDeprecations": "6.0",
    "noEmit": true
  }
}
JSON

cat > "$app_dir/src/app.module.ts" <<'TS'
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { PortOneModule, type PortOneModuleOptions } from 'nestjs-portone';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true }),
    PortOneModule.forRootAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService): PortOneModuleOptions => ({
        v1: {
          apiKey: config.getOrThrow<string>('PORTONE_V1_API_KEY'),
          apiSecret: config.getOrThrow<string>('PORTONE_V1_API_SECRET'),
          baseUrl: config.getOrThrow<string>('PORTONE_V1_BASE_URL'),
        },
        v2: {
          apiSecret: config.getOrThrow<string>('PORTONE_V2_API_SECRET'),
          storeId: config.get<string>('PORTONE_V2_STORE_ID'),
          baseUrl: config.getOrThrow<string>('PORTONE_V2_BASE_URL'),
        },
      }),
    }),
  ],
})
export class AppModule {}
TS

cat > "$app_dir/src/main.ts" <<'TS'
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  CertificationService,
  CvsService,
  IdentityVerificationService,
  PortOneApiError,
  isIdentityVerificationError,
} from 'nestjs-portone';
import { PortOneEmulator } from 'nestjs-portone/testing';
import { AppModule } from './app.module';

/** Boots the app against the emulator and calls every service once; any failure exits non-zero. */
async function main(): Promise<void> {
  const emulator = await PortOneEmulator.start();
  const { v1, v2, channelKeys } = emulator.credentials;
  Object.assign(process.env, {
    PORTONE_V1_API_KEY: v1.apiKey,
    PORTONE_V1_API_SECRET: v1.apiSecret,
    PORTONE_V1_BASE_URL: emulator.v1BaseUrl,
    PORTONE_V2_API_SECRET: v2.apiSecret,
    PORTONE_V2_STORE_ID: v2.storeId,
    PORTONE_V2_BASE_URL: emulator.v2BaseUrl,
  });
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const certifications = app.get(CertificationService);
    const { impUid } = await certifications.requestOtp({
      name: '홍길동',
      phone: '010-1234-5678',
      birth: '900101',
      genderDigit: '1',
      carrier: 'SKT',
      channelKey: channelKeys.danal,
    });
    console.log(`CertificationService.requestOtp -> ${impUid}`);
    const confirmed = await certifications.confirmOtp(impUid, { otp: otpFor(emulator, impUid) });
    console.log(`CertificationService.confirmOtp -> certified=${String(confirmed.certified)}`);
    const read = await certifications.get(impUid);
    console.log(`CertificationService.get -> certifiedAt is a Date: ${String(read.certifiedAt instanceof Date)}`);

    const cvs = app.get(CvsService);
    const issued = await cvs.issue({ channelKey: channelKeys.galaxia, merchantUid: `order-${Date.now()}`, amount: 1000 });
    console.log(`CvsService.issue -> ${issued.impUid} ${issued.status}`);
    const revoked = await cvs.revoke(issued.impUid);
    console.log(`CvsService.revoke -> ${revoked.status}`);

    const identityVerifications = app.get(IdentityVerificationService);
    const id = `iv${Date.now()}`;
    await identityVerifications.send(id, {
      channelKey: channelKeys.danal,
      customer: { name: '홍길동', phoneNumber: '01012345678', identityNumber: '9001011', ipAddress: '203.0.113.7' },
      operator: 'SKT',
      method: 'SMS',
    });
    console.log(`IdentityVerificationService.send -> ${id}`);
    const verified = await identityVerifications.confirm(id, { otp: otpFor(emulator, id) });
    console.log(`IdentityVerificationService.confirm -> ${verified.status}`);
    const record = await identityVerifications.get(id);
    if (record.status !== 'VERIFIED') throw new Error(`expected VERIFIED, got ${record.status}`);
    console.log(`IdentityVerificationService.get -> ${record.status}, verifiedAt is a Date: ${String(record.verifiedAt instanceof Date)}`);

    const missing = await identityVerifications.get('no-such-id').catch((error: unknown) => error);
    if (!(missing instanceof PortOneApiError) || !isIdentityVerificationError(missing, 'IDENTITY_VERIFICATION_NOT_FOUND')) {
      throw new Error('expected a PortOneApiError of type IDENTITY_VERIFICATION_NOT_FOUND');
    }
    console.log(`IdentityVerificationService.get(unknown) -> PortOneApiError ${missing.status} ${String(missing.type)}`);
  } finally {
    await app.close();
    await emulator.close();
  }
}

function otpFor(emulator: PortOneEmulator, id: string): string {
  const otp = emulator.lastOtp(id);
  if (otp === undefined) throw new Error(`the emulator sent no OTP for ${id}`);
  return otp;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
TS
