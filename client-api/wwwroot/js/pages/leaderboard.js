import { api } from '../api.js';
import { artistLink, attempt, chooseSeason, counted, currentRound, el, mountShell, number, playControl, query, show, status, table, trackLink } from '../ui.js';

mountShell();
const season = query.get('season');
const top = 100;
// The season's name for the heading; without a round, the one that is open (or closed last).
const detail = season ? await attempt(() => api(`/api/seasons/${encodeURIComponent(season)}`)) : null;
const round = detail ? Number(query.get('round') ?? currentRound(detail)) : null;
if (!season) {
  await chooseSeason('Seasons', s => `/leaderboard.html?season=${encodeURIComponent(s.id)}`);
} else if (detail) {
  const name = detail.rounds.find(r => r.number === round)?.name ?? `Round ${round}`;
  document.querySelector('h1').textContent = `${name} · ${detail.name}`;
  const path = `/api/seasons/${encodeURIComponent(season)}/rounds/${encodeURIComponent(round)}/leaderboard`;
  const first = await attempt(() => api(`${path}?top=${top}`));
  if (first) {
    let previous = new Map();
    const render = board => {
      const movement = row => {
        const before = previous.get(row.trackId);
        if (previous.size === 0 || before === row.rank) return el('span', { 'aria-label': 'no change' }, '–');
        if (before === undefined) return el('span', { class: 'up', 'aria-label': 'new in the top' }, 'new');
        return before > row.rank
          ? el('span', { class: 'up', 'aria-label': `up ${before - row.rank}` }, `▲ ${before - row.rank}`)
          : el('span', { class: 'down', 'aria-label': `down ${row.rank - before}` }, `▼ ${row.rank - before}`);
      };
      show(document.getElementById('content'), board.rows.length === 0
        ? el('p', { class: 'empty' }, 'No entries in this round yet.')
        : table(`Top ${board.rows.length} of ${counted(board.entries, 'entry', 'entries')} (${board.state})`, [
          ['Rank', r => String(r.rank), true],
          ['Move', movement],
          ['Track', trackLink],
          ['Listen', playControl],
          ['Artist', artistLink],
          ['Popularity', r => number(r.popularity), true],
          ['Judges', r => r.judgeScore === null ? '—' : r.judgeScore.toFixed(2), true],
          ['Score', r => r.score.toFixed(2), true],
        ], board.rows));
      previous = new Map(board.rows.map(r => [r.trackId, r.rank]));
    };
    render(first);
    if (first.state === 'closed') {
      status('This round is closed; these are its final standings.');
    } else {
      // Server-sent events: the API pushes the top rows whenever they change.
      const live = new EventSource(`${path}/live?top=${top}`);
      live.addEventListener('leaderboard', event => {
        render(JSON.parse(event.data));
        status(`Live · updated ${new Date().toLocaleTimeString('en')}`);
      });
      live.addEventListener('open', () => status('Live: the table updates as engagement and judges\u2019 scores arrive.'));
      live.addEventListener('error', () => status('Live updates paused; reconnecting…', 'error'));
    }
  }
}
