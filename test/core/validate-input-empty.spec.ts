import { PortOneValidationError, RequestCertificationOtpDto, PortOneStoreScopeDto } from '../../lib';
import { validateInput } from '../../lib/core/validate-input';

/** `get(id)` passes an empty scope on every call; validateInput skips the round trip only where {} is valid. */
describe('validateInput with an empty object', () => {
  it('an empty PortOneStoreScopeDto (every field optional) is a plain PortOneStoreScopeDto', () => {
    const scope = validateInput(PortOneStoreScopeDto, {});
    expect(scope).toBeInstanceOf(PortOneStoreScopeDto);
    expect(scope).toStrictEqual(new PortOneStoreScopeDto());
  });

  it('an empty DTO with required fields is still refused, naming the fields', () => {
    let error: unknown;
    try {
      validateInput(RequestCertificationOtpDto, {});
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(PortOneValidationError);
    expect((error as PortOneValidationError).issues.map(issue => issue.field)).toEqual(
      expect.arrayContaining(['name', 'phone', 'birth']),
    );
  });

  it('an object with keys is validated as usual', () => {
    expect(() => validateInput(PortOneStoreScopeDto, { storeId: '' })).toThrow(PortOneValidationError);
    expect(validateInput(PortOneStoreScopeDto, { storeId: 'store-1' })).toMatchObject({ storeId: 'store-1' });
  });
});
