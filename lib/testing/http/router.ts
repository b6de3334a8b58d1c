/**
 * A minimal method + path router. Patterns use `:name` segments (`/certifications/:imp_uid`). Routes are tried
 * in the order they were added, so literal routes that overlap a parameter route must be added first.
 */
export interface RouteMatch<R> {
  route: R;
  params: Record<string, string>;
}

interface CompiledRoute<R> {
  method: string;
  segments: readonly string[];
  route: R;
}

/** Routes one API's requests to route definitions of type `R`. */
export class Router<R> {
  private readonly routes: CompiledRoute<R>[] = [];

  /** Adds a route. `pattern` starts with `/`. */
  add(method: string, pattern: string, route: R): this {
    this.routes.push({ method: method.toUpperCase(), segments: pattern.split('/').slice(1), route });
    return this;
  }

  /** The first route matching method and path, or undefined. Path parameters are URL-decoded. */
  match(method: string, path: string): RouteMatch<R> | undefined {
    const parts = path.split('/').slice(1);
    for (const candidate of this.routes) {
      if (candidate.method !== method || candidate.segments.length !== parts.length) continue;
      const params = matchSegments(candidate.segments, parts);
      if (params) return { route: candidate.route, params };
    }
    return undefined;
  }
}

function matchSegments(
  segments: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const part = parts[i];
    if (segment.startsWith(':')) {
      if (part === '') return undefined;
      const decoded = safeDecode(part);
      if (decoded === undefined) return undefined;
      params[segment.slice(1)] = decoded;
    } else if (segment !== part) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
