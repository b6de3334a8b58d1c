import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { exitOf, spawnTs, waitForOutput } from '../support/processes';

/** A secret of our own, to see that `--webhook-secret` is what the emulator signs with. */
const SECRET = `whsec_${Buffer.from('a-secret-of-this-test-32-bytes!!').toString('base64')}`;

/**
 * Three processes, as a team outside Node would run them: the standalone emulator, a Nest app with the
 * module's webhook routes, and `nestjs-portone-emulator send-webhook` from a shell.
 */
describe('nestjs-portone-emulator send-webhook: a V2 delivery from the command line', () => {
  const children: ChildProcessWithoutNullStreams[] = [];
  const start = (file: string, args: string[], env: Record<string, string> = {}) => {
    const child = spawnTs(file, args, env);
    children.push(child);
    return child;
  };
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints the webhook secret; the command signs and sends; the app in another process verifies and handles it', async () => {
    const emulator = start('lib/testing/cli.ts', ['--port', '0', '--webhook-secret', SECRET]);
    const banner = await waitForOutput(emulator, /Stop with Ctrl\+C/, 60_000);
    const origin = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(banner)!;
    const secret = /V2 webhook secret (\S+)/.exec(banner)![1];
    expect(secret).toBe(SECRET);

    const app = start('test/support/fixtures/webhook-app.ts', [], {
      WEBHOOK_SECRET: secret,
      EMULATOR_ORIGIN: origin[1],
    });
    const appUrl = /listening (\S+)/.exec(await waitForOutput(app, /listening \S+\n/, 60_000))![1];
    const handled = waitForOutput(app, /"type":"Transaction.Paid"/, 60_000);

    const command = start('lib/testing/cli.ts', [
      'send-webhook',
      '--port',
      origin[2],
      '--to',
      appUrl,
      '--type',
      'Transaction.Paid',
      '--data',
      '{"paymentId":"order-cli-1"}',
    ]);
    const { code, out } = await exitOf(command, 60_000);
    expect(out).toMatch(/delivery whdel_\S+ \(portone-v2\) to .*: delivered/);
    expect(out).toMatch(/attempt 1\/6 at \S+: answered 200/);
    expect(code).toBe(0);

    const event = JSON.parse((await handled).split('\n').find(line => line.includes('Transaction.Paid'))!);
    expect(event).toMatchObject({
      type: 'Transaction.Paid',
      webhookId: expect.stringMatching(/^whmsg_/),
      data: {
        paymentId: 'order-cli-1',
        storeId: 'store-00000000-0000-0000-0000-000000000000',
        transactionId: expect.any(String),
      },
    });
  }, 120_000);

  it('a refused delivery exits 1 with the retry to come; bad usage exits 2', async () => {
    const emulator = start('lib/testing/cli.ts', ['--port', '0']);
    const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(
      await waitForOutput(emulator, /Stop with Ctrl\+C/, 60_000),
    )![1];
    const refused = await exitOf(
      start('lib/testing/cli.ts', [
        'send-webhook',
        '--port',
        port,
        '--to',
        'http://127.0.0.1:9/x',
        '--type',
        'Transaction.Paid',
      ]),
      30_000,
    );
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/: retrying\n\s+attempt 1\/6 at \S+: no answer \(\w+\)\n\s+next attempt at /);

    const unknownType = await exitOf(
      start('lib/testing/cli.ts', [
        'send-webhook',
        '--port',
        port,
        '--to',
        'http://127.0.0.1:9/x',
        '--type',
        'Payment.Paid',
      ]),
      30_000,
    );
    expect(unknownType.code).toBe(2);
    expect(unknownType.err).toMatch(/type must be one of Transaction.Ready, Transaction.Paid/);
    const missing = await exitOf(
      start('lib/testing/cli.ts', ['send-webhook', '--type', 'Transaction.Paid']),
      30_000,
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--to <url> is required');
  }, 120_000);
});
