import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { sendRequest } from './emulator-fixtures';
export { CHANNELS_WITH_DANAL_EXTRAS } from './emulator-fixtures';
import { PortOneEmulator, type PortOneEmulatorOptions } from '../../lib/testing';

/** A response with its body parsed as JSON when possible. */
export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  // Tests read arbitrary response fields; `any` keeps the assertions readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** fetch + parse. */
export async function call(url: string, init: RequestInit = {}): Promise<TestResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** JSON POST/DELETE/GET helpers for one API base URL. */
export function jsonInit(method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

/** A form-encoded POST. */
export function formInit(
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
): RequestInit {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  }
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: params.toString(),
  };
}

/** A V1 access token from the emulator. */
export async function v1Token(emulator: PortOneEmulator): Promise<string> {
  const res = await call(
    `${emulator.v1BaseUrl}/users/getToken`,
    jsonInit('POST', {
      imp_key: emulator.credentials.v1.apiKey,
      imp_secret: emulator.credentials.v1.apiSecret,
    }),
  );
  if (res.status !== 200) throw new Error(`getToken failed: ${res.text}`);
  return res.body.response.access_token as string;
}

/** The `Authorization: PortOne <secret>` header for V2. */
export function v2Auth(emulator: PortOneEmulator): Record<string, string> {
  return { authorization: `PortOne ${emulator.credentials.v2.apiSecret}` };
}

/** A valid V1 OTP request body (danal, SMS). */
export function otpRequestBody(
  emulator: PortOneEmulator,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    channel_key: emulator.credentials.channelKeys.danal,
    name: '홍길동',
    phone: '010-1234-5678',
    birth: '900101',
    gender_digit: '1',
    carrier: 'SKT',
    ...overrides,
  };
}

/** A valid V2 send body (danal, SMS); shared with the client tests. */
export function sendBody(
  emulator: PortOneEmulator,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return sendRequest(emulator.credentials.channelKeys.danal, overrides);
}

/** A valid V1 CVS issue body. */
export function cvsBody(
  emulator: PortOneEmulator,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    channel_key: emulator.credentials.channelKeys.galaxia,
    merchant_uid: uniqueId('order'),
    amount: 15000,
    ...overrides,
  };
}

let counter = 0;
/** A unique id for this test process. */
export function uniqueId(prefix = 'id'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

/** A raw node:http request on a fresh connection (fetch refuses GET bodies and reuses connections). */
export function rawRequest(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers };
    // Node sends GET bodies without chunked encoding, so the length must be explicit.
    if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    const req = http.request(url, { method: options.method, headers, agent: false }, res => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Polls until `condition` holds (for things that happen while a request is still in flight). */
export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('waitFor timed out');
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** Decodes one base64url JWT segment. */
export function decodeJwtPart(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The committed structure of one of PortOne's official spec extracts (spec/, see scripts/extract-spec-structure.ts). */
export function readReferenceSpec(file: string) {
  return JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../spec', file), 'utf8'));
}

/**
 * Starts an emulator (strict mode on, as in all our tests, plus `options`) for a describe block; before each
 * test resets it and fetches a fresh V1 token, and hands both to `assign`.
 */
export function useV1Emulator(
  assign: (env: { emulator: PortOneEmulator; token: string }) => void,
  options: PortOneEmulatorOptions = {},
): void {
  let emulator: PortOneEmulator | undefined;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true, ...options });
  });
  afterAll(() => emulator?.close());
  beforeEach(async () => {
    emulator!.reset();
    assign({ emulator: emulator!, token: await v1Token(emulator!) });
  });
}
