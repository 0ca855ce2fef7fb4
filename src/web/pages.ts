import { deadlineChart } from './case-deadline-chart';
import type {
  CaseCountRow,
  CaseloadRow,
  CasePageView,
  OpenEscalationRow,
  OverdueRow,
  Worklist,
  WorklistQuery,
  WorklistRow,
} from './data';
import { escalationLevel } from '../domain/engine/draft';
import type { EscalationRole } from '../domain/engine/ruleset';
import { render } from '../domain/messages';
import { type Html, html } from './html';
import {
  date,
  deadlineLabels,
  deadlineStatusLabels,
  kindLabels,
  label,
  municipalityName,
  outcomeLabels,
  phaseLabels,
  phasesByKind,
  roleLabels,
  timelineLabels,
} from './labels';
import { alert, page } from './layout';
import { rulesetMovesSection } from './ruleset-moves-section';
import type { Session } from './sessions';

/** The pages, as functions of what they show. Danish, design system markup, no script needed. */

export interface SignInOptions {
  session: Session;
  method: 'token' | 'oidc';
  next?: string;
  error?: string;
  notice?: string;
}

export function signInPage({ session, method, next, error, notice }: SignInOptions): Html {
  const nextField = next ? html`<input type="hidden" name="naeste" value="${next}" />` : '';
  const body =
    method === 'token'
      ? html`<h1>Log ind</h1>
          ${notice ? alert('info', notice) : ''}
          ${error ? alert('error', 'Du blev ikke logget ind', error) : ''}
          <p class="font-lead">Log ind med din adgangsnøgle til Ressourceforløb.</p>
          <form method="post" action="/log-ind" class="mt-6">
            <input type="hidden" name="_csrf" value="${session.csrfToken}" />
            ${nextField}
            <div class="form-group${error ? ' form-error' : ''}">
              <label class="form-label" for="token">Adgangsnøgle</label>
              <span class="form-hint" id="token-hint"
                >På en udviklingsmaskine er det en af de nøgler, som <code>npm start</code> skriver ud.</span
              >
              ${error ? html`<span class="form-error-message" id="token-error"><span class="sr-only">Fejl: </span>${error}</span>` : ''}
              <input
                class="form-input"
                type="password"
                id="token"
                name="token"
                autocomplete="current-password"
                required
                aria-describedby="token-hint${error ? ' token-error' : ''}"
                ${error ? html` aria-invalid="true"` : ''}
              />
            </div>
            <button type="submit" class="button button-primary">Log ind</button>
          </form>`
      : html`<h1>Log ind</h1>
          ${notice ? alert('info', notice) : ''}
          ${error ? alert('error', 'Du blev ikke logget ind', error) : ''}
          <p class="font-lead">Du logger ind med dit login fra kommunen.</p>
          <p>
            <a
              class="button button-primary"
              href="/log-ind/oidc${next ? `?naeste=${encodeURIComponent(next)}` : ''}"
              >Log ind med kommunens login</a
            >
          </p>`;
  return page({ title: 'Log ind', session, body });
}

export function signedOutPage(session: Session | undefined): Html {
  return page({
    title: 'Du er logget af',
    session,
    body: html`<h1>Du er logget af</h1>
      <p class="font-lead">Luk browseren, hvis du bruger en computer, som andre også bruger.</p>
      <p><a href="/log-ind">Log ind igen</a></p>`,
  });
}

export function errorPage(session: Session | undefined, status: number, heading: string, text: string): Html {
  return page({
    title: heading,
    session,
    body: html`<h1>${heading}</h1>
      <p class="font-lead">${text}</p>
      <p class="small-text">Fejlkode ${status}</p>
      <p><a href="/">Gå til sagsoversigten</a></p>`,
  });
}

