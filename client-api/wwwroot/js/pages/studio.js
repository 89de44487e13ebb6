import { api, session } from '../api.js';
import { addsAlertsFor, alertsSection } from '../alerts.js';
import { lineChart } from '../chart.js';
import { attempt, day, el, mountShell, number, query, show, status, t, table } from '../ui.js';
import { language } from '../i18n.js';

mountShell('studio');
const title = query.get('title');
const bucket = query.get('bucket') ?? 'hour';
const local = date => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const now = new Date();
const from = query.get('from') ?? local(new Date(now.getTime() - 24 * 3600_000));
const to = query.get('to') ?? local(new Date(now.getTime() + 60_000));

show(document.getElementById('controls'), el('form', { class: 'inline', method: 'get', 'aria-label': t('studio.range') },
  title ? el('input', { type: 'hidden', name: 'title', value: title }) : null,
  el('label', {}, t('studio.from'), el('input', { name: 'from', type: 'datetime-local', value: from, required: true })),
  el('label', {}, t('studio.to'), el('input', { name: 'to', type: 'datetime-local', value: to, required: true })),
  el('label', {}, t('studio.points'), el('select', { name: 'bucket' }, ['minute', 'hour', 'day'].map(b => el('option', { value: b, selected: b === bucket }, t(`studio.per.${b}`))))),
  el('button', { type: 'submit' }, t('common.show'))));

if (!title) {
  // A studio sees its own titles; an admin (no studio) every title, most engaged first.
  const studioId = session.claims()?.studioId;
  const titles = await attempt(() => studioId
    ? api(`/api/studios/${encodeURIComponent(studioId)}/titles`)
    : api('/api/titles?limit=100').then(page => page.titles));
  if (!titles) {
    // The status line says what went wrong.
  } else if (titles.length === 0) {
    status(t('studio.noTitles'), 'empty');
  } else {
    status(t(studioId ? 'studio.chooseYours' : 'studio.choose', { count: titles.length }));
    show(document.getElementById('content'), el('ul', { class: 'plain', 'aria-label': t('studio.yourTitles') }, titles.map(row =>
      el('li', {}, el('a', { href: `/studio.html?title=${encodeURIComponent(row.id)}&bucket=${bucket}` }, row.name), el('span', { class: 'muted' }, ` · ${t(`titles.kind.${row.kind}`)}`)))));
  }
} else {
  // The inputs are in the viewer's local time; the API takes instants.
  const range = `from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}&bucket=${encodeURIComponent(bucket)}`;
  const [report, details] = await Promise.all([
    attempt(() => api(`/api/titles/${encodeURIComponent(title)}/analytics?${range}`)),
    api(`/api/titles/${encodeURIComponent(title)}`).catch(() => null),
  ]);
  if (report) {
    document.querySelector('h1').textContent = t('studio.headingFor', { title: details?.name ?? title });
    const points = report.series.map(p => ({ label: new Date(p.start).toLocaleString(language, bucket === 'day' ? { dateStyle: 'medium' } : { dateStyle: 'short', timeStyle: 'short' }) }));
    const series = (part, colour) => ({ name: t(`counters.${part}`), colour, values: report.series.map(p => p.matching[part]) });
    const totals = report.totals;
    const top = (list, heading, rows, link) => rows.length
      ? table(t(`studio.top.${list}`), [[heading, r => link ? link(r) : r.id], [t('titles.engagement'), r => number(r.engagement), true], [t('counters.views'), r => number(r.counters.views), true]], rows)
      : el('p', { class: 'empty' }, t('studio.nothingInRange', { list: t(`studio.top.${list}`) }));
    show(document.getElementById('content'),
      el('ul', { class: 'cards', 'aria-label': t('track.totals') }, [
        ['views', totals.matching.views], ['likes', totals.matching.likes], ['comments', totals.matching.comments], ['shares', totals.matching.shares],
        ['linkedViews', totals.linked.views], ['hubVisits', totals.hubVisits],
        ['clicks', Object.values(totals.clicks).reduce((a, b) => a + b, 0)],
      ].map(([label, value]) => el('li', { 'data-total': label }, el('span', { class: 'value' }, number(value)), el('span', { class: 'label' }, t(`counters.${label}`))))),
      lineChart(t('studio.matchingChart'), points, [
        series('views', '#0b57d0'), series('likes', '#bf3989'), series('comments', '#1a7f37'), series('shares', '#9a6700')]),
      lineChart(t('studio.hubChart'), points, [
        { name: t('counters.hubVisits'), colour: '#6d28d9', values: report.series.map(p => p.hubVisits) },
        { name: t('counters.clicks'), colour: '#cf222e', values: report.series.map(p => p.clicks) }]),
      Object.keys(totals.clicks).length
        ? table(t('studio.clicksPerProvider'), [[t('studio.provider'), ([p]) => p], [t('counters.clicks'), ([, n]) => number(n), true]], Object.entries(totals.clicks))
        : el('p', { class: 'empty' }, t('studio.noClicks')),
      el('p', { class: 'muted' }, t('studio.topCover', { from: day(report.top.from), to: day(report.top.to) })),
      el('div', { class: 'grid three' },
        el('section', {}, el('h2', {}, t('studio.top.videos')), top('videos', t('reviewLinks.video'), report.top.videos, r => el('a', { href: `/video.html?id=${encodeURIComponent(r.id)}` }, r.name ?? r.id))),
        el('section', {}, el('h2', {}, t('studio.top.creators')), top('creators', t('reviewLinks.creator'), report.top.creators)),
        el('section', {}, el('h2', {}, t('studio.top.hashtags')), top('hashtags', t('studio.hashtag'), report.top.hashtags, r => `#${r.id}`))),
      // Trend alerts load when opened: the analytics view stays at two requests (their rules, fired alerts and live feed would make five).
      alertsSection(title, { canAdd: addsAlertsFor(details?.studioId) }));
    const quiet = !report.series.some(p => p.matching.views + p.matching.likes + p.matching.comments + p.matching.shares > 0);
    status(quiet ? t('studio.noEngagement') : '', quiet ? 'empty' : 'info');
  }
}
