import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

// lib/'s top-level folders are meant to stack: errors, logging, redaction, mapping at the bottom; core on
// them; the services on core; webhooks on the services; the files directly in lib/ wire it all together.
// A runtime import cycle between two folders means neither can be read, tested or moved without the other,
// and Node may hand one of them a half-loaded module. This test reads what every file of lib/ loads at run
// time (each file compiled as the build compiles it, so type-only imports, which vanish, do not count) and
// fails on any cycle between top-level folders, naming the imports that close it.

const ROOT = path.join(__dirname, '../..');
const LIB = path.join(ROOT, 'lib');

/** The compiler options of the build: decorator metadata, for one, keeps some imports alive. */
function compilerOptions(): ts.CompilerOptions {
  const configFile = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), file => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  return { ...parsed.options, module: ts.ModuleKind.CommonJS, sourceMap: false, declaration: false };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find(candidate => fs.existsSync(candidate));
}

/** The lib/ files a file loads when it runs. */
function runtimeImports(file: string, options: ts.CompilerOptions): string[] {
  const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: options });
  return [...outputText.matchAll(/\brequire\("(\.{1,2}\/[^"]*)"\)/g)]
    .map(match => resolveImport(file, match[1]))
    .filter((target): target is string => target !== undefined);
}

/** A top-level folder of lib/, or the file's own name for the files directly in lib/. */
function area(file: string): string {
  return path.relative(LIB, file).split(path.sep)[0];
}

/** area -> area it loads -> the file-level imports behind that edge. */
type FolderGraph = Map<string, Map<string, string[]>>;

function folderGraph(): FolderGraph {
  const options = compilerOptions();
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(LIB)) {
    for (const target of runtimeImports(file, options)) {
      const [from, to] = [area(file), area(target)];
      if (from === to) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      const imports = edges.get(to) ?? [];
      edges.set(to, imports);
      imports.push(`${path.relative(LIB, file)} -> ${path.relative(LIB, target)}`);
    }
  }
  return graph;
}

/** The groups of areas that reach each other (strongly connected components of more than one area). */
function cycles(graph: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      group.push(member);
    } while (member !== node);
    if (group.length > 1) found.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** Each cycle with the imports between its members, for a failure message that says what to move. */
function explain(graph: FolderGraph, group: string[]): string {
  const imports = group.flatMap(from =>
    group.flatMap(to => (graph.get(from)?.get(to) ?? []).map(line => `  ${line}`)),
  );
  return [`${group.join(' <-> ')}:`, ...imports].join('\n');
}

describe("lib/'s top-level folders", () => {
  const graph = folderGraph();

  it('are read from the compiled imports (type-only imports do not count)', () => {
    // A value import that every build keeps...
    expect(graph.get('core')?.get('errors')).toEqual(
      expect.arrayContaining(['core/transport.ts -> errors/index.ts']),
    );
    // ...and observability's import of auth (`import type { IssuedToken }`): gone at run time.
    expect(graph.get('observability')?.has('auth')).toBe(false);
  });

  it('find a cycle when there is one', () => {
    const withCycle = new Map([
      ['a', new Map([['b', []]])],
      ['b', new Map([['c', []]])],
      ['c', new Map([['a', []]])],
      ['d', new Map([['a', []]])],
    ]);
    expect(cycles(withCycle)).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', new Map([['b', []]])]]))).toEqual([]);
  });

  it('load each other without a cycle', () => {
    expect(cycles(graph).map(group => explain(graph, group))).toEqual([]);
  });
});
