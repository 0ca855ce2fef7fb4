import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../config/api-tokens';

/**
 * Server-side sessions of the staff pages. The cookie carries only a random ID; what the session
 * means (the person, their role and municipality, the CSRF token) stays on the server, so signing out
 * or expiry ends it at once. A visitor who has not signed in gets an anonymous session too: it holds
 * the CSRF token of the sign-in form and the state of an OpenID Connect sign-in under way.
 *
 * This store keeps them in the API process's memory: enough for the embedded default (one API
 * process), lost on restart (everyone signs in again), and not shared between API processes — several
 * API replicas behind a load balancer need a shared store (the database the deployment runs) behind
 * the same interface.
 */
export interface Session {
  id: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  /** Set once signed in. */
  principal?: Principal;
  /** How the header names the person (their name from the identity provider, or their ID). */
  displayName?: string;
  /** How they signed in; an OpenID Connect session keeps its ID token for the provider's sign-out. */
  via?: 'token' | 'oidc';
  idToken?: string;
  /** An OpenID Connect sign-in under way: what the callback must match. */
  pendingOidc?: { state: string; nonce: string; codeVerifier: string; startedAt: number; next?: string };
}

export interface SessionStore {
  get(id: string): Session | undefined;
  /** A new anonymous session. */
  create(): Session;
  /**
   * Signs the session in under a new ID and a new CSRF token (the old ID is void), so an ID planted
   * before sign-in (session fixation) is worth nothing after it.
   */
  signIn(
    session: Session,
    principal: Principal,
    details: { displayName: string; via: 'token' | 'oidc'; idToken?: string },
  ): Session;
  destroy(id: string): void;
}

export interface SessionLimits {
  /** A signed-in session ends after this long without a request. */
  idleMs: number;
  /** And after this long in any case (a working day). */
  absoluteMs: number;
  /** An anonymous session (the sign-in form) lives this long. */
  anonymousMs: number;
  /** At most this many anonymous sessions: the oldest go first, so visitors cannot fill the memory. */
  maxAnonymous: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  idleMs: 60 * 60 * 1000,
  absoluteMs: 10 * 60 * 60 * 1000,
  anonymousMs: 30 * 60 * 1000,
  maxAnonymous: 10_000,
};

const newId = () => randomBytes(32).toString('base64url');

export function memorySessionStore(
  limits: SessionLimits = DEFAULT_SESSION_LIMITS,
  now: () => number = Date.now,
): SessionStore {
  // Keyed by the ID's hash: a lookup's timing says nothing about the IDs that exist.
  const signedIn = new Map<string, Session>();
  // Insertion order is age order, so the oldest anonymous session is the first key.
  const anonymous = new Map<string, Session>();
  const key = (id: string) => createHash('sha256').update(id).digest('base64url');

  const expired = (session: Session, at: number) =>
    session.principal
      ? at - session.lastSeenAt > limits.idleMs || at - session.createdAt > limits.absoluteMs
      : at - session.createdAt > limits.anonymousMs;

  const sweep = (at: number) => {
    for (const map of [signedIn, anonymous]) {
      for (const [k, session] of map) if (expired(session, at)) map.delete(k);
    }
  };
  let lastSweep = now();

  return {
    get(id) {
      const at = now();
      // Expired sessions are dropped now and then, not by a timer the process would have to stop.
      if (at - lastSweep > 60_000) {
        sweep(at);
        lastSweep = at;
      }
      const k = key(id);
      const session = signedIn.get(k) ?? anonymous.get(k);
      if (!session) return undefined;
      if (expired(session, at)) {
        signedIn.delete(k);
        anonymous.delete(k);
        return undefined;
      }
      session.lastSeenAt = at;
      return session;
    },
    create() {
      const at = now();
      while (anonymous.size >= limits.maxAnonymous) {
        const oldest = anonymous.keys().next().value;
        if (oldest === undefined) break;
        anonymous.delete(oldest);
      }
      const session: Session = { id: newId(), csrfToken: newId(), createdAt: at, lastSeenAt: at };
      anonymous.set(key(session.id), session);
      return session;
    },
    signIn(previous, principal, details) {
      anonymous.delete(key(previous.id));
      signedIn.delete(key(previous.id));
      const at = now();
      const session: Session = {
        id: newId(),
        csrfToken: newId(),
        createdAt: at,
        lastSeenAt: at,
        principal,
        displayName: details.displayName,
        via: details.via,
        ...(details.idToken ? { idToken: details.idToken } : {}),
      };
      signedIn.set(key(session.id), session);
      return session;
    },
    destroy(id) {
      signedIn.delete(key(id));
      anonymous.delete(key(id));
    },
  };
}

/** Whether a form's CSRF token is the session's (constant time). */
export function csrfMatches(session: Session, given: unknown): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 200) return false;
  const expected = Buffer.from(session.csrfToken);
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
