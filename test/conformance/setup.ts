import * as fs from 'node:fs';
import * as path from 'node:path';
import { PortOneEmulator, type PortOneEmulatorOptions } from '../../lib/testing';
import { ResponseChecker } from './response-checker';

/**
 * Runs in every test file (jest `setupFilesAfterEnv`, Vitest `setupFiles`): every emulator the file starts
 * reports each response to a checker, and after the file the violations must be none. The tally goes to the
 * folder the global setup made, where the global teardown adds up the whole run.
 */
const checker = new ResponseChecker();
const start = PortOneEmulator.start.bind(PortOneEmulator);
PortOneEmulator.start = (options: PortOneEmulatorOptions = {}) =>
  start({
    ...options,
    onResponse: exchange => {
      try {
        checker.check(exchange);
      } catch (error) {
        // A checker bug must fail the file, not the emulator's response.
        checker.tally.violations.push(`checker error: ${String(error)}`);
      }
      options.onResponse?.(exchange);
    },
  });

afterAll(() => {
  const dir = process.env.PORTONE_CONFORMANCE_DIR;
  if (dir && fs.existsSync(dir)) {
    const file = path.join(dir, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(file, JSON.stringify(checker.tally));
  }
  expect(checker.tally.violations).toEqual([]);
});
