import type { ClassConstructor } from 'class-transformer';
import { isSensitiveField } from '../redaction';

/**
 * Whether an operation may be sent again without doing anything twice:
 * - `natural`: it changes nothing (a GET); transient failures are retried;
 * - `key`: a V2 call that changes state; it carries an `Idempotency-Key` reused by every retry, so PortOne
 *   performs it at most once; transient failures are retried;
 * - `none`: it changes state and PortOne cannot de-duplicate it (V1 has no idempotency); never retried.
 * @internal
 */
export type Idempotency = 'natural' | 'key' | 'none';

/** What the client resolved for this call before building it. @internal */
export interface CallScope {
  /** V2: the input's `storeId`, else the module's `v2.storeId`, else undefined (the API secret's store). */
  readonly storeId?: string;
}

/** `'/a/{x}/b/{y}'` -> `'x' | 'y'`. @internal */
export type PathParamName<TPath extends string> = TPath extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamName<Rest>
  : never;

/** The path parameters of an operation, as the service passes them. @internal */
export type PathParams<TPath extends string> = { readonly [Name in PathParamName<TPath>]: string };

/**
 * One PortOne endpoint, declared once, next to its DTOs and models. Everything a call needs that is not
 * the caller's input: the services pass their arguments through and `PortOneClient.call` does the rest.
 * @internal
 */
export interface OperationSpec<TPath extends string, TInput, TResult> {
  readonly api: 'v1' | 'v2';
  /** The public method, e.g. `IdentityVerificationService.send`: named in messages and seen by observers. */
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Path template; every `{name}` is validated (`validatePathParam`) and URL-encoded by the client. */
  readonly path: TPath;
  readonly idempotency: Idempotency;
  /** The class-validator DTO the input is checked against before anything is sent. */
  readonly input?: ClassConstructor<TInput>;
  /** The query string, from the validated input. */
  readonly query?: (input: TInput, scope: CallScope) => Readonly<Record<string, string | undefined>>;
  /** The JSON body, from the validated input (V1: snake_case). */
  readonly body?: (input: TInput, scope: CallScope) => unknown;
  /**
   * Dotted paths of input fields holding personal data or secrets: their values are scrubbed out of anything
   * PortOne writes back (error messages may echo what was sent).
   */
  readonly sensitive?: readonly string[];
  /** Builds the answer's model from the payload. Without it the call resolves to undefined. */
  readonly map?: (payload: unknown) => TResult;
}

/** A declared operation, with its path template parsed once. @internal */
export interface Operation<TPath extends string, TInput, TResult> extends OperationSpec<
  TPath,
  TInput,
  TResult
> {
  /** The template split at its parameters: literal, name, literal, name, …, literal. */
  readonly pathParts: readonly string[];
  /** The path with every parameter as `{id}`: what telemetry records (never a value). */
  readonly urlTemplate: string;
  /** `sensitive`, each split at its dots. */
  readonly sensitivePaths: readonly (readonly string[])[];
}

/**
 * Declares an operation. Checked when the module loads: every `sensitive` field must be one the redaction
 * module treats as sensitive, so a declaration can never silently scrub nothing.
 * @internal
 */
export function defineOperation<TPath extends string, TInput = undefined, TResult = void>(
  spec: OperationSpec<TPath, TInput, TResult>,
): Operation<TPath, TInput, TResult> {
  const sensitivePaths = (spec.sensitive ?? []).map(path => path.split('.'));
  for (const path of sensitivePaths) {
    const field = path[path.length - 1];
    if (!isSensitiveField(field)) throw new Error(`${spec.name}: ${field} is not a sensitive field name`);
  }
  return {
    ...spec,
    pathParts: spec.path.split(/[{}]/),
    urlTemplate: spec.path.replace(/\{[^}]*\}/g, '{id}'),
    sensitivePaths,
  };
}
