import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Page tokens the API hands out, sealed: Temporal's own token with the list's query, signed. A token
 * someone altered, made up or took from another list is refused at once (400), before Temporal sees
 * it — the dev server answers a malformed token with an error the client keeps retrying.
 */
export class PageTokens {
  private readonly key: Buffer;

  /** `secret`: shared by every API process (derived from the encryption keys), so any of them can continue a list. */
  constructor(secret?: Buffer) {
    this.key = createHmac('sha256', secret ?? randomBytes(32))
      .update('page-token')
      .digest();
  }

  seal(temporalToken: Uint8Array, query: string): string {
    const token = Buffer.from(temporalToken);
    return `${token.toString('base64url')}.${this.sign(token, query).toString('base64url')}`;
  }

  /** Temporal's token, or undefined when the token is not one this list handed out. */
  open(sealed: string, query: string): Buffer | undefined {
    const [body, signature, ...rest] = sealed.split('.');
    if (!body || !signature || rest.length > 0) return undefined;
    const token = Buffer.from(body, 'base64url');
    const given = Buffer.from(signature, 'base64url');
    const expected = this.sign(token, query);
    return given.length === expected.length && timingSafeEqual(given, expected) ? token : undefined;
  }

  private sign(token: Buffer, query: string): Buffer {
    return createHmac('sha256', this.key).update(token).update('\0').update(query).digest().subarray(0, 16);
  }
}
