import { PortOneValidationError } from '../../lib';
import { rejectionOf, useEmulatorApp, type PortOneTestApp } from '../support/portone-test-app';

/**
 * `encodeURIComponent` leaves `.` and `..` alone, and URL normalisation then walks up the path: before this
 * was checked, `iv.get('.')` sent `GET /identity-verifications/` and `cert.get('..')` sent `GET /v1/`.
 */
describe('ids that would not stay one path segment', () => {
  const env = useEmulatorApp();

  const calls: ReadonlyArray<[string, (app: PortOneTestApp, id: string) => Promise<unknown>]> = [
    ['identityVerifications.get', (app, id) => app.identityVerifications.get(id)],
    ['identityVerifications.send', (app, id) => app.identityVerifications.send(id, {} as never)],
    ['identityVerifications.confirm', (app, id) => app.identityVerifications.confirm(id, { otp: '123456' })],
    ['identityVerifications.resend', (app, id) => app.identityVerifications.resend(id)],
    ['certifications.get', (app, id) => app.certifications.get(id)],
    ['certifications.delete', (app, id) => app.certifications.delete(id)],
    ['certifications.confirmOtp', (app, id) => app.certifications.confirmOtp(id, { otp: '123456' })],
    ['cvs.revoke', (app, id) => app.cvs.revoke(id)],
  ];
  const ids = ['.', '..', '../x', 'a/b', 'a\\b', '/'];

  it.each(calls)('%s: PortOneValidationError naming the id, nothing sent', async (_name, call) => {
    for (const id of ids) {
      const error = await rejectionOf(call(env.app, id));
      expect(error).toBeInstanceOf(PortOneValidationError);
      expect((error as PortOneValidationError).issues[0]).toMatchObject({
        rules: expect.arrayContaining(['isSinglePathSegment']),
      });
    }
    expect(env.emulator.requests).toHaveLength(0);
  });

  it('dots inside an id are fine, and are sent encoded as one segment', async () => {
    await rejectionOf(env.app.certifications.get('imp_1.2..3'));
    expect(env.emulator.requests.map(request => request.path)).toContain('/certifications/imp_1.2..3');
  });
});
