/**
 * Runs the emulator in its own process for the benchmark, so the clients being measured do not share an
 * event loop with the server. Reports its address over IPC, answers counter requests (CPU, connections,
 * token requests) and exits when the parent disconnects.
 */
import { PortOneEmulator } from '../lib/testing';
import { answerCounterRequests } from './server-protocol';

async function main(): Promise<void> {
  const emulator = await PortOneEmulator.start({ logRequests: false });
  answerCounterRequests(() => {
    const { tokenRequests } = emulator.stats;
    return {
      connectionsOpened: emulator.connectionsOpened,
      tokenRequests: tokenRequests.v1 + tokenRequests.v2Login + tokenRequests.v2Refresh,
    };
  });
  process.send?.({
    origin: emulator.origin,
    v1BaseUrl: emulator.v1BaseUrl,
    v2BaseUrl: emulator.v2BaseUrl,
    credentials: emulator.credentials,
  });
  process.on('disconnect', () => {
    void emulator.close().then(() => process.exit(0));
  });
}

void main();
