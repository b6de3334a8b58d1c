import { Module } from '@nestjs/common';
import { CertificationService } from './certification/certification.service';
import { createV1Api, createV2Api, type PortOneApi } from './core/create-api';
import { CvsService } from './cvs-payment/cvs.service';
import { IdentityVerificationService } from './identity-verification/identity-verification.service';
import { resolveModuleOptions } from './options/resolve-options';
import {
  PORTONE_RESOLVED_OPTIONS,
  PORTONE_V1_API,
  PORTONE_V1_CLIENT,
  PORTONE_V2_API,
  PORTONE_V2_CLIENT,
} from './portone.constants';
import { PORTONE_MODULE_OPTIONS, PortOneConfigurableModule } from './portone.module-definition';

/**
 * PortOne for NestJS. Register it once with `PortOneModule.forRoot(options)` or
 * `PortOneModule.forRootAsync({ imports, inject, useFactory | useClass | useExisting, isGlobal })`, then
 * inject `CertificationService`, `CvsService` and `IdentityVerificationService`.
 *
 * Options are validated while the app boots; invalid ones stop it with one `PortOneConfigurationError`
 * listing every problem. Each registration builds its own HTTP clients and token caches.
 * @publicApi
 */
@Module({
  providers: [
    { provide: PORTONE_RESOLVED_OPTIONS, useFactory: resolveModuleOptions, inject: [PORTONE_MODULE_OPTIONS] },
    { provide: PORTONE_V1_API, useFactory: createV1Api, inject: [PORTONE_RESOLVED_OPTIONS] },
    { provide: PORTONE_V2_API, useFactory: createV2Api, inject: [PORTONE_RESOLVED_OPTIONS] },
    { provide: PORTONE_V1_CLIENT, useFactory: (api: PortOneApi) => api.client, inject: [PORTONE_V1_API] },
    { provide: PORTONE_V2_CLIENT, useFactory: (api: PortOneApi) => api.client, inject: [PORTONE_V2_API] },
    CertificationService,
    CvsService,
    IdentityVerificationService,
  ],
  exports: [CertificationService, CvsService, IdentityVerificationService],
})
export class PortOneModule extends PortOneConfigurableModule {}
