import fc from 'fast-check';
import {
  PortOneApiError,
  PortOneValidationError,
  type ConfirmCertificationOtpDto,
  type ConfirmIdentityVerificationDto,
  type IssueCvsPaymentDto,
  type ListIdentityVerificationsDto,
  type RequestCertificationOtpDto,
  type SendIdentityVerificationDto,
} from '../../lib';
import { PortOneEmulator } from '../../lib/testing';
import { createPortOneTestApp, emulatorOptions, type PortOneTestApp } from '../support/portone-test-app';

/** Generated inputs per DTO and per path parameter. `FUZZ_RUNS=20000 npm test -- fuzz` for a longer run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
/** A bound, not a speed claim: 2,000 calls per property take ~10 s alone and several times that on a busy machine. */
const FUZZ_TIMEOUT_MS = 180_000;

/** Either a value from `valid`, or anything at all (wrong types, odd strings, nested junk). */
const maybe = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 14, arbitrary: valid },
    { weight: 1, arbitrary: fc.anything() },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
/** Text within the contract's bounds; `maybe` adds the out-of-bounds cases. */
const validText = (min: number, max: number) =>
  fc.string({ unit: 'grapheme', minLength: min, maxLength: max });

/** Generated inputs per property in the accepted/refused block (each valid one is a real call). */
const STRICT_RUNS = Number(process.env.FUZZ_STRICT_RUNS ?? 200);
/** Korean and Latin letters: a name any DTO length rule counts the same way (one UTF-16 unit each). */
const nameText = (max: number) =>
  fc.string({ unit: fc.constantFrom(...'홍길동김철수영희박민준AZaz '), minLength: 1, maxLength: max });
const twoDigits = (min: number, max: number) => fc.integer({ min, max }).map(n => String(n).padStart(2, '0'));
/** A calendar-valid YYMMDD (day 1-28, so every month has it). */
const validBirth = fc
  .tuple(twoDigits(0, 99), twoDigits(1, 12), twoDigits(1, 28))
  .map(([y, m, d]) => `${y}${m}${d}`);
const validMobile = fc
  .tuple(fc.constantFrom('010', '011', '016', '017', '019'), digits(3, 4), digits(4, 4))
  .map(([prefix, middle, last]) => `${prefix}${middle}${last}`);

/**
 * The other half of the contract: a DTO that refused everything would pass the property below (every outcome
 * there is allowed). Here every generated input is valid, so each one must pass validation and reach the
 * emulator; and every input with exactly one required field broken must be refused, naming that field, with
 * nothing sent.
 */
