import { api } from '../api.js';
import { attempt, el, guide, mountShell, playControl, query, show, status, table, trackLink, verifiedBadge, when } from '../ui.js';

mountShell();
const id = query.get('id');
if (!id) {
  guide('Artists are linked by name from the featured playlist, the leaderboards and the review queue.',
    [['/', 'Featured playlist'], ['/leaderboard.html', 'Leaderboards']]);
} else {
  const artist = await attempt(() => api(`/api/artists/${encodeURIComponent(id)}`));
  if (artist) {
    show(document.querySelector('h1'), artist.displayName, ' ', verifiedBadge(artist.verified));
    document.title = `${artist.displayName} · Spotlight`;
    const content = document.getElementById('content');
    show(content,
      el('p', {}, `Region ${artist.region}`, artist.verified ? ` · verified ${when(artist.verifiedAt)}` : ' · not verified yet'),
      artist.bio ? el('p', {}, artist.bio) : null,
      artist.links.length ? el('ul', { class: 'plain', 'aria-label': 'Links' }, artist.links.map(link => el('li', {}, el('a', { href: link, rel: 'noopener' }, link)))) : null,
      artist.awards.length ? el('section', {}, el('h2', {}, 'Awards'),
        el('ul', {}, artist.awards.map(a => el('li', {}, `${a.prize} — rank ${a.rank} in ${a.seasonId}`)))) : null,
      el('h2', {}, 'Tracks'),
      artist.tracks.length
        ? table(`Tracks by ${artist.displayName}`, [['Title', t => trackLink({ trackId: t.id, title: t.title })], ['Listen', playControl], ['Status', t => t.status], ['Submitted', t => when(t.submittedAt)]], artist.tracks)
        : el('p', { class: 'empty' }, 'No tracks yet.'));
    status('');
  }
}
