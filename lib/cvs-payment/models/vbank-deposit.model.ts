/** A deposit into a fixed virtual account: PortOne's `VbankDepositAnnotation`. @publicApi */
export class PortOneVbankDeposit {
  pgTid?: string;
  amount?: number;
  depositorName?: string;
  depositedAt?: Date;
}
