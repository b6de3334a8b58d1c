import { assessApiHealth } from '../../lib/health/assess-api-health';
import type { RecordedCall } from '../../lib/observability/call-statistics';

const call = (endedAt: number, overrides: Partial<RecordedCall> = {}): RecordedCall => ({
  endedAt,
  durationMs: 100,
  reachable: true,
  status: 200,
  ...overrides,
});

describe('assessApiHealth (what /health shows for one API)', () => {
  it('judges by the last call within the window, and summarises the recent ones', () => {
    const calls = [
      call(1_000, { durationMs: 50 }),
      call(2_000, {
        durationMs: 900,
        reachable: false,
        errorClass: 'PortOneTimeoutError',
        status: undefined,
      }),
      call(3_000, { durationMs: 120 }),
    ];
    expect(assessApiHealth({ calls, now: 4_000, windowMs: 30_000, probed: false })).toEqual({
      status: 'up',
      basis: 'recent-calls',
      lastCall: { outcome: 'success', httpStatus: 200, secondsAgo: 1, durationMs: 120 },
      recentCalls: { count: 3, failures: 1, medianMs: 120, maxMs: 900 },
    });
  });

  it('is down when the last call failed, naming its error class', () => {
    const calls = [
      call(1_000),
      call(2_000, { reachable: false, errorClass: 'PortOneAuthError', status: 401 }),
    ];
    expect(assessApiHealth({ calls, now: 2_500, windowMs: 30_000, probed: false })).toMatchObject({
      status: 'down',
      lastCall: { outcome: 'error', errorClass: 'PortOneAuthError', httpStatus: 401 },
      reason: 'the last call failed (PortOneAuthError)',
    });
  });

  it('is down when nothing is known within the window, however good the last call was', () => {
    expect(
      assessApiHealth({ calls: [call(1_000)], now: 62_000, windowMs: 60_000, probed: false }),
    ).toMatchObject({
      status: 'down',
      basis: 'none',
      lastCall: { secondsAgo: 61 },
      reason: 'no call reached PortOne recently',
    });
  });

  it('describes the token: valid, expired, never fetched, and a failure after the last success', () => {
    const assess = (token: Parameters<typeof assessApiHealth>[0]['token'], now = 100_000) =>
      assessApiHealth({ calls: [], token, now, windowMs: 30_000, probed: false }).token;

    expect(assess({ fetchedAt: 40_000, lifetimeMs: 1_800_000 })).toEqual({
      state: 'valid',
      ageSeconds: 60,
      expiresInSeconds: 1_740,
    });
    expect(assess({ fetchedAt: 0, lifetimeMs: 60_000 })).toEqual({
      state: 'expired',
      ageSeconds: 100,
      expiresInSeconds: 0,
    });
    expect(assess({})).toEqual({ state: 'none' });
    expect(
      assess({
        fetchedAt: 10_000,
        lifetimeMs: 1_800_000,
        failedAt: 90_000,
        failureClass: 'PortOneAuthError',
      }),
    ).toMatchObject({
      state: 'valid',
      lastFetchFailure: 'PortOneAuthError',
    });
    // A failure that a later success replaced is no longer news.
    expect(
      assess({
        fetchedAt: 90_000,
        lifetimeMs: 1_800_000,
        failedAt: 10_000,
        failureClass: 'PortOneAuthError',
      }),
    ).not.toHaveProperty('lastFetchFailure');
  });
});
