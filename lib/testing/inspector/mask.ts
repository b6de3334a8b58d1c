/**
 * Masking for the inspector page: it shows who got an OTP and what was asked, never a whole name or phone
 * number (a developer may have typed real ones). OTPs are shown whole: reading them is the page's purpose.
 */

/** `010-****-5678` (the last four digits). */
export function maskPhone(phone: string | undefined | null): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length < 8) return digits === '' ? '' : '****';
  return `${digits.slice(0, 3)}-****-${digits.slice(-4)}`;
}

/** `홍*동`, `김*`, `J**n`: first and last character of names of three or more characters. */
export function maskName(name: string | undefined | null): string {
  const chars = [...(name ?? '')];
  if (chars.length === 0) return '';
  if (chars.length <= 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string | number | undefined | null): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
