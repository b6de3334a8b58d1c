/**
 * Every credential one API client holds, so that it can be scrubbed by its VALUE out of anything PortOne
 * writes back: a V2 secret echoed in a 401 message, an access token of a shape no pattern knows. The
 * configured secrets stay for the client's life; issued tokens are kept for the last `recentTokens`
 * issues, which covers every token a request in flight can still carry.
 * @internal
 */
export class HeldSecrets {
  private readonly fixed: readonly string[];
  private readonly tokens: string[] = [];

  constructor(
    fixed: readonly (string | undefined)[],
    private readonly recentTokens = 16,
  ) {
    this.fixed = fixed.filter((value): value is string => typeof value === 'string' && value !== '');
  }

  /** Remembers a token PortOne issued (access or refresh). */
  addToken(token: string): void {
    if (token === '' || this.tokens.includes(token)) return;
    this.tokens.push(token);
    if (this.tokens.length > this.recentTokens) this.tokens.shift();
  }

  values(): readonly string[] {
    return [...this.fixed, ...this.tokens];
  }
}
