import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { EmulatorExchange } from '../../lib/testing';
import responseSchemas from './response-schemas.json';

/**
 * Checks emulator responses against PortOne's official response schemas (derived into
 * response-schemas.json by scripts/derive-emulator-schemas.ts). Every answer is put in exactly one bucket:
 *
 * - `validated`: the operation declares a schema for this status and the body was checked against it;
 * - `envelopeOnly`: a V1 answer whose status the spec declares without a body schema, or does not declare
 *   (V1's spec documents statuses only partly and no error bodies): its body was checked against V1's
 *   `ResponseAnnotation` envelope, and the undeclared ones are listed in `undeclared`;
 * - `documentedOutsideSpec`: a V2 error type PortOne documents but leaves out of the operation's error union
 *   (`IDEMPOTENCY_OUTSTANDING_REQUEST`, 409, from the V2 overview), checked as `{ type, message }`;
 * - `outsideSpec`: no spec operation has this method and path (the emulator's 404 for unknown routes);
 * - `injected`: a test injected a fault that wrote this answer (deliberately not PortOne's shape);
 * - `violations`: the body broke the schema, or a V2 answer used a status its operation does not declare
 *   (V2's spec declares every status), listed with ajv's first error.
 *
 * Responses of the emulator's own endpoints (`/emulator/…`, the inspector page) are not PortOne's and are
 * not counted.
 */
export interface ConformanceTally {
  validated: number;
  envelopeOnly: number;
  documentedOutsideSpec: number;
  undeclared: Record<string, number>;
  outsideSpec: number;
  injected: number;
  byStatus: Record<string, number>;
  violations: string[];
}

interface Operation {
  method: string;
  pattern: RegExp;
  label: string;
  responses: Record<string, object | null>;
  compiled: Map<string, ValidateFunction>;
}

/** An empty tally. */
export function emptyTally(): ConformanceTally {
  return {
    validated: 0,
    envelopeOnly: 0,
    documentedOutsideSpec: 0,
    undeclared: {},
    outsideSpec: 0,
    injected: 0,
    byStatus: {},
    violations: [],
  };
}

/**
 * V2 error types PortOne documents outside the spec's error unions, with their status: the V2 overview
 * documents 409 IDEMPOTENCY_OUTSTANDING_REQUEST for a retry while the first request with the same
 * Idempotency-Key is still running, and no operation lists it.
 */
const DOCUMENTED_OUTSIDE_SPEC: Readonly<Record<string, string>> = { IDEMPOTENCY_OUTSTANDING_REQUEST: '409' };

/** The shape every V2 error shares: `{ type, message? }`. */
const PLAIN_ERROR = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string' }, message: { type: 'string' } },
};

function isDocumentedOutsideSpec(status: string, body: unknown): boolean {
  const type = (body as { type?: unknown } | null)?.type;
  return typeof type === 'string' && DOCUMENTED_OUTSIDE_SPEC[type] === status;
}

function createAjv(): Ajv {
  // ajv's strict mode checks how a schema is written, and PortOne's V1 definitions break two of its rules:
  // `properties` without `type: object`, and VbankDepositAnnotation requiring an undefined `reason`.
  const ajv = new Ajv({ allErrors: false, strict: false, allowUnionTypes: true });
  addFormats(ajv, ['date-time', 'date']);
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31,
  });
  return ajv;
}

