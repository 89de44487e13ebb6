import { api } from '../api.js';
import { artistLink, attempt, chooseSeason, el, mountShell, number, playControl, query, seasonRound, show, status, t, table, trackLink } from '../ui.js';

mountShell('leaderboard');
const season = query.get('season');
const top = 100;
// The season's name for the heading; without a round, the one that is open (or closed last).
const chosen = season ? await seasonRound(season) : null;
if (!season) {
  await chooseSeason(t('seasons.caption'), s => `/leaderboard.html?season=${encodeURIComponent(s.id)}`);
} else if (chosen) {
  const round = chosen.number;
  document.querySelector('h1').textContent = `${chosen.name ?? t('leaderboard.round', { round })} · ${chosen.season.name}`;
  const path = `/api/seasons/${encodeURIComponent(season)}/rounds/${encodeURIComponent(round)}/leaderboard`;
  const first = await attempt(() => api(`${path}?top=${top}`));
  if (first) {
    let previous = new Map();
    const render = board => {
      const movement = row => {
        const before = previous.get(row.trackId);
        if (previous.size === 0 || before === row.rank) return el('span', { 'aria-label': t('leaderboard.noChange') }, '–');
        if (before === undefined) return el('span', { class: 'up', 'aria-label': t('leaderboard.newInTop') }, t('leaderboard.new'));
        return before > row.rank
          ? el('span', { class: 'up', 'aria-label': t('leaderboard.up', { count: before - row.rank }) }, `▲ ${before - row.rank}`)
          : el('span', { class: 'down', 'aria-label': t('leaderboard.down', { count: row.rank - before }) }, `▼ ${row.rank - before}`);
      };
      show(document.getElementById('content'), board.rows.length === 0
        ? el('p', { class: 'empty' }, t('leaderboard.empty'))
        : table(t('leaderboard.caption', { top: board.rows.length, count: board.entries, formatted: number(board.entries), state: t(`states.${board.state}`) }), [
          [t('columns.rank'), r => String(r.rank), true],
          [t('leaderboard.move'), movement],
          [t('columns.track'), trackLink],
          [t('columns.listen'), playControl],
          [t('columns.artist'), artistLink],
          [t('columns.popularity'), r => number(r.popularity), true],
          [t('leaderboard.judges'), r => r.judgeScore === null ? '—' : r.judgeScore.toFixed(2), true],
          [t('columns.score'), r => r.score.toFixed(2), true],
        ], board.rows));
      previous = new Map(board.rows.map(r => [r.trackId, r.rank]));
    };
    render(first);
    if (first.state === 'closed') {
      status(t('leaderboard.closed'));
    } else {
      // Server-sent events: the API pushes the top rows whenever they change.
      const live = new EventSource(`${path}/live?top=${top}`);
      live.addEventListener('leaderboard', event => {
        render(JSON.parse(event.data));
        status(t('leaderboard.updated', { time: new Date().toLocaleTimeString(document.documentElement.lang) }));
      });
      live.addEventListener('open', () => status(t('leaderboard.live')));
      live.addEventListener('error', () => status(t('leaderboard.paused'), 'error'));
    }
  }
}
