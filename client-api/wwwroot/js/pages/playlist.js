import { api } from '../api.js';
import { artistLink, attempt, counted, el, mountShell, number, playControl, query, show, status, table, trackLink, when } from '../ui.js';

mountShell();
const region = (query.get('region') ?? 'JP').toUpperCase();
show(document.getElementById('controls'), el('form', { class: 'inline', method: 'get', 'aria-label': 'Region' },
  el('label', {}, 'Region (ISO code)', el('input', { name: 'region', value: region, pattern: '[A-Za-z]{2}', maxlength: 2, size: 4, required: true })),
  el('button', { type: 'submit' }, 'Show')));

// What is on now, above the playlist: the open season of the region (or any open one) and the titles
// trending today (most hub visits and linked views in the last day); each a link by its name. Either
// missing is simply left out, as is a title nothing happened to today.
const [seasons, titles] = await Promise.all([
  api(`/api/seasons?state=open`).catch(() => []),
  api('/api/titles?sort=trending&limit=5').catch(() => ({ titles: [] })),
]);
const trending = titles.titles.filter(t => t.trending > 0);
const season = seasons.find(s => s.regions.includes(region)) ?? seasons[0];
// Its round open now, and that round's top 10 (names joined by the API, so no call per row).
const detail = season ? await api(`/api/seasons/${encodeURIComponent(season.id)}`).catch(() => null) : null;
const round = detail?.rounds.find(r => r.state === 'open');
const board = round ? await api(`/api/seasons/${encodeURIComponent(season.id)}/rounds/${round.number}/leaderboard?top=10`).catch(() => null) : null;
show(document.getElementById('now'),
  season ? el('section', { 'aria-labelledby': 'season-now' },
    el('h2', { id: 'season-now' }, 'Open season'),
    el('p', {}, el('a', { href: `/season.html?id=${encodeURIComponent(season.id)}` }, season.name),
      ` · ${season.regions.join(', ')} · closes ${when(season.closesAt)}`),
    board && board.rows.length ? [
      table(`${round.name}: top ${board.rows.length} of ${counted(board.entries, 'entry', 'entries')}`, [
        ['Rank', r => String(r.rank), true],
        ['Track', trackLink],
        ['Listen', playControl],
        ['Artist', artistLink],
        ['Score', r => r.score.toFixed(2), true],
      ], board.rows),
      el('p', {}, el('a', { href: `/leaderboard.html?season=${encodeURIComponent(season.id)}&round=${round.number}` }, 'Live leaderboard')),
    ] : null) : null,
  trending.length ? el('section', { 'aria-labelledby': 'titles-now' },
    el('h2', { id: 'titles-now' }, 'Trending titles'),
    el('ul', {}, trending.map(t => el('li', {}, el('a', { href: `/title.html?id=${encodeURIComponent(t.id)}` }, t.name),
      ` · ${counted(t.trending, 'engagement', 'engagements')} today`)))) : null);

const playlist = await attempt(() => api(`/api/playlists/featured?region=${encodeURIComponent(region)}&limit=50`));
if (playlist) {
  if (playlist.tracks.length === 0) {
    status(`No cleared tracks in ${region} yet.`, 'empty');
  } else {
    status(`${counted(playlist.tracks.length, 'track', 'tracks')} in ${region}, most popular first.`);
    show(document.getElementById('content'), table(`Featured tracks in ${region}`, [
      ['#', t => String(playlist.tracks.indexOf(t) + 1), true],
      ['Track', trackLink],
      ['Listen', playControl],
      ['Artist', artistLink],
      ['Popularity', t => number(t.popularity), true],
    ], playlist.tracks));
  }
}
