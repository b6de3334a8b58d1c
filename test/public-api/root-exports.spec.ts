import * as path from 'node:path';
import * as ts from 'typescript';

// Every name `nestjs-portone` exports carries JSDoc where it is declared, so an editor shows what it is.
// Read with the TypeScript compiler, from the sources in this repository.

function rootExports(): { name: string; documented: boolean; where: string }[] {
  const entry = path.join(__dirname, '../../lib/index.ts');
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    experimentalDecorators: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  return checker.getExportsOfModule(moduleSymbol).map(exported => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    // A `const` is documented on its statement, not on its declarator.
    const node =
      declaration && ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
    const documented = node !== undefined && ts.getJSDocCommentsAndTags(node).length > 0;
    const where = declaration
      ? path.relative(path.join(__dirname, '../..'), declaration.getSourceFile().fileName)
      : '?';
    return { name: exported.name, documented, where };
  });
}

describe('the root exports', () => {
  const exports = rootExports();

  it('are found (the check reads something)', () => {
    expect(exports.map(e => e.name)).toEqual(
      expect.arrayContaining([
        'PortOneModule',
        'CertificationService',
        'PORTONE_MODULE_OPTIONS',
        'InjectPortOne',
      ]),
    );
  });

  it('each have JSDoc', () => {
    expect(exports.filter(e => !e.documented).map(e => `${e.name} (${e.where})`)).toEqual([]);
  });

  it('have names that say they are PortOne’s where an app would have the same name', () => {
    const generic = [
      'Payment',
      'PaymentStatus',
      'PageInfo',
      'SelectedChannel',
      'Gender',
      'GENDERS',
      'SortOrder',
    ];
    expect(exports.map(e => e.name).filter(name => generic.includes(name))).toEqual([]);
  });
});