describe('fuzzing: valid inputs are sent, one broken field is refused and never sent', () => {
  let emulator: PortOneEmulator;
  let app: PortOneTestApp;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
    app = await createPortOneTestApp(emulatorOptions(emulator, { retry: false }));
  });
  afterAll(async () => {
    await app.close();
    await emulator.close();
  });

  /** The call passes validation and exactly reaches PortOne: it resolves, or PortOne answered an API error. */
  async function expectSent(call: () => Promise<unknown>): Promise<void> {
    const before = emulator.requests.length;
    try {
      await call();
    } catch (error) {
      if (error instanceof PortOneValidationError) {
        throw new Error(`a valid input was refused: ${error.message}`, { cause: error });
      }
      if (!(error instanceof PortOneApiError)) throw error;
    }
    expect(emulator.requests.length).toBeGreaterThan(before);
  }

  /** The call is refused before sending, and the refusal names `field` (or a field inside it). */
  async function expectRefused(field: string, call: () => Promise<unknown>): Promise<void> {
    const before = emulator.requests.length;
    const error = await call().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PortOneValidationError);
    // The issue names the field, or a field inside it (`page` broken as `{ number: -1 }` is `page.number`).
    const fields = (error as PortOneValidationError).issues.map(issue => issue.field);
    expect(fields.filter(name => name === field || name.startsWith(`${field}.`))).not.toEqual([]);
    expect(emulator.requests.length).toBe(before);
  }

  /** A valid record with exactly one of `invalid`'s fields replaced by one of its invalid values. */
  function oneFieldBroken<T extends Record<string, unknown>>(
    valid: fc.Arbitrary<T>,
    invalid: Record<string, readonly unknown[]>,
  ): fc.Arbitrary<{ input: T; field: string }> {
    const broken = fc
      .constantFrom(...Object.keys(invalid))
      .chain(field => fc.constantFrom(...invalid[field]).map(value => ({ field, value })));
    return fc.tuple(valid, broken).map(([input, { field, value }]) => ({
      input: { ...input, [field]: value },
      field,
    }));
  }

  const otpRequest = () =>
    fc.record(
      {
        name: nameText(60),
        phone: validMobile,
        birth: validBirth,
        genderDigit: fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8'),
        carrier: fc.constantFrom('SKT', 'KT', 'LGT'),
        channelKey: fc.constant(emulator.credentials.channelKeys.danal),
        isMvno: fc.boolean(),
        company: validText(0, 30),
      },
      { requiredKeys: ['name', 'phone', 'birth', 'genderDigit', 'carrier', 'channelKey'] },
    );

  it('RequestCertificationOtpDto: valid inputs are sent, one broken field is refused', async () => {
    await fc.assert(
      fc.asyncProperty(otpRequest(), input => expectSent(() => app.certifications.requestOtp(input))),
      { numRuns: STRICT_RUNS },
    );
    const broken = oneFieldBroken(otpRequest(), {
      name: ['', 'a'.repeat(61), 42, undefined],
      phone: ['02-123-4567', '010123', 'phone', undefined],
      birth: ['991301', '990230x', '1990010100', undefined],
      genderDigit: ['0', '9', 1, undefined],
      carrier: ['LGU', 'skt', undefined],
      channelKey: ['', 7, undefined],
    });
    await fc.assert(
      fc.asyncProperty(broken, ({ input, field }) =>
        expectRefused(field, () => app.certifications.requestOtp(input)),
      ),
      { numRuns: STRICT_RUNS },
    );
  });

  const cvsIssue = () =>
    fc.record(
      {
        channelKey: fc.constant(emulator.credentials.channelKeys.galaxia),
        merchantUid: fc.uuid().map(uuid => `fz-${uuid.slice(0, 30)}`),
        amount: fc.integer({ min: 1, max: 10_000_000 }),
        name: validText(0, 20),
        buyerName: nameText(16),
        buyerEmail: fc.constantFrom('buyer@example.com', 'a.b@example.co.kr'),
      },
      { requiredKeys: ['channelKey', 'merchantUid', 'amount'] },
    );

  it('IssueCvsPaymentDto: valid inputs are sent, one broken field is refused', async () => {
    await fc.assert(
      fc.asyncProperty(cvsIssue(), input => expectSent(() => app.cvs.issue(input))),
      { numRuns: STRICT_RUNS },
    );
    const broken = oneFieldBroken(cvsIssue(), {
      channelKey: ['', 3, undefined],
      merchantUid: ['', 'm'.repeat(41), undefined],
      amount: [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1000', undefined],
      buyerEmail: ['not-an-email'],
      expiredAt: [new Date(Date.now() - 86_400_000)],
    });
    await fc.assert(
      fc.asyncProperty(broken, ({ input, field }) => expectRefused(field, () => app.cvs.issue(input))),
      { numRuns: STRICT_RUNS },
    );
  });

  const customer = () =>
    fc.record({
      name: nameText(60),
      phoneNumber: validMobile,
      identityNumber: fc
        .tuple(validBirth, fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8'))
        .map(([birth, digit]) => `${birth}${digit}`),
      ipAddress: fc.oneof(fc.ipV4(), fc.ipV6()),
    });
  const sendRequest = () =>
    fc.record({
      channelKey: fc.constantFrom(
        emulator.credentials.channelKeys.danal,
        emulator.credentials.channelKeys.kcpV2,
      ),
      customer: customer(),
      operator: fc.constantFrom('SKT', 'KT', 'LGU', 'SKT_MVNO', 'KT_MVNO', 'LGU_MVNO'),
      method: fc.constant('SMS'),
    });

  it('SendIdentityVerificationDto: valid inputs are sent, one broken field is refused', async () => {
    let n = 0;
    const nextId = () => `fuzz-valid-${(n += 1)}`;
    await fc.assert(
      fc.asyncProperty(sendRequest(), input =>
        expectSent(() => app.identityVerifications.send(nextId(), input)),
      ),
      { numRuns: STRICT_RUNS },
    );
    const brokenCustomer = oneFieldBroken(customer(), {
      name: ['', 'a'.repeat(61), undefined],
      phoneNumber: ['010-1234-5678', '0212345678', undefined],
      identityNumber: ['9013011', '900101', '9001019'],
      ipAddress: ['300.1.1.1', 'localhost', undefined],
    }).chain(({ input, field }) =>
      sendRequest().map(request => ({ input: { ...request, customer: input }, field: `customer.${field}` })),
    );
    const broken = fc.oneof(
      brokenCustomer,
      oneFieldBroken(sendRequest(), {
        channelKey: ['', undefined],
        operator: ['LGT', 'skt', undefined],
        method: ['EMAIL', undefined],
        customer: ['a string', undefined],
      }),
    );
    await fc.assert(
      fc.asyncProperty(broken, ({ input, field }) =>
        expectRefused(field, () => app.identityVerifications.send(nextId(), input)),
      ),
      { numRuns: STRICT_RUNS },
    );
  });

  it('ListIdentityVerificationsDto: valid filters are sent, a broken one is refused', async () => {
    const valid = fc.record(
      {
        page: fc.record({ number: fc.integer({ min: 0, max: 50 }), size: fc.integer({ min: 1, max: 100 }) }),
        sort: fc.record({
          by: fc.constantFrom('REQUESTED_AT', 'VERIFIED_AT', 'FAILED_AT', 'STATUS_UPDATED_AT'),
          order: fc.constantFrom('ASC', 'DESC'),
        }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(valid, input => expectSent(() => app.identityVerifications.list(input))),
      { numRuns: STRICT_RUNS },
    );
    const broken = oneFieldBroken(valid, {
      page: [{ number: -1, size: 10 }, 'page', 7],
      sort: [{ by: 'NAME', order: 'ASC' }, { by: 'REQUESTED_AT', order: 'UP' }, 'sort'],
    });
    await fc.assert(
      fc.asyncProperty(broken, ({ input, field }) =>
        expectRefused(field, () => app.identityVerifications.list(input)),
      ),
      { numRuns: STRICT_RUNS },
    );
  });
});

describe('fuzzing: every input either works or is rejected before sending', () => {
  let emulator: PortOneEmulator;
  let app: PortOneTestApp;
  const outcomes: Record<string, number> = {};

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true, logRequests: true });
    app = await createPortOneTestApp(emulatorOptions(emulator, { retry: false }));
  });
  afterAll(async () => {
    await app.close();
    await emulator.close();
    // Visible in the test output: how the generated inputs split.
    console.info(`fuzz outcomes (${RUNS} runs per property):`, outcomes);
  });

  /**
   * Runs one call: success, `PortOneValidationError` with no request sent, or a `PortOneApiError` for a
   * request the emulator's spec validation accepted (e.g. an unknown channel). Anything else fails.
   */
  async function check(label: string, call: () => Promise<unknown>): Promise<void> {
    const before = emulator.requests.length;
    const violationsBefore = emulator.specViolations;
    let outcome = 'ok';
    try {
      await call();
    } catch (error) {
      if (error instanceof PortOneValidationError) {
        expect(emulator.requests.length).toBe(before);
        expect(error.issues.length).toBeGreaterThan(0);
        outcome = 'invalid';
      } else if (error instanceof PortOneApiError) {
        outcome = `api ${error.status}`;
      } else {
        throw error;
      }
    }
    expect(emulator.specViolations).toBe(violationsBefore);
    outcomes[`${label}: ${outcome}`] = (outcomes[`${label}: ${outcome}`] ?? 0) + 1;
  }

  const channelKey = () =>
    fc.constantFrom(
      emulator.credentials.channelKeys.danal,
      emulator.credentials.channelKeys.kcpV2,
      'unknown-channel',
    );

  it(
    'RequestCertificationOtpDto',
    async () => {
      const dto = fc.record(
        {
          name: maybe(fc.oneof(validText(1, 60), text(70))),
          phone: maybe(
            fc.oneof(fc.constantFrom('010-1234-5678', '01112345678', '019.123.4567'), digits(8, 12)),
          ),
          birth: maybe(fc.oneof(fc.constantFrom('900101', '03-04-05', '991231'), digits(4, 8))),
          genderDigit: maybe(fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', '0', '9')),
          carrier: maybe(fc.constantFrom('SKT', 'KT', 'LGT', 'LGU')),
          channelKey: maybe(channelKey()),
          isMvno: maybe(fc.boolean()),
          company: maybe(validText(0, 100)),
          merchantUid: maybe(validText(1, 40)),
          verificationMethod: maybe(fc.constantFrom('SMS', 'APP')),
          bypass: maybe(fc.oneof(fc.json(), fc.dictionary(fc.string(), fc.jsonValue()))),
        },
        // Required keys are always present; `maybe` makes them missing (undefined) or junk often enough.
        { requiredKeys: ['name', 'phone', 'birth', 'genderDigit', 'carrier', 'channelKey'] },
      );
      await fc.assert(
        fc.asyncProperty(dto, input =>
          check('requestOtp', () => app.certifications.requestOtp(input as RequestCertificationOtpDto)),
        ),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'ConfirmCertificationOtpDto and the impUid path parameter',
    async () => {
      const { impUid } = await app.certifications.requestOtp({
        name: '퍼즈',
        phone: '01012345678',
        birth: '900101',
        genderDigit: '1',
        carrier: 'SKT',
        channelKey: emulator.credentials.channelKeys.danal,
      });
      const id = fc.oneof(
        fc.constant(impUid),
        fc.string({ maxLength: 220 }),
        fc.string({ unit: 'binary', maxLength: 50 }),
        fc.anything(),
      );
      const dto = fc.oneof(fc.record({ otp: maybe(digits(0, 25)) }, { requiredKeys: [] }), fc.anything());
      await fc.assert(
        fc.asyncProperty(id, dto, (impUidInput, input) =>
          check('confirmOtp', () =>
            app.certifications.confirmOtp(impUidInput as string, input as ConfirmCertificationOtpDto),
          ),
        ),
        { numRuns: RUNS },
      );
      await fc.assert(
        fc.asyncProperty(id, impUidInput =>
          check('get', () => app.certifications.get(impUidInput as string)),
        ),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'IssueCvsPaymentDto and the revoke path parameter',
    async () => {
      const dto = fc.record(
        {
          channelKey: maybe(fc.constantFrom(emulator.credentials.channelKeys.galaxia, 'unknown-channel')),
          merchantUid: maybe(fc.oneof(validText(1, 40), text(45))),
          amount: maybe(fc.oneof(fc.integer({ min: -10, max: 10_000_000 }), fc.double())),
          barcode: maybe(digits(0, 40)),
          expiredAt: maybe(
            fc.date({ min: new Date(Date.now() - 86_400_000), max: new Date(Date.now() + 30 * 86_400_000) }),
          ),
          name: maybe(validText(0, 40)),
          buyerName: maybe(validText(0, 16)),
          buyerEmail: maybe(fc.oneof(fc.emailAddress(), text(70))),
          buyerTel: maybe(validText(0, 16)),
          buyerAddr: maybe(validText(0, 128)),
          buyerPostcode: maybe(validText(0, 8)),
          confirmUrl: maybe(fc.oneof(fc.webUrl(), text(30))),
          noticeUrl: maybe(fc.array(fc.oneof(fc.webUrl(), text(10)), { maxLength: 3 })),
          customData: maybe(fc.oneof(fc.string(), fc.dictionary(fc.string(), fc.jsonValue()))),
        },
        { requiredKeys: ['channelKey', 'merchantUid', 'amount'] },
      );
      await fc.assert(
        fc.asyncProperty(dto, input => check('cvs.issue', () => app.cvs.issue(input as IssueCvsPaymentDto))),
        { numRuns: RUNS },
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string({ maxLength: 220 }), fc.anything()), id =>
          check('cvs.revoke', () => app.cvs.revoke(id as string)),
        ),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'SendIdentityVerificationDto and the identityVerificationId path parameter',
    async () => {
      const customer = fc.record(
        {
          id: maybe(validText(1, 200)),
          name: maybe(validText(1, 60)),
          phoneNumber: maybe(fc.oneof(fc.constantFrom('01012345678', '0101234567'), digits(5, 13))),
          identityNumber: maybe(fc.oneof(fc.constantFrom('9001011', '0312318'), digits(5, 8))),
          ipAddress: maybe(fc.oneof(fc.ipV4(), fc.ipV6(), text(20))),
        },
        { requiredKeys: ['name', 'phoneNumber', 'identityNumber', 'ipAddress'] },
      );
      const dto = fc.record(
        {
          storeId: maybe(fc.constantFrom(emulator.credentials.v2.storeId, 'store-other')),
          channelKey: maybe(channelKey()),
          customer: maybe(customer),
          customData: maybe(fc.oneof(fc.string(), fc.dictionary(fc.string(), fc.jsonValue()))),
          bypass: maybe(fc.dictionary(fc.string(), fc.jsonValue())),
          operator: maybe(fc.constantFrom('SKT', 'KT', 'LGU', 'SKT_MVNO', 'KT_MVNO', 'LGU_MVNO', 'LGT')),
          method: maybe(fc.constantFrom('SMS', 'APP')),
        },
        { requiredKeys: ['channelKey', 'customer', 'operator', 'method'] },
      );
      let n = 0;
      const id = fc.oneof(
        fc.constant(null).map(() => `fuzz${(n += 1)}`),
        fc.string({ maxLength: 220 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.anything(),
      );
      await fc.assert(
        fc.asyncProperty(id, dto, (idInput, input) =>
          check('v2.send', () =>
            app.identityVerifications.send(idInput as string, input as SendIdentityVerificationDto),
          ),
        ),
        { numRuns: RUNS },
      );
      await fc.assert(
        fc.asyncProperty(
          id,
          fc.record({ otp: maybe(digits(0, 25)), storeId: maybe(fc.string()) }, { requiredKeys: [] }),
          (idInput, input) =>
            check('v2.confirm', () =>
              app.identityVerifications.confirm(idInput as string, input as ConfirmIdentityVerificationDto),
            ),
        ),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'ListIdentityVerificationsDto',
    async () => {
      const dto = fc.record(
        {
          page: maybe(
            fc.record(
              {
                number: maybe(fc.integer({ min: -2, max: 50 })),
                size: maybe(fc.integer({ min: -1, max: 200 })),
              },
              { requiredKeys: [] },
            ),
          ),
          sort: maybe(
            fc.record(
              {
                by: maybe(
                  fc.constantFrom('REQUESTED_AT', 'VERIFIED_AT', 'FAILED_AT', 'STATUS_UPDATED_AT', 'NAME'),
                ),
                order: maybe(fc.constantFrom('ASC', 'DESC')),
              },
              { requiredKeys: [] },
            ),
          ),
          filter: maybe(
            fc.record(
              {
                statuses: maybe(
                  fc.array(fc.constantFrom('READY', 'VERIFIED', 'FAILED', 'DONE'), { maxLength: 3 }),
                ),
                from: maybe(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01') })),
                until: maybe(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01') })),
                isTest: maybe(fc.boolean()),
                carriers: maybe(fc.array(fc.constantFrom('SKT', 'KT', 'LGU', 'LGT'), { maxLength: 2 })),
                version: maybe(fc.constantFrom('V1', 'V2', 'V3')),
                customer: maybe(
                  fc.record(
                    {
                      name: maybe(text(10)),
                      birthYear: maybe(digits(2, 5)),
                      phoneNumber: maybe(digits(0, 12)),
                      gender: maybe(fc.constantFrom('MALE', 'FEMALE', 'X')),
                    },
                    { requiredKeys: [] },
                  ),
                ),
              },
              { requiredKeys: [] },
            ),
          ),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(dto, input =>
          check('v2.list', () => app.identityVerifications.list(input as ListIdentityVerificationsDto)),
        ),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
