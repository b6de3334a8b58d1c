import { Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { PortOneEmulator } from '../portone';

/** Closes the emulator when the app shuts down (SIGINT/SIGTERM with `enableShutdownHooks()`, or `app.close()`). */
class CloseEmulatorOnShutdown implements OnApplicationShutdown {
  constructor(private readonly emulator: PortOneEmulator) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.emulator.close();
    new Logger('PortOneSample').log(`Emulator closed${signal ? ` (${signal})` : ''}.`);
  }
}

/** Ties an already started emulator to the app's lifecycle. */
@Module({})
export class EmbeddedEmulatorModule {
  static closingOnShutdown(emulator: PortOneEmulator): DynamicModule {
    return {
      module: EmbeddedEmulatorModule,
      providers: [
        { provide: CloseEmulatorOnShutdown, useFactory: () => new CloseEmulatorOnShutdown(emulator) },
      ],
    };
  }
}
