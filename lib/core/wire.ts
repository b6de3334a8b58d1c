/**
 * JSON-encodes an object for PortOne fields that travel as JSON strings (`bypass`, `custom_data`,
 * `customData`); strings pass through unchanged.
 * @internal
 */
export function toJsonString(value: string | object | undefined): string | undefined {
  return value === undefined || typeof value === 'string' ? value : JSON.stringify(value);
}
