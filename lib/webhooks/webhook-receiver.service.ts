import { Logger, type LoggerService } from '@nestjs/common';
import type { Webhook } from 'standardwebhooks';
import type { CvsService } from '../cvs-payment/cvs.service';
import { PortOneConfigurationError } from '../errors';
import { messages } from '../errors/messages';
import { EscapingLogger } from '../logging/escaping-logger';
import type { ResolvedPortOneOptions } from '../options/resolve-options';
import { handleCvsConfirm } from './cvs-confirm/cvs-confirm';
import type { WebhookHandlerRegistry } from './handlers/webhook-handler-registry';
import { isPlainObject, parseBodyText } from './http/parse-body';
import { RawBodyUnavailableError, readRawBody } from './http/raw-body';
import { sourceIpOf } from './http/source-ip';
import { answer, type WebhookAnswer } from './http/webhook-answer';
import type { WebhookHttpRequest } from './http/webhook-request';
import { queueV1Notice, queueV2Event } from './queue/enqueue-delivery';
import { handleV1Notice, noImpUid, readV1Notice } from './v1/v1-notice';
import { createV2Verifiers, looksLikeV2Delivery } from './v2/verify-v2-delivery';
import { handleV2Delivery, verifiedV2Event } from './v2/v2-delivery';

/**
 * Everything behind the webhook routes, framework-neutral: source-IP check, body reading, then the V1
 * notice, V2 delivery or CVS confirm flow; in queue mode (`webhookReceiver.queue`) deliveries are stored, not
 * dispatched, and the CVS confirm stays synchronous. Logs one line per request (never bodies, secrets or personal data).
 * Built by a factory (webhook-module-parts.ts) with the CvsService of its own registration.
 * @internal
 */
export class WebhookReceiver {
  private readonly verifiers: readonly Webhook[];
  private readonly errors: LoggerService;

  constructor(
    private readonly options: ResolvedPortOneOptions,
    private readonly registry: WebhookHandlerRegistry,
    private readonly cvs: CvsService,
    /** This registration's name (undefined for the unnamed one): every event and confirm request carries it. */
    private readonly registration: string | undefined,
  ) {
    try {
      this.verifiers = createV2Verifiers(options.v2?.webhookSecrets ?? []);
    } catch {
      // The library's message would not leak the secret, but say which option is wrong, not what it holds.
      // resolveModuleOptions already refused such a secret; kept so a receiver never runs without verifiers.
      throw new PortOneConfigurationError([messages.options.webhookSecrets]);
    }
    // Failures that need the operator's attention are logged even when the module is otherwise quiet.
    this.errors = options.logger ?? new EscapingLogger(new Logger('PortOneWebhook'));
  }

  /** `POST /{path}`: a V1 notice or, with Standard Webhooks headers, a V2 delivery. */
  async receiveDelivery(req: WebhookHttpRequest): Promise<WebhookAnswer> {
    return this.guarded(req, 'delivery', async () => {
      const queue = this.options.webhookReceiver.queue;
      if (looksLikeV2Delivery(req.headers)) {
        const raw = await readRawBody(req);
        if (queue) {
          const verified = verifiedV2Event(req, raw, this.verifiers, this.registration);
          return verified.ok ? queueV2Event(queue, verified.event) : verified.answer;
        }
        return handleV2Delivery(req, raw, {
          verifiers: this.verifiers,
          registry: this.registry,
          options: this.options.webhookReceiver,
          registration: this.registration,
        });
      }
      if (queue) {
        const notice = readV1Notice(await this.parsedBody(req));
        return notice ? queueV1Notice(queue, notice, this.registration) : noImpUid();
      }
      return handleV1Notice(await this.parsedBody(req), {
        cvs: this.cvs,
        registry: this.registry,
        options: this.options.webhookReceiver,
        registration: this.registration,
      });
    });
  }

  /** `POST /{path}/cvs-confirm`: PortOne asks whether the store may take a CVS payment. */
  async receiveCvsConfirm(req: WebhookHttpRequest): Promise<WebhookAnswer> {
    return this.guarded(req, 'cvs confirm', async () =>
      handleCvsConfirm(
        await this.parsedBody(req),
        this.registry,
        this.options.webhookReceiver.confirmDeadlineMs,
        this.registration,
      ),
    );
  }

  private async guarded(
    req: WebhookHttpRequest,
    what: string,
    run: () => Promise<WebhookAnswer>,
  ): Promise<WebhookAnswer> {
    const allowed = this.options.webhookReceiver.allowedSourceIps;
    if (allowed) {
      const ip = sourceIpOf(req, this.options.webhookReceiver.trustedProxyHops);
      if (!ip || !allowed.has(ip))
        return this.logged(answer(403, messages.webhookAnswer.sourceNotAllowed(what, ip)));
    }
    try {
      return this.logged(await run());
    } catch (error) {
      if (error instanceof RawBodyUnavailableError) {
        return this.logged(answer(error.status, messages.webhookAnswer.refused(what, error.message)));
      }
      const name = error instanceof Error ? error.name : typeof error;
      return this.logged(answer(500, messages.webhookAnswer.processingFailed(what, name)));
    }
  }

  /** The body as an object: what the app's parser produced, else parsed here from the raw bytes. */
  private async parsedBody(req: WebhookHttpRequest): Promise<Record<string, unknown> | undefined> {
    if (isPlainObject(req.body) && Object.keys(req.body).length > 0) return req.body;
    let raw: Buffer;
    try {
      raw = await readRawBody(req);
    } catch {
      // Parsed to nothing and the bytes are gone: an empty or unparseable body.
      return undefined;
    }
    return parseBodyText(req, raw);
  }

  private logged(result: WebhookAnswer): WebhookAnswer {
    const line = `webhook ${result.status} ${result.log}`;
    if (result.status >= 500) this.errors.error(line);
    else if (result.status >= 400) this.errors.warn(line);
    else this.options.logger?.log(line);
    return result;
  }
}
