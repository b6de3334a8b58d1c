import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { PortOneEmulator } from 'nestjs-portone/testing';
import { AppModule } from './app.module.js';
import { useEmulatorEnvironment, useEveryService } from './every-service.js';

/** Boots the app with plain node against the emulator and calls every service; any failure exits non-zero. */
async function main(): Promise<void> {
  const emulator = await PortOneEmulator.start();
  useEmulatorEnvironment(emulator);
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    for (const line of await useEveryService(app, emulator)) console.log(line);
  } finally {
    await app.close();
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
