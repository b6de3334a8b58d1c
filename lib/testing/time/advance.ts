import type { EmulatorState } from '../state';
import type { EmulatorClockAdvance } from './advance.types';

/** The longest single advance: a year, far beyond any schedule or lifetime the emulator knows. */
const MAX_ADVANCE_SECONDS = 366 * 86_400;

/**
 * Moves the emulator's clock forward by `seconds` and runs what falls due on the way (webhook retries and the
 * timeouts of calls in flight, each at its own time). Expiry (OTPs, barcodes, tokens, idempotency keys) is
 * judged against the clock when a request arrives, so it needs nothing run: it simply holds afterwards.
 * Throws a RangeError for a negative, non-finite or over-long value.
 */
export async function advanceClock(state: EmulatorState, seconds: number): Promise<EmulatorClockAdvance> {
  if (
    typeof seconds !== 'number' ||
    !Number.isFinite(seconds) ||
    seconds < 0 ||
    seconds > MAX_ADVANCE_SECONDS
  ) {
    throw new RangeError(
      `seconds must be a number from 0 to ${MAX_ADVANCE_SECONDS} (the clock only moves forward)`,
    );
  }
  const before = state.webhookDeliveries.count;
  await state.agenda.advance(seconds * 1000);
  return { now: new Date(state.clock.nowMs()), attempts: state.webhookDeliveries.all.slice(before) };
}
