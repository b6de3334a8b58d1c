import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

/**
 * The PortOne channel keys the controllers use. A channel key names the PG contract a call goes through;
 * it is configuration, like the API secrets, so it comes from the environment too.
 *
 * Read per call rather than at boot so an app that only uses V2 does not need a Galaxia key: a missing key
 * fails only the endpoint that needs it (with a 500, since it is the server's misconfiguration).
 */
@Injectable()
export class ChannelKeys {
  constructor(private readonly config: ConfigService) {}

  /** Danal channel, for identity verification (V1 OTP and V2). */
  get danal(): string {
    return this.config.getOrThrow<string>('PORTONE_DANAL_CHANNEL_KEY');
  }

  /** Galaxia channel, for convenience-store barcodes. */
  get galaxia(): string {
    return this.config.getOrThrow<string>('PORTONE_GALAXIA_CHANNEL_KEY');
  }
}
