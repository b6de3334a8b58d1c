import { isLoopbackHost } from '../../core/loopback';
import { headerValue, type RequestContext } from '../http/context';
import type { Dispatcher } from '../http/pipeline';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guards every control route (`/emulator/*` and the inspector page), whoever adds them: the control API has
 * no authentication, and listening on 127.0.0.1 alone does not keep a browser out.
 *
 * - `Host` must be a loopback name (`localhost`, 127.0.0.0/8, `[::1]`): a foreign name is DNS rebinding, a
 *   page on another site that made its own name resolve to 127.0.0.1 to read the OTP inbox.
 * - `Origin`, when sent, must be this very origin (`http://<Host>`): a browser sends it on every cross-origin
 *   write, so a page elsewhere cannot reset the emulator or install faults. The inspector page's own buttons
 *   are same-origin; curl and test clients send no Origin.
 * - A write declares JSON or has no body: a `text/plain` POST is the one kind of cross-origin write a browser
 *   sends without asking first (no preflight).
 * @internal
 */
export function guardControl(dispatcher: Dispatcher): Dispatcher {
  return ctx => refusal(ctx) ?? dispatcher(ctx);
}

function refusal(ctx: RequestContext): { status: number; body: { message: string } } | undefined {
  const host = headerValue(ctx.headers, 'host');
  if (!host || !isLoopbackHost(hostName(host))) {
    return forbidden(
      'The emulator control API answers loopback host names only (localhost, 127.0.0.1, [::1])',
    );
  }
  const origin = headerValue(ctx.headers, 'origin');
  if (origin !== undefined && origin.toLowerCase() !== `http://${host.toLowerCase()}`) {
    return forbidden('The emulator control API refuses requests from another origin');
  }
  if (!READS.has(ctx.method) && !isJsonWrite(ctx)) {
    return {
      status: 415,
      body: { message: 'Control API writes must be JSON (content-type: application/json) or have no body' },
    };
  }
  return undefined;
}

function isJsonWrite(ctx: RequestContext): boolean {
  const type = headerValue(ctx.headers, 'content-type');
  if (type === undefined) return ctx.bodyKind === 'none';
  const mediaType = type.split(';', 1)[0].trim().toLowerCase();
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** `127.0.0.1:4010` -> `127.0.0.1`, `[::1]:4010` -> `[::1]`. */
function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
}

function forbidden(message: string): { status: number; body: { message: string } } {
  return { status: 403, body: { message } };
}
