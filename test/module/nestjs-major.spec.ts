import * as nestCommon from '@nestjs/common';

// The suite runs twice: jest against the root's NestJS 11, Vitest against compat/nestjs12's NestJS 12.
// This proves each leg really loads the NestJS it claims to (compat/nestjs12/vitest.config.ts sets NESTJS_MAJOR).
describe('the NestJS major under test', () => {
  it('is the one this leg installs', () => {
    // StandardSchemaValidationPipe first appears in @nestjs/common 12.
    const loaded = 'StandardSchemaValidationPipe' in nestCommon ? '12' : '11';
    expect(loaded).toBe(process.env.NESTJS_MAJOR ?? '11');
  });
});
