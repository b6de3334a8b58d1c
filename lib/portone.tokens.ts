import { Inject, type Type } from '@nestjs/common';

/**
 * Injection token of the raw options of the registration made without `name` (what `forRoot` received, or
 * what the `forRootAsync` factory returned). Override it in tests instead of touching `process.env`:
 *
 * ```ts
 * Test.createTestingModule({ imports: [AppModule] })
 *   .overrideProvider(PORTONE_MODULE_OPTIONS)
 *   .useValue({ v2: { apiSecret, baseUrl: emulator.v2BaseUrl } });
 * ```
 * A named registration reads its options under its own token, {@link getPortOneOptionsToken}`(name)`, so this
 * override leaves it untouched.
 * @publicApi
 */
export const PORTONE_MODULE_OPTIONS = 'PORTONE_MODULE_OPTIONS';

/**
 * The injection token of the raw options of the registration called `name`; without a name,
 * {@link PORTONE_MODULE_OPTIONS}. Each registration has its own, so a test can point one merchant at the
 * emulator and leave the others as configured:
 *
 * ```ts
 * Test.createTestingModule({ imports: [AppModule] })
 *   .overrideProvider(getPortOneOptionsToken('agency'))
 *   .useValue(emulator.moduleOptions());
 * ```
 * @publicApi
 */
export function getPortOneOptionsToken(name?: string): string {
  return name === undefined ? PORTONE_MODULE_OPTIONS : `PortOne:${name}:Options`;
}

/** The services a registration provides. @publicApi */
export type PortOneServiceClass = Type<object>;

/**
 * The injection token of `service` in the registration called `name`. Without a name (the registration made
 * without `name`), the token is the class itself, so `constructor(private certifications: CertificationService)`
 * keeps working.
 *
 * ```ts
 * moduleRef.get(getPortOneToken(CertificationService, 'agency'))
 * ```
 * @publicApi
 */
export function getPortOneToken<T extends PortOneServiceClass>(service: T, name?: string): T | string {
  return name === undefined ? service : `PortOne:${name}:${service.name}`;
}

/**
 * Injects `service` of the registration called `name` (`PortOneModule.forRoot({ name: 'agency', … })`):
 *
 * ```ts
 * constructor(@InjectPortOne(CertificationService, 'agency') private readonly agency: CertificationService) {}
 * ```
 * @publicApi
 */
export function InjectPortOne(
  service: PortOneServiceClass,
  name?: string,
): PropertyDecorator & ParameterDecorator {
  return Inject(getPortOneToken(service, name));
}

/**
 * The injection token of a registration's authenticated `HttpService` for one API generation
 * (`v1`: api.iamport.kr, `v2`: api.portone.io).
 * @publicApi
 */
export function getPortOneHttpToken(api: 'v1' | 'v2', name?: string): string {
  return name === undefined ? `PortOne:HttpService:${api}` : `PortOne:${name}:HttpService:${api}`;
}

/**
 * Injects the module's `HttpService` for one API generation, to call an endpoint this module does not wrap
 * yet with the module's authentication, timeouts, retries, logging and typed errors. Paths are relative to
 * the API's base URL; `data` is PortOne's answer as sent (V1: the whole `{ code, message, response }`).
 *
 * ```ts
 * constructor(@InjectPortOneHttp('v1') private readonly v1: HttpService) {}
 * const { data } = await firstValueFrom(this.v1.get(`/payments/${impUid}`));
 * ```
 * GET requests, and other requests carrying an `Idempotency-Key` header, are retried on transient failures;
 * others are not. Failures are `PortOneError`s, never AxiosErrors.
 * @publicApi
 */
export function InjectPortOneHttp(api: 'v1' | 'v2', name?: string): PropertyDecorator & ParameterDecorator {
  return Inject(getPortOneHttpToken(api, name));
}
