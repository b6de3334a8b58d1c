import { Expose } from 'class-transformer';
import { FromUnixSeconds } from '../../mapping/date-transforms';

/** A deposit into a fixed virtual account: PortOne's `VbankDepositAnnotation`. @publicApi */
export class VbankDeposit {
  @Expose({ name: 'pg_tid' }) pgTid?: string;
  @Expose() amount?: number;
  @Expose({ name: 'depositor_name' }) depositorName?: string;
  @Expose({ name: 'deposited_at' }) @FromUnixSeconds('deposited_at') depositedAt?: Date;
}
