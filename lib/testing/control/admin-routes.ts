import type { EmulatorFault } from '../http/faults';
import type { Router } from '../http/router';
import type { EmulatorState } from '../state';
import { seedIdentityVerification } from '../v2/seed';
import type { SeedIdentityVerification } from '../v2/types';
import { clockView } from './time-and-webhook-routes';

/** What a control route answers. */
export interface ControlAnswer {
  status: number;
  body: unknown;
  /** Already-serialised body (the inspector's HTML) sent instead of `body` as JSON. */
  payload?: string;
  headers?: Record<string, string>;
}

/** A control route: path parameters, the emulator state and the parsed JSON body. */
export type ControlRoute = (
  params: Record<string, string>,
  state: EmulatorState,
  body: unknown,
) => ControlAnswer | Promise<ControlAnswer>;

const ok = (body: unknown = { ok: true }): ControlAnswer => ({ status: 200, body });
const badRequest = (message: string): ControlAnswer => ({ status: 400, body: { message } });

/** Runs a state change that throws on bad input, answering 400 with its message. */
function attempt(change: () => unknown): ControlAnswer {
  try {
    return ok(change() ?? { ok: true });
  } catch (error) {
    return badRequest(error instanceof Error ? error.message : String(error));
  }
}

function objectBody(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/**
 * A fault from JSON: `path` is an exact path, or `pathPattern` a regular expression tested against it (JSON
 * has no RegExp); `times: null` means every matching request.
 */
function faultFromJson(body: unknown): EmulatorFault {
  const { pathPattern, times, ...rest } = objectBody(body);
  const fault = { ...rest } as unknown as EmulatorFault;
  if (typeof pathPattern === 'string') fault.path = new RegExp(pathPattern);
  else if (typeof fault.path !== 'string')
    throw new Error('a fault needs a path (exact) or a pathPattern (regular expression)');
  if (times === null) fault.times = Infinity;
  else if (times !== undefined) fault.times = times as number;
  return fault;
}

/**
 * The control API over HTTP, for a test or tool in another process (the standalone command) doing what
 * in-process tests do with the `PortOneEmulator` methods. Everything is JSON; nothing is authenticated: the
 * emulator listens on 127.0.0.1 only. See the README's "Control API" table.
 */
export function addAdminRoutes(router: Router<ControlRoute>): void {
  router
    .add('GET', '/otps', (_params, state) => ok({ items: state.otps.recent() }))
    .add('POST', '/tokens/expire', (_params, state) => attempt(() => state.expireTokens()))
    .add('GET', '/clock', (_params, state) => ok(clockView(state)))
    .add('PUT', '/clock', (_params, state, body) => {
      const { skewSeconds } = objectBody(body);
      if (typeof skewSeconds !== 'number') return badRequest('skewSeconds must be a number');
      return attempt(() => {
        state.clock.setSkewSeconds(skewSeconds);
        return clockView(state);
      });
    })
    .add('POST', '/faults', (_params, state, body) => attempt(() => state.faults.inject(faultFromJson(body))))
    .add('DELETE', '/faults', (_params, state) => attempt(() => state.faults.clear()))
    .add('POST', '/pg-error', (_params, state, body) => {
      const { pgCode, pgMessage } = objectBody(body);
      if (typeof pgCode !== 'string' || typeof pgMessage !== 'string') {
        return badRequest('pgCode and pgMessage must be strings');
      }
      return attempt(() => state.pgError.set({ pgCode, pgMessage }));
    })
    .add('POST', '/identity-verifications', (_params, state, body) =>
      attempt(() => {
        const seed = seedFromJson(body);
        return seedIdentityVerification(state.withStore(seed.storeId), seed);
      }),
    )
    .add('POST', '/cvs/:imp_uid/expire', ({ imp_uid }, state) =>
      attempt(() => state.expireCvsPayment(imp_uid)),
    )
    .add('POST', '/reset', (_params, state) => attempt(() => state.reset()));
}

function seedFromJson(body: unknown): SeedIdentityVerification {
  const seed = objectBody(body) as unknown as SeedIdentityVerification & { requestedAt?: string | Date };
  if (typeof seed.id !== 'string' || seed.id === '') throw new Error('id must be a non-empty string');
  return seed.requestedAt === undefined ? seed : { ...seed, requestedAt: new Date(seed.requestedAt) };
}
