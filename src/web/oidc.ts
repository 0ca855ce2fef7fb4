import * as client from 'openid-client';
import type { Principal } from '../config/api-tokens';
import type { OidcConfig } from '../config/oidc';

/**
 * Sign-in through the municipality's identity provider: OpenID Connect's authorization code flow with
 * PKCE (S256), state and nonce, by `openid-client`. The provider's metadata is discovered on the first
 * sign-in (not at start, so the API starts while the provider is away) and kept; a failed discovery is
 * tried again at the next sign-in.
 */
export class OidcSignIn {
  private discovered?: Promise<client.Configuration>;

  constructor(readonly config: OidcConfig) {}

  private configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const { issuer, clientId, clientSecret, allowInsecureHttp } = this.config;
      this.discovered = client
        .discovery(
          issuer,
          clientId,
          clientSecret ? { client_secret: clientSecret } : { token_endpoint_auth_method: 'none' },
          clientSecret ? client.ClientSecretPost(clientSecret) : client.None(),
          allowInsecureHttp ? { execute: [client.allowInsecureRequests] } : {},
        )
        .catch((error: unknown) => {
          this.discovered = undefined;
          throw error;
        });
    }
    return this.discovered;
  }

  /** Where to send the browser, and what its answer must match (kept in the session, server-side). */
  async start(): Promise<{ url: URL; pending: { state: string; nonce: string; codeVerifier: string } }> {
    const configuration = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUri.href,
      scope: this.config.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, pending: { state, nonce, codeVerifier } };
  }

  /**
   * Checks the provider's answer (state, the code exchanged with the PKCE verifier, the ID token's
   * signature, issuer, audience, nonce and expiry) and answers with the ID token's claims.
   */
  async finish(
    callbackQuery: string,
    pending: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ claims: Record<string, unknown>; idToken: string }> {
    const configuration = await this.configuration();
    // The URL as the provider redirected to it: the configured redirect URI (what was registered),
    // with the answer's query, whatever host or proxy the request came through.
    const currentUrl = new URL(this.config.redirectUri.href);
    currentUrl.search = callbackQuery;
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new Error('the provider answered without an ID token');
    return { claims: claims as Record<string, unknown>, idToken: tokens.id_token };
  }

  /** The provider's sign-out (RP-initiated logout), when it offers one. */
  async endSessionUrl(idToken: string | undefined, afterwards: URL): Promise<URL | undefined> {
    let configuration: client.Configuration;
    try {
      configuration = await this.configuration();
    } catch {
      return undefined;
    }
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: afterwards.href,
      ...(idToken ? { id_token_hint: idToken } : {}),
    });
  }
}

export type ClaimsVerdict =
  | { ok: true; principal: Principal; displayName: string }
  /** `reason` is shown to the person (Danish); `check` names the failed check for the log. */
  | { ok: false; reason: string; check: string };

const PERSON_ID = /^[A-Za-z0-9._@-]{1,100}$/;

/** A claim by name, or by a dotted path into nested claims (`realm_access.roles`). */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function values(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((item): item is string => typeof item === 'string');
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * Who the ID token says the person is, as the API's Principal: their ID, their role (the first of the
 * configured mapping that they have) and their municipality. Anything missing or unknown refuses the
 * sign-in with a reason the person can take to their administrator.
 */
export function principalFromClaims(claims: Record<string, unknown>, config: OidcConfig): ClaimsVerdict {
  const person = claimAt(claims, config.claims.person);
  if (typeof person !== 'string' || !PERSON_ID.test(person)) {
    return {
      ok: false,
      check: 'person',
      reason:
        'Dit login mangler et brugernavn, som Ressourceforløb kan bruge. Kontakt kommunens it-administrator.',
    };
  }
  const held = new Set(values(claimAt(claims, config.claims.roles)));
  const role = config.roleMap.find(([value]) => held.has(value))?.[1];
  if (!role) {
    return {
      ok: false,
      check: 'role',
      reason:
        'Dit login giver ikke adgang til Ressourceforløb. Kontakt kommunens it-administrator, hvis du skal have adgang.',
    };
  }
  // One value, as it is ("Københavns Kommune" is one name), or the first of a list.
  const municipalityClaim = claimAt(claims, config.claims.municipality);
  const given = Array.isArray(municipalityClaim)
    ? values(municipalityClaim)[0]
    : typeof municipalityClaim === 'string'
      ? municipalityClaim.trim()
      : undefined;
  const municipality =
    given === undefined ? undefined : config.municipalityMap ? config.municipalityMap.get(given) : given;
  if (!municipality || !(/^\d{3}$/.test(municipality) || (municipality === '*' && role === 'admin'))) {
    return {
      ok: false,
      check: 'municipality',
      reason: 'Dit login siger ikke, hvilken kommune du arbejder for. Kontakt kommunens it-administrator.',
    };
  }
  const name = claimAt(claims, config.claims.name);
  return {
    ok: true,
    principal: { person, role, municipality },
    displayName: typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : person,
  };
}
