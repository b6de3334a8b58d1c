import {
  PortOneApiError,
  PortOneNetworkError,
  PortOnePayment,
  PortOneValidationError,
  type IssueCvsPaymentDto,
  type PortOneModuleOptions,
} from '../../lib';
import type { PortOneEmulator } from '../../lib/testing';
import {
  createPortOneTestApp,
  emulatorOptions,
  rejectionOf,
  useEmulatorApp,
  type PortOneTestApp,
} from '../support/portone-test-app';
import { ScriptedServer, v1TokenAnswer, type ScriptedAnswer } from '../support/scripted-server';

const DAY_MS = 86_400_000;

describe('CvsService.listByStatus against the emulator', () => {
  let emulator: PortOneEmulator;
  let app: PortOneTestApp;
  let orders = 0;

  const env = useEmulatorApp();
  beforeAll(() => ({ emulator, app } = env));
  beforeEach(() => emulator.reset());

  function issueDto(overrides: Partial<IssueCvsPaymentDto> = {}): IssueCvsPaymentDto {
    orders += 1;
    return {
      channelKey: emulator.credentials.channelKeys.galaxia,
      merchantUid: `list-order-${orders}`,
      amount: 1_000 + orders,
      buyerName: '김철수',
      ...overrides,
    };
  }

  async function issueAndPay(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const issued = await app.cvs.issue(issueDto());
      emulator.markCvsPaid(issued.impUid);
      ids.push(issued.impUid);
    }
    return ids;
  }

  it('lists paid payments page by page: total, previous, next and mapped payments', async () => {
    const paid = await issueAndPay(5);
    await app.cvs.issue(issueDto()); // ready: not listed as paid

    const first = await app.cvs.listByStatus('paid', { limit: 2, sorting: 'paid' });
    expect(first).toMatchObject({ total: 5, previous: 0, next: 2 });
    expect(first.list).toHaveLength(2);
    expect(first.list[0]).toBeInstanceOf(PortOnePayment);
    expect(first.list[0]).toMatchObject({ status: 'paid', sandbox: true });
    expect(first.list[0].paidAt).toBeInstanceOf(Date);

    const last = await app.cvs.listByStatus('paid', { limit: 2, page: 3, sorting: 'paid' });
    expect(last).toMatchObject({ total: 5, previous: 2, next: 0 });
    const middle = await app.cvs.listByStatus('paid', { limit: 2, page: 2, sorting: 'paid' });
    const listed = [...first.list, ...middle.list, ...last.list].map(payment => payment.impUid);
    expect(new Set(listed)).toEqual(new Set(paid));

    expect(emulator.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/payments/status/paid',
      query: { include_sandbox: 'true', limit: '2', page: '2', sorting: 'paid' },
    });
  });

  it('sends from and to as UNIX seconds; the window selects on the status time, both ends inclusive', async () => {
    const [early] = await issueAndPay(1);
    emulator.setClockSkew(10);
    const [late] = await issueAndPay(1);
    const lateAt = emulator.getPayment(late)!.paid_at;
    emulator.setClockSkew(0);

    const page = await app.cvs.listByStatus('paid', {
      from: new Date(lateAt * 1000 + 999),
      to: new Date(lateAt * 1000 + 60_000),
    });
    expect(page.list.map(payment => payment.impUid)).toEqual([late]);
    expect(emulator.requests.at(-1)?.query).toMatchObject({
      from: String(lateAt),
      to: String(lateAt + 60),
    });

    const all = await app.cvs.listByStatus('all', { to: new Date(lateAt * 1000 + 60_000) });
    expect(all.list.map(payment => payment.impUid).sort()).toEqual([early, late].sort());
  });

  it('lists a revoked barcode as cancelled by its cancellation time', async () => {
    const issued = await app.cvs.issue(issueDto());
    await app.cvs.revoke(issued.impUid);
    const page = await app.cvs.listByStatus('cancelled');
    expect(page.list.map(payment => payment.impUid)).toEqual([issued.impUid]);
    expect(page.list[0].cancelHistory).toHaveLength(1);
    await expect(app.cvs.listByStatus('paid')).resolves.toMatchObject({ total: 0, next: 0, list: [] });
  });

  it('includeSandbox: false sends include_sandbox=false and the emulator then lists no test-channel payment', async () => {
    await issueAndPay(1);
    await expect(app.cvs.listByStatus('paid', { includeSandbox: false })).resolves.toMatchObject({
      total: 0,
      list: [],
    });
    expect(emulator.requests.at(-1)?.query).toMatchObject({ include_sandbox: 'false' });
  });

  it('a page past the data is a PortOneApiError 400 from PortOne', async () => {
    await issueAndPay(1);
    const error = await rejectionOf(app.cvs.listByStatus('paid', { page: 2 }));
    expect(error).toBeInstanceOf(PortOneApiError);
    expect(error).toMatchObject({ status: 400 });
  });

  it('PortOne answering 503 is retried (a lookup), then a typed PortOneApiError with the status', async () => {
    await issueAndPay(1);
    emulator.injectFault({ api: 'v1', path: '/payments/status/paid', status: 503 });
    await expect(app.cvs.listByStatus('paid')).resolves.toMatchObject({ total: 1 });
    emulator.injectFault({ api: 'v1', path: '/payments/status/paid', status: 503, times: 3 });
    const error = await rejectionOf(app.cvs.listByStatus('paid'));
    expect(error).toBeInstanceOf(PortOneApiError);
    expect(error).toMatchObject({ status: 503 });
  });

  it('v1.includeSandbox: false in the module options is the default of listByStatus too', async () => {
    const strict = await createPortOneTestApp(
      emulatorOptions(emulator, { v1: { ...emulatorOptions(emulator).v1!, includeSandbox: false } }),
    );
    try {
      await issueAndPay(1);
      await expect(strict.cvs.listByStatus('paid')).resolves.toMatchObject({ total: 0 });
      await expect(strict.cvs.listByStatus('paid', { includeSandbox: true })).resolves.toMatchObject({
        total: 1,
      });
    } finally {
      await strict.close();
    }
  });

  it.each<[string, () => Promise<unknown>, string]>([
    ['an unknown status', () => app.cvs.listByStatus('done' as never), 'status'],
    ['a status that is not a string', () => app.cvs.listByStatus(42 as never), 'status'],
    ['page 0', () => app.cvs.listByStatus('paid', { page: 0 }), 'page'],
    ['a fractional page', () => app.cvs.listByStatus('paid', { page: 1.5 }), 'page'],
    ['limit 0', () => app.cvs.listByStatus('paid', { limit: 0 }), 'limit'],
    ['limit 1001', () => app.cvs.listByStatus('paid', { limit: 1001 }), 'limit'],
    ['an unknown sorting', () => app.cvs.listByStatus('paid', { sorting: 'amount' as never }), 'sorting'],
    ['from not a date', () => app.cvs.listByStatus('paid', { from: 'yesterday' as never }), 'from'],
    [
      'to before from',
      () => app.cvs.listByStatus('paid', { from: new Date(), to: new Date(Date.now() - 1_000) }),
      'to',
    ],
    [
      'a window over 90 days',
      () => app.cvs.listByStatus('paid', { from: new Date(Date.now() - 91 * DAY_MS), to: new Date() }),
      'to',
    ],
    ['an option it does not know', () => app.cvs.listByStatus('paid', { size: 3 } as never), 'size'],
  ])('%s: PortOneValidationError naming the field, no request', async (_case, list, field) => {
    const error = await rejectionOf(list());
    expect(error).toBeInstanceOf(PortOneValidationError);
    expect((error as PortOneValidationError).issues.map(issue => issue.field)).toContain(field);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('CvsService.listByStatus: hostile success answers', () => {
  let server: ScriptedServer;
  let app: PortOneTestApp;
  let next: ScriptedAnswer = {};

  beforeAll(async () => {
    server = await ScriptedServer.start(request =>
      request.path === '/users/getToken' ? v1TokenAnswer('list-token') : next,
    );
    const options: PortOneModuleOptions = {
      v1: { apiKey: 'list-key', apiSecret: 'list-secret', baseUrl: server.baseUrl },
      retry: false,
    };
    app = await createPortOneTestApp(options);
  });
  afterAll(async () => {
    await app.close();
    await server.close();
  });

  const v1 = (response: unknown): ScriptedAnswer => ({ body: { code: 0, message: null, response } });
  const page = { total: 1, previous: 0, next: 0 };
  const payment = { imp_uid: 'imp_1', merchant_uid: 'order-1', status: 'paid', amount: 1000 };

  it.each<[string, unknown]>([
    ['null', null],
    ['a list', []],
    ['a number', 42],
    ['a string', 'page'],
    ['an empty object', {}],
    ['total missing', { previous: 0, next: 0, list: [] }],
    ['a negative next', { ...page, next: -1, list: [] }],
    ['total as text', { ...page, total: '1', list: [] }],
    ['list not a list', { ...page, list: 'x' }],
    ['a list item that is not an object', { ...page, list: ['imp_1'] }],
    ['a list item without imp_uid', { ...page, list: [{ ...payment, imp_uid: undefined }] }],
    ['a list item without status', { ...page, list: [{ ...payment, status: undefined }] }],
    ['a list item with an unknown status', { ...page, list: [{ ...payment, status: 'paid!' }] }],
    ['a list item with a nested history', { ...page, list: [{ ...payment, cancel_history: [[]] }] }],
  ])('%s: a typed error saying PortOne answered something unexpected', async (_case, response) => {
    next = v1(response);
    const error = await rejectionOf(app.cvs.listByStatus('paid'));
    expect(error).toBeInstanceOf(PortOneNetworkError);
    expect(error).toMatchObject({ failure: 'invalid-response', status: 200, retryable: false });
    expect((error as Error).message).toContain('PortOne answered something unexpected');
  });

  it('a well-formed page maps; an absent list (not required by the spec) is an empty page', async () => {
    next = v1({ ...page, list: [payment] });
    const listed = await app.cvs.listByStatus('paid');
    expect(listed).toMatchObject({ total: 1, previous: 0, next: 0 });
    expect(listed.list[0]).toMatchObject({ impUid: 'imp_1', status: 'paid', amount: 1000 });
    next = v1({ total: 0, previous: 0, next: 0 });
    await expect(app.cvs.listByStatus('paid')).resolves.toEqual({
      total: 0,
      previous: 0,
      next: 0,
      list: [],
    });
  });
});
