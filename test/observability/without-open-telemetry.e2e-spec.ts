import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const fixtures = join(__dirname, 'fixtures');

describe('without @opentelemetry/api installed', () => {
  it('works exactly the same and loads nothing of OpenTelemetry', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        join(fixtures, 'hide-open-telemetry.ts'),
        join(fixtures, 'call-without-open-telemetry.ts'),
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
