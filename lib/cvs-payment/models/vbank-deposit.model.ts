/** A deposit into a fixed virtual account: PortOne's `VbankDepositAnnotation`. @publicApi */
export class VbankDeposit {
  pgTid?: string;
  amount?: number;
  depositorName?: string;
  depositedAt?: Date;
}
