import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Accepts a string or a plain object. Used for PortOne fields that travel as JSON strings (`bypass`,
 * `custom_data`): callers may pass the object and the module serialises it.
 * @internal
 */
export function IsStringOrObject(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringOrObject',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value)),
        defaultMessage: args => `${args?.property ?? 'value'} must be a string or an object`,
      },
    },
    options,
  );
}
