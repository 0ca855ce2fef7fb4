import type { RulesetMoveReport } from '../domain/ruleset-move';
import { type Html, html } from './html';

/** A bulk move as the worklist shows it: its progress or report, without the per-case list. */
export type RulesetMoveLine = Omit<RulesetMoveReport, 'cases'>;

const outcomeWords: Record<string, string> = {
  'would-move': 'kan flyttes',
  moved: 'flyttet',
  'already-moved': 'allerede flyttet',
  'cannot-move': 'kan ikke flyttes',
  failed: 'fejlede',
};

const danishTime = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * One line per recent move of running cases to another ruleset version (issue 16: "progress visible
 * … a line on the staff pages"), for administrators: from and to, a dry run or a move, running or
 * done, how many cases it has looked at and what became of them. The report itself is at the API.
 */
export function rulesetMovesSection(moves: RulesetMoveLine[]): Html {
  if (moves.length === 0) return html``;
  return html`<h2 id="regelsaetsflytninger" class="mt-8">Flytning af sager til et nyt regelsæt</h2>
    <ul class="nobullet-list">
      ${moves.map((move) => html`<li>${moveLine(move)}</li>`)}
    </ul>
    <p class="small-text">Rapporten med hver sag: <code>GET /api/v1/admin/ruleset-moves/{id}</code>.</p>`;
}

export function moveLine(move: RulesetMoveLine): Html {
  const what = move.apply ? 'Flytning' : 'Prøvekørsel';
  const state =
    move.status === 'running'
      ? `kører (startet ${danishTime.format(new Date(move.startedAt))})`
      : `færdig ${danishTime.format(new Date(move.finishedAt ?? move.startedAt))}`;
  const outcomes = Object.entries(move.counts)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count.toLocaleString('da-DK')} ${outcomeWords[outcome] ?? outcome}`)
    .join(', ');
  return html`<strong>${what} ${move.from} → ${move.to}</strong> (${move.moveId}): ${state};
    ${move.seen.toLocaleString('da-DK')} ${move.seen === 1 ? 'sag' : 'sager'}
    set${outcomes ? `: ${outcomes}` : ''}.`;
}
