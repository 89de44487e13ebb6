import { api } from '../api.js';
import { lineChart } from '../chart.js';
import { artistLink, attempt, day, el, guide, mountShell, number, playControl, query, roundsTable, show, t, when } from '../ui.js';

mountShell('track');
const id = query.get('id');
if (!id) {
  guide(t('track.guide'), [['/', t('nav.featured')], ['/leaderboard.html', t('leaderboard.heading')]]);
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
      el('p', {}, t('track.by'), ' ', artistLink(track), ` · ${minutes} · ${t(`trackStatus.${track.status}`)} · `,
        track.clearedAt ? t('track.clearedOn', { when: when(track.clearedAt) }) : t('track.submittedOn', { when: when(track.submittedAt) })),
      el('p', {}, playControl(track)),
      el('ul', { class: 'cards', 'aria-label': t('track.totals') },
        el('li', {}, el('span', { class: 'value' }, number(track.popularity)), el('span', { class: 'label' }, t('columns.popularity'))),
        el('li', {}, el('span', { class: 'value' }, number(track.uses)), el('span', { class: 'label' }, t('track.uses')))),
      el('h2', {}, t('track.perDay')),
      days.some(d => d.popularity > 0)
        ? lineChart(t('track.chart'), days.map(d => ({ label: day(d.day) })), [
          { name: t('columns.popularity'), colour: '#0b57d0', values: days.map(d => d.popularity) },
          { name: t('counters.views'), colour: '#1a7f37', values: days.map(d => d.views) }])
        : el('p', { class: 'empty' }, t('track.noEngagement')),
      el('h2', {}, t('track.rounds')),
      history?.rounds.length
        ? roundsTable(t('track.roundsCaption'), history.rounds)
        : el('p', { class: 'empty' }, track.seasonId ? t('track.notInRound') : t('track.notInSeason')));
  }
}
