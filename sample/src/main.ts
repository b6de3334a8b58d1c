import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { emulatorEnvironment } from './emulator/emulator-environment';
import { hasLiveCredentials, LIVE_CREDENTIAL_VARIABLES } from './emulator/portone-mode';
import { walkthrough } from './emulator/walkthrough';
import { PortOneEmulator } from './portone';
import { OPENAPI_JSON_PATH, setUpSwagger } from './swagger';

/**
 * `npm start`. With PORTONE_V1_API_KEY, PORTONE_V1_API_SECRET and PORTONE_V2_API_SECRET set, the sample talks
 * to the real PortOne API. Without them it starts PortOne's emulator in this process, points the module at it
 * and prints curl commands to try every flow.
 */
async function bootstrap(): Promise<void> {
  const logger = new Logger('PortOneSample');
  // Importing AppModule started loading sample/.env into process.env; wait for it before reading any variable.
  await ConfigModule.envVariablesLoaded;
  const port = Number(process.env.PORT ?? 3000);
  // Loopback unless told otherwise: the sample is for trying the module, not for serving a network.
  const host = process.env.HOST ?? '127.0.0.1';

  if (hasLiveCredentials(process.env)) {
    logger.log('LIVE mode: talking to the real PortOne API (no emulator started).');
    const app = await NestFactory.create(AppModule);
    app.enableShutdownHooks();
    setUpSwagger(app);
    await app.listen(port, host);
    logPages(logger, `http://${host}:${port}`);
    return;
  }

  const emulator = await PortOneEmulator.start({ port: Number(process.env.PORTONE_EMULATOR_PORT ?? 0) });
  logger.log(
    `EMULATOR mode: ${LIVE_CREDENTIAL_VARIABLES.join(', ')} are not all set, so PortOne is emulated ` +
      `in this process on 127.0.0.1:${emulator.port}. No real SMS is sent and nothing leaves this machine.`,
  );
  // Before the app is created: ConfigService (and so the module's options factory) reads these.
  Object.assign(process.env, emulatorEnvironment(emulator));

  const app = await NestFactory.create(AppModule.withEmbeddedEmulator(emulator));
  // SIGINT/SIGTERM close the app, which closes the emulator (see EmbeddedEmulatorModule).
  app.enableShutdownHooks();
  setUpSwagger(app);
  await app.listen(port, host);
  logPages(logger, `http://${host}:${port}`, emulator.origin);
  process.stdout.write(
    walkthrough({ appUrl: `http://${host}:${port}`, emulatorUrl: `http://127.0.0.1:${emulator.port}` }),
  );
}

/** Where to point a browser: the sample's Swagger UI and, in emulator mode, the emulator's inspector page. */
function logPages(logger: Logger, appUrl: string, emulatorUrl?: string): void {
  logger.log(`Listening on ${appUrl}`);
  logger.log(`Swagger UI: ${appUrl}/  (OpenAPI document: ${appUrl}${OPENAPI_JSON_PATH})`);
  if (emulatorUrl) {
    logger.log(
      `Emulator inspector: ${emulatorUrl}/  (SMS inbox with the OTPs, records, barcodes, request log)`,
    );
  }
}

bootstrap().catch((error: unknown) => {
  // PortOneConfigurationError (bad options) lands here: its message lists every problem and holds no secrets.
  new Logger('PortOneSample').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
