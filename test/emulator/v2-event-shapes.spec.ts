import type { Webhook } from '@portone/server-sdk/webhook' with { 'resolution-mode': 'import' };
import { PortOneEmulator, type EmulatorV2WebhookType } from '../../lib/testing';
import { V2_WEBHOOK_EVENT_FIELDS } from '../../lib/testing/webhooks/v2-events';
import { ScriptedServer } from '../support/scripted-server';

/** The SDK's known events (its union also has `{ type: Unrecognized }`, a symbol). */
type SdkEvent = Extract<Webhook, { type: string }>;
type SdkFields<T extends SdkEvent['type']> = keyof Extract<SdkEvent, { type: T }>['data'];

// Compile-time: our types are exactly the SDK's, and each field list names only the SDK's fields.
const sameTypes: [EmulatorV2WebhookType] extends [SdkEvent['type']]
  ? [SdkEvent['type']] extends [EmulatorV2WebhookType]
    ? true
    : false
  : false = true;
const fieldsAreSdkFields = V2_WEBHOOK_EVENT_FIELDS as {
  [T in SdkEvent['type']]: readonly (SdkFields<T> & string)[];
};
// The SDK ships CommonJS too ("require" in its exports); its types are declared for ES module importers only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { verify } = require('@portone/server-sdk/webhook') as {
  verify: (secret: string, payload: string, headers: Record<string, string>) => Promise<Webhook>;
};

/** Each field the SDK requires, per type, spelled out once more so that a forgotten one fails here. */
function requiredFields<T extends SdkEvent['type']>(type: T): string[] {
  return [...fieldsAreSdkFields[type]].sort();
}

describe('V2 webhook events the emulator builds follow @portone/server-sdk 0.19.0', () => {
  let emulator: PortOneEmulator;
  let app: ScriptedServer;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start();
    app = await ScriptedServer.start(() => ({ status: 200 }));
  });
  afterAll(async () => {
    await emulator.close();
    await app.close();
  });

  it('knows every event type of the SDK', () => {
    expect(sameTypes).toBe(true);
    expect(Object.keys(V2_WEBHOOK_EVENT_FIELDS)).toHaveLength(16);
  });

  it.each(Object.keys(V2_WEBHOOK_EVENT_FIELDS) as EmulatorV2WebhookType[])(
    '%s: sent, the SDK verifies the signature and reads the event with every data field',
    async type => {
      await emulator.sendV2Webhook(`${app.baseUrl}/${type}`, emulator.v2Event(type, { paymentId: 'given' }));
      const received = app.requests.find(r => r.path === `/${type}`)!;
      const event = (await verify(
        emulator.webhookSecret,
        JSON.stringify(received.body),
        received.headers as Record<string, string>,
      )) as SdkEvent;
      expect(event.type).toBe(type);
      expect(new Date(event.timestamp).toISOString()).toBe(event.timestamp);
      const data = event.data as Record<string, unknown>;
      for (const field of requiredFields(type)) expect(data[field]).toEqual(expect.anything());
      expect(data.storeId).toBe(emulator.credentials.v2.storeId);
    },
  );
});
