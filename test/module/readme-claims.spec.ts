import * as fs from 'node:fs';
import * as path from 'node:path';
import { PortOneApiError, PortOneValidationError } from '../../lib';
import {
  createPortOneTestApp,
  rejectionOf,
  sendRequest,
  type PortOneTestApp,
} from '../support/portone-test-app';
import { ScriptedServer } from '../support/scripted-server';

// README claims that were missing or untrue: the peer ranges (README said axios ^1.3.1 where package.json says
// ^1.16.1), what a Retry-After longer than maxDelayMs does, and the rule for a caller's Idempotency-Key.
const repoRoot = path.resolve(__dirname, '..', '..');
/** README.md and docs/*.md, whitespace folded: a claim may wrap across lines. */
const readme = [
  'README.md',
  ...fs.readdirSync(path.join(repoRoot, 'docs')).map(name => path.join('docs', name)),
]
  .filter(name => name.endsWith('.md'))
  .map(name => fs.readFileSync(path.join(repoRoot, name), 'utf8'))
  .join('\n')
  .replace(/\s+/g, ' ');
const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};

/** `^11 or ^12` and `^11.0.0 || ^12.0.0` both as `^11 || ^12`: trailing `.0`s dropped, one separator. */
function normalizeRange(range: string): string {
  return range
    .split(/\s*(?:\|\||\bor\b)\s*/)
    .map(part => part.trim().replace(/(\.0)+$/, ''))
    .join(' || ');
}

/** The peers the README's install section names, with their ranges as written. */
function peersInReadme(): Map<string, string> {
  const section = /Peers \(your app shares one copy with the module\):(.*?)## Register the module/.exec(
    readme,
  );
  if (!section) throw new Error('the README no longer has its peer list');
  const peers = new Map<string, string>();
  for (const match of section[1].matchAll(/`(@?[\w./-]+)` (\^\d+(?:\.\d+)*(?: or \^\d+(?:\.\d+)*)*)/g)) {
    peers.set(match[1], match[2]);
  }
  return peers;
}

describe('README claims', () => {
  it('the peer ranges the README names are the ones package.json declares, and every required peer is named', () => {
    const named = peersInReadme();
    const required = Object.keys(packageJson.peerDependencies).filter(
      name => !packageJson.peerDependenciesMeta[name]?.optional,
    );
    expect([...named.keys()]).toEqual(expect.arrayContaining(required));
    const mismatches = [...named].filter(
      ([name, range]) => normalizeRange(range) !== normalizeRange(packageJson.peerDependencies[name] ?? ''),
    );
    expect(mismatches).toEqual([]);
  });

  describe('against a scripted PortOne', () => {
    let server: ScriptedServer;
    let app: PortOneTestApp;

    beforeAll(async () => {
      server = await ScriptedServer.start(() => ({
        status: 503,
        headers: { 'retry-after': '5' },
        body: { type: 'UNAVAILABLE', message: 'busy' },
      }));
      app = await createPortOneTestApp({
        v2: { apiSecret: 'claims-secret', baseUrl: server.baseUrl, storeId: 'store-1' },
        retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 50 },
      });
    });
    afterAll(async () => {
      await app.close();
      await server.close();
    });
    beforeEach(() => (server.requests.length = 0));

    it('a Retry-After longer than maxDelayMs ends the retries: one request, a retryable error', async () => {
      expect(readme).toContain('A longer `Retry-After` ends the retries at once');
      const error = await rejectionOf(app.identityVerifications.get('iv-1'));
      expect(error).toBeInstanceOf(PortOneApiError);
      expect(error).toMatchObject({ status: 503, retryable: true });
      expect(server.requests).toHaveLength(1);
    });

    it("a caller's Idempotency-Key is checked against the rule the README states", async () => {
      const rule = /Your own key must be (\d+) to (\d+) visible ASCII characters/.exec(readme);
      expect(rule).not.toBeNull();
      const [min, max] = [Number(rule![1]), Number(rule![2])];
      const send = (idempotencyKey: string) =>
        rejectionOf(app.identityVerifications.send('iv-1', sendRequest('ch-1'), { idempotencyKey }));
      for (const key of [
        'k'.repeat(min - 1),
        'k'.repeat(max + 1),
        `${'k'.repeat(min)}é`,
        `${'k'.repeat(min)} x`,
      ]) {
        const error = await send(key);
        expect(error).toBeInstanceOf(PortOneValidationError);
        expect((error as PortOneValidationError).issues.map(issue => issue.field)).toEqual([
          'idempotencyKey',
        ]);
      }
      expect(server.requests).toHaveLength(0);
      // The bounds themselves are accepted (and sent: PortOne's 503 is the answer).
      for (const key of ['k'.repeat(min), 'k'.repeat(max)])
        expect(await send(key)).toBeInstanceOf(PortOneApiError);
      // Sent as it was given, quoted as a structured-header string.
      expect(server.requests.map(request => request.headers['idempotency-key'])).toEqual([
        `"${'k'.repeat(min)}"`,
        `"${'k'.repeat(max)}"`,
      ]);
    });
  });
});
