import type { EmulatorWebhookDelivery, EmulatorWebhookKind } from './delivery-log';

/** One outgoing webhook request. */
export interface OutgoingWebhook {
  readonly kind: EmulatorWebhookKind;
  readonly url: string;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

/**
 * POSTs one webhook and describes what happened. Never throws: a refused connection or a timeout is a
 * delivery without a status, which is what PortOne records too.
 */
export async function postWebhook(
  request: OutgoingWebhook,
  attempt: number,
  now: () => Date,
): Promise<EmulatorWebhookDelivery> {
  const base = {
    kind: request.kind,
    url: request.url,
    attempt,
    contentType: request.contentType,
    body: request.body,
    sentAt: now(),
  };
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': request.contentType, ...request.headers },
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'manual',
    });
    // Drain the body so the socket is released; its content does not matter to PortOne.
    await response.arrayBuffer().catch(() => undefined);
    return { ...base, status: response.status };
  } catch (error) {
    return { ...base, error: describeNetworkError(error) };
  }
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timeout';
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? error.name;
  }
  return 'network error';
}
