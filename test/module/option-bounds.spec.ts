import { Test } from '@nestjs/testing';
import { PortOneConfigurationError, PortOneModule, PortOneValidationError } from '../../lib';
import { emulatorOptions, otpRequest, rejectionOf, useEmulatorApp } from '../support/portone-test-app';

/**
 * Node clamps a timer longer than 2^31 - 1 ms to 1 ms. Before these bounds, `timeoutMs: 2 ** 31` timed a
 * call out after ~17 ms, and `maxDelayMs: 1e12` with a 24.9-day Retry-After made 4 attempts in 25 ms.
 */
describe('numeric options are bounded, at boot and per call', () => {
  const env = useEmulatorApp({ retry: { maxDelayMs: 2 ** 31 - 1 } });

  it.each([
    ['timeoutMs', { timeoutMs: 2 ** 31 }],
    ['retry.maxDelayMs', { retry: { maxDelayMs: 1e12 } }],
    ['retry.baseDelayMs', { retry: { baseDelayMs: 2 ** 40 } }],
    ['maxSockets', { maxSockets: 1e9 }],
  ])('boot fails naming %s when it is out of bounds', async (field, overrides) => {
    const error = await rejectionOf(
      Test.createTestingModule({
        imports: [PortOneModule.forRoot(emulatorOptions(env.emulator, overrides))],
      }).compile(),
    );
    expect(error).toBeInstanceOf(PortOneConfigurationError);
    expect((error as PortOneConfigurationError).problems.join('\n')).toContain(field);
  });

  it('a per-call timeoutMs past the timer limit is a PortOneValidationError, nothing sent', async () => {
    const error = await rejectionOf(env.app.certifications.get('imp_1', { timeoutMs: 2 ** 31 }));
    expect(error).toBeInstanceOf(PortOneValidationError);
    expect((error as PortOneValidationError).issues[0]).toMatchObject({ field: 'timeoutMs', rules: ['max'] });
    expect(env.emulator.requests).toHaveLength(0);
  });

  it('the largest accepted timeout really waits: a 300 ms answer arrives', async () => {
    env.emulator.injectFault({ api: 'v1', path: '/certifications/otp/request', delayMs: 300 });
    const requested = await env.app.certifications.requestOtp(
      otpRequest(env.emulator.credentials.channelKeys.danal),
      {
        timeoutMs: 2 ** 31 - 1,
      },
    );
    expect(requested.impUid).toMatch(/^imp_/);
  });

  it('a Retry-After longer than maxDelayMs is not waited for: one attempt, the error thrown', async () => {
    env.emulator.injectFault({
      api: 'v1',
      path: /^\/certifications\//,
      status: 503,
      headers: { 'Retry-After': String(24.9 * 24 * 3600) },
      times: 5,
    });
    const started = Date.now();
    await expect(env.app.certifications.get('imp_1')).rejects.toMatchObject({ status: 503 });
    expect(env.emulator.countRequests({ path: '/certifications/imp_1' })).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
