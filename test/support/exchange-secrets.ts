import type { PortOneEmulator } from '../../lib/testing';

/**
 * Every secret that crossed the wire to the emulator so far: the configured credentials, each credential
 * sent in an Authorization header (API secret, access tokens), and the token-request bodies' values.
 * Tests scan their output (health results, spans, metrics) for each of them.
 */
export function secretsOfExchange(emulator: PortOneEmulator): string[] {
  const secrets = new Set<string>([
    emulator.credentials.v1.apiKey,
    emulator.credentials.v1.apiSecret,
    emulator.credentials.v2.apiSecret,
  ]);
  for (const request of emulator.requests) {
    const authorization = request.headers.authorization;
    if (typeof authorization === 'string') secrets.add(authorization.replace(/^(Bearer|PortOne) /, ''));
  }
  return [...secrets].filter(secret => secret.length >= 6);
}