/** `/a/{x}/{y}` -> `^/a/[^/]+/[^/]+$`; a segment of an optional path parameter may be left out. */
function templateToRegExp(template: string, optionalParams: readonly string[] = []): RegExp {
  const source = template
    .split('/')
    .slice(1)
    .map(segment => {
      const param = /^\{(.+)\}$/.exec(segment)?.[1];
      if (param === undefined) return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      return optionalParams.includes(param) ? '(?:/[^/]+)?' : '/[^/]+';
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** Validates exchanges and keeps the tally. Schemas compile lazily, once per checker. */
export class ResponseChecker {
  readonly tally = emptyTally();
  private readonly ajv = createAjv();
  private readonly operations: Record<'v1' | 'v2', Operation[]>;

  constructor() {
    type Listed = {
      method: string;
      path: string;
      operationId: string;
      optionalPathParams?: string[];
      responses: object;
    };
    const build = (list: Listed[]) =>
      // Literal paths before templated ones, so /certifications/otp/request never matches /certifications/{imp_uid}.
      list
        .map(op => ({
          method: op.method,
          pattern: templateToRegExp(op.path, op.optionalPathParams),
          label: `${op.method} ${op.path}`,
          responses: op.responses as Record<string, object | null>,
          compiled: new Map<string, ValidateFunction>(),
          params: (op.path.match(/\{/g) ?? []).length,
        }))
        .sort((a, b) => a.params - b.params);
    this.operations = { v1: build(responseSchemas.v1), v2: build(responseSchemas.v2) };
  }

  /** Puts one exchange in its bucket. */
  check(exchange: EmulatorExchange): void {
    if (exchange.api === 'emulator') return;
    const { tally } = this;
    if (exchange.injected) {
      tally.injected += 1;
      return;
    }
    const operation = this.operations[exchange.api].find(
      op => op.method === exchange.method && op.pattern.test(exchange.path),
    );
    if (!operation) {
      tally.outsideSpec += 1;
      return;
    }
    const status = String(exchange.status);
    const where = `${exchange.api} ${operation.label} ${status}`;
    tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
    let body: unknown;
    try {
      body = JSON.parse(exchange.body);
    } catch {
      tally.violations.push(`${where}: body is not JSON`);
      return;
    }
    const declared = status in operation.responses;
    const schema = operation.responses[status] ?? null;
    if (exchange.api === 'v1' && schema === null) {
      if (!declared) tally.undeclared[where] = (tally.undeclared[where] ?? 0) + 1;
      tally.envelopeOnly += 1;
      this.validate(this.v1Envelope, 'v1Envelope', body, where);
      return;
    }
    if (isDocumentedOutsideSpec(status, body)) {
      tally.documentedOutsideSpec += 1;
      this.validate(this.plainError, 'plainError', body, where);
      return;
    }
    if (!declared || schema === null) {
      tally.violations.push(`${where}: status not declared by the operation`);
      return;
    }
    let validate = operation.compiled.get(status);
    if (!validate) {
      validate = this.ajv.compile(schema);
      operation.compiled.set(status, validate);
    }
    tally.validated += 1;
    this.check1(validate, body, where);
  }

  private readonly shared = new Map<string, ValidateFunction>();

  private get v1Envelope(): object {
    return responseSchemas.v1Envelope;
  }

  private get plainError(): object {
    return PLAIN_ERROR;
  }

  private validate(schema: object, key: string, body: unknown, where: string): void {
    let validate = this.shared.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.shared.set(key, validate);
    }
    this.check1(validate, body, where);
  }

  private check1(validate: ValidateFunction, body: unknown, where: string): void {
    if (validate(body)) return;
    const error = validate.errors?.[0];
    this.tally.violations.push(
      `${where}: ${error?.instancePath || '(root)'} ${error?.message ?? 'is invalid'}`,
    );
  }
}

/** Adds `other` into `into`. */
export function addTally(into: ConformanceTally, other: ConformanceTally): void {
  into.validated += other.validated;
  into.envelopeOnly += other.envelopeOnly;
  into.documentedOutsideSpec += other.documentedOutsideSpec;
  into.outsideSpec += other.outsideSpec;
  into.injected += other.injected;
  for (const [key, n] of Object.entries(other.undeclared))
    into.undeclared[key] = (into.undeclared[key] ?? 0) + n;
  for (const [key, n] of Object.entries(other.byStatus)) into.byStatus[key] = (into.byStatus[key] ?? 0) + n;
  into.violations.push(...other.violations);
}
