#!/usr/bin/env bash
# MANUAL, not run by CI: does the built package work in a NestJS 12 app (ESM-only @nestjs/common, core,
# config and axios 12) run with plain node? Run after `npm run build`; needs the npm registry.
#
#  1. A plain `npm install` of the tarball next to Nest 12 fails with ERESOLVE: our peers say
#     @nestjs/common ^11 and @nestjs/axios ^4.
#  2. With `overrides` mapping those peers to the app's own versions, the install succeeds and `npm ls`
#     reports nothing invalid (`--legacy-peer-deps` also installs, but leaves `npm ls` complaining).
#  3. The ESM app boots PortOneModule.forRootAsync with ConfigModule 12 and calls every service. This needs
#     require(esm) (Node >= 20.19 or >= 22.12): our CommonJS build require()s the ESM-only @nestjs/common.
set -uo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --pack-destination "$work" --silent > /dev/null
tarball=$(ls "$work"/*.tgz)
app="$work/app"
mkdir "$app"
cd "$app" || exit 1
versions=(@nestjs/common@12 @nestjs/core@12 @nestjs/config@12 @nestjs/axios@12 axios@1 rxjs@7
  reflect-metadata@0.2 class-validator@0.15 class-transformer@0.5)

echo '{ "name": "nestjs12-probe", "private": true, "type": "module" }' > package.json
echo "== 1. npm install without help (expected to fail on the peer ranges)"
npm install --no-audit --no-fund "$tarball" "${versions[@]}" 2>&1 | grep -E 'ERESOLVE|Could not resolve|peer ' | head -5

echo "== 2. npm install with overrides for our two NestJS peers"
cat > package.json <<'JSON'
{
  "name": "nestjs12-probe",
  "private": true,
  "type": "module",
  "overrides": {
    "nestjs-portone": { "@nestjs/common": "$@nestjs/common", "@nestjs/axios": "$@nestjs/axios" }
  }
}
JSON
npm install --no-audit --no-fund --loglevel=error "$tarball" "${versions[@]}" || exit 1
npm ls @nestjs/common @nestjs/axios nestjs-portone

echo "== 3. boot it with plain node ($(node --version))"
cat > main.mjs <<'JS'
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { CertificationService, CvsService, IdentityVerificationService, PortOneApiError, PortOneModule } from 'nestjs-portone';
import { PortOneEmulator } from 'nestjs-portone/testing';

const emulator = await PortOneEmulator.start();
const { v1, v2, channelKeys } = emulator.credentials;
Object.assign(process.env, { V1_BASE_URL: emulator.v1BaseUrl, V2_BASE_URL: emulator.v2BaseUrl });

class AppModule {}
Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true }),
    PortOneModule.forRootAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: config => ({
        v1: { ...v1, baseUrl: config.getOrThrow('V1_BASE_URL') },
        v2: { ...v2, baseUrl: config.getOrThrow('V2_BASE_URL') },
      }),
    }),
  ],
})(AppModule);

const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
try {
  const certifications = app.get(CertificationService);
  const { impUid } = await certifications.requestOtp({
    name: '홍길동', phone: '01012345678', birth: '900101', genderDigit: '1', carrier: 'SKT', channelKey: channelKeys.danal,
  });
  const certification = await certifications.confirmOtp(impUid, { otp: emulator.lastOtp(impUid) });
  console.log('CertificationService:', impUid, 'certified =', certification.certified);
  const cvs = app.get(CvsService);
  const issued = await cvs.issue({ channelKey: channelKeys.galaxia, merchantUid: `order-${Date.now()}`, amount: 1000 });
  console.log('CvsService:', issued.status, '->', (await cvs.revoke(issued.impUid)).status);
  const identityVerifications = app.get(IdentityVerificationService);
  const id = `iv${Date.now()}`;
  await identityVerifications.send(id, {
    channelKey: channelKeys.danal,
    customer: { name: '홍길동', phoneNumber: '01012345678', identityNumber: '9001011', ipAddress: '203.0.113.7' },
    operator: 'SKT',
    method: 'SMS',
  });
  console.log('IdentityVerificationService:', (await identityVerifications.confirm(id, { otp: emulator.lastOtp(id) })).status);
  const missing = await identityVerifications.get('no-such-id').catch(error => error);
  console.log('errors: instanceof PortOneApiError =', missing instanceof PortOneApiError, missing.type);
} finally {
  await app.close();
  await emulator.close();
}
JS
node main.mjs
