import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { join } from 'node:path';
import { CertificationController } from './certification/certification.controller';
import { ChannelKeys } from './config/channel-keys';
import { portOneOptionsFactory } from './config/portone-options.factory';
import { CvsController, WEBHOOK_PATH } from './cvs/cvs.controller';
import { CvsPaymentEvents } from './cvs/cvs-payment.events';
import { EmbeddedEmulatorModule } from './emulator/embedded-emulator.module';
import { HealthModule } from './health/health.module';
import { IdentityVerificationController } from './identity/identity-verification.controller';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { PortOneExceptionFilter, PortOneModule, type PortOneEmulator } from './portone';

@Module({
  imports: [
    // sample/.env (see sample/.env.example); variables already set in the environment win over the file.
    ConfigModule.forRoot({ isGlobal: true, envFilePath: join(__dirname, '..', '.env') }),
    // The options come from the environment through ConfigService; see config/portone-options.factory.ts.
    PortOneModule.forRootAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: portOneOptionsFactory,
      // Mounts POST /portone/webhook (payment notices) and /portone/webhook/cvs-confirm; the handlers are
      // the @OnPortOneWebhook / @OnCvsConfirm methods of CvsPaymentEvents.
      webhook: { path: WEBHOOK_PATH },
    }),
    // GET /health/portone (Terminus + nestjs-portone/health).
    HealthModule,
  ],
  controllers: [IdentityVerificationController, CertificationController, CvsController, OrdersController],
  providers: [
    ChannelKeys,
    OrdersService,
    CvsPaymentEvents,
    // Registered as providers (not in main.ts) so that tests booting AppModule get exactly the same behaviour.
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
    },
    // The package's filter answers every PortOneError with the right status, type and request id.
    { provide: APP_FILTER, useClass: PortOneExceptionFilter },
  ],
})
export class AppModule {
  /** The app plus an emulator it closes on shutdown (`npm start` without credentials). */
  static withEmbeddedEmulator(emulator: PortOneEmulator): DynamicModule {
    return { module: AppModule, imports: [EmbeddedEmulatorModule.closingOnShutdown(emulator)] };
  }
}
