import type { Dispatcher } from '../http/pipeline';
import { Router } from '../http/router';
import type { EmulatorState } from '../state';
import type { EmulatorStats } from '../stats';
import { renderInspector } from '../inspector/page';
import { addAdminRoutes, type ControlRoute } from './admin-routes';
import { guardControl } from './control-guard';
import { payAtStoreRoute } from './pay-at-store-route';
import { addTimeAndWebhookRoutes } from './time-and-webhook-routes';

/**
 * Endpoints for humans poking the emulator with curl (no authentication: it only listens on 127.0.0.1, and
 * `guardControl` refuses what a browser page on another site could send).
 * `GET /emulator/stats` returns the counters ({@link EmulatorStats}), for a benchmark client in another process.
 * `GET /emulator/otp/:id` shows the OTP the emulator "texted" for a V1 imp_uid or V2 identityVerificationId.
 */
export function createControlDispatcher(state: EmulatorState, stats: () => EmulatorStats): Dispatcher {
  const router = new Router<ControlRoute>()
    .add('GET', '/otp/:id', ({ id }) => {
      const otp = state.otps.last(id);
      return otp === undefined
        ? { status: 404, body: { message: `No OTP was sent for ${id}` } }
        : { status: 200, body: { id, otp } };
    })
    .add('GET', '/stats', () => ({ status: 200, body: stats() }))
    // The inspector page (served at `/`, and at `/emulator`).
    .add('GET', '/', () => ({
      status: 200,
      body: undefined,
      payload: renderInspector(state),
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    }));
  addAdminRoutes(router);
  addTimeAndWebhookRoutes(router);
  // Pays a CVS barcode at the store: calls the app back, so it answers asynchronously.
  router.add('POST', '/cvs/:imp_uid/pay', payAtStoreRoute);
  // One guard in front of every control route, including those added later (see control-guard.ts).
  return guardControl(ctx => {
    const match = router.match(ctx.method, ctx.path);
    if (!match)
      return { status: 404, body: { message: `No such emulator endpoint: ${ctx.method} ${ctx.path}` } };
    return match.route(match.params, state, ctx.body);
  });
}
