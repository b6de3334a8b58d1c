/** The variables that switch the sample from the embedded emulator to the real PortOne API. */
export const LIVE_CREDENTIAL_VARIABLES = [
  'PORTONE_V1_API_KEY',
  'PORTONE_V1_API_SECRET',
  'PORTONE_V2_API_SECRET',
] as const;

/** True when every live credential is set: then the sample talks to PortOne itself and starts no emulator. */
export function hasLiveCredentials(env: NodeJS.ProcessEnv): boolean {
  return LIVE_CREDENTIAL_VARIABLES.every(name => Boolean(env[name]));
}
