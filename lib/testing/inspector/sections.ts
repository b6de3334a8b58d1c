import type { EmulatorState } from '../state';
import type { EmulatorWebhookDelivery } from '../webhooks/delivery-log';
import { escapeHtml as e, maskName, maskPhone } from './mask';

/**
 * The inspector's sections, each a function of the emulator state returning an HTML fragment. Newest first
 * everywhere; times in the emulator clock's UTC.
 */

/** An optional list section: nothing rendered when `rows` is empty and `empty` is undefined. */
function table(title: string, id: string, headers: string[], rows: string[], empty?: string): string {
  if (rows.length === 0 && empty === undefined) return '';
  const body =
    rows.length === 0
      ? `<p class="empty">${e(empty)}</p>`
      : `<div class="scroll"><table><thead><tr>${headers.map(h => `<th>${e(h)}</th>`).join('')}</tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table></div>`;
  return `<section id="${id}"><h2>${e(title)} <small>${rows.length}</small></h2>${body}</section>`;
}

/**
 * `HH:MM:SS` (UTC) for a time on the emulator's today, to keep the tables narrow on a phone; `YYYY-MM-DD HH:MM`
 * for any other day (a barcode due in a week must not read as "now"). The full timestamp is the tooltip.
 */
function time(ms: number, nowMs: number): string {
  const iso = new Date(ms).toISOString();
  const today = iso.slice(0, 10) === new Date(nowMs).toISOString().slice(0, 10);
  const shown = today ? iso.slice(11, 19) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return `<time datetime="${iso}" title="${iso}">${shown}</time>`;
}

function badge(state: string): string {
  return `<span class="badge ${e(state.toLowerCase())}">${e(state)}</span>`;
}

const LIMIT = 50;

/** Every OTP "sent", newest first: the SMS inbox. */
export function smsInbox(state: EmulatorState): string {
  const now = state.clock.nowMs();
  const rows = state.otps
    .recent()
    .slice(0, LIMIT)
    .map(
      sms =>
        `<tr><td class="otp">${e(sms.otp)}</td><td>${e(maskPhone(sms.phone))}</td><td>${time(sms.sentAtMs, now)}</td>` +
        `<td>${e(sms.api.toUpperCase())}</td><td class="id">${e(sms.id)}</td></tr>`,
    );
  return table('SMS inbox', 'sms', ['OTP', 'to', 'sent', 'API', 'id'], rows, 'No OTP sent yet.');
}

/** The records of every merchant the emulator serves (one page shows them all), oldest merchant's first. */
function everyMerchants<T>(state: EmulatorState, records: (merchant: EmulatorState) => Iterable<T>): T[] {
  return state.merchants.flatMap(merchant => [...records(merchant)]);
}

/** V1 certifications with their state. */
export function certifications(state: EmulatorState): string {
  const now = state.clock.nowMs();
  const rows = everyMerchants(state, merchant => merchant.certifications.all())
    .reverse()
    .map(record => {
      const status = record.certified ? 'CERTIFIED' : record.failure ? 'FAILED' : 'PENDING';
      return (
        `<tr><td>${time(record.requestedAtMs, now)}</td><td class="id">${e(record.impUid)}</td><td>${badge(status)}</td>` +
        `<td>${e(record.channel.v1PgProvider)} ${e(record.method)}</td><td>${e(maskName(record.subject.name))}</td>` +
        `<td>${e(record.failure?.reason ?? '')}</td></tr>`
      );
    });
  return table(
    'V1 certifications',
    'certifications',
    ['requested', 'imp_uid', 'state', 'PG', 'name', 'failure'],
    rows,
    'None.',
  );
}

/** V2 identity verifications with their state. */
export function identityVerifications(state: EmulatorState): string {
  const now = state.clock.nowMs();
  const rows = everyMerchants(state, merchant => merchant.identityVerifications.all())
    .sort((a, b) => b.seq - a.seq)
    .slice(0, LIMIT)
    .map(
      record =>
        `<tr><td>${time(record.requestedAtMs, now)}</td><td class="id">${e(record.id)}</td><td>${badge(record.status)}</td>` +
        `<td>${e(record.channel?.pgProvider ?? '')} ${e(record.method ?? '')}</td>` +
        `<td>${e(maskName(record.requestedCustomer.name))}</td><td>${e(record.failure?.reason ?? '')}</td></tr>`,
    );
  return table(
    'V2 identity verifications',
    'identity-verifications',
    ['requested', 'id', 'state', 'PG', 'name', 'failure'],
    rows,
    'None.',
  );
}

