import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpAdapterHost } from '@nestjs/core';
import { RawBodyUnavailableError, readStream } from './raw-body';
import { parseBodyText } from './parse-body';

type Next = (error?: unknown) => void;

/**
 * Makes V2 signatures checkable whatever body parser the app uses. When the app is built with
 * `NestFactory.create`, the HTTP adapter exists while providers are created, which is before Nest registers
 * its body parsers (in `app.init()`); an Express middleware added now runs first, keeps the exact bytes of
 * POSTs to the webhook route in `req.rawBody`, and parses the body so that later parsers skip the finished
 * stream. (A testing module creates the adapter later: there, `rawBody: true` or an unparsed stream is
 * needed, and a missing raw body is a clear 500.) Other adapters are left alone.
 * @internal
 */
export function installRawBodyCapture(adapterHost: HttpAdapterHost | undefined, path: string): boolean {
  const adapter = adapterHost?.httpAdapter;
  if (!adapter || adapter.getType() !== 'express') return false;
  const suffix = `/${path}`;
  adapter.use(
    (req: IncomingMessage & { rawBody?: Buffer; body?: unknown }, res: ServerResponse, next: Next) => {
      const pathname = (req.url ?? '').split('?')[0].replace(/\/+$/, '');
      // Any global prefix: match the end of the path.
      if (
        req.method !== 'POST' ||
        !(pathname === suffix || pathname.endsWith(suffix)) ||
        req.readableDidRead
      ) {
        next();
        return;
      }
      readStream(req).then(
        raw => {
          req.rawBody = raw;
          req.body = parseBodyText(req, raw) ?? {};
          next();
        },
        (error: unknown) => {
          if (error instanceof RawBodyUnavailableError) {
            res.statusCode = error.status;
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ ok: false, message: error.message }));
            return;
          }
          next(error);
        },
      );
    },
  );
  return true;
}
