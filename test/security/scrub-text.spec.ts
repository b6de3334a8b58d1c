import { performance } from 'node:perf_hooks';
import { MASK, MAX_KEPT_TEXT_CHARS, escapeControlCharacters, scrubText } from '../../lib/redaction';
import { maskSensitiveShapes } from '../../lib/redaction/text-patterns';

describe('scrubText: short personal values', () => {
  it.each([
    ['홍길동님의 본인인증 정보가 일치하지 않습니다', '홍길동'],
    ['고객 김철 (생년월일 불일치)', '김철'],
    ['name=김철, carrier=SKT', '김철'],
    ['김철은 이미 인증되었습니다', '김철'],
    ['"Al" is not a valid name', 'Al'],
  ])('masks a 2-3 character value where it stands as a word: %s', (text, value) => {
    const scrubbed = scrubText(text, [value]);
    expect(scrubbed).not.toContain(value);
    expect(scrubbed).toContain(MASK);
  });

  it('leaves ordinary text alone: a short value inside a longer word, a one-character value', () => {
    expect(scrubText('ALPHA channel failed', ['AL'])).toBe('ALPHA channel failed');
    expect(scrubText('code 1 from PG 12', ['1', '2'])).toBe('code 1 from PG 12');
    expect(scrubText('본인인증에 실패했습니다', ['인증'])).toBe('본인인증에 실패했습니다');
  });

  it('still masks long values anywhere, and the longest first', () => {
    expect(scrubText('x홍길동수y and 01012345678', ['홍길동수', '01012345678'])).toBe(
      `x${MASK}y and ${MASK}`,
    );
  });
});

describe('scrubText: bounded, linear, and safe to log', () => {
  it('keeps at most MAX_KEPT_TEXT_CHARS of a huge message and says how much was cut', () => {
    const scrubbed = scrubText('가'.repeat(600_000), []);
    expect(scrubbed.length).toBeLessThan(MAX_KEPT_TEXT_CHARS + 100);
    expect(scrubbed).toMatch(/599000 more characters cut\)$/);
  });

  it('masks a known value that straddles the cut whole', () => {
    const text = `${'x'.repeat(MAX_KEPT_TEXT_CHARS - 3)} 01098765432 tail`;
    expect(scrubText(text, ['01098765432'])).not.toMatch(/010\d/);
  });

  it.each([
    ['eyJ repeated', 'eyJ'.repeat(33_334)],
    ['eyJ then a long run', `eyJ${'a'.repeat(100_000)}`],
    ['eyJa. repeated', 'eyJa-'.repeat(20_000)],
    ['digits', '0'.repeat(100_000)],
    ['Bearer runs', 'Bearer '.repeat(15_000)],
  ])('the shape patterns are linear: %s (100k characters) in well under 200 ms', (_name, text) => {
    // A guard against a quadratic pattern (the old JWT pattern took ~2 s here), not a speed claim.
    const started = performance.now();
    maskSensitiveShapes(text);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('still finds JWTs, V1 tokens, bearer credentials, phones and resident-number fronts', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    const hex = 'a'.repeat(20) + '0'.repeat(20);
    const text = `t=${jwt}; v1 ${hex}; Bearer opaque~token.x; tel 010-1234-5678; rrn 900101-1`;
    const scrubbed = maskSensitiveShapes(text);
    for (const leaked of [jwt, hex, 'opaque~token', '010-1234-5678', '900101-1']) {
      expect(scrubbed).not.toContain(leaked);
    }
    expect(maskSensitiveShapes('x.eyJ.eyJa.b.c')).toBe(`x.eyJ.${MASK}`);
  });

  it('masks bare birth dates (YYMMDD, YYYYMMDD) and leaves numbers that are not dates alone', () => {
    const scrubbed = scrubText('birth 851231, born 19851231, 20000229; order 123456, 991332, code 20261399');
    expect(scrubbed).toBe(`birth ${MASK}, born ${MASK}, ${MASK}; order 123456, 991332, code 20261399`);
  });

  it('escapes newlines, ANSI escapes and bidi overrides, so a message cannot forge a log line', () => {
    const hostile = 'bad\nINFO [PortOne] POST v1 /cvs 200 1ms\r\u001b[31mred\u001b[0m \u202egnp.exe';
    const scrubbed = scrubText(hostile);
    // eslint-disable-next-line no-control-regex
    expect(scrubbed).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect(scrubbed).toContain('bad\\nINFO [PortOne]');
    expect(scrubbed).toContain('\\u001b[31m');
    expect(escapeControlCharacters('a\u2028b\tc')).toBe('a\\u2028b\\tc');
  });
});
