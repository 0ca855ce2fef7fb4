import type { Deadline } from '../domain/engine/deadlines';
import { type Html, html } from './html';
import { deadlineLabels, deadlineStatusLabels } from './labels';

/**
 * A case's deadlines on one time line, as an inline SVG the page serves with no script: from the
 * earliest start (the case's opening, or the first deadline's start) to the latest due date (for a
 * ressourceforløb, its maximum duration), one bar per deadline from its start to its due date,
 * coloured and named by status (met, pending, breached, reached), a mark where it was met or
 * breached, and today as a line. The status is written beside every bar, not told by colour alone
 * (WCAG 1.4.1); the colours hold 3:1 against white (1.4.11). The SVG is an image with a title and a
 * description (the counts); the deadlines table below it is its full text alternative (1.1.1).
 * Colours are presentation attributes, not style, so the pages' Content-Security-Policy holds.
 */
export interface ChartInput {
  deadlines: Deadline[];
  /** When the case was opened; the chart starts there if that is before every deadline's start. */
  openedAt?: string;
}

const WIDTH = 800;
const LABEL_WIDTH = 300;
const RIGHT_MARGIN = 20;
const ROW = 26;
const TOP = 34;
const AXIS = 34;

/** Status colours against white: each at least 3:1 (the design system's own success/error/info hues). */
export const statusColours: Record<Deadline['status'], string> = {
  met: '#358000',
  pending: '#0059b3',
  breached: '#b51d09',
  reached: '#5e5e5e',
};

const danishDate = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

export function deadlineChart(input: ChartInput, now: Date, id = 'fristforloeb'): Html {
  const deadlines = [...input.deadlines].sort(
    (a, b) => a.startedAt.localeCompare(b.startedAt) || a.dueAt.localeCompare(b.dueAt),
  );
  if (deadlines.length === 0) return html``;
  const nowMs = now.getTime();
  const starts = deadlines.map((deadline) => Date.parse(deadline.startedAt));
  if (input.openedAt) starts.push(Date.parse(input.openedAt));
  const from = Math.min(...starts);
  const to = Math.max(...deadlines.map((deadline) => Date.parse(deadline.dueAt)), from + 86_400_000);
  const span = to - from;
  const plotWidth = WIDTH - LABEL_WIDTH - RIGHT_MARGIN;
  const x = (ms: number) => LABEL_WIDTH + (Math.min(Math.max(ms, from), to) - from) * (plotWidth / span);
  const height = TOP + deadlines.length * ROW + AXIS;
  const bottom = TOP + deadlines.length * ROW;

  const counts = (['breached', 'pending', 'met', 'reached'] as const)
    .map((status) => ({ status, count: deadlines.filter((deadline) => deadline.status === status).length }))
    .filter(({ count }) => count > 0)
    .map(({ status, count }) => `${count} ${deadlineStatusLabels[status]!.toLowerCase()}`);
  const title = `Sagens frister på en tidslinje fra ${danishDate.format(from)} til ${danishDate.format(to)}`;
  const description = `${deadlines.length} ${deadlines.length === 1 ? 'frist' : 'frister'}: ${counts.join(', ')}. I dag er ${danishDate.format(nowMs)}. Tabellen herunder viser hver frist med datoer og status.`;

  const ticks = tickTimes(from, to);
  const todayVisible = nowMs >= from && nowMs <= to;

  return html`<figure class="deadline-chart mt-6">
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-labelledby="${id}-title ${id}-desc"
      viewBox="0 0 ${WIDTH} ${height}"
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      font-family="IBM Plex Sans, Arial, sans-serif"
      font-size="13"
    >
      <title id="${id}-title">${title}</title>
      <desc id="${id}-desc">${description}</desc>
      ${ticks.map(
        (tick, index) =>
          html`<g>
            <line x1="${n(x(tick))}" x2="${n(x(tick))}" y1="${TOP - 6}" y2="${bottom}" stroke="#d8d8d8" />
            <text
              x="${n(x(tick))}"
              y="${bottom + 20}"
              text-anchor="${index === ticks.length - 1 ? 'end' : 'middle'}"
              fill="#1a1a1a"
            >
              ${danishDate.format(tick)}
            </text>
          </g>`,
      )}
      ${deadlines.map((deadline, index) => {
        const y = TOP + index * ROW;
        const start = x(Date.parse(deadline.startedAt));
        const due = x(Date.parse(deadline.dueAt));
        const colour = statusColours[deadline.status];
        const status = deadlineStatusLabels[deadline.status] ?? deadline.status;
        const name = deadlineLabels[deadline.kind];
        const text = `${name ?? deadline.kind}`;
        const settledAt = deadline.metAt ?? deadline.breachedAt ?? deadline.reachedAt;
        return html`<g>
          <title>
            ${text}: ${status.toLowerCase()}, senest ${danishDate.format(Date.parse(deadline.dueAt))}
          </title>
          <text
            x="${LABEL_WIDTH - 8}"
            y="${y + 17}"
            text-anchor="end"
            fill="#1a1a1a"
            ${name ? '' : html` lang="en"`}
          >
            ${truncate(text, 34)}
          </text>
          <rect
            x="${n(start)}"
            y="${y + 6}"
            width="${n(Math.max(due - start, 3))}"
            height="14"
            rx="2"
            fill="${colour}"
            fill-opacity="${deadline.status === 'pending' ? '0.35' : '1'}"
            stroke="${colour}"
          />
          ${
            settledAt
              ? html`<circle
                  cx="${n(x(Date.parse(settledAt)))}"
                  cy="${y + 13}"
                  r="5"
                  fill="#ffffff"
                  stroke="${colour}"
                  stroke-width="2"
                />`
              : ''
          }
          <text
            x="${n(Math.min(due + 6, WIDTH - RIGHT_MARGIN))}"
            y="${y + 17}"
            fill="${colour === statusColours.pending ? '#1a1a1a' : colour}"
            font-size="11"
            ${due + 6 > WIDTH - 90 ? html` text-anchor="end"` : ''}
          >
            ${status}
          </text>
        </g>`;
      })}
      ${
        todayVisible
          ? html`<g>
              <line
                x1="${n(x(nowMs))}"
                x2="${n(x(nowMs))}"
                y1="${TOP - 14}"
                y2="${bottom}"
                stroke="#1a1a1a"
                stroke-width="2"
                stroke-dasharray="5 3"
              />
              <text x="${n(x(nowMs))}" y="${TOP - 18}" text-anchor="middle" fill="#1a1a1a" font-weight="600">
                I dag
              </text>
            </g>`
          : ''
      }
    </svg>
    <figcaption class="small-text">
      Søjlerne går fra fristens start til dens sidste dag; en ring markerer, hvornår den blev overholdt eller
      overskredet. Den stiplede linje er i dag.
    </figcaption>
  </figure>`;
}

/** Tick instants for the axis: the start, the end, and up to four evenly between. */
function tickTimes(from: number, to: number): number[] {
  const count = 5;
  return Array.from({ length: count + 1 }, (_, index) => from + ((to - from) * index) / count);
}

function n(value: number): string {
  return value.toFixed(1);
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
