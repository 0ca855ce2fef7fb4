import type { Request, Response } from 'express';
import { parse } from '../api/app';
import { HttpProblem } from '../api/problem';
import type { ApiRoute } from '../api/routes';
import type { StepFigures, WaitingTimesReport } from '../reporting/waiting-times';
import { type Html, html } from './html';
import { kindLabels, municipalityName } from './labels';
import { alert, page } from './layout';
import type { Session } from './sessions';
import { msg } from '../domain/messages';

/**
 * The waiting-times page (seed 001 §9: the waits between a case's steps are measured and chased): per
 * municipality and kind of case, each step's median and 90th percentile in days as a bar chart — an
 * inline SVG with the numbers written beside the bars, no JavaScript — and the same figures as a
 * table. It reads the API's own route (getWaitingTimes), so a person sees what their token would.
 */
export const WAITING_TIMES_PATH = '/ventetider';

const stepLabels: Record<StepFigures['step'], string> = {
  'team-meeting': 'Henvisning → rehabiliteringsteamets møde',
  decision: 'Teamets indstilling → kommunens afgørelse',
  'coordinating-caseworker': 'Sagen oprettet → koordinerende sagsbehandler',
  'first-measure': 'Forløbets start → første indsats',
  'sent-to-team': 'Ret til vurdering → sagen forelagt teamet',
};

/** The handler the web router mounts at WAITING_TIMES_PATH, behind its sign-in check. */
export function waitingTimesPage(routes: ApiRoute[]) {
  const route = routes.find((candidate) => candidate.operationId === 'getWaitingTimes');
  return async (req: Request, res: Response): Promise<void> => {
    const session = res.locals.webSession as Session;
    const principal = session.principal!;
    if (!route || !route.roles.includes(principal.role)) {
      throw new HttpProblem({
        status: 403,
        title: msg('problem.forbidden'),
        detail: msg('problem.waiting-times-supervisors'),
      });
    }
    const picked = typeof req.query.kommune === 'string' ? req.query.kommune.trim() : '';
    const send = (status: number, body: Html) => res.status(status).type('html').send(body.toString());
    let query: Record<string, unknown>;
    try {
      query = parse(route.query!, picked ? { municipality: picked } : {}, 'query');
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      send(400, waitingTimesView(session, picked, undefined, 'Skriv en kommunekode med tre cifre, fx 101.'));
      return;
    }
    const result = await route.handle({
      principal,
      actor: { id: principal.person, role: principal.role, municipality: principal.municipality },
      params: {},
      query,
      body: undefined,
    });
    send(200, waitingTimesView(session, picked, result.body as WaitingTimesReport));
  };
}

export function waitingTimesView(
  session: Session,
  picked: string,
  report: WaitingTimesReport | undefined,
  error?: string,
): Html {
  const principal = session.principal!;
  const body = html`<p><a href="/">Tilbage til sagsoversigten</a></p>
    <h1>Ventetider</h1>
    <p class="font-lead">
      Hvor mange dage sagerne venter mellem trinene: medianen og 90 %-fraktilen, over åbne sager og sager
      afsluttet inden for de seneste 12 måneder.
    </p>
    <p class="small-text">
      Ventetiden i sagsforløbet skal nedbringes: til rehabiliteringsteamet, på afgørelsen, på en koordinerende
      sagsbehandler og på indsatser (Dansk Socialrådgiverforening 2017, afsnit 9). Sager, der stadig venter på
      et trin, tælles for sig med ventetiden indtil nu. Tallene opdateres, når en hændelse registreres på
      sagen; ændringer, sagen selv foretager (fx når en klagefrist udløber), kommer med ved næste
      genopbygning.
    </p>
    ${principal.municipality === '*' ? municipalityForm(picked, error) : ''}
    ${report ? municipalities(report) : ''}`;
  return page({ title: 'Ventetider', session, body });
}

function municipalityForm(picked: string, error: string | undefined): Html {
  return html`${error ? alert('error', 'Kommunen kunne ikke bruges', html`<a href="#kommune">${error}</a>`) : ''}
    <form method="get" action="/ventetider" class="mt-6" aria-labelledby="kommune-heading">
      <h2 id="kommune-heading" class="h3">Vælg kommune</h2>
      <div class="filters">
        <div class="form-group${error ? ' form-error' : ''}">
          <label class="form-label" for="kommune">Kommunekode</label>
          <span class="form-hint" id="kommune-hint">Tre cifre, fx 101. Tom: alle kommuner.</span>
          ${error ? html`<span class="form-error-message" id="kommune-error"><span class="sr-only">Fejl: </span>${error}</span>` : ''}
          <input
            class="form-input input-width-xs"
            type="text"
            inputmode="numeric"
            id="kommune"
            name="kommune"
            value="${picked}"
            aria-describedby="kommune-hint${error ? ' kommune-error' : ''}"
            ${error ? html` aria-invalid="true"` : ''}
          />
        </div>
        <button type="submit" class="button button-primary">Vis ventetider</button>
      </div>
    </form>`;
}

