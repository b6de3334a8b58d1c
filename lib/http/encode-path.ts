import { PortOneValidationError } from '../errors';
import { isSinglePathSegment } from '../validation/validate-input';

/**
 * Builds a path from a template literal, URL-encoding every interpolated value, so an id like `a/b?c` can
 * never change which endpoint is called. A value that would not stay one segment (`.`, `..`, empty) is
 * refused here as well, in case a caller forgot `validatePathParam`.
 * @internal
 */
export function encodePath(strings: TemplateStringsArray, ...values: readonly string[]): string {
  return strings.reduce((path, part, index) => {
    if (index >= values.length) return path + part;
    const value = values[index];
    if (value === '' || !isSinglePathSegment(value)) {
      throw new PortOneValidationError('path', [
        { field: 'path', rules: ['isSinglePathSegment'], messages: ['a path parameter must be one segment'] },
      ]);
    }
    return path + part + encodeURIComponent(value);
  }, '');
}
