import * as fs from 'node:fs';
import * as path from 'node:path';
import { addTally, emptyTally } from './response-checker';

/**
 * Adds up every test file's tally, prints it, and fails the run on any violation or any status an operation
 * does not declare. Each file already failed itself on a violation; this is the whole-run count.
 */
export default function globalTeardown(): void {
  const dir = process.env.PORTONE_CONFORMANCE_DIR;
  if (!dir || !fs.existsSync(dir)) return;
  const total = emptyTally();
  const files = fs.readdirSync(dir);
  for (const file of files) addTally(total, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  fs.rmSync(dir, { recursive: true, force: true });
  const undeclared = Object.entries(total.undeclared).map(([key, n]) => `${key} (x${n})`);
  const statuses = Object.entries(total.byStatus)
    .sort()
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');
  console.log(
    `\nEmulator response conformance (${files.length} test files): ${total.validated} responses validated against ` +
      `their operation's response schema, ${total.envelopeOnly} V1 answers without a body schema validated ` +
      `against V1's ResponseAnnotation envelope, ${total.documentedOutsideSpec} documented-outside-the-spec ` +
      `V2 errors validated as { type, message }: ${total.violations.length} violations. Not validated: ` +
      `${total.outsideSpec} answers to paths outside the spec (unknown routes), ${total.injected} injected ` +
      `faults. V1 statuses the spec does not declare: ${undeclared.length} operation/status pairs. ` +
      `By status: ${statuses}.`,
  );
  for (const line of undeclared) console.log(`  undeclared: ${line}`);
  for (const line of total.violations.slice(0, 50)) console.log(`  violation: ${line}`);
  if (total.violations.length > 0)
    throw new Error(`${total.violations.length} emulator responses broke the spec`);
}
