import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isJsonObject } from '../mapping/json-readers';

/**
 * Accepts a string or a plain object that JSON can encode. Used for PortOne fields that travel as JSON
 * strings (`bypass`, `custom_data`): callers may pass the object and the module serialises it. An object
 * JSON cannot encode (a BigInt inside, a `toJSON` that throws, a cycle) is a validation error here, not a
 * raw TypeError when the request is built.
 * @internal
 */
export function IsStringOrObject(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringOrObject',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' || (isJsonObject(value) && isJsonEncodable(value)),
        defaultMessage: args =>
          `${args?.property ?? 'value'} must be a string or an object that JSON can encode`,
      },
    },
    options,
  );
}

/**
 * Accepts a plain object that JSON can encode (see `IsStringOrObject`).
 * @internal
 */
export function IsJsonObject(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isJsonObject',
      validator: {
        validate: (value: unknown) => isJsonObject(value) && isJsonEncodable(value),
        defaultMessage: args => `${args?.property ?? 'value'} must be an object that JSON can encode`,
      },
    },
    options,
  );
}

function isJsonEncodable(value: object): boolean {
  try {
    return typeof JSON.stringify(value) === 'string';
  } catch {
    return false;
  }
}
