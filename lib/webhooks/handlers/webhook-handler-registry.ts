import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PortOneConfigurationError } from '../../errors';
import { messages } from '../../errors/messages';
import type { CvsConfirmHandlerMetadata } from '../decorators/on-cvs-confirm.decorator';
import type { WebhookHandlerMetadata } from '../decorators/on-portone-webhook.decorator';
import type { CvsConfirmRequest, PortOneWebhookEvent } from '../events/webhook-events';
import { PORTONE_CVS_CONFIRM_HANDLER, PORTONE_WEBHOOK_HANDLER } from '../webhook.constants';

/** A discovered handler method, bound to its provider instance. @internal */
export interface DiscoveredHandler<A, R> {
  /** `ClassName.method`, for logs. */
  readonly name: string;
  readonly invoke: (arg: A) => R | Promise<R>;
}

interface EventHandler extends DiscoveredHandler<PortOneWebhookEvent, unknown> {
  readonly metadata: WebhookHandlerMetadata;
}

type ConfirmHandler = DiscoveredHandler<CvsConfirmRequest, unknown> & CvsConfirmHandlerMetadata;

/**
 * Finds the app's `@OnPortOneWebhook()` and `@OnCvsConfirm()` methods once, at boot, among every
 * singleton provider and controller (request-scoped ones have no instance to call and are reported).
 * Handlers are selected by the event's own `registration`, so any registration's registry (and a queue
 * worker dispatching a stored event) picks the same ones.
 * @internal
 */
@Injectable()
export class WebhookHandlerRegistry implements OnModuleInit {
  private eventHandlers: EventHandler[] = [];
  private confirmHandlers: ConfirmHandler[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const problems: string[] = [];
    const eventHandlers: EventHandler[] = [];
    const confirmHandlers: ConfirmHandler[] = [];
    for (const wrapper of [...this.discovery.getProviders(), ...this.discovery.getControllers()]) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const target = instance[method];
        if (typeof target !== 'function') continue;
        const onEvent = this.reflector.get<WebhookHandlerMetadata | undefined>(
          PORTONE_WEBHOOK_HANDLER,
          target,
        );
        const onConfirm = this.reflector.get<CvsConfirmHandlerMetadata | undefined>(
          PORTONE_CVS_CONFIRM_HANDLER,
          target,
        );
        if (onEvent === undefined && onConfirm === undefined) continue;
        const name = `${instance.constructor.name}.${method}`;
        if (!wrapper.isDependencyTreeStatic()) {
          problems.push(messages.options.handlerNotSingleton(name));
          continue;
        }
        for (const metadata of [onEvent, onConfirm]) {
          const registration = metadata?.registration;
          if (
            registration !== undefined &&
            (typeof registration !== 'string' || registration.trim() === '')
          ) {
            problems.push(messages.options.handlerRegistration(name));
          }
        }
        const invoke = (arg: unknown): unknown => (target as (a: unknown) => unknown).call(instance, arg);
        if (onEvent !== undefined) eventHandlers.push({ name, metadata: onEvent, invoke });
        if (onConfirm !== undefined)
          confirmHandlers.push({ name, registration: onConfirm.registration, invoke });
      }
    }
    problems.push(...duplicateConfirmHandlers(confirmHandlers));
    if (problems.length > 0) throw new PortOneConfigurationError(problems);
    this.eventHandlers = eventHandlers;
    this.confirmHandlers = confirmHandlers;
  }

  /**
   * The handlers an event goes to, in discovery order: those listening to its type (or to every type) and
   * to its registration (or to every registration).
   */
  handlersFor(event: PortOneWebhookEvent): readonly DiscoveredHandler<PortOneWebhookEvent, unknown>[] {
    // String(): an unrecognized V2 type is a string at runtime, typed apart only for narrowing.
    const type = String(event.type);
    return this.eventHandlers.filter(
      ({ metadata }) =>
        (metadata.types === '*' || metadata.types.includes(type)) &&
        (metadata.registration === undefined || metadata.registration === event.registration),
    );
  }

  /** The `@OnCvsConfirm()` handler of a registration: its own, else the one without a registration. */
  cvsConfirmHandlerFor(
    registration: string | undefined,
  ): DiscoveredHandler<CvsConfirmRequest, unknown> | undefined {
    return (
      this.confirmHandlers.find(
        handler => handler.registration !== undefined && handler.registration === registration,
      ) ?? this.confirmHandlers.find(handler => handler.registration === undefined)
    );
  }
}

/** One `@OnCvsConfirm()` per registration, and one without: the problems naming every pair that breaks it. */
function duplicateConfirmHandlers(handlers: readonly ConfirmHandler[]): string[] {
  const byRegistration = new Map<string | undefined, string[]>();
  for (const handler of handlers) {
    byRegistration.set(handler.registration, [
      ...(byRegistration.get(handler.registration) ?? []),
      handler.name,
    ]);
  }
  return [...byRegistration]
    .filter(([, names]) => names.length > 1)
    .map(([registration, names]) => messages.options.severalConfirmHandlers(names, registration));
}
