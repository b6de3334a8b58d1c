/**
 * Masking for the few personal fields the sample shows back to the client, so a screen can say
 * "홍*동, 010-****-5678" without the API ever handing out the full name or number.
 */

/** Keeps the first and last character: `홍길동` → `홍*동`, `김영` → `김*`, `John Smith` → `J********h`. */
export function maskName(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  const chars = [...name];
  if (chars.length <= 2) return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Keeps the carrier prefix and the last four digits: `01012345678` → `010-****-5678`. */
export function maskPhone(phone: string | null | undefined): string | undefined {
  if (!phone) return undefined;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 10) return '***';
  return `${digits.slice(0, 3)}-****-${digits.slice(-4)}`;
}
