import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { PORTONE_V2_WEBHOOK_EVENT_TYPES, isPortOneV2WebhookEventType } from '../../lib';
import { V2_WEBHOOK_DATA_FIELDS } from '../../lib/webhooks/events/v2-webhook-data';

// The V2 event types are copied from PortOne's official SDK (`@portone/server-sdk`, a devDependency; the V2
// OpenAPI document has no webhook schemas). These tests read what the installed SDK declares, so upgrading
// it to a version with a new event or field fails here until the module's union has it too.

const sdkRequire = createRequire(path.join(__dirname, '../../package.json'));
// The package exports no ./package.json: its main entry is dist/index.cjs.
const sdkRoot = path.resolve(path.dirname(sdkRequire.resolve('@portone/server-sdk')), '..');
const declarations = path.join(sdkRoot, 'dist/generated/webhook');

/** `type Name = { field: string; … }` and `type Name = A | B` declarations of the SDK's webhook folder. */
function readSdkWebhookTypes(): Map<string, string> {
  const sources = new Map<string, string>();
  for (const file of readdirSync(declarations).filter(name => name.endsWith('.d.ts'))) {
    const text = readFileSync(path.join(declarations, file), 'utf8');
    for (const match of text.matchAll(/export type (\w+) = ([^;]*?(?:\{[\s\S]*?\n\})?);/g)) {
      sources.set(match[1], match[2]);
    }
  }
  return sources;
}

/** The events the SDK declares: each event type literal with the fields (and JSON types) of its `data`. */
function sdkEvents(): Map<string, Record<string, string>> {
  const types = readSdkWebhookTypes();
  const events = new Map<string, Record<string, string>>();
  for (const body of types.values()) {
    const type = /\btype: "([^"]+)";/.exec(body)?.[1];
    const dataType = /\bdata: (\w+);/.exec(body)?.[1];
    if (!type || !dataType) continue;
    const data = types.get(dataType);
    if (!data) throw new Error(`the SDK's ${type} names data type ${dataType}, which was not found`);
    const fields: Record<string, string> = {};
    for (const field of data.matchAll(/^\s*(\w+)(\??): (string|number|boolean);/gm)) {
      fields[field[1]] = field[3];
    }
    events.set(type, fields);
  }
  return events;
}

describe('V2 webhook event types against the installed @portone/server-sdk', () => {
  const declared = sdkEvents();

  it('reads the SDK’s declarations (the parser finds events and fields)', () => {
    expect(declared.size).toBeGreaterThanOrEqual(16);
    expect(declared.get('Transaction.Paid')).toEqual({
      paymentId: 'string',
      storeId: 'string',
      transactionId: 'string',
    });
  });

  it('the union has every event type the SDK declares, and no other', () => {
    expect([...PORTONE_V2_WEBHOOK_EVENT_TYPES].sort()).toEqual([...declared.keys()].sort());
  });

  it('each event’s data has the fields the SDK declares, with their JSON types', () => {
    const ours = Object.fromEntries(
      Object.entries(V2_WEBHOOK_DATA_FIELDS).map(([type, fields]) => [type, { ...fields }]),
    );
    expect(ours).toEqual(Object.fromEntries(declared));
  });

  it('agrees with the SDK at runtime: isUnrecognizedWebhook knows exactly these types', () => {
    const sdk = sdkRequire('@portone/server-sdk/webhook') as {
      isUnrecognizedWebhook(entity: { type: unknown }): boolean;
    };
    for (const type of PORTONE_V2_WEBHOOK_EVENT_TYPES) {
      expect({ type, unrecognized: sdk.isUnrecognizedWebhook({ type }) }).toEqual({
        type,
        unrecognized: false,
      });
    }
    expect(sdk.isUnrecognizedWebhook({ type: 'Something.New' })).toBe(true);
    expect(isPortOneV2WebhookEventType('Something.New')).toBe(false);
    expect(isPortOneV2WebhookEventType('toString')).toBe(false);
  });

  it('V2 declares no identity-verification webhook events', () => {
    expect(PORTONE_V2_WEBHOOK_EVENT_TYPES.filter(type => /identity/i.test(type))).toEqual([]);
  });
});
