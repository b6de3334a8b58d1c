/** Seeds the emulator with records to read back, and captures its answers as the fixed server's bodies. */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CertificationService, IdentityVerificationService, PortOneModule } from '../lib';
import type { BenchTarget } from './clients';

export interface EmulatorAddress {
  origin: string;
  v1BaseUrl: string;
  v2BaseUrl: string;
  credentials: {
    v1: { apiKey: string; apiSecret: string };
    v2: { apiSecret: string; storeId: string };
    channelKeys: { danal: string };
  };
}

/** A V1 OTP request the emulator accepts, for a made-up person. */
export function otpRequest(channelKey: string, name: string) {
  return {
    name,
    phone: '01012345678',
    birth: '900101',
    genderDigit: '1',
    carrier: 'SKT',
    channelKey,
  } as const;
}

/** One verified V1 certification and one verified V2 identity verification, made through the module. */
export async function seedEmulator(emulator: EmulatorAddress): Promise<BenchTarget> {
  @Module({
    imports: [
      PortOneModule.forRoot({
        v1: { ...emulator.credentials.v1, baseUrl: emulator.v1BaseUrl },
        v2: { ...emulator.credentials.v2, baseUrl: emulator.v2BaseUrl },
      }),
    ],
  })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: false });
  const otpOf = async (id: string) =>
    ((await (await fetch(`${emulator.origin}/emulator/otp/${id}`)).json()) as { otp: string }).otp;
  const certifications = app.get(CertificationService);
  const { impUid } = await certifications.requestOtp(
    otpRequest(emulator.credentials.channelKeys.danal, '벤치'),
  );
  await certifications.confirmOtp(impUid, { otp: await otpOf(impUid) });
  const identity = app.get(IdentityVerificationService);
  const ivId = `bench-seed-${Date.now()}`;
  await identity.send(ivId, {
    channelKey: emulator.credentials.channelKeys.danal,
    customer: { name: '벤치', phoneNumber: '01012345678', identityNumber: '9001011', ipAddress: '127.0.0.1' },
    operator: 'SKT',
    method: 'SMS',
  });
  await identity.confirm(ivId, { otp: await otpOf(ivId) });
  await app.close();
  return {
    origin: emulator.origin,
    v1BaseUrl: emulator.v1BaseUrl,
    v2BaseUrl: emulator.v2BaseUrl,
    credentials: {
      v1: emulator.credentials.v1,
      v2: emulator.credentials.v2,
      channelKey: emulator.credentials.channelKeys.danal,
    },
    impUid,
    ivId,
  };
}

/** The emulator's raw answers to the benchmark's requests, for the fixed-body server to repeat. */
export async function captureFixedBodies(target: BenchTarget) {
  const text = async (url: string, init: RequestInit) => {
    const response = await fetch(url, init);
    if (!response.ok) throw new Error(`capturing ${url}: HTTP ${response.status}`);
    return response.text();
  };
  const json = { 'content-type': 'application/json' };
  const token = await text(`${target.v1BaseUrl}/users/getToken`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      imp_key: target.credentials.v1.apiKey,
      imp_secret: target.credentials.v1.apiSecret,
    }),
  });
  const accessToken = (JSON.parse(token) as { response: { access_token: string } }).response.access_token;
  const v2Auth = { authorization: `PortOne ${target.credentials.v2.apiSecret}`, ...json };
  return {
    token,
    certification: await text(`${target.v1BaseUrl}/certifications/${target.impUid}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    }),
    identityVerification: await text(
      `${target.v2BaseUrl}/identity-verifications/${target.ivId}?storeId=${target.credentials.v2.storeId}`,
      { headers: v2Auth },
    ),
    send: await text(`${target.v2BaseUrl}/identity-verifications/bench-capture-${Date.now()}/send`, {
      method: 'POST',
      headers: v2Auth,
      body: JSON.stringify({
        storeId: target.credentials.v2.storeId,
        channelKey: target.credentials.channelKey,
        customer: {
          name: '벤치',
          phoneNumber: '01012345678',
          identityNumber: '9001011',
          ipAddress: '127.0.0.1',
        },
        operator: 'SKT',
        method: 'SMS',
      }),
    }),
  };
}
