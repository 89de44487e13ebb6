import { api, session } from '../api.js';
import { lineChart } from '../chart.js';
import { attempt, day, el, guide, mountShell, number, query, roundsTable, show, status, t, trackLink, when } from '../ui.js';

// An artist's insights, for the artist and admins: how the music is doing per day, per track and in total,
// where each track stood in each round, and what reviewers decided. One request for the whole page.
mountShell('insights');
const id = query.get('id') ?? session.claims()?.artistId;
if (!id) {
  guide(t('insights.guide'), [['/', t('nav.featured')]]);
} else {
  const isoDay = value => value.toISOString().slice(0, 10);
  const to = query.get('to') ?? isoDay(new Date());
  const from = query.get('from') ?? isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000));
  show(document.getElementById('controls'), el('form', { class: 'inline', method: 'get', 'aria-label': t('insights.range') },
    el('input', { type: 'hidden', name: 'id', value: id }),
    el('label', {}, t('insights.from'), el('input', { type: 'date', name: 'from', value: from, required: true })),
    el('label', {}, t('insights.to'), el('input', { type: 'date', name: 'to', value: to, required: true })),
    el('button', { type: 'submit' }, t('common.show'))));
  const insights = await attempt(() => api(`/api/artists/${encodeURIComponent(id)}/insights?from=${from}&to=${to}`));
  if (insights) {
    document.querySelector('h1').textContent = t('insights.of', { name: insights.displayName });
    document.title = `${t('insights.of', { name: insights.displayName })} · Spotlight`;
    const kinds = [['popularity', t('columns.popularity'), '#0b57d0'], ['views', t('counters.views'), '#1a7f37'], ['likes', t('counters.likes'), '#b3257a'],
      ['comments', t('counters.comments'), '#8a5a00'], ['shares', t('counters.shares'), '#6e40c9']];
    const sum = (days, kind) => days.reduce((total, d) => total + d[kind], 0);
    const perDay = (caption, days, series) => days.some(d => d.popularity > 0 || d.views > 0)
      ? lineChart(caption, days.map(d => ({ label: day(d.day) })), series.map(([kind, name, colour]) => ({ name, colour, values: days.map(d => d[kind]) })))
      : el('p', { class: 'empty' }, t('insights.noEngagement'));
    show(document.getElementById('content'),
      el('ul', { class: 'cards', 'aria-label': t('insights.totals') },
        [...kinds, ['uses', t('track.uses')]].map(([kind, label]) =>
          el('li', { 'data-total': kind }, el('span', { class: 'value' }, number(sum(insights.total, kind))), el('span', { class: 'label' }, label)))),
      perDay(t('insights.chart', { from: day(insights.from), to: day(insights.to) }), insights.total, kinds),
      el('h2', {}, t('insights.tracks')),
      insights.tracks.length ? insights.tracks.map(track => el('section', { 'aria-label': track.title, 'data-track': track.trackId },
        el('h3', {}, trackLink(track), ` · ${t(`trackStatus.${track.status}`)}`),
        perDay(t('insights.trackChart', { title: track.title }), track.days, kinds.slice(0, 2)),
        track.rounds.length
          ? roundsTable(t('insights.rankHistory', { title: track.title }), track.rounds)
          : el('p', { class: 'empty' }, t('track.notInRound')),
        track.reviews.length
          ? el('ul', { class: 'plain', 'aria-label': t('insights.reviews', { title: track.title }) }, track.reviews.map(r =>
            el('li', {}, t(`decisions.${r.decision}`), ` · ${when(r.at)}`, r.reason ? ` · ${r.reason}` : '')))
          : el('p', { class: 'empty' }, t('insights.notReviewed')))) : el('p', { class: 'empty' }, t('artist.noTracks')));
    status('');
  }
}
