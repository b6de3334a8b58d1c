import type { OnApplicationShutdown } from '@nestjs/common';
import type { HttpService } from '@nestjs/axios';
import { PortOneConfigurationError } from '../errors';
import type { PortOneTransport, TransportRequest } from '../http/transport';
import type { CallStatistics } from '../observability/call-statistics';

/** What the module knows about one configured API generation. @internal */
export interface ConfiguredApi {
  /** The module's own HttpService (never the app's), with the auth interceptors registered on it. */
  readonly http: HttpService;
  readonly transport: PortOneTransport;
  /** What the health indicator reads: the last calls and token fetches. */
  readonly statistics: CallStatistics;
  /** Closes the keep-alive socket pool. */
  readonly destroy: () => void;
}

const REQUIRED_OPTION = {
  v1: 'options.v1 ({ apiKey, apiSecret }) is not configured',
  v2: 'options.v2 ({ apiSecret }) is not configured',
} as const;

/**
 * The services' handle on one PortOne API generation. When that generation is not configured, every call
 * rejects with `PortOneConfigurationError` naming the missing option, and nothing is sent.
 * @internal
 */
export class PortOneApiClient implements OnApplicationShutdown {
  constructor(
    readonly api: 'v1' | 'v2',
    private readonly configured: ConfiguredApi | undefined,
    /** V2: the store used when a call does not name one. */
    readonly defaultStoreId?: string,
  ) {}

  /** The module's HttpService for this API, or undefined when it is not configured. */
  get http(): HttpService | undefined {
    return this.configured?.http;
  }

  /** The last calls and token fetches, or undefined when this API is not configured. */
  get statistics(): CallStatistics | undefined {
    return this.configured?.statistics;
  }

  request<T>(request: TransportRequest, caller: string): Promise<T> {
    if (!this.configured) {
      return Promise.reject(new PortOneConfigurationError([`${caller} needs ${REQUIRED_OPTION[this.api]}`]));
    }
    return this.configured.transport.request<T>({ ...request, operation: caller });
  }

  onApplicationShutdown(): void {
    this.configured?.destroy();
  }
}
