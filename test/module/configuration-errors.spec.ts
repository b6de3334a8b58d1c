import { Test } from '@nestjs/testing';
import { PortOneConfigurationError, PortOneModule, type PortOneModuleOptions } from '../../lib';
import { PortOneHealthModule } from '../../lib/health';
import { rejectionOf } from '../support/portone-test-app';

const V1 = { apiKey: 'cfg-key', apiSecret: 'cfg-secret', baseUrl: 'http://127.0.0.1:9' };
const V2 = { apiSecret: 'cfg-v2-secret', baseUrl: 'http://127.0.0.1:9' };
const TOO_LONG = 2 ** 31;

/** Every problem of one failed boot (or of a forRoot that throws before the boot). */
async function problemsOfBoot(
  build: () => Parameters<typeof Test.createTestingModule>[0],
): Promise<string[]> {
  const error = await rejectionOf(
    (async () => {
      const moduleRef = await Test.createTestingModule(build()).compile();
      await moduleRef.close();
    })(),
  );
  expect(error).toBeInstanceOf(PortOneConfigurationError);
  return [...(error as PortOneConfigurationError).problems];
}

describe('configuration errors', () => {
  // Before: Node clamped these to 1 ms: a 2^31 ms confirm deadline refused every CVS payment, a 2^31 ms
  // probe timeout reported a healthy PortOne down.
  it.each([
    ['webhookReceiver.confirmDeadlineMs', { webhookReceiver: { confirmDeadlineMs: TOO_LONG } }],
    ['webhookReceiver.processingTimeoutMs', { webhookReceiver: { processingTimeoutMs: TOO_LONG } }],
    ['webhookReceiver.dedupeWindowMs', { webhookReceiver: { dedupeWindowMs: TOO_LONG } }],
  ])('a timer option of 2^31 ms or more is refused at boot: %s', async (field, overrides) => {
    const problems = await problemsOfBoot(() => ({
      imports: [PortOneModule.forRoot({ v1: V1, ...(overrides as Partial<PortOneModuleOptions>) })],
    }));
    expect(problems).toEqual([expect.stringContaining(field)]);
    expect(problems[0]).toContain(String(TOO_LONG - 1));
  });

  it.each([['probeTimeoutMs'], ['probeIntervalMs']])(
    'the health module refuses %s of 2^31 ms or more, and unknown keys, in one error',
    async field => {
      const problems = await problemsOfBoot(() => ({
        imports: [PortOneHealthModule.forRoot({ [field]: TOO_LONG, probeTimeout: 5 } as never)],
      }));
      expect(problems).toEqual([
        expect.stringContaining(`PortOneHealthModule: ${field} must not be greater than ${TOO_LONG - 1}`),
        expect.stringContaining('probeTimeout is not a PortOneHealthModule option'),
      ]);
    },
  );

  // Before: only the first was reported (the webhook path threw in forRoot; the next boot reported the
  // base URL; the webhook secret only once the receiver was built).
  it('one PortOneConfigurationError lists every problem across options, webhook and webhookReceiver', async () => {
    const problems = await problemsOfBoot(() => ({
      imports: [
        PortOneModule.forRoot({
          v1: { ...V1, baseUrl: 'not a url' },
          v2: { ...V2, webhookSecrets: ['whsec_not base64!'] },
          webhookReceiver: { confirmDeadlineMs: TOO_LONG },
          webhook: { path: 'a//b' },
        }),
      ],
    }));
    expect(problems).toEqual([
      expect.stringContaining('v1.baseUrl'),
      expect.stringContaining('webhookReceiver.confirmDeadlineMs'),
      expect.stringContaining('v2.webhookSecrets'),
      expect.stringContaining('webhook.path'),
    ]);
    // The secret itself is never quoted.
    expect(problems.join('\n')).not.toContain('not base64');
  });

  it('the same list when the options come from forRootAsync', async () => {
    const problems = await problemsOfBoot(() => ({
      imports: [
        PortOneModule.forRootAsync({
          useFactory: () => ({ v2: { ...V2, baseUrl: 'ftp://x', webhookSecrets: ['%%%'] } }),
          webhook: { path: '' },
        }),
      ],
    }));
    expect(problems).toEqual([
      expect.stringContaining('v2.baseUrl'),
      expect.stringContaining('v2.webhookSecrets'),
      expect.stringContaining('webhook.path'),
    ]);
  });

  // Before: "webhook is not a PortOneModule option (check its spelling)", though it is one, in another place.
  it.each([
    ['webhook', { path: 'hooks' }],
    ['isGlobal', true],
    ['name', 'shop-a'],
  ])('%s returned by useFactory says it belongs beside useFactory', async (key, value) => {
    const problems = await problemsOfBoot(() => ({
      imports: [PortOneModule.forRootAsync({ useFactory: () => ({ v2: V2, [key]: value }) })],
    }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${key} belongs beside useFactory`);
    expect(problems[0]).not.toContain('check its spelling');
  });
});