function municipalities(report: WaitingTimesReport): Html {
  if (report.municipalities.length === 0) {
    return html`<p class="mt-6">Der er ingen sager i perioden.</p>`;
  }
  return html`${report.municipalities.map(
    (municipality) =>
      html`<h2 class="mt-8">${municipalityName(municipality.municipality)}</h2>
        <p>${municipality.cases} ${municipality.cases === 1 ? 'sag' : 'sager'} i perioden.</p>
        ${municipality.kinds.map((kind) => {
          const id = `ventetider-${municipality.municipality}-${kind.kind}`;
          const label = kindLabels[kind.kind] ?? kind.kind;
          return html`<h3 id="${id}" class="mt-6">${label}</h3>
            ${chart(id, label, kind.steps)} ${table(id, label, kind.steps)}`;
        })}`,
  )}`;
}

const days = (value: number | null) =>
  value === null ? '–' : `${value.toLocaleString('da-DK', { maximumFractionDigits: 1 })} dage`;

/** Bars for each step's median and 90th percentile; each bar's number is written beside it. */
function chart(id: string, label: string, steps: StepFigures[]): Html {
  const WIDTH = 720;
  const LABEL_X = 8;
  const BAR_X = 8;
  const BAR_MAX = 520;
  const ROW = 110;
  const scale = Math.max(1, ...steps.flatMap((step) => [step.done.p90Days ?? 0, step.done.medianDays ?? 0]));
  const width = (value: number | null) => (value === null ? 0 : Math.max(2, (value / scale) * BAR_MAX));
  const height = steps.length * ROW + 40;
  return html`<div class="row">
    <figure class="col-12 col-lg-8 mt-4">
      <svg
        viewBox="0 0 ${WIDTH} ${height}"
        width="100%"
        role="img"
        aria-labelledby="${id}-title ${id}-desc"
        focusable="false"
      >
        <title id="${id}-title">Ventetider for ${label}: median og 90 %-fraktil i dage pr. trin</title>
        <desc id="${id}-desc">Tallene står også i tabellen under diagrammet.</desc>
        ${steps.map((step, index) => {
          const y = index * ROW + 20;
          const bar = (row: number, value: number | null, fill: string, name: string) =>
            html`<rect
                x="${BAR_X}"
                y="${y + row}"
                width="${width(value).toFixed(1)}"
                height="18"
                fill="${fill}"
              />
              <text
                x="${(BAR_X + width(value) + 8).toFixed(1)}"
                y="${y + row + 14}"
                font-size="14"
                fill="#1a1a1a"
              >
                ${name}: ${days(value)}
              </text>`;
          return html`<text x="${LABEL_X}" y="${y + 12}" font-size="15" font-weight="600" fill="#1a1a1a">
              ${stepLabels[step.step]} (${step.done.n} færdige)
            </text>
            ${bar(22, step.done.medianDays, '#004993', 'Median')}
            ${bar(46, step.done.p90Days, '#5b5b5b', '90 %')}
            <text x="${LABEL_X}" y="${y + 84}" font-size="14" fill="#1a1a1a">
              Venter stadig:
              ${step.stillWaiting.n}${step.stillWaiting.n > 0 ? ` (median ${days(step.stillWaiting.medianDays)} indtil nu)` : ''}
            </text>`;
        })}
      </svg>
      <figcaption class="small-text">
        Mørkeblå: median. Grå: 90 %-fraktil (9 ud af 10 sager ventede højst så længe).
      </figcaption>
    </figure>
  </div>`;
}

function table(id: string, label: string, steps: StepFigures[]): Html {
  return html`<div
    class="table--responsive-scroll"
    tabindex="0"
    role="region"
    aria-labelledby="${id}-caption"
  >
    <table class="table table--zebra table--compact">
      <caption id="${id}-caption">
        ${label}: ventetider i dage
      </caption>
      <thead>
        <tr>
          <th scope="col">Trin</th>
          <th scope="col">Færdige</th>
          <th scope="col">Median</th>
          <th scope="col">90 %-fraktil</th>
          <th scope="col">Venter stadig</th>
          <th scope="col">Venter stadig, median indtil nu</th>
          <th scope="col">Afsluttet uden trinnet</th>
        </tr>
      </thead>
      <tbody>
        ${steps.map(
          (step) =>
            html`<tr>
              <th scope="row">${stepLabels[step.step]}</th>
              <td>${step.done.n}</td>
              <td>${days(step.done.medianDays)}</td>
              <td>${days(step.done.p90Days)}</td>
              <td>${step.stillWaiting.n}</td>
              <td>${days(step.stillWaiting.medianDays)}</td>
              <td>${step.endedWithout}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
