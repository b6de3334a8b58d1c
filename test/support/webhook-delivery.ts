/** What a webhook route answered: its status, `Retry-After` header and JSON body. */
export interface DeliveryAnswer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: Record<string, unknown>;
}

/** POSTs a delivery as PortOne does (the same bytes and headers on every retry), bounded by `timeoutMs`. */
export async function sendDelivery(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs = 35_000,
): Promise<DeliveryAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}

/** Polls `condition` every 20 ms until it holds; rejects, naming `what`, after `timeoutMs`. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}
