/**
 * Longest delay a Node timer honours: a longer one fires after 1 ms (Node warns and clamps), so a larger
 * timeout, backoff, deadline or probe interval would silently mean "at once". Bounds every millisecond option of
 * every entry point: the module options, `webhookReceiver`, the health module and the per-call `timeoutMs`.
 * @internal
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;
