import { execFile, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { exitOf, spawnTs, waitForOutput } from '../support/processes';

const run = promisify(execFile);

/** curl with a JSON body (or none); resolves to the status and the parsed body. */
async function curl(
  method: string,
  url: string,
  options: { json?: unknown; headers?: Record<string, string> } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any }> {
  const args = ['-sS', '--max-time', '10', '-X', method, '-w', '\n%{http_code}', url];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}: ${value}`);
  if (options.json !== undefined)
    args.push('-H', 'content-type: application/json', '--data', JSON.stringify(options.json));
  const { stdout } = await run('curl', args, { timeout: 15_000 });
  const split = stdout.lastIndexOf('\n');
  const text = stdout.slice(0, split);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (the inspector page)
  }
  return { status: Number(stdout.slice(split + 1)), body };
}

describe('npx nestjs-portone-emulator (the standalone command)', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  let seedDir: string;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (seedDir) fs.rmSync(seedDir, { recursive: true, force: true });
  });

  function start(args: string[]): ChildProcessWithoutNullStreams {
    // The sources through ts-node: the same file the package's bin compiles to dist/testing/cli.js.
    child = spawnTs('lib/testing/cli.ts', args);
    return child;
  }

  it('prints URLs and credentials, serves a whole OTP flow to curl, obeys the control API, and stops on SIGTERM', async () => {
    seedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-seed-'));
    const seedFile = path.join(seedDir, 'seed.json');
    fs.writeFileSync(
      seedFile,
      JSON.stringify({
        identityVerifications: [{ id: 'seeded-1', status: 'VERIFIED', customer: { name: '박지성' } }],
      }),
    );
    const proc = start(['--port', '0', '--strict', '--otp-ttl', '120', '--seed', seedFile]);
    const banner = await waitForOutput(proc, /Stop with Ctrl\+C/);
    const origin = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)![1];
    expect(banner).toContain(`V1 API      ${origin}/v1`);
    expect(banner).toContain(`V2 API      ${origin}/v2`);
    expect(banner).toMatch(/V1 apiKey emulator_imp_key {2}apiSecret emulator_imp_secret/);
    expect(banner).toMatch(/identity verification \(V1 OTP, V2; Danal\) +channel-key-emulator-danal/);
    expect(banner).toMatch(/CVS barcodes \(V1; Galaxia\) +channel-key-emulator-galaxia/);

    // V1, at the root as on api.iamport.kr: token, OTP request, read the "SMS", confirm.
    const token = await curl('POST', `${origin}/users/getToken`, {
      json: { imp_key: 'emulator_imp_key', imp_secret: 'emulator_imp_secret' },
    });
    expect(token.status).toBe(200);
    const auth = { authorization: `Bearer ${token.body.response.access_token}` };
    const requested = await curl('POST', `${origin}/certifications/otp/request`, {
      headers: auth,
      json: {
        channel_key: 'channel-key-emulator-danal',
        name: '홍길동',
        phone: '01012345678',
        birth: '900101',
        gender_digit: '1',
        carrier: 'SKT',
      },
    });
    expect(requested.status).toBe(200);
    const impUid = requested.body.response.imp_uid;
    const sms = await curl('GET', `${origin}/emulator/otp/${impUid}`);
    expect(sms.body).toEqual({ id: impUid, otp: expect.stringMatching(/^\d{6}$/) });
    const confirmed = await curl('POST', `${origin}/certifications/otp/confirm/${impUid}`, {
      headers: auth,
      json: { otp: sms.body.otp },
    });
    expect(confirmed.body.response).toMatchObject({ imp_uid: impUid, certified: true, name: '홍길동' });

    // V2 under /v2: send, read the inbox, confirm; the seed file's record is there too.
    const v2 = { authorization: 'PortOne emulator-v2-api-secret' };
    const sendBody = {
      channelKey: 'channel-key-emulator-danal',
      customer: {
        name: '김영희',
        phoneNumber: '01098765432',
        identityNumber: '0203044',
        ipAddress: '127.0.0.1',
      },
      operator: 'KT',
      method: 'SMS',
    };
    const send = await curl('POST', `${origin}/v2/identity-verifications/iv-cli/send`, {
      headers: v2,
      json: sendBody,
    });
    expect(send.status).toBe(200);
    const inbox = await curl('GET', `${origin}/emulator/otps`);
    expect(inbox.body.items[0]).toMatchObject({ id: 'iv-cli', api: 'v2', phone: '01098765432' });
    const v2Confirm = await curl('POST', `${origin}/v2/identity-verifications/iv-cli/confirm`, {
      headers: v2,
      json: { otp: inbox.body.items[0].otp },
    });
    expect(v2Confirm.body.identityVerification.status).toBe('VERIFIED');
    expect(
      (await curl('GET', `${origin}/v2/identity-verifications/seeded-1`, { headers: v2 })).body.status,
    ).toBe('VERIFIED');
    // --strict is on.
    expect(
      (await curl('GET', `${origin}/v2/identity-verifications/seeded-1?typo=1`, { headers: v2 })).status,
    ).toBe(400);

    // The control API: clock, tokens, faults, PG errors, CVS expiry, seeding, reset.
    expect(
      (await curl('PUT', `${origin}/emulator/clock`, { json: { skewSeconds: 60 } })).body.skewSeconds,
    ).toBe(60);
    expect((await curl('POST', `${origin}/emulator/tokens/expire`)).status).toBe(200);
    expect((await curl('GET', `${origin}/certifications/${impUid}`, { headers: auth })).status).toBe(401);
    await curl('POST', `${origin}/emulator/faults`, {
      json: { pathPattern: '^/identity-verifications/', status: 503 },
    });
    expect((await curl('GET', `${origin}/v2/identity-verifications/seeded-1`, { headers: v2 })).status).toBe(
      503,
    );
    expect((await curl('GET', `${origin}/v2/identity-verifications/seeded-1`, { headers: v2 })).status).toBe(
      200,
    );
    expect((await curl('POST', `${origin}/emulator/faults`, { json: { status: 500 } })).status).toBe(400);
    await curl('POST', `${origin}/emulator/pg-error`, { json: { pgCode: 'E1', pgMessage: 'declined' } });
    const declined = await curl('POST', `${origin}/v2/identity-verifications/iv-pg/send`, {
      headers: v2,
      json: sendBody,
    });
    expect(declined.body).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'E1' });
    expect(
      (await curl('POST', `${origin}/emulator/identity-verifications`, { json: { id: 'seeded-2' } })).body,
    ).toMatchObject({
      id: 'seeded-2',
      status: 'READY',
    });
    expect((await curl('POST', `${origin}/emulator/cvs/imps_unknown/expire`)).status).toBe(400);
    // A CVS barcode, paid at the store through the control API, then read back through V1.
    const freshToken = await curl('POST', `${origin}/users/getToken`, {
      json: { imp_key: 'emulator_imp_key', imp_secret: 'emulator_imp_secret' },
    });
    const v1Auth = { authorization: `Bearer ${freshToken.body.response.access_token}` };
    const barcode = await curl('POST', `${origin}/cvs`, {
      headers: v1Auth,
      json: { channel_key: 'channel-key-emulator-galaxia', merchant_uid: 'order-cli', amount: 1000 },
    });
    const cvsUid = barcode.body.response.imp_uid;
    const paid = await curl('POST', `${origin}/emulator/cvs/${cvsUid}/pay`);
    expect(paid.body).toMatchObject({ outcome: 'paid', payment: { imp_uid: cvsUid, status: 'paid' } });
    expect((await curl('POST', `${origin}/emulator/cvs/${cvsUid}/pay`)).status).toBe(409);
    expect((await curl('POST', `${origin}/emulator/reset`)).status).toBe(200);
    expect((await curl('GET', `${origin}/emulator/clock`)).body.skewSeconds).toBe(0);
    expect((await curl('GET', `${origin}/emulator/otp/${impUid}`)).status).toBe(404);
    expect((await curl('GET', `${origin}/`)).body).toContain('<title>PortOne emulator</title>');

    const exited = exitOf(proc);
    proc.kill('SIGTERM');
    const { code, out } = await exited;
    expect(code).toBe(0);
    expect(out).toContain('SIGTERM: stopping the emulator');
    expect(out).toContain('stopped');
    await expect(curl('GET', `${origin}/emulator/stats`)).rejects.toThrow();
  });

  it('stops cleanly on SIGINT too, and refuses an unknown option with the usage', async () => {
    const proc = start(['--port', '0']);
    await waitForOutput(proc, /Stop with Ctrl\+C/);
    const exited = exitOf(proc);
    proc.kill('SIGINT');
    expect((await exited).code).toBe(0);

    const bad = start(['--prot', '4000']);
    let stderr = '';
    bad.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    expect((await exitOf(bad)).code).toBe(2);
    expect(stderr).toMatch(/Unknown option '--prot'/);
    expect(stderr).toContain('Usage: nestjs-portone-emulator');
  });
});
