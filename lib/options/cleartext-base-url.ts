import { isLoopbackHost } from '../core/loopback';
import { messages } from '../errors/messages';
import type { PortOneModuleOptions } from './portone-module-options.interface';

/**
 * `http:` base URLs are allowed only for loopback hosts (the emulator): anywhere else the V1 `imp_secret`,
 * the V2 API secret and every access token would cross the network in cleartext.
 * @internal
 */
export function cleartextBaseUrlProblems(options: PortOneModuleOptions): string[] {
  const problems: string[] = [];
  for (const api of ['v1', 'v2'] as const) {
    const baseUrl = options[api]?.baseUrl;
    if (typeof baseUrl !== 'string') continue;
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      continue; // reported by the URL rule already
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      problems.push(messages.options.cleartextBaseUrl(api));
    }
  }
  return problems;
}
