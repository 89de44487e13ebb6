import { api } from '../api.js';
import { lineChart } from '../chart.js';
import { artistLink, attempt, el, guide, mountShell, number, playControl, query, show, table, when } from '../ui.js';

mountShell();
const id = query.get('id');
if (!id) {
  guide('Tracks are linked by their titles from the featured playlist, the leaderboards and artists\u2019 pages.',
    [['/', 'Featured playlist'], ['/leaderboard.html', 'Leaderboards']]);
} else {
  const [track, history] = await Promise.all([
    attempt(() => api(`/api/tracks/${encodeURIComponent(id)}`)),
    api(`/api/tracks/${encodeURIComponent(id)}/history?days=30`).catch(() => null),
  ]);
  if (track) {
    document.querySelector('h1').textContent = track.title;
    document.title = `${track.title} · Spotlight`;
    const minutes = `${Math.floor(track.durationSeconds / 60)}:${String(track.durationSeconds % 60).padStart(2, '0')}`;
    const days = history?.days ?? [];
    show(document.getElementById('content'),
      el('p', {}, 'By ', artistLink(track), ` · ${minutes} · ${track.status}`,
        track.clearedAt ? ` · cleared ${when(track.clearedAt)}` : ` · submitted ${when(track.submittedAt)}`),
      el('p', {}, playControl(track)),
      el('ul', { class: 'cards', 'aria-label': 'Totals' },
        el('li', {}, el('span', { class: 'value' }, number(track.popularity)), el('span', { class: 'label' }, 'popularity')),
        el('li', {}, el('span', { class: 'value' }, number(track.uses)), el('span', { class: 'label' }, 'videos using it'))),
      el('h2', {}, 'Popularity per day'),
      days.some(d => d.popularity > 0)
        ? lineChart('Popularity per day, last 30 days (UTC)', days.map(d => ({ label: d.day })), [
          { name: 'popularity', colour: '#0b57d0', values: days.map(d => d.popularity) },
          { name: 'views', colour: '#1a7f37', values: days.map(d => d.views) }])
        : el('p', { class: 'empty' }, 'No engagement in the last 30 days yet: it shows here once videos that use the track are watched.'),
      el('h2', {}, 'Rounds'),
      history?.rounds.length
        ? table('Standing in each round', [
          ['Round', r => `${r.round}. ${r.name}`],
          ['State', r => r.state],
          ['Rank', r => String(r.rank), true],
          ['Score', r => r.score.toFixed(2), true],
          ['Outcome', r => r.outcome + (r.prize ? ` — ${r.prize}` : '')],
        ], history.rounds)
        : el('p', { class: 'empty' }, track.seasonId ? 'The track has not entered a round yet.' : 'The track is not entered in a season.'));
  }
}
