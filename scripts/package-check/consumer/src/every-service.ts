import type { INestApplicationContext } from '@nestjs/common';
import {
  CertificationService,
  CvsService,
  IdentityVerificationService,
  PortOneApiError,
  isIdentityVerificationError,
} from 'nestjs-portone';
import type { PortOneEmulator } from 'nestjs-portone/testing';

/** Sets the variables AppModule reads, pointing it at `emulator`. Call before the app is created. */
export function useEmulatorEnvironment(emulator: PortOneEmulator): void {
  const { v1, v2 } = emulator.moduleOptions();
  Object.assign(process.env, {
    PORTONE_V1_API_KEY: v1.apiKey,
    PORTONE_V1_API_SECRET: v1.apiSecret,
    PORTONE_V1_BASE_URL: v1.baseUrl,
    PORTONE_V2_API_SECRET: v2.apiSecret,
    PORTONE_V2_STORE_ID: v2.storeId,
    PORTONE_V2_BASE_URL: v2.baseUrl,
  });
}

/**
 * Calls every method of the three services against the emulator and checks what comes back, including that a
 * refusal is an `instanceof PortOneApiError`. Returns one line per call; throws at the first surprise.
 */
export async function useEveryService(app: INestApplicationContext, emulator: PortOneEmulator): Promise<string[]> {
  const { channelKeys } = emulator.credentials;
  const lines: string[] = [];
  const check = (ok: boolean, line: string): void => {
    if (!ok) throw new Error(`unexpected result: ${line}`);
    lines.push(line);
  };

  const certifications = app.get(CertificationService);
  const { impUid } = await certifications.requestOtp({
    name: '홍길동',
    phone: '010-1234-5678',
    birth: '900101',
    genderDigit: '1',
    carrier: 'SKT',
    channelKey: channelKeys.danal,
  });
  check(impUid.startsWith('imp_'), `CertificationService.requestOtp -> ${impUid}`);
  const confirmed = await certifications.confirmOtp(impUid, { otp: otpFor(emulator, impUid) });
  check(confirmed.certified === true, `CertificationService.confirmOtp -> certified=${String(confirmed.certified)}`);
  const read = await certifications.get(impUid);
  check(read.certifiedAt instanceof Date, `CertificationService.get -> certifiedAt is a Date`);
  const deleted = await certifications.delete(impUid);
  check(deleted.impUid === impUid, `CertificationService.delete -> ${deleted.impUid}`);

  const cvs = app.get(CvsService);
  const issued = await cvs.issue({ channelKey: channelKeys.galaxia, merchantUid: `order-${Date.now()}`, amount: 1000 });
  check(issued.status === 'ready', `CvsService.issue -> ${issued.status}`);
  const revoked = await cvs.revoke(issued.impUid);
  check(revoked.status === 'cancelled', `CvsService.revoke -> ${revoked.status}`);

  const identityVerifications = app.get(IdentityVerificationService);
  const id = `iv-${Date.now()}`;
  await identityVerifications.send(id, {
    channelKey: channelKeys.danal,
    customer: { name: '홍길동', phoneNumber: '01012345678', identityNumber: '9001011', ipAddress: '203.0.113.7' },
    operator: 'SKT',
    method: 'SMS',
  });
  check(emulator.lastOtp(id) !== undefined, `IdentityVerificationService.send -> OTP sent`);
  await identityVerifications.resend(id);
  check(emulator.lastOtp(id) !== undefined, `IdentityVerificationService.resend -> OTP sent again`);
  const verified = await identityVerifications.confirm(id, { otp: otpFor(emulator, id) });
  check(verified.status === 'VERIFIED', `IdentityVerificationService.confirm -> ${verified.status}`);
  const record = await identityVerifications.get(id);
  check(record.status === 'VERIFIED', `IdentityVerificationService.get -> ${record.status}`);
  const page = await identityVerifications.list({ filter: { statuses: ['VERIFIED'] } });
  check(
    page.items.some(item => item.id === id),
    `IdentityVerificationService.list -> ${page.items.length} verified`,
  );

  const missing = await identityVerifications.get('no-such-id').catch((error: unknown) => error);
  check(
    missing instanceof PortOneApiError && isIdentityVerificationError(missing, 'IDENTITY_VERIFICATION_NOT_FOUND'),
    `IdentityVerificationService.get(unknown) -> instanceof PortOneApiError: ${String(missing instanceof PortOneApiError)}`,
  );
  return lines;
}

function otpFor(emulator: PortOneEmulator, id: string): string {
  const otp = emulator.lastOtp(id);
  if (otp === undefined) throw new Error(`the emulator sent no OTP for ${id}`);
  return otp;
}
