import type { EmulatorState } from './state';
import type { EmulatorStats } from './stats';

/** A frozen copy of the counters, with the server's connection count. */
export function statsOf(state: EmulatorState, connectionsOpened: number): EmulatorStats {
  const { counters } = state;
  return {
    requests: counters.requests,
    specViolations: counters.specViolations,
    tokenRequests: {
      v1: counters.v1TokenRequests,
      v2Login: counters.v2Logins,
      v2Refresh: counters.v2Refreshes,
    },
    connectionsOpened,
  };
}
