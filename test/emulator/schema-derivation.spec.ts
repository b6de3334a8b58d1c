import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  deriveEmulatorSchemas,
  deriveResponseSchemaFile,
  OUTPUT_DIR,
  RESPONSE_OUTPUT,
} from '../../scripts/derive-emulator-schemas';
import { STRUCTURE_DIR } from '../../scripts/extract-spec-structure';
import { getSchemaValidator } from '../../lib/testing/schema/validator';

const repoRoot = path.resolve(__dirname, '..', '..');
const specDir = path.join(repoRoot, STRUCTURE_DIR);

describe('derived request schemas', () => {
  const outputs = deriveEmulatorSchemas(specDir);
  const v1 = JSON.parse(outputs['v1-request-schemas.json']);
  const v2 = JSON.parse(outputs['v2-request-schemas.json']);

  it('the committed JSON is exactly what the script derives (re-run the script after a spec change)', () => {
    for (const [file, text] of Object.entries(outputs)) {
      expect(fs.readFileSync(path.join(repoRoot, OUTPUT_DIR, file), 'utf8')).toBe(text);
    }
  });

  it('reads only the structure committed in spec/ (no descriptions, titles, examples or x-* prose)', () => {
    const prose = /"(description|title|summary|example|examples|x-[\w-]+)":/;
    for (const file of fs.readdirSync(specDir)) {
      expect(fs.readFileSync(path.join(specDir, file), 'utf8')).not.toMatch(prose);
    }
  });

  it('the committed response schemas (test/conformance) are exactly what the script derives', () => {
    expect(fs.readFileSync(path.join(repoRoot, RESPONSE_OUTPUT), 'utf8')).toBe(
      deriveResponseSchemaFile(specDir),
    );
  });

  it('is deterministic', () => {
    expect(deriveEmulatorSchemas(specDir)).toEqual(outputs);
  });

  it('is keyed by the emulated operationIds', () => {
    expect(Object.keys(v1)).toEqual(['getToken', 'requestOTP', 'confirmOTP', 'issueCvsPayment']);
    expect(Object.keys(v2)).toEqual([
      'loginViaApiSecret',
      'refreshToken',
      'getIdentityVerifications',
      'sendIdentityVerification',
      'confirmIdentityVerification',
    ]);
  });

  it('keeps only structural keywords (no prose, no x-portone-*)', () => {
    const allowed = new Set([
      '$schema',
      'type',
      'properties',
      'required',
      'enum',
      'format',
      'maxLength',
      'minimum',
      'items',
      'oneOf',
      'anyOf',
      'allOf',
    ]);
    const visit = (node: Record<string, unknown>): void => {
      for (const [key, value] of Object.entries(node)) {
        expect(allowed).toContain(key);
        if (key === 'properties') for (const child of Object.values(value as object)) visit(child);
        else if (key === 'items') visit(value as Record<string, unknown>);
      }
    };
    for (const schema of [...Object.values(v1), ...Object.values(v2)])
      visit(schema as Record<string, unknown>);
  });

  it('builds V1 bodies from formData parameters, with numeric maxLength and string items for notice_url', () => {
    expect(v1.requestOTP.required).toEqual([
      'name',
      'phone',
      'birth',
      'gender_digit',
      'carrier',
      'channel_key',
    ]);
    expect(v1.requestOTP.properties.carrier).toEqual({ type: 'string', enum: ['SKT', 'KT', 'LGT'] });
    expect(v1.requestOTP.properties.is_mvno).toEqual({ type: 'boolean' });
    expect(v1.issueCvsPayment.properties.merchant_uid).toEqual({ type: 'string', maxLength: 40 });
    expect(v1.issueCvsPayment.properties.notice_url).toEqual({ type: 'array', items: { type: 'string' } });
    expect(v1.confirmOTP.properties).toEqual({ otp: { type: 'string' } });
    expect(v1.confirmOTP.required).toBeUndefined();
  });

  it('inlines V2 $refs', () => {
    expect(v2.sendIdentityVerification.properties.customer.required).toEqual([
      'name',
      'phoneNumber',
      'ipAddress',
    ]);
    expect(v2.sendIdentityVerification.properties.operator.enum).toContain('LGU_MVNO');
    expect(v2.getIdentityVerifications.properties.filter.properties.statuses.items.enum).toEqual([
      'READY',
      'VERIFIED',
      'FAILED',
    ]);
    expect(v2.getIdentityVerifications.properties.page.properties.size).toEqual({
      type: 'integer',
      format: 'int32',
    });
    expect(JSON.stringify(v2)).not.toContain('$ref');
  });

  it('compiles under ajv strict mode and rejects by field and rule without echoing values', () => {
    const validator = getSchemaValidator();
    const result = validator.validateV1(
      'issueCvsPayment',
      { channel_key: 'k', merchant_uid: 'x'.repeat(41), amount: 1 },
      false,
    );
    expect(result).toEqual({ ok: false, message: 'merchant_uid must be at most 40 characters' });
    const v2Result = validator.validateV2('sendIdentityVerification', {
      channelKey: 'k',
      customer: {},
      operator: 'SKT',
      method: 'SMS',
    });
    expect(v2Result).toEqual({ ok: false, message: 'customer.name is required' });
    const formResult = validator.validateV1(
      'issueCvsPayment',
      { channel_key: 'k', merchant_uid: 'm', amount: '1000', notice_url: 'u' },
      true,
    );
    expect(formResult).toEqual({
      ok: true,
      value: { channel_key: 'k', merchant_uid: 'm', amount: 1000, notice_url: ['u'] },
    });
  });
});
