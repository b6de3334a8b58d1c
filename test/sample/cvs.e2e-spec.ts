import request from 'supertest';
import { useSampleApp, uniqueId } from '../support/sample-app';

describe('sample: convenience-store barcodes over HTTP', () => {
  const sample = useSampleApp();

  const http = () => request(sample.server);

  function issue(merchantUid = uniqueId('order')) {
    return http().post('/cvs').send({ merchantUid, amount: 15000, name: 'Sample order' }).expect(201);
  }

  it('issues a barcode through the configured Galaxia channel', async () => {
    const merchantUid = uniqueId('order');
    const res = await issue(merchantUid);

    expect(res.body).toEqual({
      impUid: expect.stringMatching(/^imps_/),
      merchantUid,
      status: 'ready',
      amount: 15000,
      barcode: expect.stringMatching(/^\d+$/),
      expiresAt: expect.any(String),
    });
    const [sent] = sample.emulator.requests.filter(r => r.path === '/cvs');
    expect(sent.body).toMatchObject({
      channel_key: sample.emulator.credentials.channelKeys.galaxia,
      merchant_uid: merchantUid,
      amount: 15000,
    });
  });

  it('revokes an unpaid barcode', async () => {
    const { body: issued } = await issue();

    const res = await http().delete(`/cvs/${issued.impUid}`).expect(200);
    expect(res.body).toMatchObject({
      impUid: issued.impUid,
      status: 'cancelled',
      cancelledAt: expect.any(String),
    });
    expect(sample.emulator.getPayment(issued.impUid)?.status).toBe('cancelled');
  });

  it('answers 409 when a barcode is revoked twice', async () => {
    const { body: issued } = await issue();
    await http().delete(`/cvs/${issued.impUid}`).expect(200);

    const res = await http().delete(`/cvs/${issued.impUid}`).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', portOne: { code: 1 } });
  });

  it('answers 409 when a paid barcode is revoked', async () => {
    const { body: issued } = await issue();
    sample.emulator.markCvsPaid(issued.impUid);

    await http().delete(`/cvs/${issued.impUid}`).expect(409);
    expect(sample.emulator.getPayment(issued.impUid)?.status).toBe('paid');
  });

  it('answers 404 for an unknown payment', async () => {
    const res = await http().delete('/cvs/imps_000000000000').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, portOne: { code: -1 } });
  });

  it.each([
    ['a negative amount', { merchantUid: 'order-1', amount: -1 }],
    ['a fractional amount', { merchantUid: 'order-1', amount: 10.5 }],
    ['a missing order id', { amount: 1000 }],
    ['an unknown field', { merchantUid: 'order-1', amount: 1000, channelKey: 'other' }],
  ])('refuses %s with 400 before anything reaches PortOne', async (_case, body) => {
    await http().post('/cvs').send(body).expect(400);
    expect(sample.emulator.requests).toHaveLength(0);
  });
});
