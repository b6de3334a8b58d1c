import { randomBytes, randomInt } from 'node:crypto';

/** `length` lowercase hex characters from a CSPRNG. */
export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}

/** `length` decimal digits (leading zeros allowed). */
export function randomDigits(length: number): string {
  let out = '';
  // randomInt is limited to ranges below 2^48, so build long numbers in 6-digit chunks.
  while (out.length < length) out += randomInt(0, 1_000_000).toString().padStart(6, '0');
  return out.slice(0, length);
}

/** A 6-digit one-time password, like the SMS PortOne's PGs send. */
export function randomOtp(): string {
  return randomDigits(6);
}

/**
 * Generates ids with `make` until `taken` says the id is free. Collisions are astronomically unlikely with
 * 12 random digits, but a load test creates many records and a duplicate would silently overwrite one.
 */
export function uniqueId(make: () => string, taken: (id: string) => boolean): string {
  for (;;) {
    const id = make();
    if (!taken(id)) return id;
  }
}
