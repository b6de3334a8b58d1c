import { PortOneValidationError } from '../errors';
import { isSinglePathSegment } from '../validation/validate-input';

/**
 * A path whose parameters were URL-encoded, with its template (each parameter as `{id}`) kept beside it so
 * telemetry can name the endpoint without ever recording a parameter's value.
 * @internal
 */
export class EncodedPath {
  constructor(
    readonly path: string,
    readonly template: string,
  ) {}

  toString(): string {
    return this.path;
  }
}

/**
 * Builds a path from a template literal, URL-encoding every interpolated value, so an id like `a/b?c` can
 * never change which endpoint is called. A value that would not stay one segment (`.`, `..`, empty) is
 * refused here as well, in case a caller forgot `validatePathParam`.
 * @internal
 */
export function encodePath(strings: TemplateStringsArray, ...values: readonly string[]): EncodedPath {
  const path = strings.reduce((built, part, index) => {
    if (index >= values.length) return built + part;
    const value = values[index];
    if (value === '' || !isSinglePathSegment(value)) {
      throw new PortOneValidationError('path', [
        { field: 'path', rules: ['isSinglePathSegment'], messages: ['a path parameter must be one segment'] },
      ]);
    }
    return built + part + encodeURIComponent(value);
  }, '');
  return new EncodedPath(path, strings.join('{id}'));
}
