import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * Loads lib/testing in a child Node whose module resolution reports `peer` as not installed (exactly Node's
 * own MODULE_NOT_FOUND error), and returns what the import printed.
 */
async function importTestingWithout(peer: string): Promise<string> {
  const script = `
    const Module = require('node:module');
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      if (request === ${JSON.stringify(peer)}) {
        const error = new Error("Cannot find module '" + request + "'");
        error.code = 'MODULE_NOT_FOUND';
        throw error;
      }
      return resolve.call(this, request, ...rest);
    };
    require('ts-node').register({ transpileOnly: true });
    try {
      require('./lib/testing');
      console.log('loaded');
    } catch (error) {
      console.log(error.message);
    }`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
    cwd: repoRoot,
    timeout: 20_000,
  });
  return stdout.trim();
}

describe('nestjs-portone/testing without its optional peers', () => {
  it.each(['ajv', 'ajv-formats'])(
    'without %s, importing it says how to install ajv and ajv-formats',
    async peer => {
      const message = await importTestingWithout(peer);
      expect(message).toContain(`nestjs-portone/testing needs '${peer}'`);
      expect(message).toContain('npm i -D ajv ajv-formats');
    },
  );

  it('with both installed, it loads', async () => {
    expect(await importTestingWithout('not-a-peer-of-anything')).toBe('loaded');
  });
});
