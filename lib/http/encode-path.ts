/**
 * Builds a path from a template literal, URL-encoding every interpolated value, so an id like `a/b?c` can
 * never change which endpoint is called.
 * @internal
 */
export function encodePath(strings: TemplateStringsArray, ...values: readonly string[]): string {
  return strings.reduce(
    (path, part, index) => path + part + (index < values.length ? encodeURIComponent(values[index]) : ''),
    '',
  );
}
