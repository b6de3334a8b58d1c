import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { resolveModuleOptions } from '../../lib/options/resolve-options';

// An option's default is decided once, where the options are resolved (DEFAULTS in lib/options/resolve-options.ts
// and WEBHOOK_RECEIVER_DEFAULTS). The `@default` tags editors and the API reference show are documentation of
// that decision: this test reads each tag and compares it with what resolving options that omit it gives.

const LIB = path.join(__dirname, '../../lib');

/** `{ 'PortOneV1Options.baseUrl': "'https://api.iamport.kr'", ... }`, read from the interfaces' JSDoc. */
function defaultTags(file: string): Map<string, string> {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(LIB, file), 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  const tags = new Map<string, string>();
  source.forEachChild(node => {
    if (!ts.isInterfaceDeclaration(node)) return;
    for (const member of node.members) {
      const tag = ts.getJSDocTags(member).find(t => t.tagName.text === 'default');
      const text = typeof tag?.comment === 'string' ? tag.comment : undefined;
      if (text !== undefined) tags.set(`${node.name.text}.${member.name!.getText(source)}`, text);
    }
  });
  return tags;
}

/** The value a tag states (a JavaScript literal), without a trailing explanation such as `(8 MiB)`. */
function stated(tag: string): unknown {
  const literal = tag
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/'([^']*)'/g, '"$1"')
    .replace(/([{,]\s*)(\w+):/g, '$1"$2":');
  return JSON.parse(literal) as unknown;
}

describe('the @default tags of the option interfaces', () => {
  const resolved = resolveModuleOptions({ v1: { apiKey: 'k', apiSecret: 's' }, v2: { apiSecret: 's' } });
  // Where each documented option lands once resolved.
  const actual: Record<string, unknown> = {
    'PortOneV1Options.baseUrl': resolved.v1?.baseUrl,
    'PortOneV1Options.includeSandbox': resolved.v1?.includeSandbox,
    'PortOneV2Options.baseUrl': resolved.v2?.baseUrl,
    'PortOneV2Options.auth': resolved.v2?.auth,
    'PortOneRetryOptions.maxRetries': resolved.retry.maxRetries,
    'PortOneRetryOptions.baseDelayMs': resolved.retry.baseDelayMs,
    'PortOneRetryOptions.maxDelayMs': resolved.retry.maxDelayMs,
    'PortOneModuleOptions.timeoutMs': resolved.timeoutMs,
    'PortOneModuleOptions.retry': resolved.retry,
    'PortOneModuleOptions.maxSockets': resolved.maxSockets,
    'PortOneModuleOptions.maxResponseBytes': resolved.maxResponseBytes,
    'PortOneModuleOptions.shutdownGraceMs': resolved.shutdownGraceMs,
    'PortOneWebhookReceiverOptions.processingTimeoutMs': resolved.webhookReceiver.processingTimeoutMs,
    'PortOneWebhookReceiverOptions.dedupeWindowMs': resolved.webhookReceiver.dedupeWindowMs,
    'PortOneWebhookReceiverOptions.confirmDeadlineMs': resolved.webhookReceiver.confirmDeadlineMs,
    'PortOneWebhookReceiverOptions.trustedProxyHops': resolved.webhookReceiver.trustedProxyHops,
  };
  // Tags that describe rather than state a value.
  const described = ['PortOneModuleOptions.logger', 'PortOneWebhookReceiverOptions.claimStore'];
  const tags = new Map([
    ...defaultTags('options/portone-module-options.interface.ts'),
    ...defaultTags('webhooks/options/webhook-receiver-options.interface.ts'),
  ]);

  it('are all read, and each is compared below or named as a description', () => {
    expect([...tags.keys()].filter(key => !(key in actual) && !described.includes(key))).toEqual([]);
    expect(Object.keys(actual).filter(key => !tags.has(key))).toEqual([]);
  });

  it('state the defaults the options resolve to', () => {
    const mismatches = Object.entries(actual)
      .filter(
        ([key, value]) => tags.has(key) && JSON.stringify(stated(tags.get(key)!)) !== JSON.stringify(value),
      )
      .map(([key, value]) => `${key}: @default ${tags.get(key)} but resolves to ${JSON.stringify(value)}`);
    expect(mismatches).toEqual([]);
  });
});
