import { parseBody, parseForm, splitApi, splitUrl } from '../../lib/testing/http/body';
import { parseIdempotencyKey } from '../../lib/testing/http/idempotency';
import { Router } from '../../lib/testing/http/router';
import { fakeCi, fakeDi, parseBirth } from '../../lib/testing/person';
import { describe as describeError } from '../../lib/testing/schema/validator';

describe('emulator building blocks', () => {
  it('parses Idempotency-Key in the RFC 8941 quoted form and the bare form', () => {
    expect(parseIdempotencyKey('"abcdefghijklmnop"')).toEqual({ ok: true, key: 'abcdefghijklmnop' });
    expect(parseIdempotencyKey('abcdefghijklmnop')).toEqual({ ok: true, key: 'abcdefghijklmnop' });
    expect(parseIdempotencyKey('"abc\\"defghijklmnop"')).toEqual({ ok: true, key: 'abc"defghijklmnop' });
    expect(parseIdempotencyKey('short').ok).toBe(false);
    expect(parseIdempotencyKey('x'.repeat(257)).ok).toBe(false);
    expect(parseIdempotencyKey('x'.repeat(256)).ok).toBe(true);
    expect(parseIdempotencyKey('"has space in the key"').ok).toBe(false);
    expect(parseIdempotencyKey('"unterminated-key-value').ok).toBe(false);
    expect(parseIdempotencyKey('한글한글한글한글한글한글한글한글').ok).toBe(false);
  });

  it('validates birth dates against the calendar and the century digit', () => {
    expect(parseBirth('900101', '1')).toEqual({ year: 1990, month: 1, day: 1 });
    expect(parseBirth('040229', '3')).toEqual({ year: 2004, month: 2, day: 29 });
    expect(parseBirth('000229', '3')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseBirth('010229', '3')).toBeUndefined();
    expect(parseBirth('901301', '1')).toBeUndefined();
    expect(parseBirth('900100', '1')).toBeUndefined();
    expect(parseBirth('900101', '9')).toBeUndefined();
    expect(parseBirth('19900101', '1')).toBeUndefined();
  });

  it('derives a deterministic 88-char CI and a per-site 64-char DI', () => {
    const birth = { year: 1990, month: 1, day: 1 };
    const ci = fakeCi('홍길동', birth, '1');
    expect(ci).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(fakeCi('홍길동', birth, '1')).toBe(ci);
    expect(fakeCi('홍길순', birth, '1')).not.toBe(ci);
    expect(fakeDi(ci, 'a')).toMatch(/^[0-9a-f]{64}$/);
    expect(fakeDi(ci, 'a')).not.toBe(fakeDi(ci, 'b'));
  });

  it('parses bodies by content type', () => {
    expect(parseBody(Buffer.from('{"a":1}'), 'application/json; charset=utf-8')).toEqual({
      kind: 'json',
      value: { a: 1 },
    });
    expect(parseBody(Buffer.from('{"a":1}'), 'text/plain;charset=UTF-8')).toEqual({
      kind: 'json',
      value: { a: 1 },
    });
    expect(parseBody(Buffer.from('{"a":'), 'application/json')).toEqual({
      kind: 'invalid-json',
      value: '{"a":',
    });
    expect(parseBody(Buffer.from('a=1&b=2&b=3&c[]=4'), 'application/x-www-form-urlencoded')).toEqual({
      kind: 'form',
      value: { a: '1', b: ['2', '3'], c: ['4'] },
    });
    expect(parseBody(Buffer.from('hello'), 'text/plain')).toEqual({ kind: 'raw', value: 'hello' });
    expect(parseBody(Buffer.alloc(0), 'application/json')).toEqual({ kind: 'none', value: undefined });
    expect(parseForm('x=%ED%95%9C')).toEqual({ x: '한' });
  });

  it('splits URLs into API, API-relative path and query', () => {
    expect(splitUrl('/v1/cvs?x=1&x=2')).toEqual({ pathname: '/v1/cvs', query: { x: ['1', '2'] } });
    expect(splitApi('/v1/users/getToken')).toEqual({ api: 'v1', path: '/users/getToken', known: true });
    expect(splitApi('/v2/identity-verifications')).toEqual({
      api: 'v2',
      path: '/identity-verifications',
      known: true,
    });
    expect(splitApi('/emulator/otp/x')).toEqual({ api: 'emulator', path: '/otp/x', known: true });
    expect(splitApi('/v10/x')).toEqual({ api: 'emulator', path: '/v10/x', known: false });
  });

  it('routes by method and path and decodes parameters', () => {
    const router = new Router<string>().add('GET', '/a/:id', 'get').add('POST', '/a/:id/send', 'send');
    expect(router.match('GET', '/a/x%2Fy')).toEqual({ route: 'get', params: { id: 'x/y' } });
    expect(router.match('POST', '/a/1/send')).toEqual({ route: 'send', params: { id: '1' } });
    expect(router.match('POST', '/a/1')).toBeUndefined();
    expect(router.match('GET', '/a/')).toBeUndefined();
    expect(router.match('GET', '/a/%E0%A4%A')).toBeUndefined();
  });

  it('describes schema errors by field and rule', () => {
    expect(describeError(undefined)).toBe('Invalid request body');
    expect(
      describeError([
        { keyword: 'type', instancePath: '/page/size', schemaPath: '', params: { type: 'integer' } },
      ]),
    ).toBe('page.size must be of type integer');
    expect(
      describeError([
        {
          keyword: 'enum',
          instancePath: '/carrier',
          schemaPath: '',
          params: { allowedValues: ['SKT', 'KT'] },
        },
      ]),
    ).toBe('carrier must be one of the allowed values: SKT, KT');
    expect(
      describeError([
        { keyword: 'format', instancePath: '/filter/from', schemaPath: '', params: { format: 'date-time' } },
      ]),
    ).toBe('filter.from must be a valid date-time');
    expect(
      describeError([{ keyword: 'type', instancePath: '', schemaPath: '', params: { type: 'object' } }]),
    ).toBe('body must be of type object');
  });
});
