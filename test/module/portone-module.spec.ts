import { HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import axios, { type InternalAxiosRequestConfig } from 'axios';
import {
  CertificationService,
  IdentityVerificationService,
  PortOneConfigurationError,
  PortOneModule,
  getPortOneHttpToken,
  type PortOneModuleOptions,
  type PortOneOptionsFactory,
} from '../../lib';
import { PortOneEmulator } from '../../lib/testing';
import { emulatorOptions, rejectionOf } from '../support/portone-test-app';
import { recorder } from '../support/spy';

describe('PortOneModule', () => {
  let emulator: PortOneEmulator;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  /** Compiles a module, checks the V1 service works end to end, and closes it. */
  async function expectWorkingRegistration(imports: unknown[]): Promise<void> {
    const moduleRef = await Test.createTestingModule({ imports: imports as never[] }).compile();
    await moduleRef.init();
    try {
      const certifications = moduleRef.get(CertificationService);
      const { impUid } = await certifications.requestOtp({
        name: '홍길동',
        phone: '01012345678',
        birth: '900101',
        genderDigit: '1',
        carrier: 'SKT',
        channelKey: emulator.credentials.channelKeys.danal,
      });
      expect((await certifications.get(impUid)).impUid).toBe(impUid);
    } finally {
      await moduleRef.close();
    }
  }

  it('forRoot registers working services', async () => {
    await expectWorkingRegistration([PortOneModule.forRoot(emulatorOptions(emulator))]);
  });

  it('forRootAsync with useFactory, inject and imports reads ConfigService', async () => {
    await expectWorkingRegistration([
      PortOneModule.forRootAsync({
        imports: [
          ConfigModule.forRoot({
            ignoreEnvFile: true,
            load: [
              () => ({
                PORTONE_V1_API_KEY: emulator.credentials.v1.apiKey,
                PORTONE_V1_API_SECRET: emulator.credentials.v1.apiSecret,
                PORTONE_V1_BASE_URL: emulator.v1BaseUrl,
              }),
            ],
          }),
        ],
        inject: [ConfigService],
        useFactory: (config: ConfigService): PortOneModuleOptions => ({
          v1: {
            apiKey: config.getOrThrow<string>('PORTONE_V1_API_KEY'),
            apiSecret: config.getOrThrow<string>('PORTONE_V1_API_SECRET'),
            baseUrl: config.getOrThrow<string>('PORTONE_V1_BASE_URL'),
          },
        }),
      }),
    ]);
  });

  it('forRootAsync with useClass', async () => {
    @Injectable()
    class OptionsFactory implements PortOneOptionsFactory {
      createPortOneOptions(): PortOneModuleOptions {
        return emulatorOptions(emulator);
      }
    }
    await expectWorkingRegistration([PortOneModule.forRootAsync({ useClass: OptionsFactory })]);
  });

  it('forRootAsync with useExisting', async () => {
    @Injectable()
    class ExistingFactory implements PortOneOptionsFactory {
      createPortOneOptions(): Promise<PortOneModuleOptions> {
        return Promise.resolve(emulatorOptions(emulator));
      }
    }
    @Module({ providers: [ExistingFactory], exports: [ExistingFactory] })
    class FactoryModule {}
    await expectWorkingRegistration([
      PortOneModule.forRootAsync({ imports: [FactoryModule], useExisting: ExistingFactory }),
    ]);
  });

  it('isGlobal makes the services injectable in modules that do not import PortOneModule', async () => {
    @Injectable()
    class Consumer {
      constructor(readonly certifications: CertificationService) {}
    }
    @Module({ providers: [Consumer] })
    class FeatureModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [PortOneModule.forRoot({ ...emulatorOptions(emulator), isGlobal: true }), FeatureModule],
    }).compile();
    expect(moduleRef.select(FeatureModule).get(Consumer).certifications).toBeInstanceOf(CertificationService);
    await moduleRef.close();
  });

  it('stops the app at boot with one error listing every invalid option', async () => {
    const error = await rejectionOf(
      Test.createTestingModule({
        imports: [
          PortOneModule.forRoot({
            v1: { apiKey: '', apiSecret: 42 as unknown as string, baseUrl: 'not a url', tierCode: 'abcd' },
            v2: { apiSecret: 'secret-value-xyz', auth: 'magic' as 'token' },
            timeoutMs: -5,
            retry: { maxRetries: 99 },
          }),
        ],
      }).compile(),
    );
    expect(error).toBeInstanceOf(PortOneConfigurationError);
    const problems = (error as PortOneConfigurationError).problems.join('\n');
    for (const field of [
      'v1.apiKey',
      'v1.apiSecret',
      'v1.baseUrl',
      'tierCode',
      'v2.auth',
      'timeoutMs',
      'retry.maxRetries',
    ]) {
      expect(problems).toContain(field);
    }
    expect(JSON.stringify(error)).not.toContain('secret-value-xyz');
  });

  it('requires at least one API generation', async () => {
    const error = await rejectionOf(
      Test.createTestingModule({ imports: [PortOneModule.forRoot({})] }).compile(),
    );
    expect(error).toBeInstanceOf(PortOneConfigurationError);
    expect((error as Error).message).toContain('at least one of v1 or v2');
  });

  it('rejects calls to an API generation that is not configured, naming the option, without a request', async () => {
    const { v2, ...v1Only } = emulatorOptions(emulator);
    expect(v2).toBeDefined();
    const moduleRef = await Test.createTestingModule({ imports: [PortOneModule.forRoot(v1Only)] }).compile();
    const error = await rejectionOf(moduleRef.get(IdentityVerificationService).get('iv-1'));
    expect(error).toBeInstanceOf(PortOneConfigurationError);
    expect((error as Error).message).toContain('options.v2');
    expect(emulator.requests).toHaveLength(0);
    await moduleRef.close();
  });

  it('two registrations share neither tokens nor axios instances, and the global axios is untouched', async () => {
    const second = await PortOneEmulator.start({ strict: true });
    const globalRequestHook = recorder((config: InternalAxiosRequestConfig) => config);
    const hookId = axios.interceptors.request.use(globalRequestHook);
    try {
      // Two feature modules, each with its own registration, as an app serving two merchants would have.
      const registrationA = PortOneModule.forRoot(emulatorOptions(emulator));
      const registrationB = PortOneModule.forRoot(emulatorOptions(second));
      @Injectable()
      class ConsumerA {
        constructor(readonly certifications: CertificationService) {}
      }
      @Injectable()
      class ConsumerB {
        constructor(readonly certifications: CertificationService) {}
      }
      @Module({ imports: [registrationA], providers: [ConsumerA] })
      class FeatureA {}
      @Module({ imports: [registrationB], providers: [ConsumerB] })
      class FeatureB {}
      const moduleRef = await Test.createTestingModule({ imports: [FeatureA, FeatureB] }).compile();
      const httpA = moduleRef
        .select(registrationA)
        .get<HttpService>(getPortOneHttpToken('v1'), { strict: true });
      const httpB = moduleRef
        .select(registrationB)
        .get<HttpService>(getPortOneHttpToken('v1'), { strict: true });
      const serviceA = moduleRef.get(ConsumerA).certifications;
      const serviceB = moduleRef.get(ConsumerB).certifications;

      expect(serviceA).not.toBe(serviceB);
      expect(httpA).toBeInstanceOf(HttpService);
      expect(httpA).not.toBe(httpB);
      expect(httpA.axiosRef).not.toBe(httpB.axiosRef);
      expect(httpA.axiosRef).not.toBe(axios);

      await expect(serviceA.get('imp_missing')).rejects.toMatchObject({ status: 404 });
      await expect(serviceB.get('imp_missing')).rejects.toMatchObject({ status: 404 });
      // Each registration fetched its own token from its own emulator.
      expect(emulator.countRequests({ path: '/users/getToken' })).toBe(1);
      expect(second.countRequests({ path: '/users/getToken' })).toBe(1);
      const tokenA = emulator.requests.find(r => r.path === '/certifications/imp_missing')?.headers
        .authorization;
      const tokenB = second.requests.find(r => r.path === '/certifications/imp_missing')?.headers
        .authorization;
      expect(tokenA).toMatch(/^Bearer /);
      expect(tokenA).not.toBe(tokenB);
      // The module never went through the process-global axios.
      expect(globalRequestHook.calls).toEqual([]);
      await moduleRef.close();
    } finally {
      axios.interceptors.request.eject(hookId);
      await second.close();
    }
  });
});
