import { parseArgs } from 'node:util';
import type { EmulatorWebhookDelivery, EmulatorWebhookHistory } from '../webhooks/delivery-log';

/** `send-webhook`'s usage text. */
export const SEND_WEBHOOK_USAGE = `Usage: nestjs-portone-emulator send-webhook --to <url> --type <type> [options]

Asks a running emulator to sign a V2 webhook event with its webhook secret and send it to <url> on PortOne's V2
schedule (retries at about 1, 5, 21, 85 and 341 minutes on the emulator's clock). Prints the first attempt and
exits 0 when the app answered 2xx, 1 otherwise (the emulator goes on retrying), 2 for a usage error.

Options:
  --to <url>          the app's webhook URL (required)
  --type <type>       Transaction.Paid, Transaction.Cancelled, BillingKey.Issued, ... (required)
  --data <json>       fields of the event's data, e.g. '{"paymentId":"order-1"}'; the others are made up
  --id <webhook-id>   the webhook-id header (default: a fresh one)
  --port <n>          the emulator's port (default 4000)
  --json              print the delivery as JSON
  -h, --help          this text`;

/** What `send-webhook` was asked to do. */
export interface SendWebhookArguments {
  readonly to: string;
  readonly type: string;
  readonly data: unknown;
  readonly id?: string;
  readonly port: number;
  readonly json: boolean;
  readonly help: boolean;
}

/** Parses `send-webhook`'s arguments. Throws an Error whose message is meant for the user. */
export function parseSendWebhookArguments(argv: readonly string[]): SendWebhookArguments {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      to: { type: 'string' },
      type: { type: 'string' },
      data: { type: 'string' },
      id: { type: 'string' },
      port: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const help = values.help ?? false;
  if (help) return { to: '', type: '', data: {}, port: 4000, json: false, help };
  if (!values.to) throw new Error('--to <url> is required');
  if (!values.type) throw new Error('--type <type> is required (e.g. Transaction.Paid)');
  const port = values.port === undefined ? 4000 : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`--port must be 1..65535, got "${values.port}"`);
  let data: unknown = {};
  if (values.data !== undefined) {
    try {
      data = JSON.parse(values.data);
    } catch {
      throw new Error(`--data must be JSON, got "${values.data}"`);
    }
  }
  return { to: values.to, type: values.type, data, id: values.id, port, json: values.json ?? false, help };
}

/** One line per attempt: `attempt 1/6 at <time>: 200` or the network error, and what comes next. */
export function describeDelivery(history: EmulatorWebhookHistory): string {
  const lines = [`delivery ${history.deliveryId} (${history.schedule}) to ${history.url}: ${history.state}`];
  for (const attempt of history.attempts) lines.push(`  ${describeAttempt(attempt)}`);
  if (history.nextAttemptAt)
    lines.push(`  next attempt at ${String(history.nextAttemptAt)} (emulator clock)`);
  return lines.join('\n');
}

function describeAttempt(attempt: EmulatorWebhookDelivery): string {
  const answer = attempt.status !== undefined ? `answered ${attempt.status}` : `no answer (${attempt.error})`;
  return `attempt ${attempt.attempt}/${attempt.maxAttempts} at ${String(attempt.sentAt)}: ${answer}`;
}

/**
 * Runs `send-webhook`: POSTs to the emulator's `/emulator/webhooks/v2` and prints what happened. Resolves to
 * the exit code.
 */
export async function sendWebhookCommand(
  argv: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  let args: SendWebhookArguments;
  try {
    args = parseSendWebhookArguments(argv);
  } catch (error) {
    err(`${(error as Error).message}\n\n${SEND_WEBHOOK_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    out(`${SEND_WEBHOOK_USAGE}\n`);
    return 0;
  }
  const endpoint = `http://127.0.0.1:${args.port}/emulator/webhooks/v2`;
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: args.to, type: args.type, data: args.data, id: args.id }),
      // The emulator answers after the first attempt, which PortOne lets take up to 60 s (connect + read).
      signal: AbortSignal.timeout(75_000),
    });
  } catch (error) {
    err(`no emulator answered at ${endpoint}: ${(error as Error).message}\n`);
    return 2;
  }
  const body = (await response.json().catch(() => ({}))) as EmulatorWebhookHistory & { message?: string };
  if (response.status !== 200) {
    err(`the emulator refused: ${body.message ?? response.status}\n`);
    return 2;
  }
  out(`${args.json ? JSON.stringify(body, null, 2) : describeDelivery(body)}\n`);
  return body.state === 'delivered' ? 0 : 1;
}
