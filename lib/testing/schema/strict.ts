import type { ParsedQuery } from '../http/context';

/** The part of a derived JSON Schema that says which fields exist. */
interface FieldSchema {
  type?: string | string[];
  properties?: Record<string, FieldSchema>;
  items?: FieldSchema;
  oneOf?: FieldSchema[];
  anyOf?: FieldSchema[];
  allOf?: FieldSchema[];
}

/**
 * Strict mode (`PortOneEmulatorOptions.strict`): names the body fields and query parameters that PortOne's
 * spec does not declare. The spec never sets `additionalProperties: false`, so without this a typo such as a
 * list filter `status` (for `statuses`) is ignored and the request silently matches everything.
 */

/** Dotted paths of body fields the schema does not declare, e.g. `filter.status`. Objects without declared properties (free-form, like `bypass`) accept anything. */
export function unknownBodyFields(schema: object, body: unknown): string[] {
  const out: string[] = [];
  collect(schema, body, '', out);
  return out;
}

function collect(schema: FieldSchema, value: unknown, at: string, out: string[]): void {
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, i) => collect(schema.items!, item, `${at}[${i}]`, out));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const declared = declaredProperties(schema);
  if (!declared) return;
  for (const [name, child] of Object.entries(value)) {
    const path = at === '' ? name : `${at}.${name}`;
    const childSchemas = declared.get(name);
    if (!childSchemas) out.push(path);
    else for (const childSchema of childSchemas) collect(childSchema, child, path, out);
  }
}

/** Every property any branch of the schema declares (a union accepts the fields of all its members). */
function declaredProperties(schema: FieldSchema): Map<string, FieldSchema[]> | undefined {
  const branches = [schema, ...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])];
  let out: Map<string, FieldSchema[]> | undefined;
  for (const branch of branches) {
    if (!branch.properties) continue;
    out ??= new Map();
    for (const [name, child] of Object.entries(branch.properties)) {
      out.set(name, [...(out.get(name) ?? []), child]);
    }
  }
  return out;
}

/** Query parameter names the operation does not declare. */
export function unknownQueryParams(query: ParsedQuery, declared: readonly string[] = []): string[] {
  return Object.keys(query).filter(name => !declared.includes(name));
}

/** The 400 message strict mode answers with. */
export function strictMessage(
  unknownFields: readonly string[],
  unknownParams: readonly string[],
): string | undefined {
  const parts: string[] = [];
  if (unknownParams.length > 0) parts.push(`unknown query parameter(s): ${unknownParams.join(', ')}`);
  if (unknownFields.length > 0) parts.push(`unknown body field(s): ${unknownFields.join(', ')}`);
  return parts.length === 0 ? undefined : `Strict mode: ${parts.join('; ')}`;
}
