// Copied into a consumer app and run there (from inside the repo, `import('nestjs-portone')` would
// self-reference the repo's own dist/ instead of the installed tarball). Checks that every entry point of the installed nestjs-portone offers the same named exports
// to `import` (ESM) as to `require` (CommonJS). The package ships one CommonJS build; ESM apps get its named
// exports through Node's CommonJS export detection, and this proves none is lost. Entry points whose
// optional peer the app did not install (e.g. ./health without @nestjs/terminus) are reported and skipped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(`${process.cwd()}/`);
const manifest = JSON.parse(readFileSync('node_modules/nestjs-portone/package.json', 'utf8'));
const optionalPeers = new Set(Object.keys(manifest.peerDependenciesMeta ?? {}));
let failures = 0;
for (const subpath of Object.keys(manifest.exports).filter(key => !key.endsWith('.json'))) {
  const specifier = `nestjs-portone${subpath.slice(1)}`;
  let required;
  try {
    required = require(specifier);
  } catch (error) {
    const absent = /^Cannot find module '([^']+)'/.exec(error.message)?.[1];
    if (!optionalPeers.has(absent)) throw error;
    console.log(`${specifier}: skipped, its optional peer ${absent} is not installed`);
    continue;
  }
  const imported = await import(specifier);
  const missing = Object.keys(required).filter(name => !(name in imported));
  const different = Object.keys(required).filter(name => name in imported && imported[name] !== required[name]);
  console.log(`${specifier}: ${Object.keys(required).length} named exports, ${missing.length} missing under import`);
  if (missing.length > 0 || different.length > 0) {
    console.error(`  missing: ${missing.join(', ')}; not the same object: ${different.join(', ')}`);
    failures += 1;
  }
}
process.exit(failures === 0 ? 0 : 1);
