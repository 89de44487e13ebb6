import { api, session } from '../api.js';
import { attempt, el, guide, mountShell, playControl, query, show, status, t, table, trackLink, verifiedBadge, when } from '../ui.js';

mountShell('artist');
const id = query.get('id');
if (!id) {
  guide(t('artist.guide'), [['/', t('nav.featured')], ['/leaderboard.html', t('leaderboard.heading')]]);
} else {
  const artist = await attempt(() => api(`/api/artists/${encodeURIComponent(id)}`));
  if (artist) {
    show(document.querySelector('h1'), artist.displayName, ' ', verifiedBadge(artist.verified));
    document.title = `${artist.displayName} · Spotlight`;
    const content = document.getElementById('content');
    // Insights are for the artist and admins.
    const mayReadInsights = artist.ownedByViewer === true || (session.claims()?.roles ?? []).includes('admin');
    show(content,
      el('p', {}, t('artist.region', { region: artist.region }), ' · ', artist.verified ? t('artist.verifiedOn', { when: when(artist.verifiedAt) }) : t('artist.notVerified')),
      mayReadInsights ? el('p', {}, el('a', { href: `/insights.html?id=${encodeURIComponent(artist.id)}` }, t('artist.insights'))) : null,
      artist.bio ? el('p', {}, artist.bio) : null,
      artist.links.length ? el('ul', { class: 'plain', 'aria-label': t('artist.links') }, artist.links.map(link => el('li', {}, el('a', { href: link, rel: 'noopener' }, link)))) : null,
      artist.awards.length ? el('section', {}, el('h2', {}, t('artist.awards')),
        el('ul', {}, artist.awards.map(a => el('li', {}, t('artist.award', { prize: a.prize, rank: a.rank, season: a.seasonId }))))) : null,
      el('h2', {}, t('artist.tracks')),
      artist.tracks.length
        ? table(t('artist.tracksBy', { name: artist.displayName }), [
          [t('titles.title'), row => trackLink({ trackId: row.id, title: row.title })],
          [t('columns.listen'), playControl],
          [t('track.status'), row => t(`trackStatus.${row.status}`)],
          [t('reviewTracks.submitted'), row => when(row.submittedAt)],
        ], artist.tracks)
        : el('p', { class: 'empty' }, t('artist.noTracks')));
    status('');
  }
}
