import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { PortOneEmulator } from '../../lib/testing';
import { secretsOfExchange } from '../support/exchange-secrets';
import {
  createPortOneTestApp,
  emulatorOptions,
  idWhoseFirstSendFails,
  newId,
  otpRequest,
  rejectionOf,
  sendRequest,
  type PortOneTestApp,
} from '../support/portone-test-app';
import { InMemoryTelemetry, recordedStrings } from '../support/in-memory-telemetry';

const SEND = 'PortOne IdentityVerificationService.send';

describe('OpenTelemetry traces and metrics (SDK in-memory exporters, against the emulator)', () => {
  let emulator: PortOneEmulator;
  let telemetry: InMemoryTelemetry;
  let app: PortOneTestApp;

  beforeAll(async () => {
    telemetry = InMemoryTelemetry.install();
    emulator = await PortOneEmulator.start({ strict: true });
  });
  beforeEach(async () => {
    emulator.clearFaults();
    emulator.clearRequests();
    telemetry.reset();
    // A fresh module per test: empty token caches, so token fetches are seen.
    app = await createPortOneTestApp(
      emulatorOptions(emulator, {
        v2: { ...emulatorOptions(emulator).v2!, auth: 'token' },
        timeoutMs: 300,
      }),
    );
  });
  afterEach(() => app.close());
  afterAll(async () => {
    await emulator.close();
    await telemetry.uninstall();
  });

  it('records send with a retry as one CLIENT span with HTTP client attributes and a retry event', async () => {
    const id = idWhoseFirstSendFails(emulator);

    await app.identityVerifications.send(id, sendRequest(emulator.credentials.channelKeys.danal));

    const span = telemetry.span(SEND);
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.attributes).toEqual({
      'http.request.method': 'POST',
      'server.address': '127.0.0.1',
      'server.port': emulator.port,
      'url.template': '/identity-verifications/{id}/send',
      'http.response.status_code': 200,
      'http.request.resend_count': 1,
      'portone.api': 'v2',
      'portone.operation': 'IdentityVerificationService.send',
      'portone.request_id': expect.any(String),
    });
    expect(span.events.map(event => [event.name, event.attributes])).toEqual([
      [
        'portone.retry',
        {
          'portone.attempt': 1,
          'portone.retry.delay_ms': expect.any(Number),
          'error.type': 'SERVICE_UNAVAILABLE',
          'http.response.status_code': 503,
          'portone.request_id': expect.any(String),
        },
      ],
    ]);
    // The token fetch ran inside the call: its span is a child of the call's.
    const token = telemetry.span('PortOne token');
    expect(token.parentSpanContext?.spanId).toBe(span.spanContext().spanId);
    expect(token.spanContext().traceId).toBe(span.spanContext().traceId);
    expect(token.attributes).toMatchObject({ 'portone.api': 'v2', 'server.port': emulator.port });
    // Its HTTP request is a CLIENT span of its own, named after the token operation.
    const login = telemetry.span('PortOne login');
    expect(login.kind).toBe(SpanKind.CLIENT);
    expect(login.parentSpanContext?.spanId).toBe(token.spanContext().spanId);
    expect(login.attributes).toMatchObject({
      'http.request.method': 'POST',
      'url.template': '/login/api-secret',
      'http.response.status_code': 200,
      'portone.operation': 'login',
    });
  });

  it('records a failure with error.type, the error class and retryable, but no message', async () => {
    await rejectionOf(app.identityVerifications.get(newId()));
    emulator.injectFault({ api: 'v1', path: /^\/certifications\//, delayMs: 1_000, times: Infinity });
    await rejectionOf(app.certifications.get('imp_000000000001', { timeoutMs: 100 }));

    const notFound = telemetry.span('PortOne IdentityVerificationService.get');
    expect(notFound.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(notFound.attributes).toMatchObject({
      'url.template': '/identity-verifications/{id}',
      'http.response.status_code': 404,
      'error.type': 'IDENTITY_VERIFICATION_NOT_FOUND',
      'portone.error.class': 'PortOneApiError',
      'portone.error.retryable': false,
    });
    const timedOut = telemetry.span('PortOne CertificationService.get');
    expect(timedOut.attributes).toMatchObject({
      'url.template': '/certifications/{id}',
      'error.type': 'timeout',
      'portone.error.class': 'PortOneTimeoutError',
      'portone.error.retryable': true,
      'http.request.resend_count': 2,
    });
    expect(timedOut.events.map(event => event.name)).toEqual(['portone.retry', 'portone.retry']);
    expect(telemetry.spans().every(span => span.events.every(event => event.name !== 'exception'))).toBe(
      true,
    );
  });

  it('counts calls by outcome, retries and token refreshes, and records call durations', async () => {
    const id = idWhoseFirstSendFails(emulator);
    const before = await telemetry.metrics();
    const count = (name: string, match: Record<string, unknown>, points = before) =>
      (points.get(name) ?? [])
        .filter(point => Object.entries(match).every(([key, value]) => point.attributes[key] === value))
        .reduce(
          (sum, point) =>
            sum + (typeof point.value === 'number' ? point.value : (point.value as { count: number }).count),
          0,
        );
    const send = { 'portone.operation': 'IdentityVerificationService.send' };
    const get = { 'portone.operation': 'IdentityVerificationService.get' };

    await app.identityVerifications.send(id, sendRequest(emulator.credentials.channelKeys.danal));
    await rejectionOf(app.identityVerifications.get(newId()));

    const after = await telemetry.metrics();
    const delta = (name: string, match: Record<string, unknown>) =>
      count(name, match, after) - count(name, match);
    expect(
      delta('portone.client.calls', {
        ...send,
        'portone.outcome': 'success',
        'http.response.status_code': 200,
      }),
    ).toBe(1);
    expect(
      delta('portone.client.calls', {
        ...get,
        'portone.outcome': 'error',
        'error.type': 'IDENTITY_VERIFICATION_NOT_FOUND',
      }),
    ).toBe(1);
    expect(delta('portone.client.retries', { ...send, 'error.type': 'SERVICE_UNAVAILABLE' })).toBe(1);
    expect(
      delta('portone.client.token.refreshes', { 'portone.api': 'v2', 'portone.outcome': 'success' }),
    ).toBe(1);
    expect(delta('portone.client.call.duration', send)).toBe(1);
    // Token requests are counted as token refreshes, not as the app's calls.
    expect(delta('portone.client.calls', { 'portone.operation': 'login' })).toBe(0);
    expect(delta('portone.client.call.duration', get)).toBe(1);
  });

  it("never records a secret, a token, a path parameter's value or personal data (scan of every attribute)", async () => {
    const person = sendRequest(emulator.credentials.channelKeys.danal);
    const verificationId = newId();
    await app.identityVerifications.send(verificationId, person);
    const verificationOtp = emulator.lastOtp(verificationId) ?? '';
    await app.identityVerifications.confirm(verificationId, { otp: verificationOtp });
    await app.identityVerifications.list({
      filter: { customer: { name: person.customer.name, phoneNumber: person.customer.phoneNumber } },
    });
    const v1Person = otpRequest(emulator.credentials.channelKeys.danal);
    const { impUid } = await app.certifications.requestOtp(v1Person);
    const otp = emulator.lastOtp(impUid) ?? '';
    await app.certifications.confirmOtp(impUid, { otp });
    emulator.injectFault({ api: 'v2', path: /\/send$/, status: 500, times: Infinity });
    const failingId = newId();
    await rejectionOf(app.identityVerifications.send(failingId, person));

    const recorded = recordedStrings(telemetry.spans(), [...(await telemetry.metrics()).values()].flat());
    const forbidden = [
      ...secretsOfExchange(emulator),
      verificationId,
      failingId,
      impUid,
      verificationOtp,
      otp,
      person.customer.name,
      person.customer.phoneNumber,
      person.customer.identityNumber,
      person.customer.ipAddress,
      v1Person.name,
      v1Person.phone,
      v1Person.phone.replace(/-/g, ''),
      v1Person.birth,
    ];
    // Enough to mean something: the credentials, at least two access tokens, ids, OTPs and personal data.
    expect(forbidden.length).toBeGreaterThanOrEqual(15);
    expect(telemetry.spans().length).toBeGreaterThanOrEqual(7);
    const hits = forbidden.filter(secret => recorded.some(text => text.includes(secret)));
    expect(hits).toEqual([]);
  });
});
