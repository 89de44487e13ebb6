import { api } from '../api.js';
import { artistLink, attempt, chooseSeason, currentRound, el, mountShell, number, playControl, query, show, status, table, trackLink } from '../ui.js';

mountShell();
const season = query.get('season');
const detail = season ? await attempt(() => api(`/api/seasons/${encodeURIComponent(season)}`)) : null;
const round = detail ? Number(query.get('round') ?? currentRound(detail)) : null;
if (!season) {
  await chooseSeason('Seasons you may judge', s => `/judge.html?season=${encodeURIComponent(s.id)}`);
} else if (detail) {
  document.querySelector('h1').textContent = `Scores for ${detail.rounds.find(r => r.number === round)?.name ?? `round ${round}`} · ${detail.name}`;
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
      ['Track', trackLink],
      ['Listen', playControl],
      ['Artist', artistLink],
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
