import { api } from '../api.js';
import { askFor, attempt, el, mountShell, number, query, show, status, table } from '../ui.js';

mountShell();
const season = query.get('season');
const round = query.get('round');
if (!season || !round) {
  askFor(document.getElementById('controls'), 'Round', [['season', 'Season id'], ['round', 'Round', { type: 'number', min: 1, max: 10 }]]);
  status('Enter the season and the open round you judge.');
} else {
  document.querySelector('h1').textContent = `Scores for round ${round} of ${season}`;
  const roundPath = `/api/seasons/${encodeURIComponent(season)}/rounds/${encodeURIComponent(round)}`;
  const board = await attempt(() => api(`${roundPath}/leaderboard?top=100`));
  // The judge's own earlier scores fill the inputs, so the page shows what was given.
  const mine = board ? await attempt(() => api(`${roundPath}/scores`)) : null;
  const given = new Map((mine?.scores ?? []).map(s => [s.trackId, s.score]));
  if (board) {
    if (board.state !== 'open') status(`This round is ${board.state}; scores are accepted only while it is open.`, 'error');
    else if (board.rows.length === 0) status('The round has no entries yet.', 'empty');
    else status('Score each track from 0 to 10; a new score replaces your earlier one.');
    show(document.getElementById('content'), table('Entries', [
      ['Rank', r => String(r.rank), true],
      ['Track', r => r.title],
      ['Popularity', r => number(r.popularity), true],
      ['Judges\u2019 mean', r => r.judgeScore === null ? '—' : r.judgeScore.toFixed(2), true],
      ['Your score', row => scoreFor(row, roundPath, given)],
    ], board.rows));
  }
}

function scoreFor(row, roundPath, given) {
  const input = el('input', { type: 'number', min: 0, max: 10, step: 1, required: true, 'aria-label': `Score for ${row.title}`, size: 3, value: given.get(row.trackId) });
  return el('form', {
    class: 'actions',
    onsubmit: async event => {
      event.preventDefault();
      await attempt(() => api(`${roundPath}/scores`, { method: 'POST', body: { trackId: row.trackId, score: Number(input.value) } }),
        { busy: 'Saving…', done: `Scored "${row.title}" ${input.value}.` });
    },
  }, input, el('button', { type: 'submit' }, 'Save'));
}
