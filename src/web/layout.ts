import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Html, html } from './html';
import { officialMunicipalityName } from '../notifications/municipalities';
import { municipalityName, roleLabels } from './labels';
import type { Session } from './sessions';

/** The design system's built files (css, js, fonts, img), from its npm package: no CDN. */
export const DKFDS_DIST = join(dirname(require.resolve('dkfds')), '..');
const DKFDS_VERSION = (
  JSON.parse(readFileSync(join(DKFDS_DIST, '..', 'package.json'), 'utf8')) as { version: string }
).version;
/** Where they are served: the version in the path lets browsers keep them for good. */
export const DKFDS_ASSETS = `/assets/dkfds-${DKFDS_VERSION}`;
export const WEB_ASSETS = '/assets/web';

export const SOLUTION_NAME = 'Ressourceforløb';

/** An icon of the design system's sprite (decorative: the text beside it says what it means). */
export function icon(name: string): Html {
  return html`<svg class="icon-svg" focusable="false" aria-hidden="true">
    <use href="${DKFDS_ASSETS}/img/all-svg-icons.svg#${name}"></use>
  </svg>`;
}

export interface PageOptions {
  /** The page's own title; the browser tab reads "title – Ressourceforløb". */
  title: string;
  session?: Session;
  body: Html;
}

/**
 * Every page: Danish, a skip link to the main content, the header (municipality, the signed-in person
 * and sign-out), one main landmark. Design system markup (DKFDS "header" and "skip link").
 */
export function page({ title, session, body }: PageOptions): Html {
  const principal = session?.principal;
  return html`<!doctype html>
    <html lang="da">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} – ${SOLUTION_NAME}</title>
        <link rel="stylesheet" href="${DKFDS_ASSETS}/css/dkfds.min.css" />
        <link rel="stylesheet" href="${WEB_ASSETS}/staff.css" />
        <script src="${DKFDS_ASSETS}/js/dkfds.min.js" defer></script>
        <script src="${WEB_ASSETS}/staff.js" defer></script>
      </head>
      <body>
        <a class="skipnav" href="#main-content">Gå til sidens indhold</a>
        <header class="header">
          <div class="portal-info">
            <div class="portal-info-inner container">
              <p class="portal-name">${principal ? portalName(principal.municipality) : SOLUTION_NAME}</p>
              ${
                principal && session
                  ? html`<div class="portal-user">
                      <p class="user">
                        <span class="weight-semibold">${session.displayName ?? principal.person}</span>,
                        ${(roleLabels[principal.role] ?? principal.role).toLowerCase()}
                      </p>
                      <form method="post" action="/log-ud" class="sign-out">
                        <input type="hidden" name="_csrf" value="${session.csrfToken}" />
                        <button type="submit" class="function-link log-off">${icon('lock')}Log af</button>
                      </form>
                    </div>`
                  : ''
              }
            </div>
          </div>
          <div class="solution-info">
            <div class="solution-info-inner container">
              <div class="solution-heading"><a href="/">${SOLUTION_NAME}</a></div>
            </div>
          </div>
        </header>
        <main id="main-content" class="container page-container" tabindex="-1">${body}</main>
      </body>
    </html>`;
}

/** The design system's alert; `role="alert"` for errors and warnings, so they are read out at once. */
export function alert(
  variant: 'info' | 'success' | 'warning' | 'error',
  heading: string,
  text?: Html | string,
): Html {
  const spoken = { info: 'Information', success: 'Gennemført', warning: 'Advarsel', error: 'Fejl' }[variant];
  return html`<div
    class="alert alert-${variant}"
    ${variant === 'error' || variant === 'warning' ? html` role="alert"` : ''}
  >
    <svg class="icon-svg alert-icon" focusable="false" role="img" aria-label="${spoken}">
      <use href="${DKFDS_ASSETS}/img/all-svg-icons.svg#${variant}"></use>
    </svg>
    <div class="alert-body">
      <p class="alert-heading">${heading}</p>
      ${text ? html`<p class="alert-text">${text}</p>` : ''}
    </div>
  </div>`;
}

/** The little the design system leaves to the solution. */
export const staffCss = `/* Ressourceforløb: what the design system leaves to the solution. */
/* The person and "Log af" stay in the header at every width (the design system moves them into a
   menu drawer on small screens, which would need its script and a menu this service does not have). */
.header .portal-info .portal-user { display: flex; align-items: center; margin-left: auto; gap: 16px; flex-wrap: wrap; justify-content: flex-end; }
.header .portal-info .portal-user .user { margin: 0; text-align: right; }
.header .portal-info .portal-name { margin: 0; font-weight: 600; }
.header .sign-out { margin: 0; }
main:focus { outline: none; }
.filters { display: flex; flex-wrap: wrap; gap: 0 24px; align-items: flex-end; }
.filters .form-group { margin-top: 16px; }
.filters .form-group-checkbox { margin-top: 16px; margin-bottom: 8px; }
.filters .button { margin-top: 16px; }
.summary-list { display: flex; flex-wrap: wrap; gap: 16px 48px; padding: 0; list-style: none; }
.summary-list li { margin: 0; }
.summary-list .count { display: block; font-size: 2.4rem; font-weight: 600; line-height: 1.2; }
.overdue { font-weight: 600; }
.pager { display: flex; gap: 24px; margin-top: 24px; }
`;

/** Starts the design system's components (responsive tables and the like); the pages work without it. */
export const staffJs = `document.addEventListener('DOMContentLoaded', function () {
  if (window.DKFDS) window.DKFDS.init();
});
`;

/**
 * Whose pages these are: the municipality's official name ("Københavns Kommune", from the same table
 * the letters sign with), an administrator of every municipality reads "Alle kommuner".
 */
function portalName(code: string): string {
  return code === '*' ? municipalityName(code) : officialMunicipalityName(code);
}
