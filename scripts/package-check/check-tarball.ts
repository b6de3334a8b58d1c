/**
 * Checks a packed tarball, extracted into a folder, against the package folder it was packed from:
 * - only the files a consumer needs are in it, and nothing from dist/ was silently left out (npm always
 *   drops some names, e.g. any folder called `cvs`, `CVS` or `.git`, whatever "files" says);
 * - every entry point package.json names exists, and every relative import in the compiled code resolves;
 * - every package the compiled code (or its .d.ts) imports is declared as a dependency or peer dependency.
 *
 *   ts-node --transpile-only scripts/package-check/check-tarball.ts <extracted "package" folder> <package folder>
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, relative } from 'node:path';

interface Manifest {
  main?: string;
  types?: string;
  exports?: Record<string, string | Record<string, string>>;
  typesVersions?: Record<string, Record<string, string[]>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** Top-level files allowed next to dist/. */
const ALLOWED_TOP_LEVEL = /^(package\.json|README(\.md)?|LICENSE(\.md|\.txt)?|CHANGELOG\.md)$/i;
/** Files a consumer of `nestjs-portone` and `nestjs-portone/testing` cannot do without. */
const REQUIRED = [
  'package.json',
  'dist/index.js',
  'dist/index.d.ts',
  'dist/testing/index.js',
  'dist/testing/index.d.ts',
  'dist/testing/schema/v1-request-schemas.json',
  'dist/testing/schema/v2-request-schemas.json',
];
/** What must never ship, even under dist/. */
const FORBIDDEN = [
  /\.tsbuildinfo$/,
  /\.tgz$/,
  /\.(spec|e2e-spec)\.(js|d\.ts)$/,
  /(^|\/)(test|sample|scripts|\.ci|coverage|node_modules)\//,
];
/** The peers a consumer must install; the library imports all of them. */
const REQUIRED_PEERS = [
  '@nestjs/common',
  '@nestjs/axios',
  'axios',
  'rxjs',
  'reflect-metadata',
  'class-validator',
  'class-transformer',
];

const [root, source] = process.argv.slice(2);
if (!root || !source) throw new Error('usage: check-tarball.ts <extracted package folder> <package folder>');
const files = listFiles(root);
const packed = new Set(files);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const problems: string[] = [];

for (const file of files) {
  const allowed = file.startsWith('dist/') || ALLOWED_TOP_LEVEL.test(file);
  if (!allowed) problems.push(`unexpected file in the tarball: ${file}`);
  if (FORBIDDEN.some(pattern => pattern.test(file))) problems.push(`file that must not ship: ${file}`);
}
for (const file of REQUIRED) {
  if (!packed.has(file)) problems.push(`missing from the tarball: ${file}`);
}
for (const file of listFiles(join(source, 'dist'), source)) {
  const shippable = !FORBIDDEN.some(pattern => pattern.test(file));
  if (shippable && !packed.has(file)) problems.push(`in dist/ but left out of the tarball by npm: ${file}`);
}
for (const [field, target] of entryPoints(manifest)) {
  if (!packed.has(posix.normalize(target))) {
    problems.push(`package.json ${field} points at a missing file: ${target}`);
  }
}
for (const [file, specifier] of unresolvedRelativeImports(root, files)) {
  problems.push(`${file} imports ${specifier}, which is not in the tarball`);
}
const declared = new Set([
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.peerDependencies ?? {}),
]);
for (const peer of REQUIRED_PEERS) {
  if (!manifest.peerDependencies?.[peer]) problems.push(`peerDependencies lacks ${peer}`);
}
for (const [file, name] of importedPackages(root, files)) {
  if (!declared.has(name)) problems.push(`${file} imports ${name}, which is neither a dependency nor a peer`);
}

if (problems.length > 0) {
  console.error(problems.map(problem => `  - ${problem}`).join('\n'));
  process.exit(1);
}
const jsFiles = files.filter(file => file.endsWith('.js')).length;
console.log(`tarball OK: ${files.length} files (${jsFiles} .js), entry points and imports consistent`);

/** Every file under `dir`, as a `/`-separated path relative to `base`. */
function listFiles(dir: string, base: string = dir): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? listFiles(path, base)
      : [relative(base, path).split('\\').join('/')];
  });
}

/** `[file, specifier]` for every `./` or `../` import in the .js and .d.ts files that matches no packed file. */
function unresolvedRelativeImports(dir: string, all: string[]): [string, string][] {
  const specifiers = /(?:require\(|from\s+|import\()\s*["'](\.{1,2}\/[^"']*)["']/g;
  const candidates = (path: string) => [
    path,
    `${path}.js`,
    `${path}.d.ts`,
    `${path}/index.js`,
    `${path}/index.d.ts`,
    path.replace(/\.js$/, '.d.ts'),
  ];
  const missing: [string, string][] = [];
  for (const file of all.filter(name => /\.(js|d\.ts)$/.test(name))) {
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(specifiers)) {
      const target = posix.normalize(posix.join(dirname(file), match[1]));
      if (!candidates(target).some(candidate => packed.has(candidate))) missing.push([file, match[1]]);
    }
  }
  return missing;
}

/** Every file path package.json promises: main, types, exports (all conditions), typesVersions. */
function entryPoints(pkg: Manifest): [string, string][] {
  const points: [string, string][] = [];
  if (pkg.main) points.push(['main', pkg.main]);
  if (pkg.types) points.push(['types', pkg.types]);
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const targets = typeof target === 'string' ? { default: target } : target;
    for (const [condition, path] of Object.entries(targets)) {
      points.push([`exports["${subpath}"].${condition}`, path]);
    }
  }
  for (const [range, map] of Object.entries(pkg.typesVersions ?? {})) {
    for (const [subpath, paths] of Object.entries(map)) {
      for (const path of paths) points.push([`typesVersions["${range}"]["${subpath}"]`, path]);
    }
  }
  return points;
}

/** `[file, package]` for every bare import in the compiled JavaScript and the declaration files. */
function importedPackages(dir: string, all: string[]): [string, string][] {
  const specifiers = /(?:require\(|from\s+|import\()\s*["']([^"'./][^"']*)["']/g;
  const builtins = new Set(builtinModules);
  const found: [string, string][] = [];
  for (const file of all.filter(name => /\.(js|d\.ts)$/.test(name))) {
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(specifiers)) {
      const specifier = match[1];
      if (specifier.startsWith('node:') || builtins.has(specifier)) continue;
      const parts = specifier.split('/');
      found.push([file, specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]]);
    }
  }
  return found;
}
