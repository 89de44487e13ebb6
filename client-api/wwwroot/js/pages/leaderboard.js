import { api } from '../api.js';
import { artistLink, askFor, attempt, counted, el, mountShell, number, query, show, status, table } from '../ui.js';

mountShell();
const season = query.get('season');
const round = query.get('round');
const top = 100;
if (!season || !round) {
  askFor(document.getElementById('controls'), 'Round', [['season', 'Season id'], ['round', 'Round', { type: 'number', min: 1, max: 10 }]]);
  status('Enter a season and a round to watch its leaderboard.');
} else {
  document.querySelector('h1').textContent = `Round ${round} of ${season}`;
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
          ['Track', r => r.title],
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
