/**
 * Runner-neutral stand-ins for `jest.fn` / `jest.spyOn`. The suite runs under jest (NestJS 11) and under
 * Vitest (NestJS 12, compat/nestjs12); neither runner's mock global exists in the other, so tests record
 * calls with these instead.
 */

/** A function that remembers the arguments of every call. */
export type Recorder<A extends unknown[], R> = ((...args: A) => R) & { readonly calls: A[] };

/** Wraps `impl` so that every call's arguments are kept in `.calls`. */
export function recorder<A extends unknown[], R>(impl: (...args: A) => R): Recorder<A, R> {
  const calls: A[] = [];
  const record = (...args: A): R => {
    calls.push(args);
    return impl(...args);
  };
  return Object.assign(record, { calls });
}

type Method = (...args: never[]) => unknown;
type MethodKeys<T> = { [K in keyof T]: T[K] extends Method ? K : never }[keyof T];

/** A replaced method: the arguments of every call, and `restore()` to put the original back. */
export interface Spy<A extends unknown[]> {
  readonly calls: A[];
  restore(): void;
}

/**
 * Replaces `target[name]` with `impl` (default: do nothing) and records the calls. Always `restore()` in a
 * `finally` or `afterEach`, as with `jest.spyOn(...).mockRestore()`.
 */
export function spyOn<T extends object, K extends MethodKeys<T>>(
  target: T,
  name: K,
  impl?: T[K],
): Spy<T[K] extends (...args: infer A) => unknown ? A : never> {
  type Args = T[K] extends (...args: infer A) => unknown ? A : never;
  const hadOwn = Object.prototype.hasOwnProperty.call(target, name);
  const original = target[name];
  const calls: Args[] = [];
  const replacement = function (this: unknown, ...args: Args): unknown {
    calls.push(args);
    return impl === undefined ? undefined : (impl as (...a: unknown[]) => unknown).apply(this, args);
  };
  (target as Record<K, unknown>)[name] = replacement;
  return {
    calls,
    restore() {
      if (hadOwn) (target as Record<K, unknown>)[name] = original;
      else delete (target as Record<K, unknown>)[name];
    },
  };
}