/** The filter form's values as typed, and what is wrong with them, by field. */
export interface WorklistForm {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export function worklistPage(
  session: Session,
  form: WorklistForm,
  query: WorklistQuery,
  worklist: Worklist | undefined,
  notice?: { variant: 'success' | 'error'; heading: string; text: string },
): Html {
  const principal = session.principal!;
  const errors = Object.entries(form.errors);
  const supervises = principal.role === 'supervisor' || principal.role === 'admin';
  const body = html`<h1>Sagsoversigt</h1>
    ${notice ? alert(notice.variant, notice.heading, notice.text) : ''}
    <p class="font-lead">Åbne sager i ${municipalityName(principal.municipality)}.</p>
    ${supervises ? html`<nav aria-label="Rapporter"><a href="/ventetider">Ventetider mellem sagens trin</a></nav>` : ''}
    <p class="small-text">
      Oversigten viser sagerne, som de stod for et øjeblik siden: en ændring kan være et par sekunder om at nå
      hertil. Den enkelte sag viser altid, hvordan den står nu.
    </p>
    ${
      worklist
        ? html`${escalationsSection(session, worklist.escalations, supervises)}
          ${overdueSection(worklist.overdue, worklist.moreOverdue, form)}
          ${caseloadSection(worklist.caseload, worklist.countsAt)}
          ${countsSection(worklist.counts, worklist.countsAt)}
          ${worklist.rulesetMoves ? rulesetMovesSection(worklist.rulesetMoves) : ''}`
        : ''
    }
    ${
      errors.length > 0
        ? alert(
            'error',
            'Filteret kunne ikke bruges',
            html`${errors.map(([field, message], index) => html`${index > 0 ? ' ' : ''}<a href="#${field}">${message}</a>`)}`,
          )
        : ''
    }
    ${filterForm(form)}
    ${
      worklist
        ? html`${
            worklist.mine
              ? section(
                  'dine-sager',
                  'Dine sager',
                  worklist.mine,
                  'Du er ikke koordinerende sagsbehandler på nogen åbne sager, der passer til filteret.',
                )
              : ''
          }
          ${query.pageToken ? '' : section('eskalerede-sager', 'Eskalerede sager', worklist.escalated, 'Ingen åbne sager har en eskalering, der ikke er kvitteret for.')}
          ${section(
            'alle-sager',
            hasFilter(query) ? 'Sager, der passer til filteret' : 'Alle åbne sager',
            worklist.cases,
            'Ingen åbne sager passer til filteret.',
          )}
          ${pager(form.values, query, worklist.nextPageToken)}`
        : ''
    }`;
  return page({ title: 'Sagsoversigt', session, body });
}

function escalationsSection(session: Session, rows: OpenEscalationRow[], supervises: boolean): Html {
  return html`<h2 id="eskaleringer" class="mt-8">Åbne eskaleringer</h2>
    ${
      rows.length === 0
        ? html`<p>Ingen af de viste sager har en eskalering, der ikke er kvitteret for.</p>`
        : html`<div
            class="table--responsive-scroll"
            tabindex="0"
            role="region"
            aria-labelledby="eskaleringer"
          >
            <table class="table table--zebra table--compact">
              <thead>
                <tr>
                  <th scope="col">Sag</th>
                  <th scope="col">Årsag</th>
                  <th scope="col">Niveau</th>
                  <th scope="col">Eskaleret siden</th>
                  <th scope="col">Koordinerende sagsbehandler</th>
                  ${supervises ? html`<th scope="col">Kvittering</th>` : ''}
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (row) =>
                    html`<tr>
                      <td><a href="/sager/${encodeURIComponent(row.caseId)}">${row.caseId}</a></td>
                      <td>
                        ${
                          row.escalation.cause === 'delivery'
                            ? 'Et brev kunne ikke leveres'
                            : html`Fristen er overskredet: ${label(deadlineLabels, row.escalation.cause)}`
                        }
                      </td>
                      <td>
                        ${render(escalationLevel(row.escalation.level, row.escalation.levelRole as EscalationRole))}
                      </td>
                      <td>${date(row.escalation.since, true)}</td>
                      <td>${row.caseworker ?? 'Ingen endnu'}</td>
                      ${
                        supervises
                          ? html`<td>
                              <form
                                method="post"
                                action="/sager/${encodeURIComponent(row.caseId)}/eskaleringer/${encodeURIComponent(row.escalation.id)}/kvittering"
                              >
                                <input type="hidden" name="_csrf" value="${session.csrfToken}" />
                                <button type="submit" class="button button-secondary">
                                  Kvitter<span class="sr-only"> for eskaleringen på sag ${row.caseId}</span>
                                </button>
                              </form>
                            </td>`
                          : ''
                      }
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }`;
}

function overdueSection(rows: OverdueRow[], more: boolean, form: WorklistForm): Html {
  const all = `/?${new URLSearchParams([
    ...Object.entries(form.values).filter(
      ([name, value]) => value && name !== 'pageToken' && name !== 'overdue',
    ),
    ['overdue', 'ja'],
  ]).toString()}`;
  return html`<h2 id="overskredne-frister" class="mt-8">Overskredne frister</h2>
    <p class="small-text">
      Åbne sager med en frist, der er overskredet og endnu ikke overholdt, den ældste overskridelse først.
    </p>
    ${more ? html`<p>Der er flere, end her er plads til: <a href="${all}">vis alle sager med overskredne frister</a>.</p>` : ''}
    ${
      rows.length === 0
        ? html`<p>Ingen åbne sager har en overskredet frist.</p>`
        : html`<div
            class="table--responsive-scroll"
            tabindex="0"
            role="region"
            aria-labelledby="overskredne-frister"
          >
            <table class="table table--zebra table--compact">
              <thead>
                <tr>
                  <th scope="col">Frist</th>
                  <th scope="col">Overskredet siden</th>
                  <th scope="col">Sag</th>
                  <th scope="col">Koordinerende sagsbehandler</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (row) =>
                    html`<tr>
                      <td>
                        ${row.deadlineKinds.map(
                          (kind, index) =>
                            html`${index > 0 ? html`<br />` : ''}${label(deadlineLabels, kind)}`,
                        )}
                      </td>
                      <td>${date(row.since, true)}</td>
                      <td><a href="/sager/${encodeURIComponent(row.caseId)}">${row.caseId}</a></td>
                      <td>${row.caseworker ?? html`<span class="weight-semibold">Ingen endnu</span>`}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }`;
}

const clockFormat = new Intl.DateTimeFormat('da-DK', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/Copenhagen',
});

