import { api } from '../api.js';
import { artistLink, attempt, counted, el, mountShell, number, playControl, query, show, status, table, trackLink, when } from '../ui.js';

mountShell();
const id = query.get('id');
if (!id) {
  await listSeasons();
} else {
  const season = await attempt(() => api(`/api/seasons/${encodeURIComponent(id)}`));
  if (season) {
    document.querySelector('h1').textContent = season.name;
    document.title = `${season.name} · Spotlight`;
    const board = r => `/leaderboard.html?season=${encodeURIComponent(id)}&round=${r.number}`;
    const content = document.getElementById('content');
    show(content,
      el('p', {}, `Regions: ${season.regions.join(', ')} · ${counted(season.winners, 'winner', 'winners')}`),
      table('Rounds', [
        ['Round', r => `${r.number}. ${r.name}`],
        ['Opens', r => when(r.opensAt)],
        ['Closes', r => when(r.closesAt)],
        ['State', r => r.state],
        ['', r => r.state === 'closed' ? el('span', {}, 'See results below') : el('a', { href: board(r) }, 'Live leaderboard')],
      ], season.rounds));
    for (const round of season.rounds.filter(r => r.state === 'closed')) {
      const results = await api(`/api/seasons/${encodeURIComponent(id)}/rounds/${round.number}/results`);
      content.append(el('h2', {}, `Results of round ${round.number}`),
        table(`Round ${round.number}: top ${Math.min(results.rows.length, 20)} of ${results.rows.length}`, [
          ['Rank', r => String(r.rank), true],
          ['Track', trackLink],
          ['Listen', playControl],
          ['Artist', artistLink],
          ['Score', r => r.score.toFixed(2), true],
          ['Outcome', r => r.winner ? `Winner${r.prize ? ` — ${r.prize}` : ''}` : r.advanced ? 'Advanced' : ''],
        ], results.rows.slice(0, 20)));
    }

    status(season.rounds.some(r => r.state === 'closed') ? '' : 'No round has closed yet.');
    if (season.winnerTrackIds.length) content.prepend(el('p', { class: 'status ok' }, `Winners decided: ${counted(season.winnerTrackIds.length, 'track', 'tracks')}.`));
  }
}

/** Without an id: every season, open ones first, each a link by its name (nobody types an id). */
async function listSeasons() {
  document.querySelector('h1').textContent = 'Seasons';
  const seasons = await attempt(() => api('/api/seasons'));
  if (!seasons) return;
  if (seasons.length === 0) {
    status('No season yet. An admin creates one with POST /api/seasons; it shows here at once.');
    return;
  }

  const groups = [['open', 'Open now'], ['upcoming', 'Coming up'], ['closed', 'Closed']];
  show(document.getElementById('content'), groups.map(([state, heading]) => {
    const inState = seasons.filter(s => s.state === state);
    return inState.length === 0 ? null : [
      el('h2', {}, heading),
      table(`${heading}: ${counted(inState.length, 'season', 'seasons')}`, [
        ['Season', s => el('a', { href: `/season.html?id=${encodeURIComponent(s.id)}` }, s.name)],
        ['Regions', s => s.regions.join(', ')],
        ['Opens', s => when(s.opensAt)],
        ['Closes', s => when(s.closesAt)],
      ], inState),
    ];
  }));
  status('');
}