/** CVS barcodes, with buttons to pay one at the store or let it expire. */
export function cvsBarcodes(state: EmulatorState): string {
  const nowMs = state.clock.nowMs();
  const now = Math.floor(nowMs / 1000);
  const rows = everyMerchants(state, merchant => merchant.payments.all())
    .reverse()
    .map(payment => {
      const expired = payment.status === 'ready' && payment.vbank_date <= now;
      const shown = expired ? 'EXPIRED' : payment.status.toUpperCase();
      const id = encodeURIComponent(payment.imp_uid);
      const actions =
        payment.status === 'ready' && !expired
          ? `<button data-post="/emulator/cvs/${e(id)}/pay" class="pay">Pay at store</button> ` +
            `<button data-post="/emulator/cvs/${e(id)}/expire" class="expire">Expire</button>`
          : '';
      return (
        `<tr data-imp-uid="${e(payment.imp_uid)}"><td>${time(payment.vbank_issued_at * 1000, nowMs)}</td>` +
        `<td class="id">${e(payment.imp_uid)}</td><td>${badge(shown)}</td><td class="num">${e(payment.amount.toLocaleString('en-US'))}</td>` +
        `<td class="otp">${e(payment.vbank_num)}</td><td>${time(payment.vbank_date * 1000, nowMs)}</td><td>${actions}</td></tr>`
      );
    });
  return table(
    'CVS barcodes',
    'cvs',
    ['issued', 'imp_uid', 'state', 'amount', 'barcode', 'pay by', ''],
    rows,
    'None.',
  );
}

/** One attempt: `#2 500 12:01:00`, or the network error. */
function attemptLine(attempt: EmulatorWebhookDelivery, nowMs: number): string {
  const outcome = attempt.status !== undefined ? String(attempt.status) : (attempt.error ?? 'no answer');
  return `<li>#${e(attempt.attempt)} <b>${e(outcome)}</b> ${time(attempt.sentAt.getTime(), nowMs)}</li>`;
}

/**
 * The emulator's calls to the app (CVS confirm, V1 notices, V2 webhooks), once there are any: one row per
 * delivery with its state, every attempt (answer and time) and when the next one is due.
 */
export function webhookDeliveries(state: EmulatorState): string {
  const now = state.clock.nowMs();
  const rows = state.webhookDeliveries.allHistories
    .reverse()
    .slice(0, LIMIT)
    .map(d => {
      const attempts = d.attempts.map(a => attemptLine(a, now)).join('');
      const next = d.nextAttemptAt ? time(d.nextAttemptAt.getTime(), now) : '';
      return (
        `<tr data-delivery-id="${e(d.deliveryId)}"><td>${e(d.kind)}</td><td>${badge(d.state.toUpperCase())}</td>` +
        `<td><ol class="attempts">${attempts}</ol><small>of ${e(d.maxAttempts)} · ${e(d.schedule)}</small></td>` +
        `<td>${next}</td><td class="id">${e(d.url)}</td></tr>`
      );
    });
  // No section until the emulator has called an app: most tests never configure a webhook URL.
  return table('Webhook deliveries', 'webhooks', ['kind', 'state', 'attempts', 'next attempt', 'URL'], rows);
}

/** The most recent requests (method, path, status, duration): no query strings, headers or bodies (PII). */
export function requestLog(state: EmulatorState): string {
  const now = state.clock.nowMs();
  const records = state.log.all;
  const rows: string[] = [];
  for (let i = records.length - 1; i >= 0 && rows.length < LIMIT; i--) {
    const r = records[i];
    if (r.api === 'emulator') continue; // the page's own refreshes and button presses
    rows.push(
      `<tr><td>${time(r.receivedAt.getTime(), now)}</td><td>${e(r.api.toUpperCase())}</td><td>${e(r.method)}</td>` +
        `<td class="id">${e(r.path)}</td><td>${e(r.status ?? '…')}</td>` +
        `<td class="num">${r.durationMs === undefined ? '' : `${e(r.durationMs)} ms`}</td></tr>`,
    );
  }
  const empty = state.config.logRequests
    ? 'No API request yet.'
    : 'The request log is off (logRequests: false).';
  return table('Recent requests', 'requests', ['at', 'API', 'method', 'path', 'status', 'took'], rows, empty);
}
