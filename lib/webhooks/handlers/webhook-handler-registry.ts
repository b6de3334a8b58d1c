import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PortOneConfigurationError } from '../../errors';
import { messages } from '../../errors/messages';
import type { WebhookHandlerSelector } from '../decorators/on-portone-webhook.decorator';
import type { CvsConfirmRequest, PortOneWebhookEvent } from '../events/webhook-events';
import { PORTONE_CVS_CONFIRM_HANDLER, PORTONE_WEBHOOK_HANDLER } from '../webhook.constants';

/** A discovered handler method, bound to its provider instance. @internal */
export interface DiscoveredHandler<A, R> {
  /** `ClassName.method`, for logs. */
  readonly name: string;
  readonly invoke: (arg: A) => R | Promise<R>;
}

interface EventHandler extends DiscoveredHandler<PortOneWebhookEvent, unknown> {
  readonly selector: WebhookHandlerSelector;
}

/**
 * Finds the app's `@OnPortOneWebhook()` and `@OnCvsConfirm()` methods once, at boot, among every
 * singleton provider and controller (request-scoped ones have no instance to call and are reported).
 * @internal
 */
@Injectable()
export class WebhookHandlerRegistry implements OnModuleInit {
  private eventHandlers: EventHandler[] = [];
  private confirmHandler: DiscoveredHandler<CvsConfirmRequest, unknown> | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const confirmHandlers: DiscoveredHandler<CvsConfirmRequest, unknown>[] = [];
    const problems: string[] = [];
    for (const wrapper of [...this.discovery.getProviders(), ...this.discovery.getControllers()]) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const target = instance[method];
        if (typeof target !== 'function') continue;
        const selector = this.reflector.get<WebhookHandlerSelector | undefined>(
          PORTONE_WEBHOOK_HANDLER,
          target,
        );
        const isConfirm =
          this.reflector.get<boolean | undefined>(PORTONE_CVS_CONFIRM_HANDLER, target) === true;
        if (selector === undefined && !isConfirm) continue;
        const name = `${instance.constructor.name}.${method}`;
        if (!wrapper.isDependencyTreeStatic()) {
          problems.push(messages.options.handlerNotSingleton(name));
          continue;
        }
        const invoke = (arg: unknown): unknown => (target as (a: unknown) => unknown).call(instance, arg);
        if (selector !== undefined) this.eventHandlers.push({ name, selector, invoke });
        if (isConfirm) confirmHandlers.push({ name, invoke });
      }
    }
    if (confirmHandlers.length > 1) {
      problems.push(messages.options.severalConfirmHandlers(confirmHandlers.map(h => h.name)));
    }
    if (problems.length > 0) throw new PortOneConfigurationError(problems);
    this.confirmHandler = confirmHandlers[0];
  }

  /** The handlers an event goes to, in discovery order. */
  handlersFor(type: string): readonly DiscoveredHandler<PortOneWebhookEvent, unknown>[] {
    return this.eventHandlers.filter(handler => handler.selector === '*' || handler.selector.includes(type));
  }

  /** The app's `@OnCvsConfirm()` handler, if any. */
  get cvsConfirmHandler(): DiscoveredHandler<CvsConfirmRequest, unknown> | undefined {
    return this.confirmHandler;
  }
}
