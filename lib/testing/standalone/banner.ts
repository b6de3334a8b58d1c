import type { PortOneEmulator } from '../emulator';

/**
 * What the standalone command prints once it listens: where everything is and the credentials to use. These
 * are the emulator's fake credentials, printed on purpose: nothing here is a real secret.
 */
export function banner(emulator: PortOneEmulator): string {
  const { v1, v2, channelKeys } = emulator.credentials;
  const origin = emulator.origin;
  return [
    `PortOne emulator listening on ${origin}`,
    `  inspector   ${origin}/  (open in a browser: SMS inbox, records, barcodes, request log)`,
    `  V1 API      ${emulator.v1BaseUrl}  (also at ${origin})`,
    `  V2 API      ${emulator.v2BaseUrl}  (also at ${origin})`,
    `  control API ${origin}/emulator  (GET /emulator/otp/<id>, POST /emulator/reset, ...)`,
    `credentials`,
    `  V1 apiKey ${v1.apiKey}  apiSecret ${v1.apiSecret}`,
    `  V2 apiSecret ${v2.apiSecret}  storeId ${v2.storeId}`,
    `  V2 webhook secret ${emulator.webhookSecret}  (put it in v2.webhookSecrets; deliveries are signed with it)`,
    `channel keys`,
    `  identity verification (V1 OTP, V2; Danal)   ${channelKeys.identityVerification}`,
    `  identity verification, APP method (KCP V2)  ${channelKeys.identityVerificationApp}`,
    `  CVS barcodes (V1; Galaxia)                  ${channelKeys.cvs}`,
    `send a V2 webhook: nestjs-portone-emulator send-webhook --port ${emulator.port} --to <url> --type Transaction.Paid`,
    `Stop with Ctrl+C (SIGINT) or SIGTERM.`,
  ].join('\n');
}
