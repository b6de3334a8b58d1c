import { gzipSync, deflateSync, brotliCompressSync } from 'node:zlib';
import { AxiosError, isCancel } from 'axios';
import { createAxiosInstance, type OwnedAxiosInstance } from '../../lib/core/axios-instance';
import { readRequestBody, ScriptedServer } from '../support/scripted-server';

/**
 * The undici adapter as an axios adapter: what goes on the wire and what comes back, against a node:http
 * server that echoes the request it received.
 */
describe('undici adapter under the module axios instance', () => {
  let server: ScriptedServer;
  let owned: OwnedAxiosInstance;

  beforeAll(async () => {
    server = await ScriptedServer.startRaw((req, res) => {
      void readRequestBody(req).then(body => {
        const url = new URL(req.url!, 'http://x');
        if (url.pathname === '/base/encoded') {
          const json = Buffer.from(JSON.stringify({ ok: '압축된 응답' }));
          const encoding = url.searchParams.get('as')!;
          const encoded =
            encoding === 'gzip'
              ? gzipSync(json)
              : encoding === 'br'
                ? brotliCompressSync(json)
                : deflateSync(json);
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
          res.end(encoded);
          return;
        }
        if (url.pathname === '/base/status') {
          res.writeHead(Number(url.searchParams.get('code')), { 'content-type': 'application/json' });
          res.end('{"type":"NOPE"}');
          return;
        }
        if (url.pathname === '/base/bom') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('\uFEFF{"bom":true}');
          return;
        }
        res.writeHead(200, [
          ['content-type', 'application/json'],
          ['x-request-id', 'req-1'],
          ['set-cookie', 'a=1'],
          ['set-cookie', 'b=2'],
        ]);
        res.end(JSON.stringify({ method: req.method, url: req.url, rawHeaders: req.rawHeaders, body }));
      });
    });
    owned = createAxiosInstance({
      baseURL: `${server.baseUrl}/base/`,
      timeoutMs: 5_000,
      maxSockets: 4,
      maxResponseBytes: 1024 * 1024,
    });
  });
  afterAll(async () => {
    await owned.destroy();
    await server.close();
  });

  interface Echo {
    method: string;
    url: string;
    rawHeaders: string[];
    body: string;
  }
  const headerValues = (echo: Echo, name: string) =>
    echo.rawHeaders.filter((_, i) => i % 2 === 0 && echo.rawHeaders[i].toLowerCase() === name).length === 0
      ? []
      : echo.rawHeaders.flatMap((value, i) =>
          i % 2 === 1 && echo.rawHeaders[i - 1].toLowerCase() === name ? [value] : [],
        );

  it('sends method, the base URL joined with the path, and params serialised exactly as axios does', async () => {
    const params = {
      storeId: 'store-id with space:colon,comma$dollar',
      requestBody: JSON.stringify({ filter: { name: '홍길동' }, page: { size: 20 } }),
      skipped: undefined,
      nothing: null,
      count: 3,
      flag: true,
    };
    const config = { url: '/echo/a%2Fb', params };
    const { data } = await owned.axios.get<Echo>('/echo/a%2Fb', { params });
    expect(data.method).toBe('GET');
    expect(`${server.baseUrl}${data.url}`).toBe(owned.axios.getUri(config));
    expect(
      data.url.startsWith('/base/echo/a%2Fb?storeId=store-id+with+space:colon,comma$dollar&requestBody='),
    ).toBe(true);
  });

  it('hands params that are not flat (arrays, objects) and custom serialisers to axios, unchanged', async () => {
    const params = { statuses: ['READY', 'VERIFIED'], filter: { a: 1 } };
    const { data } = await owned.axios.get<Echo>('/echo', { params });
    expect(`${server.baseUrl}${data.url}`).toBe(owned.axios.getUri({ url: '/echo', params }));
    const custom = await owned.axios.get<Echo>('/echo', {
      params: { x: 1 },
      paramsSerializer: () => 'custom=yes',
    });
    expect(custom.data.url).toBe('/base/echo?custom=yes');
  });

  it('sends JSON bodies, the instance headers, and every value of a multi-valued header', async () => {
    const { data } = await owned.axios.post<Echo>(
      '/echo',
      { name: '홍길동', amount: 1000 },
      { headers: { 'X-Multi': ['one', 'two'], 'X-Dropped': false as unknown as string } },
    );
    expect(data.method).toBe('POST');
    expect(JSON.parse(data.body)).toEqual({ name: '홍길동', amount: 1000 });
    expect(headerValues(data, 'content-type')).toEqual(['application/json']);
    expect(headerValues(data, 'content-length')).toEqual([String(Buffer.byteLength(data.body))]);
    expect(headerValues(data, 'accept')).toEqual(['application/json']);
    expect(headerValues(data, 'x-multi')).toEqual(['one', 'two']);
    expect(headerValues(data, 'x-dropped')).toEqual([]);
  });

  it('returns status, parsed JSON and response headers (multi-valued ones as arrays)', async () => {
    const response = await owned.axios.get<Echo>('/echo');
    expect(response.status).toBe(200);
    expect(response.statusText).toBe('OK');
    expect(response.headers['x-request-id']).toBe('req-1');
    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(typeof response.data).toBe('object');
  });

  it.each(['gzip', 'deflate', 'br'])('decompresses %s bodies', async encoding => {
    const response = await owned.axios.get('/encoded', { params: { as: encoding } });
    expect(response.data).toEqual({ ok: '압축된 응답' });
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('strips a UTF-8 BOM before JSON parsing, as axios does', async () => {
    await expect(owned.axios.get('/bom')).resolves.toMatchObject({ data: { bom: true } });
  });

  it('applies validateStatus: 4xx and 5xx reject as AxiosError with the response, a custom rule can accept them', async () => {
    const error = await owned.axios.get('/status', { params: { code: 404 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    expect(error).toMatchObject({
      code: 'ERR_BAD_REQUEST',
      response: { status: 404, data: { type: 'NOPE' } },
    });
    const fiveHundred = await owned.axios.get('/status', { params: { code: 503 } }).catch((e: unknown) => e);
    expect(fiveHundred).toMatchObject({ code: 'ERR_BAD_RESPONSE', response: { status: 503 } });
    const accepted = await owned.axios.get('/status', { params: { code: 404 }, validateStatus: () => true });
    expect(accepted.status).toBe(404);
  });

  it('returns a Buffer for responseType arraybuffer', async () => {
    const response = await owned.axios.get<Buffer>('/bom', { responseType: 'arraybuffer' });
    expect(Buffer.isBuffer(response.data)).toBe(true);
    expect(response.data.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('an already aborted signal rejects with a CanceledError and sends nothing', async () => {
    const before = server.accepted;
    const controller = new AbortController();
    controller.abort();
    const error = await owned.axios.get('/echo', { signal: controller.signal }).catch((e: unknown) => e);
    expect(isCancel(error)).toBe(true);
    expect(server.accepted).toBe(before);
  });

  it('refused connections reject with ECONNREFUSED', async () => {
    const closed = await ScriptedServer.startRaw(() => undefined);
    const origin = closed.baseUrl;
    await closed.close();
    const error = await owned.axios.get(`${origin}/x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('unresolvable host names reject with ENOTFOUND', async () => {
    const error = await owned.axios.get('https://api.portone.invalid/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });

  it('a connection dropped before the answer rejects with ECONNRESET', async () => {
    const dropping = await ScriptedServer.startRaw(req => req.socket.destroy());
    try {
      const error = await owned.axios.get(`${dropping.baseUrl}/x`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AxiosError);
      expect(error).toMatchObject({ code: 'ECONNRESET' });
    } finally {
      await dropping.close();
    }
  });

  it('keeps sockets alive between calls and opens no more than maxSockets', async () => {
    const before = server.accepted;
    await Promise.all(Array.from({ length: 40 }, () => owned.axios.get('/echo')));
    await Promise.all(Array.from({ length: 40 }, () => owned.axios.get('/echo')));
    expect(server.accepted - before).toBeLessThanOrEqual(4);
  });
});
