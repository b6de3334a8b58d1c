import * as fs from 'node:fs';
import * as path from 'node:path';
import { readmeBlocks } from '../../scripts/readme-blocks';

const root = path.resolve(__dirname, '..', '..');

/** The documentation's test examples are run by this repository as well: each must be the printed block, word for word. */
describe('README test examples run in this repository', () => {
  it('test/readme/webhooks-example.e2e-spec.ts is the docs/testing.md block with the repository’s import paths', () => {
    const block = readmeBlocks(fs.readFileSync(path.join(root, 'docs/testing.md'), 'utf8')).find(
      b => b.file === 'webhooks-example.e2e-spec.ts',
    );
    expect(block).toBeDefined();
    const copy = fs
      .readFileSync(path.join(root, 'test/readme/webhooks-example.e2e-spec.ts'), 'utf8')
      .split('\n')
      .filter(line => !line.startsWith('// '))
      .join('\n')
      .replace("from '../../lib/testing';", "from 'nestjs-portone/testing';")
      .replace("} from '../../lib';", "} from 'nestjs-portone';");
    expect(copy).toBe(block!.code);
  });
});
