import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PortOneConfigurationError } from '../errors/portone-configuration.error';
import { messages } from '../errors/messages';

/** A peer the CommonJS build `require()`s whose NestJS 12 release is ESM-only. @internal */
export type EsmOnlyPeer = '@nestjs/axios' | '@nestjs/terminus';

type Require = ((id: string) => unknown) & { resolve(id: string): string };

/** The package.json of the package a resolved entry file belongs to. */
function manifestOf(entry: string, name: string): { version?: string; type?: string } | undefined {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
      name?: string;
      version?: string;
      type?: string;
    };
    if (manifest.name === name) return manifest;
  }
  return undefined;
}

/** What a CommonJS runtime throws when it cannot load an ES module: Node's and jest 30's code, jest 29's parse error. */
function isEsmLoadFailure(error: unknown): boolean {
  // By name, not instanceof: jest's parse error comes from another realm.
  const { code, name } = (error ?? {}) as NodeJS.ErrnoException;
  return code === 'ERR_REQUIRE_ESM' || name === 'SyntaxError';
}

/**
 * Loads `name` first, before the module's own `import` of it does, when the copy the app installed is ESM-only
 * (its NestJS 12 release), so that a CommonJS runtime that cannot `require()` ES modules fails with a message
 * naming the cause and the fix instead of a bare ERR_REQUIRE_ESM or "Unexpected token 'export'". That runtime
 * is typically jest in a NestJS 11 app where `npm install @nestjs/axios` without a version picked 12 (its peers
 * allow NestJS 10–12); Node itself requires ES modules from 20.19 and 22.12 on. A CommonJS copy, or a runtime
 * without `require` (ESM, Vitest), is left to the ordinary import: nothing is loaded twice.
 * @internal
 */
export function assertEsmPeerLoadable(name: EsmOnlyPeer, load: Require | undefined): void {
  if (typeof load !== 'function') return;
  let entry: string;
  try {
    entry = load.resolve(name);
  } catch {
    return; // not installed, or not resolvable from CommonJS: the ordinary import reports it
  }
  const manifest = manifestOf(entry, name);
  if (manifest?.type !== 'module') return;
  try {
    load(name);
  } catch (error) {
    if (!isEsmLoadFailure(error)) throw error;
    const problem = messages.esmPeerNotLoadable(name, manifest.version ?? 'unknown');
    throw Object.assign(new PortOneConfigurationError([problem], problem), { cause: error });
  }
}
