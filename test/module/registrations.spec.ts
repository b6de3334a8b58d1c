import { HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import {
  CertificationService,
  CvsService,
  IdentityVerificationService,
  InjectPortOne,
  PORTONE_MODULE_OPTIONS,
  PortOneConfigurationError,
  PortOneModule,
  getPortOneHttpToken,
  getPortOneOptionsToken,
  getPortOneToken,
  type PortOneModuleOptions,
} from '../../lib';
import { PortOneEmulator } from '../../lib/testing';
import { emulatorOptions, otpRequest, rejectionOf } from '../support/portone-test-app';

describe('named registrations', () => {
  // Two merchants, each with its own keys: one emulator plays each merchant's PortOne account.
  let live: PortOneEmulator;
  let agency: PortOneEmulator;

  beforeAll(async () => {
    live = await PortOneEmulator.start({
      v1: { apiKey: 'live_imp_key', apiSecret: 'live_imp_secret' },
      v2: { apiSecret: 'live-v2-secret' },
    });
    agency = await PortOneEmulator.start({
      v1: { apiKey: 'agency_imp_key', apiSecret: 'agency_imp_secret' },
      v2: { apiSecret: 'agency-v2-secret' },
    });
  });
  afterAll(async () => {
    await live.close();
    await agency.close();
  });

  @Injectable()
  class CheckoutService {
    constructor(
      @InjectPortOne(CertificationService, 'live') readonly liveCertifications: CertificationService,
      @InjectPortOne(CertificationService, 'agency') readonly agencyCertifications: CertificationService,
      @InjectPortOne(IdentityVerificationService, 'live')
      readonly liveVerifications: IdentityVerificationService,
      @InjectPortOne(IdentityVerificationService, 'agency')
      readonly agencyVerifications: IdentityVerificationService,
    ) {}
  }

  it('inject two registrations into one provider, each calling with its own credentials', async () => {
    @Module({
      imports: [
        PortOneModule.forRoot({ ...emulatorOptions(live), name: 'live' }),
        PortOneModule.forRootAsync({ name: 'agency', useFactory: () => emulatorOptions(agency) }),
      ],
      providers: [CheckoutService],
    })
    class AppModule {}
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    await moduleRef.init();
    try {
      const checkout = moduleRef.get(CheckoutService);
      expect(checkout.liveCertifications).not.toBe(checkout.agencyCertifications);
      expect(moduleRef.get(getPortOneToken(CertificationService, 'agency'))).toBe(
        checkout.agencyCertifications,
      );
      // Each registration has its own authenticated HttpServices too.
      const liveHttp = moduleRef.get<HttpService>(getPortOneHttpToken('v1', 'live'));
      expect(liveHttp).toBeInstanceOf(HttpService);
      expect(liveHttp).not.toBe(moduleRef.get(getPortOneHttpToken('v1', 'agency')));

      const { impUid: liveUid } = await checkout.liveCertifications.requestOtp(
        otpRequest(live.credentials.channelKeys.danal),
      );
      const { impUid: agencyUid } = await checkout.agencyCertifications.requestOtp(
        otpRequest(agency.credentials.channelKeys.danal),
      );
      await rejectionOf(checkout.liveVerifications.get('iv-live-1'));
      await rejectionOf(checkout.agencyVerifications.get('iv-agency-1'));

      // Each emulator's request log shows only its own merchant's keys, tokens and calls.
      for (const [emulator, key, secret, uid, ivId] of [
        [live, 'live_imp_key', 'live-v2-secret', liveUid, 'iv-live-1'],
        [agency, 'agency_imp_key', 'agency-v2-secret', agencyUid, 'iv-agency-1'],
      ] as const) {
        const tokenRequests = emulator.requests.filter(request => request.path === '/users/getToken');
        expect(tokenRequests.map(request => (request.body as { imp_key: string }).imp_key)).toEqual([key]);
        const otp = emulator.requests.find(request => request.path === '/certifications/otp/request');
        expect(otp?.headers.authorization).toMatch(/^Bearer /);
        expect(emulator.requests.find(request => request.api === 'v2')?.headers.authorization).toBe(
          `PortOne ${secret}`,
        );
        expect(emulator.requests.map(request => request.path)).toEqual(
          expect.arrayContaining([`/identity-verifications/${ivId}`]),
        );
        expect(uid).toMatch(/^imp_/);
      }
      expect(live.requests.some(request => request.path.includes('agency'))).toBe(false);
      expect(agency.requests.some(request => request.path.includes('live'))).toBe(false);
    } finally {
      await moduleRef.close();
    }
  });

  it('a named registration does not provide the services by class; the unnamed one still does', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        PortOneModule.forRoot({ ...emulatorOptions(live), name: 'live' }),
        PortOneModule.forRoot(emulatorOptions(agency)),
      ],
    }).compile();
    try {
      const byClass = moduleRef.get(CertificationService);
      expect(byClass).toBeInstanceOf(CertificationService);
      expect(moduleRef.get(getPortOneToken(CertificationService, 'live'))).not.toBe(byClass);
      expect(getPortOneToken(CertificationService)).toBe(CertificationService);
    } finally {
      await moduleRef.close();
    }
  });
});

