/**
 * What a webhook route answers, and the one line it logs. Neither ever contains the request body, a secret
 * or personal data: only ids, event types, handler names and error class names.
 * @internal
 */
export interface WebhookAnswer {
  readonly status: number;
  readonly body: { readonly ok: boolean; readonly message?: string; readonly [key: string]: unknown };
  readonly log: string;
  /** Response headers to set (e.g. `Retry-After`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The answer with `status` and one of `messages.webhookAnswer`'s texts: its `message` goes into the body,
 * its `log` is the line logged.
 * @internal
 */
export function answer(
  status: number,
  text: { readonly message: string; readonly log: string },
  extra: Record<string, unknown> = {},
  headers?: Readonly<Record<string, string>>,
): WebhookAnswer {
  const { message, log } = text;
  return { status, body: { ok: status < 300, message, ...extra }, log, ...(headers && { headers }) };
}
