import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const fixtures = join(__dirname, '../support/fixtures');

describe('without the optional peers (@opentelemetry/api, @nestjs/terminus) installed', () => {
  it('works exactly the same and loads nothing of them', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        join(fixtures, 'hide-optional-peers.ts'),
        join(fixtures, 'call-without-optional-peers.ts'),
      ],
      { cwd: join(__dirname, '..', '..'), timeout: 25_000 },
    );

    expect(JSON.parse(stdout.trim())).toEqual({
      sent: 'READY',
      sendAttempts: 2,
      missing: 'PortOneApiError',
      impUid: 'string',
      loaded: [],
    });
  });
});
