import { api } from '../api.js';
import { attempt, chooseSeason, el, mountShell, number, playControl, query, show, status, table, trackLink, verifiedBadge } from '../ui.js';

mountShell();
const season = query.get('season');
if (!season) {
  await chooseSeason('Seasons', s => `/shortlist.html?season=${encodeURIComponent(s.id)}`);
} else {
  const [detail, shortlist] = await Promise.all([
    api(`/api/seasons/${encodeURIComponent(season)}`).catch(() => null),
    attempt(() => api(`/api/seasons/${encodeURIComponent(season)}/shortlist`)),
  ]);
  if (shortlist) {
    const round = detail?.rounds.find(r => r.number === shortlist.round);
    document.querySelector('h1').textContent = `Shortlist of ${detail?.name ?? season}: ${round?.name ?? `round ${shortlist.round}`} (${shortlist.state})`;
    if (shortlist.rows.length === 0) status('No entries yet.', 'empty');
    else status('');
    show(document.getElementById('content'), table('Shortlisted artists', [
      ['Rank', s => String(s.row.rank), true],
      ['Track', s => trackLink(s.row)],
      ['Listen', s => playControl({ title: s.row.title, audioUrl: s.audioUrl })],
      ['Artist', s => s.artist ? el('span', {}, s.artist.displayName, ' ', verifiedBadge(s.artist.verified), ` (${s.artist.region})`) : s.row.artistId],
      ['Contact', s => s.artist?.contactEmail ? el('a', { href: `mailto:${s.artist.contactEmail}` }, s.artist.contactEmail) : '—'],
      ['Links', s => el('span', {}, (s.artist?.links ?? []).map(l => el('a', { href: l, rel: 'noopener' }, new URL(l).hostname, ' ')))],
      ['Score', s => s.row.score.toFixed(2), true],
      ['Popularity', s => number(s.row.popularity), true],
    ], shortlist.rows.map(s => ({ ...s, id: s.row.trackId }))));
  }
}
