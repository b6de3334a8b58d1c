import type { ModuleRef } from '@nestjs/core';
import { CvsService } from '../../cvs-payment/cvs.service';
import { getPortOneToken } from '../../portone.tokens';

/**
 * The CvsService of the registration called `registration` (undefined: the unnamed one) anywhere in the app,
 * or undefined when there is none. A queue worker takes jobs queued by every registration sharing its queue,
 * so it cannot use only its own registration's service.
 * @internal
 */
export function registrationCvs(
  moduleRef: ModuleRef,
  registration: string | undefined,
): CvsService | undefined {
  try {
    return moduleRef.get<CvsService>(getPortOneToken(CvsService, registration), { strict: false });
  } catch {
    return undefined;
  }
}
