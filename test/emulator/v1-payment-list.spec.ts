import type { PortOneEmulator } from '../../lib/testing';
import { call, cvsBody, jsonInit, useV1Emulator, v1Token } from '../support/emulator-http';

describe('emulator V1 GET /payments/status/{payment_status}', () => {
  let emulator: PortOneEmulator;
  let token: string;
  useV1Emulator(env => ({ emulator, token } = env));

  const auth = () => ({ authorization: `Bearer ${token}` });
  const issue = async (): Promise<string> => {
    const res = await call(`${emulator.v1BaseUrl}/cvs`, jsonInit('POST', cvsBody(emulator), auth()));
    expect(res.status).toBe(200);
    return (res.body.response as { imp_uid: string }).imp_uid;
  };
  const list = (query: string, status = 'paid') =>
    call(`${emulator.v1BaseUrl}/payments/status/${status}?${query}`, { headers: auth() });

  it('pages by limit: total, previous and next are page numbers (0 for none); a page past the data is 400', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      emulator.setClockSkew(i);
      const id = await issue();
      emulator.markCvsPaid(id);
      ids.push(id);
    }
    emulator.setClockSkew(10);

    const first = await list('include_sandbox=true&limit=2&sorting=paid');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ code: 0, response: { total: 5, previous: 0, next: 2 } });
    expect(first.body.response.list.map((p: { imp_uid: string }) => p.imp_uid)).toEqual(ids.slice(0, 2));
    const third = await list('include_sandbox=true&limit=2&page=3&sorting=paid');
    expect(third.body.response).toMatchObject({ total: 5, previous: 2, next: 0 });
    expect(third.body.response.list.map((p: { imp_uid: string }) => p.imp_uid)).toEqual([ids[4]]);
    // Default sorting is -started: newest first.
    const newest = await list('include_sandbox=true&limit=1');
    expect(newest.body.response.list[0].imp_uid).toBe(ids[4]);

    expect(await list('include_sandbox=true&limit=2&page=4')).toMatchObject({
      status: 400,
      body: { code: -1, response: null },
    });
  });

  it('selects on the time of the status (paid_at, cancelled_at, started_at), from and to inclusive', async () => {
    const paid = await issue();
    const paidAt = emulator.markCvsPaid(paid).paid_at;
    emulator.setClockSkew(100);
    const cancelled = await issue();
    await call(`${emulator.v1BaseUrl}/cvs/${cancelled}`, { method: 'DELETE', headers: auth() });
    const cancelledAt = emulator.getPayment(cancelled)!.cancelled_at;
    // Later by a whole second on the emulator clock, so that no query below depends on where a real second ends.
    emulator.setClockSkew(200);
    const ready = await issue();
    const later = emulator.getPayment(ready)!.started_at;
    expect(later).toBeGreaterThan(cancelledAt);

    const exact = await list(`include_sandbox=true&from=${paidAt}&to=${paidAt}`);
    expect(exact.body.response.list.map((p: { imp_uid: string }) => p.imp_uid)).toEqual([paid]);
    expect((await list(`include_sandbox=true&from=${paidAt + 1}`)).body.response.total).toBe(0);
    const cancelledNow = await list(`include_sandbox=true&from=${cancelledAt}`, 'cancelled');
    expect(cancelledNow.body.response.list.map((p: { imp_uid: string }) => p.imp_uid)).toEqual([cancelled]);
    expect((await list(`include_sandbox=true&from=${later}`, 'cancelled')).body.response.total).toBe(0);
    const all = await list(`include_sandbox=true&from=${paidAt}&to=${later}`, 'all');
    expect(all.body.response.total).toBe(3);
    const readyOnly = await list(`include_sandbox=true&from=${later}`, 'ready');
    expect(readyOnly.body.response.list.map((p: { imp_uid: string }) => p.imp_uid)).toEqual([ready]);
  });

  it('lists test-channel payments only with include_sandbox=true, like the other lookups', async () => {
    emulator.markCvsPaid(await issue());
    expect((await list('')).body.response).toEqual({ total: 0, previous: 0, next: 0, list: [] });
    expect((await list('include_sandbox=false')).body.response.total).toBe(0);
    expect((await list('include_sandbox=true')).body.response.total).toBe(1);
  });

  it('the default window is the 90 days up to now, on the emulator clock', async () => {
    emulator.markCvsPaid(await issue());
    // A token from the moved clock: the first one expired months ago.
    emulator.setClockSkew(91 * 86_400);
    token = await v1Token(emulator);
    expect((await list('include_sandbox=true')).body.response.total).toBe(0);
    emulator.setClockSkew(89 * 86_400);
    token = await v1Token(emulator);
    expect((await list('include_sandbox=true')).body.response.total).toBe(1);
  });

  it.each([
    ['an unknown status', 'include_sandbox=true', 'done', /payment_status/],
    ['limit 1001', 'limit=1001', 'paid', /limit/],
    ['limit 0', 'limit=0', 'paid', /limit/],
    ['page 0', 'page=0', 'paid', /page/],
    ['from not an integer', 'from=yesterday', 'paid', /from/],
    ['a window over 90 days', `from=0&to=${91 * 86_400}`, 'paid', /90 days/],
    ['from after to', 'from=20&to=10', 'paid', /from/],
    ['an unknown sorting', 'sorting=amount', 'paid', /sorting/],
    ['a repeated page', 'page=1&page=2', 'paid', /page/],
    ['a parameter the spec does not declare (strict)', 'size=3', 'paid', /size/],
  ])('%s: 400 naming the parameter', async (_case, query, status, message) => {
    const res = await list(query, status);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: -1, response: null });
    expect(res.body.message).toMatch(message);
  });

  it('needs a token', async () => {
    const res = await call(`${emulator.v1BaseUrl}/payments/status/paid`);
    expect(res.status).toBe(401);
  });
});
