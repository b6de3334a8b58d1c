import { EscapingLogger } from '../../lib/logging/escaping-logger';
import { CapturingLogger } from '../support/capturing-logger';
import { rejectionOf, useEmulatorApp } from '../support/portone-test-app';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const FORGED = 'bad\nWARN [PortOne] GET v1 /cvs 200 1ms\r\u001b[2K\u001b[31mforged\u001b[0m';

/** A newline or ANSI escape in PortOne's text used to reach the log line as it was (`logger: true`). */
describe('log injection: control characters never reach a log line', () => {
  const logger = new CapturingLogger();
  const env = useEmulatorApp({ logger, retry: false });

  it.each([
    [
      'V1 message',
      {
        api: 'v1' as const,
        path: /^\/certifications\//,
        status: 400,
        body: { code: -1, message: FORGED, response: null },
      },
    ],
    [
      'V2 message',
      {
        api: 'v2' as const,
        path: /^\/identity-verifications\//,
        status: 400,
        body: { type: 'INVALID_REQUEST', message: FORGED },
      },
    ],
    [
      'V2 type',
      {
        api: 'v2' as const,
        path: /^\/identity-verifications\//,
        status: 400,
        body: { type: `X\n${FORGED}` },
      },
    ],
    [
      'V2 pgMessage',
      {
        api: 'v2' as const,
        path: /^\/identity-verifications\//,
        status: 502,
        body: { type: 'PG_PROVIDER', message: 'm', pgCode: '\u001b[1m', pgMessage: FORGED },
      },
    ],
  ])('%s with a newline and ANSI escapes', async (_name, fault) => {
    logger.lines.length = 0;
    env.emulator.injectFault(fault);
    const call =
      fault.api === 'v1' ? env.app.certifications.get('imp_1') : env.app.identityVerifications.get('iv-1');
    const error = (await rejectionOf(call)) as Error;
    // Token requests are logged too (they go through the same transport); this test is about the call's line.
    const lines = logger.lines.filter(line => !line.includes('/users/getToken'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(CONTROL);
    expect(error.message).not.toMatch(CONTROL);
    const fields = Object.values(JSON.parse(JSON.stringify(error)) as Record<string, unknown>);
    expect(fields.filter(value => typeof value === 'string' && CONTROL.test(value))).toEqual([]);
    // The text is kept, visibly escaped, rather than dropped.
    expect(`${lines[0]} ${fields.join(' ')}`).toContain('\\u001b[31mforged');
  });

  it('the logger wrapper escapes whatever message it is given, and passes the context on', () => {
    const target = new CapturingLogger();
    const calls: unknown[][] = [];
    target.warn = (...args: unknown[]) => void calls.push(args);
    new EscapingLogger(target).warn('a\nb\u001b[0m', 'PortOne');
    expect(calls).toEqual([['a\\nb\\u001b[0m', 'PortOne']]);
  });
});
