import { createHash } from 'node:crypto';

/**
 * Korean resident-registration-number (RRN) rules shared by V1 and V2, and the fake CI/DI derivation.
 *
 * The 7th RRN digit encodes century, sex and nationality: 1/2 = born 1900-1999, 3/4 = 2000-2099, 5/6 =
 * foreigner born 1900-1999, 7/8 = foreigner born 2000-2099; odd = male, even = female. Digits 9 and 0 (born in
 * the 1800s) are not accepted: PortOne documents only 1-8.
 */

/** A calendar birth date. */
export interface BirthDate {
  year: number;
  month: number;
  day: number;
}

const GENDER_DIGIT = /^[1-8]$/;

/** True for the accepted gender digits '1'..'8'. */
export function isGenderDigit(digit: string): boolean {
  return GENDER_DIGIT.test(digit);
}

/** Odd digits are male, even digits female. */
export function isMaleDigit(digit: string): boolean {
  return Number(digit) % 2 === 1;
}

/** Digits 5-8 mark foreigners. */
export function isForeignerDigit(digit: string): boolean {
  return Number(digit) >= 5;
}

/** 1900 for digits 1, 2, 5, 6; 2000 for 3, 4, 7, 8. */
export function centuryOf(digit: string): number {
  return digit === '1' || digit === '2' || digit === '5' || digit === '6' ? 1900 : 2000;
}

/**
 * Parses `YYMMDD` plus the gender digit into a real calendar date, or undefined when the date does not exist
 * (month 13, 30 February, 29 February in a non-leap year, ...).
 */
export function parseBirth(yymmdd: string, genderDigit: string): BirthDate | undefined {
  if (!/^\d{6}$/.test(yymmdd) || !isGenderDigit(genderDigit)) return undefined;
  const year = centuryOf(genderDigit) + Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

/** `YYYY-MM-DD`. */
export function formatBirth(birth: BirthDate): string {
  return `${birth.year}-${pad2(birth.month)}-${pad2(birth.day)}`;
}

/** Zero-pads to two digits. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A fake CI (Connecting Information): 88 base64 characters, like the real one, derived deterministically from
 * the person so the same person gets the same CI from V1 and V2 and across emulator restarts. SHA-512 gives
 * 64 bytes, which is exactly 88 base64 characters.
 */
export function fakeCi(name: string, birth: BirthDate, genderDigit: string): string {
  return createHash('sha512')
    .update(`ci|${name}|${formatBirth(birth)}|${genderDigit}`)
    .digest('base64');
}

/**
 * The birth date and RRN gender digit the carrier would report for a person verified without an identity
 * number (V2 APP method): PortOne's V2 spec says `birthDate` is always present for V2 verifications and KCP
 * always reports gender and foreigner status, so the emulator invents them, deterministically from name and
 * phone number so the same person always gets the same answer. Always a Korean national born 1960-2004.
 */
export function inventIdentity(name: string, phoneNumber: string): { birth: BirthDate; genderDigit: string } {
  const hash = createHash('sha256').update(`person|${name}|${phoneNumber}`).digest();
  const year = 1960 + (hash[0] % 45);
  const male = hash[3] % 2 === 0;
  const genderDigit = year < 2000 ? (male ? '1' : '2') : male ? '3' : '4';
  return { birth: { year, month: 1 + (hash[1] % 12), day: 1 + (hash[2] % 28) }, genderDigit };
}

/**
 * A fake DI (Duplication Information): 64 characters, unique per person AND site. The channel key stands in
 * for the site (the PG merchant id), so the same person gets different DIs on different channels.
 */
export function fakeDi(ci: string, channelKey: string): string {
  return createHash('sha256').update(`di|${ci}|${channelKey}`).digest('hex');
}
