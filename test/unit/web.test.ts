import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config';
import { loadOidcConfig, type OidcConfig } from '../../src/config/oidc';
import { startOfDanishDay } from '../../src/web/data';
import { html, raw } from '../../src/web/html';
import { MUNICIPALITY_COUNT, municipalityName } from '../../src/web/labels';
import { principalFromClaims } from '../../src/web/oidc';
import { readWorklistForm } from '../../src/web/router';
import { memorySessionStore } from '../../src/web/sessions';

describe('HTML from templates', () => {
  test('every interpolated value is escaped, in lists too; only markup made here passes as it is', () => {
    const name = `<script>alert("x")</script>&'`;
    expect(html`<p title="${name}">${name}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
    // prettier-ignore
    expect(html`<ul>${['<a>', html`<li>${'<b>'}</li>`]}</ul>`.toString()).toBe('<ul>&lt;a&gt;<li>&lt;b&gt;</li></ul>');
    expect(html`${raw('<br>')}${null}${undefined}${false}${0}`.toString()).toBe('<br>0');
  });
});

describe('the municipality in the header', () => {
  test('all 98 municipalities by their code; an unknown code as a code; an administrator of all', () => {
    expect(MUNICIPALITY_COUNT).toBe(98);
    expect(municipalityName('101')).toBe('København (101)');
    expect(municipalityName('751')).toBe('Aarhus (751)');
    expect(municipalityName('999')).toBe('Kommune 999');
    expect(municipalityName('*')).toBe('Alle kommuner');
  });
});

const oidc: OidcConfig = {
  issuer: new URL('https://login.kommune.dk'),
  clientId: 'ressourceforloeb',
  redirectUri: new URL('https://sager.kommune.dk/log-ind/oidc/svar'),
  scopes: 'openid profile',
  claims: {
    person: 'preferred_username',
    name: 'name',
    roles: 'realm_access.roles',
    municipality: 'kommune',
  },
  roleMap: [
    ['rf-admin', 'admin'],
    ['rf-leder', 'supervisor'],
    ['rf-sagsbehandler', 'caseworker'],
  ],
  municipalityMap: new Map([
    ['Københavns Kommune', '101'],
    ['Aarhus Kommune', '751'],
    ['KL', '*'],
  ]),
  allowInsecureHttp: false,
};

describe('who an ID token says the person is', () => {
  const claims = {
    sub: 'abc',
    preferred_username: 'lone.leder',
    name: 'Lone Leder',
    realm_access: { roles: ['rf-sagsbehandler', 'rf-leder', 'mail'] },
    kommune: 'Københavns Kommune',
  };

  test('the first role of the configured mapping that the person has, and the mapped municipality', () => {
    expect(principalFromClaims(claims, oidc)).toEqual({
      ok: true,
      principal: { person: 'lone.leder', role: 'supervisor', municipality: '101' },
      displayName: 'Lone Leder',
    });
    // Roles as one space-separated string, as some providers send them.
    expect(
      principalFromClaims({ ...claims, realm_access: { roles: 'mail rf-sagsbehandler' } }, oidc),
    ).toMatchObject({ ok: true, principal: { role: 'caseworker' } });
  });

  test('no mapped role, no known municipality or no usable user name refuses the sign-in, saying why in Danish', () => {
    expect(principalFromClaims({ ...claims, realm_access: { roles: ['mail'] } }, oidc)).toMatchObject({
      ok: false,
      check: 'role',
      reason: expect.stringContaining('giver ikke adgang til Ressourceforløb'),
    });
    expect(principalFromClaims({ ...claims, kommune: 'Odense Kommune' }, oidc)).toMatchObject({
      ok: false,
      check: 'municipality',
    });
    expect(principalFromClaims({ ...claims, kommune: undefined }, oidc)).toMatchObject({
      ok: false,
      check: 'municipality',
    });
    expect(principalFromClaims({ ...claims, preferred_username: 'Lone Leder' }, oidc)).toMatchObject({
      ok: false,
      check: 'person',
    });
  });

  test('every municipality (*) only for an administrator', () => {
    expect(principalFromClaims({ ...claims, kommune: 'KL' }, oidc)).toMatchObject({
      ok: false,
      check: 'municipality',
    });
    expect(
      principalFromClaims({ ...claims, kommune: 'KL', realm_access: { roles: ['rf-admin'] } }, oidc),
    ).toMatchObject({ ok: true, principal: { role: 'admin', municipality: '*' } });
  });
});

describe('the OpenID Connect settings', () => {
  const complete = {
    RF_OIDC_ISSUER: 'https://login.kommune.dk/realms/kk',
    RF_OIDC_CLIENT_ID: 'ressourceforloeb',
    RF_OIDC_REDIRECT_URI: 'https://sager.kommune.dk/log-ind/oidc/svar',
    RF_OIDC_ROLE_MAP: 'rf-leder=supervisor, rf-sagsbehandler=caseworker',
  };

  test('without RF_OIDC_ISSUER there is no OpenID Connect (sign-in with tokens)', () => {
    expect(loadOidcConfig({})).toBeUndefined();
  });

  test('a complete setting, with the defaults for the claims and scopes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-oidc-'));
    writeFileSync(join(dir, 'secret'), 's3cret\n');
    const config = loadOidcConfig({ ...complete, RF_OIDC_CLIENT_SECRET_FILE: join(dir, 'secret') })!;
    expect(config.clientSecret).toBe('s3cret');
    expect(config.scopes).toBe('openid profile');
    expect(config.claims).toEqual({
      person: 'preferred_username',
      name: 'name',
      roles: 'roles',
      municipality: 'municipality',
    });
    expect(config.roleMap).toEqual([
      ['rf-leder', 'supervisor'],
      ['rf-sagsbehandler', 'caseworker'],
    ]);
    expect(config.allowInsecureHttp).toBe(false);
  });

  const problems = (env: Record<string, string>) => {
    try {
      loadOidcConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  test('each wrong or missing setting is named, one line each', () => {
    expect(problems({ RF_OIDC_CLIENT_ID: 'x' })).toEqual([
      'RF_OIDC_ISSUER: required with RF_OIDC_CLIENT_ID (or leave them all out)',
    ]);
    expect(problems({ RF_OIDC_ISSUER: 'https://login.kommune.dk' })).toEqual([
      'RF_OIDC_CLIENT_ID: required with RF_OIDC_ISSUER',
      'RF_OIDC_REDIRECT_URI: required with RF_OIDC_ISSUER (https://…/log-ind/oidc/svar)',
      'RF_OIDC_ROLE_MAP: required with RF_OIDC_ISSUER, e.g. rf-leder=supervisor,rf-sagsbehandler=caseworker',
    ]);
    expect(
      problems({
        ...complete,
        RF_OIDC_ISSUER: 'http://login.kommune.dk',
        RF_OIDC_REDIRECT_URI: 'https://sager.kommune.dk/callback',
        RF_OIDC_ROLE_MAP: 'rf-leder=boss',
        RF_OIDC_SCOPES: 'profile',
        RF_OIDC_CLIENT_SECRET_FILE: '/nowhere/secret',
      }),
    ).toEqual([
      'RF_OIDC_ISSUER: must be https:// (plain http only on this machine: localhost or 127.x.x.x)',
      "RF_OIDC_REDIRECT_URI: must end in /log-ind/oidc/svar, where the pages take the provider's answer",
      'RF_OIDC_SCOPES: must include openid',
      'RF_OIDC_ROLE_MAP: "rf-leder=boss": the role must be caseworker, supervisor or admin',
    ]);
    expect(problems({ ...complete, RF_OIDC_CLIENT_SECRET_FILE: '/nowhere/secret' })).toEqual([
      'RF_OIDC_CLIENT_SECRET_FILE: cannot read it (ENOENT)',
    ]);
  });

  test('plain http only to a provider on this machine', () => {
    expect(
      loadOidcConfig({
        ...complete,
        RF_OIDC_ISSUER: 'http://localhost:4000',
        RF_OIDC_REDIRECT_URI: 'http://127.0.0.1:3000/log-ind/oidc/svar',
      })!.allowInsecureHttp,
    ).toBe(true);
  });
});

describe('sessions', () => {
  const person = { person: 'sara.caseworker', role: 'caseworker', municipality: '101' } as const;

  test('signing in gives a new session ID and CSRF token; the ID from before is void (no fixation)', () => {
    const store = memorySessionStore();
    const before = store.create();
    const after = store.signIn(before, person, { displayName: 'Sara', via: 'token' });
    expect(after.id).not.toBe(before.id);
    expect(after.csrfToken).not.toBe(before.csrfToken);
    expect(store.get(before.id)).toBeUndefined();
    expect(store.get(after.id)?.principal).toEqual(person);
  });

  test('a session ends after an hour without a request, and after ten hours in any case', () => {
    let now = 0;
    const store = memorySessionStore(undefined, () => now);
    const idle = store.signIn(store.create(), person, { displayName: 'Sara', via: 'token' });
    now = 59 * 60_000;
    expect(store.get(idle.id)).toBeDefined();
    now += 61 * 60_000;
    expect(store.get(idle.id)).toBeUndefined();

    const busy = store.signIn(store.create(), person, { displayName: 'Sara', via: 'token' });
    for (let minutes = 0; minutes < 10 * 60; minutes += 30) {
      expect(store.get(busy.id)).toBeDefined();
      now += 30 * 60_000;
    }
    now += 60_000;
    expect(store.get(busy.id)).toBeUndefined();
  });

  test('anonymous sessions (the sign-in form) are capped: the oldest go first', () => {
    const store = memorySessionStore({ idleMs: 1, absoluteMs: 1, anonymousMs: 60_000, maxAnonymous: 3 });
    const sessions = Array.from({ length: 5 }, () => store.create());
    expect(sessions.map((session) => store.get(session.id) !== undefined)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });
});

describe('the worklist’s filters', () => {
  test('known values pass; an unknown kind, phase, date or caseworker ID is an error for its field', () => {
    expect(readWorklistForm({ kind: 'fleksjob', phase: 'employed', deadlineBefore: '2027-01-31' })).toEqual({
      values: { kind: 'fleksjob', phase: 'employed', deadlineBefore: '2027-01-31' },
      errors: {},
    });
    expect(
      readWorklistForm({
        kind: 'pension',
        phase: 'foo',
        deadlineBefore: '2027-02-30',
        caseworker: 'sara caseworker',
        escalated: 'maybe',
      }).errors,
    ).toEqual({
      kind: 'Vælg en sagstype fra listen.',
      phase: 'Vælg en fase fra listen.',
      deadlineBefore: 'Skriv en gyldig dato.',
      caseworker: expect.stringContaining('brugernavn'),
      escalated: expect.stringContaining('Kun eskalerede sager'),
    });
    expect(readWorklistForm({ kind: 'fleksjob', phase: 'in-course' }).errors).toEqual({
      phase: 'Den valgte sagstype har ikke den fase.',
    });
  });

  test('"next deadline before" a day means before that day’s midnight in Denmark, winter and summer', () => {
    expect(startOfDanishDay('2027-01-15').toISOString()).toBe('2027-01-14T23:00:00.000Z');
    expect(startOfDanishDay('2027-07-15').toISOString()).toBe('2027-07-14T22:00:00.000Z');
  });
});
