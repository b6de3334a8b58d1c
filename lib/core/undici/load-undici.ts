import type * as Undici from 'undici';

let undici: typeof Undici | undefined;

/**
 * undici, loaded on the first request instead of at import: requiring it costs tens of milliseconds and
 * ~19 MiB of resident memory, which an app that never calls PortOne (or a CLI that imports the app module)
 * should not pay at boot.
 * @internal
 */
export function loadUndici(): typeof Undici {
  // A plain require keeps the load synchronous and works under CommonJS test runners too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  undici ??= require('undici') as typeof Undici;
  return undici;
}
