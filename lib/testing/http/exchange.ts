/** One answered request, as `PortOneEmulatorOptions.onResponse` sees it. */
export interface EmulatorExchange {
  /** `v1`, `v2`, or `emulator` (control endpoints, the inspector page, unknown paths). */
  readonly api: 'v1' | 'v2' | 'emulator';
  /** Upper-case HTTP method. */
  readonly method: string;
  /** API-relative path without the query string. */
  readonly path: string;
  readonly status: number;
  /** The response's `content-type`. */
  readonly contentType: string;
  /** The response body exactly as sent. */
  readonly body: string;
  /** True when an injected fault wrote this answer instead of the API. */
  readonly injected: boolean;
}
