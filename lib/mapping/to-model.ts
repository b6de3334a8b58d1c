import { plainToInstance, type ClassConstructor } from 'class-transformer';

/**
 * Builds a response model from PortOne's JSON. Only fields the model declares (`@Expose`) are kept, so a
 * field PortOne adds later is ignored rather than leaking through untyped; a missing one is `undefined`.
 * @internal
 */
export function toModel<T>(model: ClassConstructor<T>, raw: unknown): T {
  return plainToInstance(model, raw ?? {}, { excludeExtraneousValues: true });
}
