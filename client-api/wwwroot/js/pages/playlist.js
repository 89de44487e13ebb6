import { api } from '../api.js';
import { attempt, counted, el, mountShell, number, query, show, status, table, verifiedBadge } from '../ui.js';

mountShell();
const region = (query.get('region') ?? 'JP').toUpperCase();
show(document.getElementById('controls'), el('form', { class: 'inline', method: 'get', 'aria-label': 'Region' },
  el('label', {}, 'Region (ISO code)', el('input', { name: 'region', value: region, pattern: '[A-Za-z]{2}', maxlength: 2, size: 4, required: true })),
  el('button', { type: 'submit' }, 'Show')));

const playlist = await attempt(() => api(`/api/playlists/featured?region=${encodeURIComponent(region)}&limit=50`));
if (playlist) {
  if (playlist.tracks.length === 0) {
    status(`No cleared tracks in ${region} yet.`, 'empty');
  } else {
    status(`${counted(playlist.tracks.length, 'track', 'tracks')} in ${region}, most popular first.`);
    show(document.getElementById('content'), table(`Featured tracks in ${region}`, [
      ['#', t => String(playlist.tracks.indexOf(t) + 1), true],
      ['Track', t => t.title],
      ['Artist', t => el('span', {}, el('a', { href: `/artist.html?id=${encodeURIComponent(t.artistId)}` }, t.artistName), ' ', verifiedBadge(t.artistVerified))],
      ['Popularity', t => number(t.popularity), true],
    ], playlist.tracks));
  }
}
