import { Module } from '@nestjs/common';
import { CertificationService } from './certification/certification.service';
import { createV1Client, createV2Client } from './client/create-api-clients';
import { CvsService } from './cvs-payment/cvs.service';
import { IdentityVerificationService } from './identity-verification/identity-verification.service';
import { resolveOptions } from './options/resolve-options';
import { PORTONE_RESOLVED_OPTIONS, PORTONE_V1_CLIENT, PORTONE_V2_CLIENT } from './portone.constants';
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
    { provide: PORTONE_RESOLVED_OPTIONS, useFactory: resolveOptions, inject: [PORTONE_MODULE_OPTIONS] },
    { provide: PORTONE_V1_CLIENT, useFactory: createV1Client, inject: [PORTONE_RESOLVED_OPTIONS] },
    { provide: PORTONE_V2_CLIENT, useFactory: createV2Client, inject: [PORTONE_RESOLVED_OPTIONS] },
    CertificationService,
    CvsService,
    IdentityVerificationService,
  ],
  exports: [CertificationService, CvsService, IdentityVerificationService],
})
export class PortOneModule extends PortOneConfigurableModule {}
