import * as path from 'node:path';
import * as ts from 'typescript';

// Every name `nestjs-portone` exports carries JSDoc where it is declared, so an editor shows what it is.
// Read with the TypeScript compiler, from the sources in this repository.

/**
 * Words that say a name is this module's: `PortOne`, and the domains it covers. An app importing
 * `nestjs-portone` beside its own code must not find `Payment`, `PageInfo` or `StoreScopeDto` taken.
 */
const DOMAIN_WORDS =
  /PortOne|PORTONE|Certification|IdentityVerification|IDENTITY_VERIFICATION|Cvs|Webhook|WEBHOOK|^V1/;
/** Generic on their own: a name made only of these (and a DTO/Options suffix) is not the module's. */
const GENERIC_ALONE =
  /^(Payment|Payments|Page|PageInfo|Status|Gender|Sort|SortOrder|Store|Channel)s?(Status|Dto|Options)?$/;

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
    // A description, not only a tag: `/** @publicApi */` says nothing to the reader.
    const documented =
      node !== undefined &&
      ts
        .getJSDocCommentsAndTags(node)
        .some(doc => ts.isJSDoc(doc) && ts.getTextOfJSDocComment(doc.comment)?.trim());
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

  it('each have a JSDoc description (a tag alone is not one)', () => {
    expect(exports.filter(e => !e.documented).map(e => `${e.name} (${e.where})`)).toEqual([]);
  });

  it('each carry PortOne or a domain word (Certification, IdentityVerification, Cvs, Webhook, V1)', () => {
    const names = exports.map(e => e.name);
    expect(names.filter(name => !DOMAIN_WORDS.test(name) && !/Payment/.test(name))).toEqual([]);
    // `Payment` is this module's domain too, but generic on its own: only in a longer, specific name.
    expect(names.filter(name => GENERIC_ALONE.test(name))).toEqual([]);
  });

  it('the rule is a rule: it catches the names it is meant to', () => {
    const caught = ['Payment', 'PaymentStatus', 'PageInfo', 'SortOrder', 'StoreScopeDto', 'GENDERS'].filter(
      name => GENERIC_ALONE.test(name) || (!DOMAIN_WORDS.test(name) && !/Payment/.test(name)),
    );
    expect(caught).toEqual(['Payment', 'PaymentStatus', 'PageInfo', 'SortOrder', 'StoreScopeDto', 'GENDERS']);
  });
});
