import { api } from '../api.js';
import { attempt, chooseSeason, el, mountShell, number, playControl, query, show, status, t, table, trackLink, verifiedBadge } from '../ui.js';

mountShell('shortlist');
const season = query.get('season');
if (!season) {
  await chooseSeason(t('seasons.caption'), s => `/shortlist.html?season=${encodeURIComponent(s.id)}`);
} else {
  const [detail, shortlist] = await Promise.all([
    api(`/api/seasons/${encodeURIComponent(season)}`).catch(() => null),
    attempt(() => api(`/api/seasons/${encodeURIComponent(season)}/shortlist`)),
  ]);
  if (shortlist) {
    const round = detail?.rounds.find(r => r.number === shortlist.round);
    document.querySelector('h1').textContent = t('shortlist.headingFor', {
      season: detail?.name ?? season, round: round?.name ?? shortlist.round, state: t(`states.${shortlist.state}`),
    });
    if (shortlist.rows.length === 0) status(t('shortlist.empty'), 'empty');
    else status('');
    show(document.getElementById('content'), table(t('shortlist.caption'), [
      [t('columns.rank'), s => String(s.row.rank), true],
      [t('columns.track'), s => trackLink(s.row)],
      [t('columns.listen'), s => playControl({ title: s.row.title, audioUrl: s.audioUrl })],
      [t('columns.artist'), s => s.artist ? el('span', {}, s.artist.displayName, ' ', verifiedBadge(s.artist.verified), ` (${s.artist.region})`) : s.row.artistId],
      [t('shortlist.contact'), s => s.artist?.contactEmail ? el('a', { href: `mailto:${s.artist.contactEmail}` }, s.artist.contactEmail) : '—'],
      [t('shortlist.links'), s => el('span', {}, (s.artist?.links ?? []).map(l => el('a', { href: l, rel: 'noopener' }, new URL(l).hostname, ' ')))],
      [t('columns.score'), s => s.row.score.toFixed(2), true],
      [t('columns.popularity'), s => number(s.row.popularity), true],
    ], shortlist.rows.map(s => ({ ...s, id: s.row.trackId }))));
  }
}
