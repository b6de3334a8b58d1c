import { STATUS_CODES } from 'node:http';
import type { ApiName } from './context';

/**
 * The body an API sends for an error status the emulator itself produces outside a handler: a fault that
 * names a status but no body, an oversized request, an unexpected exception. V1 uses its envelope, V2 its
 * `{ type, message }` error, the control endpoints a bare message.
 */
export function defaultErrorBody(api: ApiName, status: number): unknown {
  const text = STATUS_CODES[status] ?? 'Error';
  if (api === 'emulator') return { message: text };
  if (api === 'v1') return { code: -1, message: text, response: null };
  return { type: v2TypeForStatus(status, text), message: text };
}

function v2TypeForStatus(status: number, text: string): string {
  switch (status) {
    case 400:
      return 'INVALID_REQUEST';
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    default:
      // No spec type covers infrastructure errors (429, 5xx from a gateway); clients must fall back on the HTTP
      // status for unknown types anyway, so use the status text in the spec's SCREAMING_SNAKE style.
      return text.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  }
}
