import type { AxiosInstance, InternalAxiosRequestConfig } from 'axios';

/** Where one request goes, split the way undici takes it. @internal */
export interface RequestTarget {
  readonly origin: string;
  readonly hostname: string;
  /** Path and query string. */
  readonly path: string;
}

/**
 * The request URL exactly as axios's own adapters build it (`buildFullPath` + `buildURL`), with a fast path
 * for what the module sends: a path under the base URL, flat string (or number/boolean) parameters and no
 * custom serializer. Anything else (arrays, objects, dates, a `paramsSerializer`) is handed to the
 * instance's `getUri`, so axios's serializer semantics hold for every shape without being re-implemented.
 * @internal
 */
export function requestTarget(config: InternalAxiosRequestConfig, instance: AxiosInstance): RequestTarget {
  const params = config.params as Record<string, unknown> | undefined;
  let url: string;
  if (config.paramsSerializer || (params !== undefined && !isFlat(params))) {
    url = instance.getUri(config);
  } else {
    url = fullPath(config);
    const query = params === undefined ? '' : serializeFlat(params);
    if (query !== '') {
      const hash = url.indexOf('#');
      if (hash !== -1) url = url.slice(0, hash);
      url += (url.includes('?') ? '&' : '?') + query;
    }
  }
  // The base URL's origin is parsed once. A URL elsewhere, or whose path WHATWG URL parsing would change
  // (dot segments, characters to escape, a fragment), takes the full parse, as axios's adapter does.
  const base = config.baseURL ? originOf(config.baseURL) : undefined;
  if (base && url.startsWith(base.origin) && url.charCodeAt(base.origin.length) === 47 /* / */) {
    const path = url.slice(base.origin.length);
    if (!NEEDS_URL_PARSING.test(path)) return { origin: base.origin, hostname: base.hostname, path };
  }
  const parsed = new URL(url);
  return { origin: parsed.origin, hostname: parsed.hostname, path: parsed.pathname + parsed.search };
}

const NEEDS_URL_PARSING = /[^\x21-\x7e]|\/\.|%2e|#|\\/i;

const origins = new Map<string, { origin: string; hostname: string }>();

function originOf(baseURL: string): { origin: string; hostname: string } {
  let known = origins.get(baseURL);
  if (!known) {
    const { origin, hostname } = new URL(baseURL);
    known = { origin, hostname };
    if (origins.size < 100) origins.set(baseURL, known);
  }
  return known;
}

/** axios's `buildFullPath`: the base URL unless the URL is absolute (and absolute URLs are allowed). */
function fullPath(config: InternalAxiosRequestConfig): string {
  const url = config.url ?? '';
  const isAbsolute = /^([a-z][a-z\d+\-.]*:)?\/\//i.test(url);
  const base = config.baseURL;
  if (!base || (isAbsolute && config.allowAbsoluteUrls !== false)) return url;
  if (!url) return base;
  let end = base.length;
  while (end > 0 && base.charCodeAt(end - 1) === 47 /* / */) end--;
  return `${base.slice(0, end)}/${url.replace(/^\/+/, '')}`;
}

function isFlat(params: Record<string, unknown>): boolean {
  if (Object.getPrototypeOf(params) !== Object.prototype) return false;
  for (const key in params) {
    const value = params[key];
    const type = typeof value;
    if (
      value !== null &&
      value !== undefined &&
      type !== 'string' &&
      type !== 'number' &&
      type !== 'boolean'
    ) {
      return false;
    }
  }
  return true;
}

/**
 * axios's default serializer on flat values: null/undefined skipped, then axios's `encode` (numbers and
 * booleans print as JSON does).
 */
function serializeFlat(params: Record<string, unknown>): string {
  let query = '';
  for (const key in params) {
    const value = params[key];
    if (value === null || value === undefined) continue;
    query += `${query === '' ? '' : '&'}${encode(key)}=${encode(typeof value === 'string' ? value : JSON.stringify(value))}`;
  }
  return query;
}

/** axios's `encode`: encodeURIComponent, then `:`, `$`, `,` left readable and spaces as `+`. */
function encode(value: string): string {
  return encodeURIComponent(value)
    .replace(/%3A/gi, ':')
    .replace(/%24/g, '$')
    .replace(/%2C/gi, ',')
    .replace(/%20/g, '+');
}
