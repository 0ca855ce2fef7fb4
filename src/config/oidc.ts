import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describeIssues } from '../domain/engine/validation';
import { type Role, RoleSchema } from './api-tokens';
import { ConfigError } from './index';

/**
 * Sign-in to the staff pages through the municipality's identity provider (OpenID Connect,
 * authorization code flow with PKCE). Without RF_OIDC_ISSUER the pages sign in with the API tokens
 * instead (the embedded default); with it, only through the provider. Who someone is, their role and
 * their municipality come from the ID token's claims, mapped as configured here.
 */
export const OIDC_CALLBACK_PATH = '/log-ind/oidc/svar';

/** This machine: localhost, [::1] and the whole 127.0.0.0/8 range. */
const isLoopback = (hostname: string) =>
  hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

const optional = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().min(1).optional(),
);

/** A claim's name, or a dotted path into the claims (`realm_access.roles`). */
const claimPath = (fallback: string) =>
  optional
    .pipe(
      z
        .string()
        .regex(
          /^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/,
          'a claim name, or a dotted path such as realm_access.roles',
        )
        .optional(),
    )
    .transform((value) => value ?? fallback);

/** `value=target,value=target`; the value may itself contain `=` (split at the last one). */
function pairs(text: string): Array<[string, string]> {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const at = item.lastIndexOf('=');
      return [item.slice(0, at).trim(), item.slice(at + 1).trim()] as [string, string];
    });
}

const RoleMap = z.string().transform((text, context) => {
  const mapped = pairs(text);
  if (mapped.length === 0) context.addIssue({ code: 'custom', message: 'maps no value to a role' });
  for (const [value, role] of mapped) {
    if (!value) context.addIssue({ code: 'custom', message: `"${value}=${role}": names no claim value` });
    if (!RoleSchema.safeParse(role).success)
      context.addIssue({
        code: 'custom',
        message: `"${value}=${role}": the role must be caseworker, supervisor or admin`,
      });
  }
  return mapped as Array<[string, Role]>;
});

const MunicipalityMap = z.string().transform((text, context) => {
  const mapped = pairs(text);
  for (const [value, code] of mapped) {
    if (!value || !/^(\d{3}|\*)$/.test(code))
      context.addIssue({
        code: 'custom',
        message: `"${value}=${code}": map a claim value to a three-digit municipality code (or * for an administrator)`,
      });
  }
  return new Map(mapped);
});

const OidcEnvSchema = z.object({
  RF_OIDC_ISSUER: optional.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: 'the identity provider’s issuer URL, e.g. https://login.kommune.dk',
      })
      .refine((value) => {
        const url = new URL(value);
        return url.protocol === 'https:' || isLoopback(url.hostname);
      }, 'must be https:// (plain http only on this machine: localhost or 127.x.x.x)')
      .optional(),
  ),
  RF_OIDC_CLIENT_ID: optional,
  /** A file holding the client secret; without it the client is public (PKCE alone). */
  RF_OIDC_CLIENT_SECRET_FILE: optional,
  RF_OIDC_REDIRECT_URI: optional.pipe(
    z
      .url({ protocol: /^https?$/, error: `this service's URL of ${OIDC_CALLBACK_PATH}` })
      .refine(
        (value) => new URL(value).pathname === OIDC_CALLBACK_PATH,
        `must end in ${OIDC_CALLBACK_PATH}, where the pages take the provider's answer`,
      )
      .refine((value) => {
        const url = new URL(value);
        return url.protocol === 'https:' || isLoopback(url.hostname);
      }, 'must be https:// (plain http only on this machine: localhost or 127.x.x.x)')
      .optional(),
  ),
  RF_OIDC_SCOPES: optional
    .transform((value) => value ?? 'openid profile')
    .refine((value) => value.split(/\s+/).includes('openid'), 'must include openid'),
  RF_OIDC_PERSON_CLAIM: claimPath('preferred_username'),
  RF_OIDC_NAME_CLAIM: claimPath('name'),
  RF_OIDC_ROLES_CLAIM: claimPath('roles'),
  RF_OIDC_MUNICIPALITY_CLAIM: claimPath('municipality'),
  RF_OIDC_ROLE_MAP: optional.pipe(RoleMap.optional()),
  RF_OIDC_MUNICIPALITY_MAP: optional.pipe(MunicipalityMap.optional()),
});

export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret?: string;
  redirectUri: URL;
  scopes: string;
  claims: { person: string; name: string; roles: string; municipality: string };
  /** Claim value → role; the first that the person has wins, so list the strongest first. */
  roleMap: Array<[string, Role]>;
  /** Claim value → municipality code; without it the claim must be the code itself. */
  municipalityMap?: Map<string, string>;
  /** Plain http to a provider on this machine (tests, a local provider); never for another host. */
  allowInsecureHttp: boolean;
}

/** The OpenID Connect settings, or undefined when RF_OIDC_ISSUER is not set. */
export function loadOidcConfig(env: NodeJS.ProcessEnv = process.env): OidcConfig | undefined {
  const parsed = OidcEnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
  const settings = parsed.data;
  if (!settings.RF_OIDC_ISSUER) {
    const stray = Object.keys(env).filter((name) => name.startsWith('RF_OIDC_') && env[name]?.trim());
    if (stray.length > 0)
      throw new ConfigError([`RF_OIDC_ISSUER: required with ${stray.join(', ')} (or leave them all out)`]);
    return undefined;
  }
  const problems: string[] = [];
  if (!settings.RF_OIDC_CLIENT_ID) problems.push('RF_OIDC_CLIENT_ID: required with RF_OIDC_ISSUER');
  if (!settings.RF_OIDC_REDIRECT_URI)
    problems.push(`RF_OIDC_REDIRECT_URI: required with RF_OIDC_ISSUER (https://…${OIDC_CALLBACK_PATH})`);
  if (!settings.RF_OIDC_ROLE_MAP)
    problems.push(
      'RF_OIDC_ROLE_MAP: required with RF_OIDC_ISSUER, e.g. rf-leder=supervisor,rf-sagsbehandler=caseworker',
    );
  let clientSecret: string | undefined;
  if (settings.RF_OIDC_CLIENT_SECRET_FILE) {
    try {
      clientSecret = readFileSync(settings.RF_OIDC_CLIENT_SECRET_FILE, 'utf8').trim();
      if (!clientSecret) problems.push('RF_OIDC_CLIENT_SECRET_FILE: the file is empty');
    } catch (error) {
      problems.push(`RF_OIDC_CLIENT_SECRET_FILE: cannot read it (${(error as NodeJS.ErrnoException).code})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const issuer = new URL(settings.RF_OIDC_ISSUER);
  return {
    issuer,
    clientId: settings.RF_OIDC_CLIENT_ID!,
    ...(clientSecret ? { clientSecret } : {}),
    redirectUri: new URL(settings.RF_OIDC_REDIRECT_URI!),
    scopes: settings.RF_OIDC_SCOPES,
    claims: {
      person: settings.RF_OIDC_PERSON_CLAIM,
      name: settings.RF_OIDC_NAME_CLAIM,
      roles: settings.RF_OIDC_ROLES_CLAIM,
      municipality: settings.RF_OIDC_MUNICIPALITY_CLAIM,
    },
    roleMap: settings.RF_OIDC_ROLE_MAP!,
    ...(settings.RF_OIDC_MUNICIPALITY_MAP ? { municipalityMap: settings.RF_OIDC_MUNICIPALITY_MAP } : {}),
    allowInsecureHttp: issuer.protocol === 'http:',
  };
}
