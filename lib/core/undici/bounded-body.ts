import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * Thrown (internally) when an answer crosses the size bound; the adapter reports it as an AxiosError with
 * the code `RESPONSE_TOO_LARGE` (see `tooLargeDetails`), which the error map turns into
 * `PortOneResponseTooLargeError`.
 * @internal
 */
export class ResponseTooLarge extends Error {
  constructor(readonly measured: 'received' | 'decompressed') {
    super(`response larger than the bound (${measured})`);
  }
}

/** The AxiosError code of an answer past `maxResponseBytes`. @internal */
export const RESPONSE_TOO_LARGE = 'ERR_PORTONE_RESPONSE_TOO_LARGE';

/** What an AxiosError with the code `RESPONSE_TOO_LARGE` carries. @internal */
export interface TooLargeDetails {
  readonly status: number;
  readonly limitBytes: number;
  readonly measured: 'received' | 'decompressed';
}

/**
 * Reads a response body into one Buffer, decompressing gzip, deflate and brotli on the way, and stops as
 * soon as more than `limit` bytes were received OR produced by decompression: the body stream is then
 * destroyed, which makes undici close the socket, and the promise rejects with `ResponseTooLarge`. So
 * neither a 200 MB body nor a 1 MB gzip bomb that inflates to 1 GB ever holds more than `limit` bytes.
 * @internal
 */
export function readBoundedBody(
  body: Readable,
  contentEncoding: string | undefined,
  contentLength: number | undefined,
  limit: number,
): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    if (contentLength !== undefined && contentLength > limit) {
      const error = new ResponseTooLarge('received');
      body.destroy(error);
      reject(error);
      return;
    }
    const decoder = createDecoder(contentEncoding);
    const chunks: Buffer[] = [];
    let received = 0;
    let kept = 0;
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      body.destroy(error);
      decoder?.destroy();
      reject(error);
    };
    const keep = (chunk: Buffer): void => {
      kept += chunk.length;
      if (kept > limit) return fail(new ResponseTooLarge(decoder ? 'decompressed' : 'received'));
      chunks.push(chunk);
    };
    const finish = (): void => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, kept));
    };

    body.on('data', (chunk: Buffer) => {
      if (settled) return;
      received += chunk.length;
      if (received > limit) return fail(new ResponseTooLarge('received'));
      if (decoder) decoder.write(chunk);
      else keep(chunk);
    });
    body.on('error', fail);
    if (decoder) {
      decoder.on('data', (chunk: Buffer) => !settled && keep(chunk));
      decoder.on('error', fail);
      decoder.on('end', finish);
      body.on('end', () => decoder.end());
    } else {
      body.on('end', finish);
    }
  });
}

/** The decoders axios's own adapter uses, with its lenient flush so a truncated stream still decodes. */
function createDecoder(
  contentEncoding: string | undefined,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  switch (contentEncoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip({
        flush: zlib.constants.Z_SYNC_FLUSH,
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
      });
    case 'deflate':
      // RFC 9110's `deflate` is the zlib format.
      return zlib.createInflate({
        flush: zlib.constants.Z_SYNC_FLUSH,
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
      });
    case 'br':
      return zlib.createBrotliDecompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      });
    default:
      return undefined; // identity, or an encoding we cannot decode: handed on as received, as axios does
  }
}
