import { api } from '../api.js';
import { artistLink, attempt, el, mountShell, number, playControl, query, show, status, t, table, trackLink, when } from '../ui.js';

mountShell('season');
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
      el('p', {}, t('season.summary', { regions: season.regions.join(', '), count: season.winners, formatted: number(season.winners) })),
      table(t('season.rounds'), [
        [t('season.round'), r => `${r.number}. ${r.name}`],
        [t('season.opens'), r => when(r.opensAt)],
        [t('season.closes'), r => when(r.closesAt)],
        [t('seasons.state'), r => t(`states.${r.state}`)],
        ['', r => r.state === 'closed' ? el('span', {}, t('season.resultsBelow')) : el('a', { href: board(r) }, t('home.liveLeaderboard'))],
      ], season.rounds));
    for (const round of season.rounds.filter(r => r.state === 'closed')) {
      const results = await api(`/api/seasons/${encodeURIComponent(id)}/rounds/${round.number}/results`);
      content.append(el('h2', {}, t('season.resultsOf', { round: round.number })),
        table(t('season.resultsCaption', { round: round.number, top: Math.min(results.rows.length, 20), all: results.rows.length }), [
          [t('columns.rank'), r => String(r.rank), true],
          [t('columns.track'), trackLink],
          [t('columns.listen'), playControl],
          [t('columns.artist'), artistLink],
          [t('columns.score'), r => r.score.toFixed(2), true],
          [t('season.outcome'), r => r.winner ? (r.prize ? t('season.winnerWith', { prize: r.prize }) : t('season.winner')) : r.advanced ? t('season.advanced') : ''],
        ], results.rows.slice(0, 20)));
    }

    status(season.rounds.some(r => r.state === 'closed') ? '' : t('season.noneClosed'));
    if (season.winnerTrackIds.length) {
      content.prepend(el('p', { class: 'status ok' }, t('season.winnersDecided', { count: season.winnerTrackIds.length, formatted: number(season.winnerTrackIds.length) })));
    }
  }
}

/** Without an id: every season, open ones first, each a link by its name (nobody types an id). */
async function listSeasons() {
  const seasons = await attempt(() => api('/api/seasons'));
  if (!seasons) return;
  if (seasons.length === 0) {
    status(t('seasons.none'), 'empty');
    return;
  }

  show(document.getElementById('content'), ['open', 'upcoming', 'closed'].map(state => {
    const inState = seasons.filter(s => s.state === state);
    const heading = t(`season.group.${state}`);
    return inState.length === 0 ? null : [
      el('h2', {}, heading),
      table(t('season.groupCaption', { heading, count: inState.length, formatted: number(inState.length) }), [
        [t('seasons.season'), s => el('a', { href: `/season.html?id=${encodeURIComponent(s.id)}` }, s.name)],
        [t('seasons.regions'), s => s.regions.join(', ')],
        [t('season.opens'), s => when(s.opensAt)],
        [t('season.closes'), s => when(s.closesAt)],
      ], inState),
    ];
  }));
  status('');
}
