import { messages } from '../../errors/messages';
import type { CvsConfirmRequest } from '../events/webhook-events';
import type { WebhookHandlerRegistry } from '../handlers/webhook-handler-registry';
import { answer, type WebhookAnswer } from '../http/webhook-answer';
import { logValue } from '../../logging/log-value';

/**
 * Answers PortOne's CVS confirm call: 200 lets the store take the payment, 403 refuses. The handler is the
 * registration's own `@OnCvsConfirm({ registration })`, else the one without a registration. No handler allows
 * (PortOne's behaviour without `confirm_url`); a handler that throws, returns anything but `true`, or misses
 * the deadline refuses, so a slow or broken app never lets through a payment it could not check.
 * @internal
 */
export async function handleCvsConfirm(
  body: Record<string, unknown> | undefined,
  registry: WebhookHandlerRegistry,
  deadlineMs: number,
  registration: string | undefined,
): Promise<WebhookAnswer> {
  const request = readConfirm(body, registration);
  if (!request) return answer(400, messages.webhookAnswer.cvsMalformed);
  // The imp_uid is the unverified request's: bounded in the log line.
  const what = `cvs confirm imp_uid=${logValue(request.impUid)}`;
  const handler = registry.cvsConfirmHandlerFor(registration);
  if (!handler) return answer(200, messages.webhookAnswer.cvsNoHandler(what));

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>(resolve => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  try {
    const decision = await Promise.race([Promise.resolve().then(() => handler.invoke(request)), deadline]);
    if (decision === 'deadline')
      return answer(403, messages.webhookAnswer.cvsMissedDeadline(what, handler.name, deadlineMs));
    return decision === true
      ? answer(200, messages.webhookAnswer.cvsAllowed(what, handler.name))
      : answer(403, messages.webhookAnswer.cvsRefused(what, handler.name));
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error;
    return answer(403, messages.webhookAnswer.cvsHandlerThrew(what, handler.name, name));
  } finally {
    clearTimeout(timer);
  }
}

function readConfirm(
  body: Record<string, unknown> | undefined,
  registration: string | undefined,
): CvsConfirmRequest | undefined {
  if (!body || body.event !== 'Galaxia.Cvs.Confirm') return undefined;
  const { imp_uid: impUid, merchant_uid: merchantUid, status } = body;
  if (typeof impUid !== 'string' || impUid === '' || typeof merchantUid !== 'string') return undefined;
  const extra =
    typeof body.extra === 'object' && body.extra !== null ? (body.extra as Record<string, unknown>) : {};
  return {
    registration,
    impUid,
    merchantUid,
    status: typeof status === 'string' ? status : 'ready',
    barcode: typeof extra.barcode === 'string' ? extra.barcode : undefined,
    payType: typeof extra.payType === 'string' ? extra.payType : undefined,
  };
}
