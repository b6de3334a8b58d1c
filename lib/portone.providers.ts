import type { InjectionToken, Provider } from '@nestjs/common';
import { CertificationService } from './certification/certification.service';
import { createV1Api, createV2Api, type PortOneApi } from './create-api';
import { CvsService } from './cvs-payment/cvs.service';
import { PortOneConfigurationError } from './errors';
import { messages } from './errors/messages';
import { IdentityVerificationService } from './identity-verification/identity-verification.service';
import { resolveModuleOptions } from './options/resolve-options';
import {
  PORTONE_RESOLVED_OPTIONS,
  PORTONE_V1_API,
  PORTONE_V1_CLIENT,
  PORTONE_V2_API,
  PORTONE_V2_CLIENT,
  portOneClientToken,
} from './portone.constants';
import { getPortOneHttpToken, getPortOneOptionsToken, getPortOneToken } from './portone.tokens';

/**
 * The services. Nest builds each from its class, injecting what its constructor's `@Inject` decorators name
 * (its API's client, the resolved options) from the registration's own providers.
 */
const SERVICES = [CertificationService, CvsService, IdentityVerificationService] as const;

/** What one registration provides and exports. @internal */
export interface PortOneRegistration {
  readonly providers: Provider[];
  readonly exports: InjectionToken[];
}

/**
 * The providers of one registration (`forRoot` / `forRootAsync` call): the resolved options, one API per
 * generation, the services and the two HttpServices. Everything but the services and HttpServices stays
 * inside the registration, so two registrations share nothing. `name` decides the exported tokens:
 * the classes themselves without a name, `getPortOneToken(Service, name)` with one.
 * @internal
 */
export function portOneRegistration(
  name: string | undefined,
  registrationProblems: readonly string[] = [],
): PortOneRegistration {
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
    throw new PortOneConfigurationError([messages.options.registrationName]);
  }
  const services: Provider[] = SERVICES.map(service => ({
    provide: getPortOneToken(service, name),
    useClass: service,
  }));
  const httpServices: Provider[] = (['v1', 'v2'] as const).map(api => ({
    provide: getPortOneHttpToken(api, name),
    useFactory: (configured: PortOneApi) => configured.http,
    inject: [api === 'v1' ? PORTONE_V1_API : PORTONE_V2_API],
  }));
  return {
    providers: [
      {
        provide: PORTONE_RESOLVED_OPTIONS,
        // The registration's own problems (the `webhook` extra's) are listed with the options'.
        useFactory: (raw: unknown) => resolveModuleOptions(raw, registrationProblems),
        inject: [getPortOneOptionsToken(name)],
      },
      { provide: PORTONE_V1_API, useFactory: createV1Api, inject: [PORTONE_RESOLVED_OPTIONS] },
      { provide: PORTONE_V2_API, useFactory: createV2Api, inject: [PORTONE_RESOLVED_OPTIONS] },
      { provide: PORTONE_V1_CLIENT, useFactory: (api: PortOneApi) => api.client, inject: [PORTONE_V1_API] },
      { provide: PORTONE_V2_CLIENT, useFactory: (api: PortOneApi) => api.client, inject: [PORTONE_V2_API] },
      { provide: portOneClientToken('v1', name), useExisting: PORTONE_V1_CLIENT },
      { provide: portOneClientToken('v2', name), useExisting: PORTONE_V2_CLIENT },
      ...services,
      ...httpServices,
    ],
    exports: [
      ...SERVICES.map(service => getPortOneToken(service, name)),
      getPortOneHttpToken('v1', name),
      getPortOneHttpToken('v2', name),
    ],
  };
}
