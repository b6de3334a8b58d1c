import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Makes the folder where each test file's response tally lands (workers inherit the variable). */
export default function globalSetup(): void {
  process.env.PORTONE_CONFORMANCE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'portone-conformance-'));
}