/** When the worklist's figures were counted: they are reused for up to half a minute (data.ts). */
function countedAt(instant: string): Html {
  const parts = clockFormat.formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return html`Tal fra kl. <time datetime="${instant}">${part('hour')}:${part('minute')}</time> (tælles højst
    hvert halve minut).`;
}

function caseloadSection(rows: CaseloadRow[], countsAt: string): Html {
  return html`<h2 id="sagsbelastning" class="mt-8">Sagsbelastning</h2>
    <p class="small-text">
      Åbne sager i kommunen pr. koordinerende sagsbehandler på de viste sager, mod regelsættets grænse.
      ${countedAt(countsAt)}
    </p>
    ${
      rows.length === 0
        ? html`<p>Ingen af de viste sager har en koordinerende sagsbehandler.</p>`
        : html`<div
            class="table--responsive-scroll"
            tabindex="0"
            role="region"
            aria-labelledby="sagsbelastning"
          >
            <table class="table table--zebra table--compact">
              <thead>
                <tr>
                  <th scope="col">Koordinerende sagsbehandler</th>
                  <th scope="col" class="text-align-right">Åbne sager</th>
                  <th scope="col" class="text-align-right">Grænse</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (row) =>
                    html`<tr>
                      <td>${row.caseworker}</td>
                      <td class="text-align-right">${String(row.openCases)}</td>
                      <td class="text-align-right">${String(row.limit)}</td>
                      <td>
                        ${
                          row.openCases > row.limit
                            ? html`<span class="badge badge-error">Over grænsen</span>`
                            : row.openCases === row.limit
                              ? html`<span class="badge badge-warning">Ved grænsen</span>`
                              : 'Under grænsen'
                        }
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }`;
}