describe('overrideProvider(PORTONE_MODULE_OPTIONS)', () => {
  let emulator: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start();
  });
  afterAll(() => emulator.close());

  it('replaces what a forRootAsync factory would return, without touching process.env', async () => {
    @Module({
      imports: [
        PortOneModule.forRootAsync({
          useFactory: (): PortOneModuleOptions => {
            throw new Error('the production factory must not run in this test');
          },
        }),
      ],
    })
    class AppModule {}
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(PORTONE_MODULE_OPTIONS)
      .useValue(emulatorOptions(emulator))
      .compile();
    try {
      const { impUid } = await moduleRef
        .get(CertificationService)
        .requestOtp(otpRequest(emulator.credentials.channelKeys.danal));
      expect(emulator.countRequests({ path: '/certifications/otp/request' })).toBe(1);
      expect(impUid).toMatch(/^imp_/);
    } finally {
      await moduleRef.close();
    }
  });
});

describe('getPortOneOptionsToken(name): each registration its own options token', () => {
  let emulator: PortOneEmulator;
  let other: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start();
    other = await PortOneEmulator.start({ v1: { apiKey: 'other_key', apiSecret: 'other_secret' } });
  });
  beforeEach(() => {
    emulator.clearRequests();
    other.clearRequests();
  });
  afterAll(async () => {
    await emulator.close();
    await other.close();
  });

  it('overriding one named registration leaves the other named and the unnamed one as configured', async () => {
    @Module({
      imports: [
        PortOneModule.forRootAsync({
          name: 'agency',
          useFactory: (): PortOneModuleOptions => {
            throw new Error('the agency factory must not run: its options are overridden');
          },
        }),
        PortOneModule.forRoot({ ...emulatorOptions(other), name: 'live' }),
        PortOneModule.forRoot(emulatorOptions(other)),
      ],
    })
    class AppModule {}
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(getPortOneOptionsToken('agency'))
      .useValue(emulatorOptions(emulator))
      .compile();
    try {
      const danal = emulator.credentials.channelKeys.danal;
      await moduleRef
        .get<CertificationService>(getPortOneToken(CertificationService, 'agency'))
        .requestOtp(otpRequest(danal));
      await moduleRef
        .get<CertificationService>(getPortOneToken(CertificationService, 'live'))
        .requestOtp(otpRequest(danal));
      await moduleRef.get(CertificationService).requestOtp(otpRequest(danal));
      // The overridden registration calls the emulator with its keys; the other two still call `other`.
      expect(emulator.countRequests({ path: '/certifications/otp/request' })).toBe(1);
      expect(other.countRequests({ path: '/certifications/otp/request' })).toBe(2);
      expect(moduleRef.get(getPortOneOptionsToken('live'))).toMatchObject({ v1: { apiKey: 'other_key' } });
      expect(moduleRef.get(PORTONE_MODULE_OPTIONS)).toMatchObject({ v1: { apiKey: 'other_key' } });
    } finally {
      await moduleRef.close();
    }
  });

  it('PORTONE_MODULE_OPTIONS is the unnamed registration’s token: overriding it leaves named ones alone', async () => {
    expect(getPortOneOptionsToken()).toBe(PORTONE_MODULE_OPTIONS);
    expect(getPortOneOptionsToken('agency')).not.toBe(getPortOneOptionsToken('live'));
    const moduleRef = await Test.createTestingModule({
      imports: [
        PortOneModule.forRoot({ ...emulatorOptions(other), name: 'live' }),
        PortOneModule.forRootAsync({
          useFactory: (): PortOneModuleOptions => {
            throw new Error('the unnamed factory must not run: its options are overridden');
          },
        }),
      ],
    })
      .overrideProvider(PORTONE_MODULE_OPTIONS)
      .useValue(emulatorOptions(emulator))
      .compile();
    try {
      const danal = emulator.credentials.channelKeys.danal;
      await moduleRef.get(CertificationService).requestOtp(otpRequest(danal));
      await moduleRef
        .get<CertificationService>(getPortOneToken(CertificationService, 'live'))
        .requestOtp(otpRequest(danal));
      expect(emulator.countRequests({ path: '/certifications/otp/request' })).toBe(1);
      expect(other.countRequests({ path: '/certifications/otp/request' })).toBe(1);
    } finally {
      await moduleRef.close();
    }
  });
});

