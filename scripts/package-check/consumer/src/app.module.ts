import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { PortOneModule, type PortOneModuleOptions } from 'nestjs-portone';

/** An app module as the README tells users to write it: options from ConfigService, nothing in code. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true }),
    PortOneModule.forRootAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService): PortOneModuleOptions => ({
        v1: {
          apiKey: config.getOrThrow<string>('PORTONE_V1_API_KEY'),
          apiSecret: config.getOrThrow<string>('PORTONE_V1_API_SECRET'),
          baseUrl: config.getOrThrow<string>('PORTONE_V1_BASE_URL'),
        },
        v2: {
          apiSecret: config.getOrThrow<string>('PORTONE_V2_API_SECRET'),
          storeId: config.get<string>('PORTONE_V2_STORE_ID'),
          baseUrl: config.getOrThrow<string>('PORTONE_V2_BASE_URL'),
        },
      }),
    }),
  ],
})
export class AppModule {}
