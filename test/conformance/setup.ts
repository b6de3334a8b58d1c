import * as fs from 'node:fs';
import * as path from 'node:path';
import { PortOneEmulator, type EmulatorExchange, type PortOneEmulatorOptions } from '../../lib/testing';
import { ResponseChecker } from './response-checker';

/**
 * Runs in every test file (jest `setupFilesAfterEnv`, Vitest `setupFiles`): every emulator the file starts
 * reports each response, and after the file every one is validated and the violations must be none. The tally
 * goes to the folder the global setup made, where the global teardown adds up the whole run.
 *
 * Responses are only collected while the tests run and validated afterwards: compiling a schema takes tens of
 * milliseconds, which inside a test would delay the client's own timers (some tests use 200 ms timeouts).
 */
const exchanges: EmulatorExchange[] = [];
const start = PortOneEmulator.start.bind(PortOneEmulator);
PortOneEmulator.start = (options: PortOneEmulatorOptions = {}) =>
  start({
    ...options,
    onResponse: exchange => {
      exchanges.push(exchange);
      options.onResponse?.(exchange);
    },
  });

afterAll(() => {
  const checker = new ResponseChecker();
  for (const exchange of exchanges) {
    try {
      checker.check(exchange);
    } catch (error) {
      // A checker bug must fail the file too.
      checker.tally.violations.push(`checker error: ${String(error)}`);
    }
  }
  const dir = process.env.PORTONE_CONFORMANCE_DIR;
  if (dir && fs.existsSync(dir)) {
    const file = path.join(dir, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(file, JSON.stringify(checker.tally));
  }
  expect(checker.tally.violations).toEqual([]);
});
