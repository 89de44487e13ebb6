import { api } from '../api.js';
import { askFor, attempt, el, mountShell, number, query, show, status, table, verifiedBadge } from '../ui.js';

mountShell();
const season = query.get('season');
if (!season) {
  askFor(document.getElementById('controls'), 'Season', [['season', 'Season id']]);
  status('Enter a season that lists you as a partner.');
} else {
  const shortlist = await attempt(() => api(`/api/seasons/${encodeURIComponent(season)}/shortlist`));
  if (shortlist) {
    document.querySelector('h1').textContent = `Shortlist of ${season}, round ${shortlist.round} (${shortlist.state})`;
    if (shortlist.rows.length === 0) status('No entries yet.', 'empty');
    else status('');
    show(document.getElementById('content'), table('Shortlisted artists', [
      ['Rank', s => String(s.row.rank), true],
      ['Track', s => s.row.title],
      ['Artist', s => s.artist ? el('span', {}, s.artist.displayName, ' ', verifiedBadge(s.artist.verified), ` (${s.artist.region})`) : s.row.artistId],
      ['Contact', s => s.artist?.contactEmail ? el('a', { href: `mailto:${s.artist.contactEmail}` }, s.artist.contactEmail) : '—'],
      ['Links', s => el('span', {}, (s.artist?.links ?? []).map(l => el('a', { href: l, rel: 'noopener' }, new URL(l).hostname, ' ')))],
      ['Score', s => s.row.score.toFixed(2), true],
      ['Popularity', s => number(s.row.popularity), true],
    ], shortlist.rows.map(s => ({ ...s, id: s.row.trackId }))));
  }
}
