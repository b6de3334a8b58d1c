/**
 * Every field of model `T`, each of which the mapper must write (`undefined` when PortOne did not send it).
 * Mappers build this as an object literal, so a field added to a model and forgotten in its mapper is a
 * compile error ("Property 'x' is missing"), and a misspelt one is too ("Object literal may only specify
 * known properties").
 * @internal
 */
export type ModelFields<T> = { [K in keyof Required<T>]: T[K] | undefined };

/**
 * Copies the defined values onto a fresh model instance: a field PortOne did not send stays absent, and only
 * the model's own fields exist (a field PortOne adds later is ignored rather than leaking through untyped).
 * Copying explicitly, rather than with class-transformer's reflection, keeps a read's cost to the copies.
 * @internal
 */
export function fill<T extends object>(model: T, fields: ModelFields<T>): T {
  const target = model as Record<string, unknown>;
  for (const key in fields) {
    const value = fields[key];
    if (value !== undefined) target[key] = value;
  }
  return model;
}
