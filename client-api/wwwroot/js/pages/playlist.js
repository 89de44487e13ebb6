import { api } from '../api.js';
import { artistLink, attempt, el, mountShell, number, playControl, query, show, status, t, table, trackLink, when } from '../ui.js';

mountShell('home');
document.getElementById('featured-heading').textContent = t('home.featured');
const region = (query.get('region') ?? 'JP').toUpperCase();
show(document.getElementById('controls'), el('form', { class: 'inline', method: 'get', 'aria-label': t('home.regionForm') },
  el('label', {}, t('home.region'), el('input', { name: 'region', value: region, pattern: '[A-Za-z]{2}', maxlength: 2, size: 4, required: true })),
  el('button', { type: 'submit' }, t('common.show'))));

// What is on now, above the playlist, in one call: the open season of the region (or any open one) with its
// current round's top 10 (names joined by the API), and the titles trending today (most hub visits and linked
// views in the last day); each a link by its name. Whatever is missing is simply left out.
const now = await api(`/api/now?region=${encodeURIComponent(region)}`).catch(() => null);
const trending = now?.trending ?? [];
const season = now?.season;
const round = season?.round;
const board = season?.top;
// The round's top 10, redrawn whenever the live leaderboard sends new rows.
const topTen = el('div', { class: 'top-ten' });
const drawTop = latest => show(topTen, latest.rows.length ? table(t('home.topOf', { round: round.name, top: latest.rows.length, count: latest.entries }), [
  [t('columns.rank'), r => String(r.rank), true],
  [t('columns.track'), trackLink],
  [t('columns.listen'), playControl],
  [t('columns.artist'), artistLink],
  [t('columns.score'), r => r.score.toFixed(2), true],
], latest.rows) : null);
show(document.getElementById('now'),
  season ? el('section', { 'aria-labelledby': 'season-now' },
    el('h2', { id: 'season-now' }, t('home.openSeason')),
    el('p', {}, el('a', { href: `/season.html?id=${encodeURIComponent(season.id)}` }, season.name),
      ` · ${season.regions.join(', ')} · ${t('home.closes', { when: when(season.closesAt) })}`),
    round ? [
      topTen,
      el('p', {}, el('a', { href: `/leaderboard.html?season=${encodeURIComponent(season.id)}&round=${round.number}` }, t('home.liveLeaderboard'))),
    ] : null) : null,
  trending.length ? el('section', { 'aria-labelledby': 'titles-now' },
    el('h2', { id: 'titles-now' }, t('home.trending')),
    el('ul', {}, trending.map(title => el('li', {}, el('a', { href: `/title.html?id=${encodeURIComponent(title.id)}` }, title.name),
      ` · ${t('home.engagementsToday', { count: title.trending, formatted: number(title.trending) })}`)))) : null);

if (round) {
  drawTop(board);
  new EventSource(`/api/seasons/${encodeURIComponent(season.id)}/rounds/${round.number}/leaderboard/live?top=10`)
    .addEventListener('leaderboard', event => drawTop(JSON.parse(event.data)));
}

const playlist = await attempt(() => api(`/api/playlists/featured?region=${encodeURIComponent(region)}&limit=50`));
if (playlist) {
  if (playlist.tracks.length === 0) {
    status(t('home.noTracks', { region }), 'empty');
  } else {
    status(t('home.tracksIn', { count: playlist.tracks.length, formatted: number(playlist.tracks.length), region }));
    show(document.getElementById('content'), table(t('home.featuredIn', { region }), [
      ['#', row => String(playlist.tracks.indexOf(row) + 1), true],
      [t('columns.track'), trackLink],
      [t('columns.listen'), playControl],
      [t('columns.artist'), artistLink],
      [t('columns.popularity'), row => number(row.popularity), true],
    ], playlist.tracks));
  }
}