/** Open cases by kind and phase: each kind's phases in the order a case passes through them. */
function countsSection(rows: CaseCountRow[], countsAt: string): Html {
  const byKind = Object.keys(phasesByKind).map((kind) => ({
    kind,
    rows: rows.filter((row) => row.kind === kind),
  }));
  return html`<h2 id="antal-sager" class="mt-8">Antal åbne sager pr. sagstype</h2>
    <p class="small-text">
      Alle åbne sager i kommunen, uanset filteret. Vælg en fase for at se dens sager. ${countedAt(countsAt)}
    </p>
    <div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="antal-sager">
      <table class="table table--compact">
        <thead>
          <tr>
            <th scope="col">Sagstype</th>
            <th scope="col">Fase</th>
            <th scope="col" class="text-align-right">Åbne sager</th>
          </tr>
        </thead>
        ${byKind.map(
          (group) =>
            html`<tbody>
              ${group.rows.map(
                (row, index) =>
                  html`<tr>
                    ${
                      index === 0
                        ? html`<th scope="rowgroup" rowspan="${String(group.rows.length)}">
                            ${label(kindLabels, group.kind)}
                            <span class="small-text weight-semibold"
                              >(${String(group.rows.reduce((sum, entry) => sum + entry.openCases, 0))})</span
                            >
                          </th>`
                        : ''
                    }
                    <td>
                      <a href="/?${new URLSearchParams({ kind: row.kind, phase: row.phase }).toString()}"
                        >${label(phaseLabels, row.phase)}</a
                      >
                    </td>
                    <td class="text-align-right">${String(row.openCases)}</td>
                  </tr>`,
              )}
            </tbody>`,
        )}
      </table>
    </div>`;
}

function hasFilter(query: WorklistQuery): boolean {
  return Boolean(
    query.kind || query.phase || query.caseworker || query.escalated || query.overdue || query.deadlineBefore,
  );
}

function filterForm({ values, errors }: WorklistForm): Html {
  const errorOf = (field: string) =>
    errors[field]
      ? html`<span class="form-error-message" id="${field}-error"
          ><span class="sr-only">Fejl: </span>${errors[field]}</span
        >`
      : '';
  const invalid = (field: string) =>
    errors[field] ? html` aria-invalid="true" aria-describedby="${field}-error"` : '';
  const group = (field: string) => `form-group${errors[field] ? ' form-error' : ''}`;
  const option = (value: string, text: string, selected: string | undefined) =>
    html`<option value="${value}" ${selected === value ? html` selected` : ''}>${text}</option>`;
  return html`<form method="get" action="/" class="mt-6" role="search" aria-labelledby="filter-heading">
    <h2 id="filter-heading" class="h3">Afgræns sagerne</h2>
    <div class="filters">
      <div class="${group('kind')}">
        <label class="form-label" for="kind">Sagstype</label>
        ${errorOf('kind')}
        <select class="form-select" id="kind" name="kind" ${invalid('kind')}>
          ${option('', 'Alle sagstyper', values.kind)}
          ${Object.entries(kindLabels).map(([value, text]) => option(value, text, values.kind))}
        </select>
      </div>
      <div class="${group('phase')}">
        <label class="form-label" for="phase">Fase</label>
        ${errorOf('phase')}
        <select class="form-select" id="phase" name="phase" ${invalid('phase')}>
          ${option('', 'Alle faser', values.phase)}
          ${Object.entries(phasesByKind).map(
            ([kind, phases]) =>
              html`<optgroup label="${kindLabels[kind] ?? kind}">
                ${Object.entries(phases).map(([value, text]) => option(value, text, values.phase))}
              </optgroup>`,
          )}
        </select>
      </div>
      <div class="${group('caseworker')}">
        <label class="form-label" for="caseworker">Koordinerende sagsbehandler</label>
        ${errorOf('caseworker')}
        <input
          class="form-input"
          type="text"
          id="caseworker"
          name="caseworker"
          value="${values.caseworker ?? ''}"
          autocomplete="off"
          spellcheck="false"
          ${invalid('caseworker')}
        />
      </div>
      <div class="${group('deadlineBefore')}">
        <label class="form-label" for="deadlineBefore">Frist før</label>
        ${errorOf('deadlineBefore')}
        <input
          class="form-input"
          type="date"
          id="deadlineBefore"
          name="deadlineBefore"
          value="${values.deadlineBefore ?? ''}"
          ${invalid('deadlineBefore')}
        />
      </div>
      <div class="form-group-checkbox">
        <input
          class="form-checkbox"
          type="checkbox"
          id="escalated"
          name="escalated"
          value="ja"
          ${values.escalated === 'ja' ? html` checked` : ''}
        />
        <label for="escalated">Kun eskalerede sager</label>
      </div>
      <div class="form-group-checkbox">
        <input
          class="form-checkbox"
          type="checkbox"
          id="overdue"
          name="overdue"
          value="ja"
          ${values.overdue === 'ja' ? html` checked` : ''}
        />
        <label for="overdue">Kun sager med overskredne frister</label>
      </div>
      <button type="submit" class="button button-primary">Vis sager</button>
    </div>
    <p class="mt-4"><a href="/">Nulstil filteret</a></p>
  </form>`;
}

