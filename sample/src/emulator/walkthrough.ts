/** Where the app and the emulator listen, for the printed commands. */
export interface WalkthroughTarget {
  appUrl: string;
  emulatorUrl: string;
}

/**
 * Copy-pasteable curl commands for every flow of the sample, in order. Printed only in emulator mode: the
 * step that reads the OTP asks the emulator for the code it "texted", which a real phone would receive.
 */
export function walkthrough({ appUrl, emulatorUrl }: WalkthroughTarget): string {
  // A fresh id per run: sending the same id twice is (rightly) a 409.
  const run = Date.now().toString(36);
  const ivId = `iv-${run}`;
  const json = `-H 'content-type: application/json'`;
  return `
Try it in bash, pasting the lines in order. \`json\` picks a field out of a JSON answer:

json() { node -pe "JSON.parse(require('fs').readFileSync(0, 'utf8')).$1"; }

# --- V2 identity verification (IdentityVerificationService): send -> read OTP -> confirm -> get
curl -s -w '\\n' -X POST ${appUrl}/identity-verifications/${ivId}/send ${json} -d '{"customer":{"name":"홍길동","phoneNumber":"01012345678","identityNumber":"9001011"},"operator":"SKT","method":"SMS"}'
OTP=$(curl -s ${emulatorUrl}/emulator/otp/${ivId} | json otp); echo "OTP: $OTP"   # EMULATOR ONLY: the code it "texted"
curl -s -w '\\n' -X POST ${appUrl}/identity-verifications/${ivId}/confirm ${json} -d "{\\"otp\\":\\"$OTP\\"}"
curl -s -w '\\n' ${appUrl}/identity-verifications/${ivId}
curl -s -w '\\n' "${appUrl}/identity-verifications?status=VERIFIED&size=5"

# --- V1 OTP certification (CertificationService): request -> read OTP -> confirm -> get -> delete
RES=$(curl -s -X POST ${appUrl}/certifications/otp ${json} -d '{"name":"홍길동","phone":"010-1234-5678","birth":"900101","genderDigit":"1","carrier":"SKT"}'); echo "$RES"; IMP_UID=$(echo "$RES" | json impUid)
OTP=$(curl -s ${emulatorUrl}/emulator/otp/$IMP_UID | json otp); echo "OTP: $OTP"   # EMULATOR ONLY
curl -s -w '\\n' -X POST ${appUrl}/certifications/$IMP_UID/confirm ${json} -d "{\\"otp\\":\\"$OTP\\"}"
curl -s -w '\\n' ${appUrl}/certifications/$IMP_UID
curl -s -w '\\n' -X DELETE ${appUrl}/certifications/$IMP_UID

# --- Convenience-store barcode (CvsService + webhooks): issue -> pay at the store -> the order is paid
RES=$(curl -s -X POST ${appUrl}/cvs ${json} -d '{"merchantUid":"order-${run}","amount":15000,"name":"Sample order"}'); echo "$RES"; CVS_UID=$(echo "$RES" | json impUid)
curl -s -X POST ${emulatorUrl}/emulator/cvs/$CVS_UID/pay | json outcome   # EMULATOR ONLY: the customer pays at the store
curl -s -w '\\n' ${appUrl}/orders/order-${run}   # "status":"paid": the module re-read the notice from PortOne

# --- A cancelled order's barcode is refused at the store, then revoked
RES=$(curl -s -X POST ${appUrl}/cvs ${json} -d '{"merchantUid":"order-${run}-2","amount":9000}'); CVS_UID=$(echo "$RES" | json impUid)
curl -s -w '\\n' -X POST ${appUrl}/orders/order-${run}-2/cancel
curl -s -X POST ${emulatorUrl}/emulator/cvs/$CVS_UID/pay | json outcome   # EMULATOR ONLY: "refused"
curl -s -w '\\n' -X DELETE ${appUrl}/cvs/$CVS_UID

# --- PortOne's health (Terminus + nestjs-portone/health), from the calls above: no extra request
curl -s -w '\\n' ${appUrl}/health/portone

# --- An error, mapped by PortOneExceptionFilter: confirming again is a 409
curl -s -w '\\n' -X POST ${appUrl}/identity-verifications/${ivId}/confirm ${json} -d '{"otp":"000000"}'
`;
}