describe('the services', () => {
  it('are built by Nest from their classes (their constructors’ @Inject decorators are what resolves them)', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        DiscoveryModule,
        PortOneModule.forRoot({ v1: { apiKey: 'k', apiSecret: 's' }, v2: { apiSecret: 'secret' } }),
        PortOneModule.forRoot({ name: 'agency', v1: { apiKey: 'k', apiSecret: 's' } }),
      ],
    }).compile();
    try {
      const wrappers = moduleRef.get(DiscoveryService).getProviders();
      for (const service of [CertificationService, CvsService, IdentityVerificationService]) {
        for (const token of [getPortOneToken(service), getPortOneToken(service, 'agency')]) {
          const wrapper = wrappers.find(candidate => candidate.token === token);
          // A class provider: Nest instantiates the class itself (a factory provider would have `inject`).
          const label = typeof token === 'string' ? token : service.name;
          expect({ label, metatype: wrapper?.metatype, inject: wrapper?.inject ?? null }).toEqual({
            label,
            metatype: service,
            inject: null,
          });
          expect(moduleRef.get(token)).toBeInstanceOf(service);
        }
      }
    } finally {
      await moduleRef.close();
    }
  });
});

describe('unknown option keys', () => {
  it('fail the boot, naming each key, also where TypeScript cannot see them (forRootAsync)', async () => {
    const error = await rejectionOf(
      Test.createTestingModule({
        imports: [
          PortOneModule.forRootAsync({
            useFactory: () =>
              ({
                v1: { apiKey: 'k', apiSecret: 's', tiercode: 'ABC' },
                timeout: 5_000,
                retry: { retries: 3 },
              }) as unknown as PortOneModuleOptions,
          }),
        ],
      }).compile(),
    );
    expect(error).toBeInstanceOf(PortOneConfigurationError);
    expect((error as PortOneConfigurationError).problems).toEqual(
      expect.arrayContaining([
        'timeout is not a PortOneModule option (check its spelling)',
        'v1.tiercode is not a PortOneModule option (check its spelling)',
        'retry.retries is not a PortOneModule option (check its spelling)',
      ]),
    );
  });

  it('the extras (isGlobal, name) are not options', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        PortOneModule.forRootAsync({
          isGlobal: true,
          name: 'extras',
          useFactory: () => ({ v2: { apiSecret: 'secret' } }),
        }),
      ],
    }).compile();
    expect(moduleRef.get(getPortOneToken(IdentityVerificationService, 'extras'))).toBeInstanceOf(
      IdentityVerificationService,
    );
    await moduleRef.close();
  });
});
