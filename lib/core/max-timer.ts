/**
 * Longest delay a Node timer honours: a longer one fires after 1 ms (Node warns and clamps), so a larger
 * timeout or backoff would silently mean "at once". Bounds the module options and the per-call `timeoutMs`.
 * @internal
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;
