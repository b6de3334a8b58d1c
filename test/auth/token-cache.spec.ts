import { SingleFlightTokenCache, type IssuedToken } from '../../lib/auth/token-cache';

/** A token source whose clock and answers the test controls. */
function setup(lifetimeMs = 1_800_000, marginMs = 30_000) {
  let now = 0;
  let issued = 0;
  const gates: Array<() => void> = [];
  const issue = async (): Promise<IssuedToken> => {
    issued += 1;
    const value = `token-${issued}`;
    await new Promise<void>(resolve => gates.push(resolve));
    return { value, lifetimeMs };
  };
  const cache = new SingleFlightTokenCache(issue, marginMs, () => now);
  return {
    cache,
    issuedCount: () => issued,
    releaseAll: () => gates.splice(0).forEach(release => release()),
    advance: (ms: number) => (now += ms),
  };
}

describe('SingleFlightTokenCache', () => {
  it('makes one fetch for any number of concurrent callers', async () => {
    const { cache, issuedCount, releaseAll } = setup();
    const waiting = Array.from({ length: 100 }, () => cache.get());
    releaseAll();
    const tokens = await Promise.all(waiting);
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(issuedCount()).toBe(1);
  });

  it('serves the cached token until the refresh margin, then refreshes in the background', async () => {
    const { cache, issuedCount, releaseAll, advance } = setup(60_000, 10_000);
    const first = cache.get();
    releaseAll();
    expect(await first).toBe('token-1');

    advance(49_000);
    expect(await cache.get()).toBe('token-1');
    expect(issuedCount()).toBe(1);

    advance(2_000); // inside the margin: still valid, refreshed without waiting
    expect(await cache.get()).toBe('token-1');
    expect(issuedCount()).toBe(2);
    releaseAll();
    await new Promise(resolve => setImmediate(resolve));
    expect(await cache.get()).toBe('token-2');
  });

  it('makes callers wait for a new token once the old one expired', async () => {
    const { cache, issuedCount, releaseAll, advance } = setup(60_000, 10_000);
    const first = cache.get();
    releaseAll();
    await first;
    advance(61_000);
    const next = cache.get();
    releaseAll();
    expect(await next).toBe('token-2');
    expect(issuedCount()).toBe(2);
  });

  it('stops handing a token out before it expires (5 s early, or after a quarter of a short life)', async () => {
    const { cache, issuedCount, releaseAll, advance } = setup(200, 30_000);
    const first = cache.get();
    releaseAll();
    await first;
    advance(49);
    expect(await cache.get()).toBe('token-1');
    advance(2); // 51 ms of 200: a busy process could deliver it expired, so the caller waits for a new one
    const next = cache.get();
    releaseAll();
    expect(await next).toBe('token-2');
    expect(issuedCount()).toBe(2);
  });

  it('never refreshes sooner than half-way through a short-lived token (no storm)', async () => {
    const { cache, issuedCount, releaseAll, advance } = setup(20_000, 30_000);
    const first = cache.get();
    releaseAll();
    await first;
    advance(9_000);
    await cache.get();
    expect(issuedCount()).toBe(1);
  });

  it('drops only the token that was refused', async () => {
    const { cache, issuedCount, releaseAll } = setup();
    const first = cache.get();
    releaseAll();
    await first;
    cache.invalidate('some-older-token');
    expect(await cache.get()).toBe('token-1');
    cache.invalidate('token-1');
    const next = cache.get();
    releaseAll();
    expect(await next).toBe('token-2');
    expect(issuedCount()).toBe(2);
  });

  it('lets every waiter see a failed fetch, and fetches again on the next call', async () => {
    let attempts = 0;
    const cache = new SingleFlightTokenCache(() => {
      attempts += 1;
      return attempts === 1
        ? Promise.reject(new Error('down'))
        : Promise.resolve({ value: 'ok', lifetimeMs: 60_000 });
    });
    await expect(Promise.all([cache.get(), cache.get()])).rejects.toThrow('down');
    expect(attempts).toBe(1);
    expect(await cache.get()).toBe('ok');
  });
});