function section(id: string, heading: string, rows: WorklistRow[], empty: string): Html {
  return html`<h2 id="${id}" class="mt-8">${heading}</h2>
    ${rows.length === 0 ? html`<p>${empty}</p>` : casesTable(id, rows)}`;
}

function casesTable(id: string, rows: WorklistRow[]): Html {
  return html`<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="${id}">
    <table class="table table--zebra table--compact">
      <thead>
        <tr>
          <th scope="col">Sag</th>
          <th scope="col">Sagstype</th>
          <th scope="col">Fase</th>
          <th scope="col">Koordinerende sagsbehandler</th>
          <th scope="col">Næste frist</th>
          <th scope="col">Eskalering</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              <td><a href="/sager/${encodeURIComponent(row.caseId)}">${row.caseId}</a></td>
              <td>${label(kindLabels, row.kind)}</td>
              <td>${label(phaseLabels, row.phase)}</td>
              <td>
                ${row.caseworker ?? html`<span class="weight-semibold">Ingen endnu</span>`}${row.mine ? ' (dig)' : ''}
              </td>
              <td>
                ${
                  row.nextDeadlineAt
                    ? html`${date(row.nextDeadlineAt)}${row.overdue && row.overdueSince === null ? html` <span class="badge badge-error">Overskredet</span>` : ''}<br /><span
                          class="small-text"
                          >${label(deadlineLabels, row.nextDeadlineKind)}</span
                        >`
                    : '–'
                }
                ${
                  row.overdueSince
                    ? html`<br /><span class="badge badge-error"
                          >Frist overskredet siden ${date(row.overdueSince)}</span
                        >`
                    : ''
                }
              </td>
              <td>${row.escalated ? html`<span class="badge badge-warning">Eskaleret</span>` : 'Nej'}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function pager(values: Record<string, string>, query: WorklistQuery, nextPageToken: string | null): Html {
  if (!nextPageToken && !query.pageToken) return html``;
  const filters = Object.entries(values).filter(([name, value]) => value && name !== 'pageToken');
  const link = (token?: string) =>
    '/?' +
    new URLSearchParams([
      ...filters,
      ...(token ? [['pageToken', token] as [string, string]] : []),
    ]).toString();
  return html`<nav class="pager" aria-label="Sider">
    ${query.pageToken ? html`<a href="${link()}">Første side</a>` : ''}
    ${nextPageToken ? html`<a href="${link(nextPageToken)}">Næste side</a>` : ''}
  </nav>`;
}

/**
 * A case: its facts, deadlines, escalations, the actions the signed-in person may take (forms from
 * the message catalog, event-forms.ts) and its timeline. `notice`: what the last action did.
 */
export function casePage(
  session: Session,
  view: CasePageView,
  now: Date,
  actions?: Html,
  notice?: { variant: 'success' | 'error'; heading: string; text: string },
): Html {
  const deadlines = [...view.deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const timeline = [...view.timeline].sort((a, b) => b.seq - a.seq);
  const facts: Array<[string, Html | string]> = [
    ['Sagstype', label(kindLabels, view.kind)],
    ['Fase', label(phaseLabels, view.phase)],
    ['Borger', `${view.citizen.name}, cpr.nr. ${view.citizen.cpr}`],
    ['Kommune', municipalityName(view.municipality)],
    [
      'Koordinerende sagsbehandler',
      view.coordinatingCaseworker
        ? `${view.coordinatingCaseworker.name} (${view.coordinatingCaseworker.id})`
        : 'Ingen endnu',
    ],
    ['Regelsæt', html`<span lang="en">${view.ruleset.name}</span>, version ${view.ruleset.version}`],
    ['Næste frist', date(view.nextDeadlineAt)],
    ['Åbne eskaleringer', String(view.openEscalations)],
  ];
  const body = html`<p><a href="/">Tilbage til sagsoversigten</a></p>
    <h1>Sag ${view.caseId}</h1>
    ${notice ? alert(notice.variant, notice.heading, notice.text) : ''}
    <div class="table--responsive-scroll" tabindex="0" role="region" aria-label="Sagens oplysninger">
      <table class="table structured-list case-facts">
        <tbody>
          ${facts.map(
            ([name, value]) =>
              html`<tr>
                <th scope="row">${name}</th>
                <td>${value}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>

    <h2 id="frister" class="mt-8">Frister</h2>
    ${deadlineChart(view, now)}
    ${
      deadlines.length === 0
        ? html`<p>Sagen har ingen frister.</p>`
        : html`<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="frister">
            <table class="table table--zebra table--compact">
              <thead>
                <tr>
                  <th scope="col">Frist</th>
                  <th scope="col">Løber fra</th>
                  <th scope="col">Senest</th>
                  <th scope="col">Status</th>
                  <th scope="col">Overholdt eller overskredet</th>
                </tr>
              </thead>
              <tbody>
                ${deadlines.map(
                  (deadline) =>
                    html`<tr>
                      <td>${label(deadlineLabels, deadline.kind)}</td>
                      <td>${date(deadline.startedAt)}</td>
                      <td>${date(deadline.dueAt)}</td>
                      <td>${deadlineStatus(deadline.status, deadline.dueAt, now)}</td>
                      <td>${date(deadline.metAt ?? deadline.breachedAt ?? deadline.reachedAt)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }

    <h2 id="eskaleringer" class="mt-8">Eskaleringer</h2>
    ${
      view.escalations.length === 0
        ? html`<p>Sagen er ikke eskaleret.</p>`
        : html`<div
            class="table--responsive-scroll"
            tabindex="0"
            role="region"
            aria-labelledby="eskaleringer"
          >
            <table class="table table--zebra table--compact">
              <thead>
                <tr>
                  <th scope="col">Eskaleret</th>
                  <th scope="col">Til</th>
                  <th scope="col">Frist</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                ${view.escalations.map(
                  (escalation) =>
                    html`<tr>
                      <td>${date(escalation.raisedAt, true)}</td>
                      <td>${render(escalationLevel(escalation.level, escalation.levelRole))}</td>
                      <td>${label(deadlineLabels, escalation.deadlineId.split(':')[0])}</td>
                      <td>
                        ${escalation.status === 'open' ? html`<span class="badge badge-warning">Ikke kvitteret</span>` : escalation.status === 'acknowledged' ? `Kvitteret ${escalation.acknowledgedBy ? `af ${escalation.acknowledgedBy}` : ''}` : 'Løst'}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
    ${actions ?? ''}

    <h2 id="tidslinje" class="mt-8">Tidslinje</h2>
    <p class="small-text">
      Alt, der er sket i sagen, nyeste først, også hændelser, som sagen afviste. Beskrivelserne fra sagens
      regler er på engelsk.
    </p>
    <div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="tidslinje">
      <table class="table table--zebra table--compact">
        <thead>
          <tr>
            <th scope="col">Tidspunkt</th>
            <th scope="col">Hændelse</th>
            <th scope="col">Udført af</th>
            <th scope="col">Resultat</th>
            <th scope="col">Beskrivelse</th>
          </tr>
        </thead>
        <tbody>
          ${timeline.map(
            (entry) =>
              html`<tr>
                <td>${date(entry.at, true)}</td>
                <td>${label(timelineLabels, entry.type)}</td>
                <td>
                  ${entry.actor.id === 'system' ? 'Systemet' : html`${entry.actor.id} <span class="small-text">(${(roleLabels[entry.actor.role] ?? entry.actor.role).toLowerCase()})</span>`}
                </td>
                <td>
                  ${entry.outcome === 'rejected' ? html`<span class="badge badge-error">${outcomeLabels.rejected}</span>` : label(outcomeLabels, entry.outcome)}
                </td>
                <td>
                  <span>${render(entry.summary)}</span
                  >${entry.reason ? html`<br /><span class="small-text">${render(entry.reason)}</span>` : ''}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  return page({ title: `Sag ${view.caseId}`, session, body });
}

function deadlineStatus(status: string, dueAt: string, now: Date): Html {
  if (status === 'breached')
    return html`<span class="badge badge-error">${deadlineStatusLabels.breached}</span>`;
  if (status === 'met' || status === 'reached')
    return html`<span class="badge badge-success">${deadlineStatusLabels[status]}</span>`;
  if (status === 'pending' && new Date(dueAt) < now)
    return html`<span class="badge badge-error">Overskredet</span>`;
  return label(deadlineStatusLabels, status);
}
