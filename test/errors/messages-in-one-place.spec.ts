import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

// lib/errors/messages.ts says it holds every sentence the module puts in an error, a validation issue, a
// configuration problem or a log line. This test reads lib/ with the TypeScript parser and fails on a sentence
// written inline where such text is made: `new …Error(…)`, `.push(…)` onto problems or issue messages,
// `message`/`messages`/`reason` properties (class-validator rules, validation issues, health results) and logger
// calls, and the texts of a webhook route's `answer(status, text, …)` (its HTTP body message and its log line).
// The emulator (lib/testing) is left out: its texts imitate PortOne's own.

const LIB = path.join(__dirname, '../../lib');

/** Files whose inline texts never reach an app, each with the reason. */
const EXEMPT: Record<string, string> = {
  // A mistake in an operation's declaration, thrown while lib/ loads: for the module's developers only.
  'core/operation.ts': 'declaration check',
  // AxiosErrors inside the transport; core/error-map.ts turns each into a typed error with a messages.ts text.
  'core/undici/undici-adapter.ts': 'transport-internal AxiosError',
  // A stand-in Error handed to the observers when a token fetch threw a non-Error; never thrown.
  'observability/observe-token-fetch.ts': 'observer-internal',
};

const SENTENCE = /[A-Za-z]{2,} [A-Za-z]{2,}/;
const TEXT_CALLS = /^(push|log|warn|error|debug|verbose|fatal|down)$/;
const TEXT_PROPERTIES = /^(message|messages|reason)$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The literal text of a string, template or concatenation (`${…}` for each substitution). */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map(span => `\${…}${span.literal.text}`).join('');
  }
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return (literalText(node.left) ?? '') + (literalText(node.right) ?? '');
  }
  if (ts.isConditionalExpression(node))
    return (literalText(node.whenTrue) ?? '') + (literalText(node.whenFalse) ?? '');
  return undefined;
}

/** A webhook answer's text: even one word (`'queued'`, `'refused'`) is what a route says, so it lives in messages.ts. */
function isAnswerText(node: ts.Node): boolean {
  let parent: ts.Node | undefined = node.parent;
  while (parent && !ts.isCallExpression(parent)) parent = parent.parent;
  return !!parent && ts.isIdentifier(parent.expression) && parent.expression.text === 'answer';
}

/** Inline sentences of one source text, as `line: text`. */
export function inlineSentences(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    let candidates: readonly ts.Node[] = [];
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'answer') {
      // answer(status, text, extra?, headers?): `text` is `{ message, log }`, and both are user-facing.
      const text = node.arguments[1];
      candidates =
        text && ts.isObjectLiteralExpression(text)
          ? // `message` is read where every `message` property is (below); here the rest, e.g. `log`.
            text.properties.flatMap(property =>
              ts.isPropertyAssignment(property) && !TEXT_PROPERTIES.test(property.name.getText(file))
                ? [property.initializer]
                : [],
            )
          : text
            ? [text]
            : [];
    } else if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText(file))) {
      candidates = node.arguments ?? [];
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      TEXT_CALLS.test(node.expression.name.text)
    ) {
      candidates = node.arguments;
    } else if (ts.isPropertyAssignment(node) && TEXT_PROPERTIES.test(node.name.getText(file))) {
      candidates = ts.isArrayLiteralExpression(node.initializer)
        ? node.initializer.elements
        : [node.initializer];
    }
    const flattened = candidates.flatMap(candidate =>
      ts.isArrayLiteralExpression(candidate) ? [...candidate.elements] : [candidate],
    );
    for (const candidate of flattened) {
      const text = literalText(candidate);
      if (text !== undefined && (SENTENCE.test(text) || isAnswerText(candidate))) {
        found.push(`${file.getLineAndCharacterOfPosition(candidate.getStart()).line + 1}: ${text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('user-facing text', () => {
  it('is recognised when written inline (the check reads something)', () => {
    const source = [
      "throw new PortOneConfigurationError(['name must be a non-empty string']);",
      'problems.push(`${api}.baseUrl must use https:`);',
      "issues.push({ field: 'signal', rules: ['isAbortSignal'], messages: ['signal must be an AbortSignal'] });",
      "class A { @Matches(/x/, { message: 'tierCode must be 3 letters' }) tierCode?: string; }",
      "problems.push(messages.options.noApi); const rules = ['isAbortSignal'];",
      "return answer(200, 'queued', `${what} queued`, { queued: true });",
      "return answer(403, { message: 'refused', log: `${what} refused by ${name}` });",
      'return answer(200, messages.webhookAnswer.queued(what), { reason: verified.reason });',
    ].join('\n');
    expect(inlineSentences('example.ts', source)).toEqual([
      '1: name must be a non-empty string',
      '2: ${…}.baseUrl must use https:',
      '3: signal must be an AbortSignal',
      '4: tierCode must be 3 letters',
      '6: queued',
      '7: ${…} refused by ${…}',
      '7: refused',
    ]);
  });

  it('lives in lib/errors/messages.ts', () => {
    const inline = sourceFiles(LIB)
      .map(file => path.relative(LIB, file).split(path.sep).join('/'))
      .filter(file => !file.startsWith('testing/') && file !== 'errors/messages.ts' && !(file in EXEMPT))
      .flatMap(file =>
        inlineSentences(file, fs.readFileSync(path.join(LIB, file), 'utf8')).map(s => `${file}:${s}`),
      );
    expect(inline).toEqual([]);
  });

  it('exempts only files that exist and still hold inline text', () => {
    for (const file of Object.keys(EXEMPT)) {
      expect(inlineSentences(file, fs.readFileSync(path.join(LIB, file), 'utf8')).length).toBeGreaterThan(0);
    }
  });
});
