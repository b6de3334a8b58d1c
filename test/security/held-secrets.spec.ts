import { HeldSecrets } from '../../lib/redaction';

// Before: only the 16 most recent tokens were kept, so an odd-shaped token echoed after 25 newer ones leaked.
// Now each token is kept until it has expired (plus a grace for answers still in flight), and no longer.
describe('HeldSecrets keeps every issued token until it has expired', () => {
  const MINUTE = 60_000;

  it('a token echoed after 25 newer ones is still scrubbed while it lives', () => {
    const secrets = new HeldSecrets(['api-secret']);
    secrets.addToken('odd~first-token', 30 * MINUTE);
    for (let i = 0; i < 25; i++) secrets.addToken(`odd~token-${i}`, 30 * MINUTE);
    expect(secrets.values()).toContain('odd~first-token');
    expect(secrets.values()).toContain('api-secret');
    expect(secrets.values()).toHaveLength(27);
  });

  it('memory is bounded by time: expired tokens are dropped, the configured secrets stay', () => {
    let now = 0;
    const secrets = new HeldSecrets(['api-secret'], () => now);
    for (let i = 0; i < 1_000; i++) secrets.addToken(`t-${i}`, 30 * MINUTE);
    secrets.addToken('long-lived', 24 * 60 * MINUTE);
    now += 2 * 60 * MINUTE; // past the 30-minute tokens and their grace
    expect(secrets.values()).toEqual(['api-secret', 'long-lived']);
    now += 24 * 60 * MINUTE;
    expect(secrets.values()).toEqual(['api-secret']);
  });

  it('a lifetime PortOne overstates (a hostile expired_at far ahead) is held at most a day', () => {
    let now = 0;
    const secrets = new HeldSecrets([], () => now);
    secrets.addToken('forever', Number.MAX_SAFE_INTEGER);
    now += 2 * 24 * 60 * MINUTE;
    expect(secrets.values()).toEqual([]);
  });
});
