import { PortOnePaymentPromotion, PortOneVbankDeposit } from '../../lib';
import { fill } from '../../lib/mapping/model-fields';

// The mappers (lib/*/models/map-*.ts) build every model with `fill`, whose second argument must name every
// field of the model. The @ts-expect-error lines are checked by `npm run typecheck`: if a forgotten or
// misspelt field ever compiled, the directive itself would fail the build.

describe('compile-checked mapping', () => {
  it('a field left out of a mapper, or one the model does not have, does not compile', () => {
    // @ts-expect-error `discount` is missing
    const missing = fill(new PortOnePaymentPromotion(), { id: 'promo-1' });
    // @ts-expect-error `discont` is not a field of PortOnePaymentPromotion
    const misspelt = fill(new PortOnePaymentPromotion(), { id: 'promo-1', discount: 100, discont: 100 });
    expect(missing).toBeInstanceOf(PortOnePaymentPromotion);
    expect(misspelt).toBeInstanceOf(PortOnePaymentPromotion);
  });

  it('copies defined values onto the model instance and leaves absent ones absent', () => {
    const deposit = fill(new PortOneVbankDeposit(), {
      pgTid: 'tid-1',
      amount: 5000,
      depositorName: undefined,
      depositedAt: new Date(0),
    });
    expect(deposit).toBeInstanceOf(PortOneVbankDeposit);
    expect(Object.keys(deposit).sort()).toEqual(['amount', 'depositedAt', 'pgTid']);
  });
});
