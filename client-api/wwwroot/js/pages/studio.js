import { api, session } from '../api.js';
import { lineChart } from '../chart.js';
import { attempt, el, mountShell, number, query, show, status, table } from '../ui.js';

mountShell();
const title = query.get('title');
const bucket = query.get('bucket') ?? 'hour';
const local = date => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const now = new Date();
const from = query.get('from') ?? local(new Date(now.getTime() - 24 * 3600_000));
const to = query.get('to') ?? local(new Date(now.getTime() + 60_000));

show(document.getElementById('controls'), el('form', { class: 'inline', method: 'get', 'aria-label': 'Analytics range' },
  title ? el('input', { type: 'hidden', name: 'title', value: title }) : null,
  el('label', {}, 'From', el('input', { name: 'from', type: 'datetime-local', value: from, required: true })),
  el('label', {}, 'To', el('input', { name: 'to', type: 'datetime-local', value: to, required: true })),
  el('label', {}, 'Points', el('select', { name: 'bucket' }, ['minute', 'hour', 'day'].map(b => el('option', { value: b, selected: b === bucket }, `per ${b}`)))),
  el('button', { type: 'submit' }, 'Show')));

if (!title) {
  // A studio sees its own titles; an admin (no studio) every title, most engaged first.
  const studioId = session.claims()?.studioId;
  const titles = await attempt(() => studioId
    ? api(`/api/studios/${encodeURIComponent(studioId)}/titles`)
    : api('/api/titles?limit=100').then(page => page.titles));
  if (!titles) {
    // The status line says what went wrong.
  } else if (titles.length === 0) {
    status('Your studio has no titles yet.', 'empty');
  } else {
    status(`${studioId ? 'Your studio\u2019s titles' : 'Titles'} (${titles.length}): choose one.`);
    show(document.getElementById('content'), el('ul', { class: 'plain', 'aria-label': 'Your titles' }, titles.map(t =>
      el('li', {}, el('a', { href: `/studio.html?title=${encodeURIComponent(t.id)}&bucket=${bucket}` }, t.name), el('span', { class: 'muted' }, ` · ${t.kind} · ${t.id}`)))));
  }
} else {
  // The inputs are in the viewer's local time; the API takes instants.
  const range = `from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}&bucket=${encodeURIComponent(bucket)}`;
  const report = await attempt(() => api(`/api/titles/${encodeURIComponent(title)}/analytics?${range}`));
  if (report) {
    document.querySelector('h1').textContent = `Studio analytics: ${title}`;
    const points = report.series.map(p => ({ label: new Date(p.start).toLocaleString('en', bucket === 'day' ? { dateStyle: 'medium' } : { dateStyle: 'short', timeStyle: 'short' }) }));
    const series = (part, name, colour) => ({ name, colour, values: report.series.map(p => p.matching[part]) });
    const totals = report.totals;
    const top = (caption, heading, rows, link) => rows.length
      ? table(caption, [[heading, r => link ? link(r) : r.id], ['Engagement', r => number(r.engagement), true], ['Views', r => number(r.counters.views), true]], rows)
      : el('p', { class: 'empty' }, `${caption}: nothing in this range.`);
    show(document.getElementById('content'),
      el('ul', { class: 'cards', 'aria-label': 'Totals' }, [
        ['views', totals.matching.views], ['likes', totals.matching.likes], ['comments', totals.matching.comments], ['shares', totals.matching.shares],
        ['views on linked videos', totals.linked.views], ['hub visits', totals.hubVisits],
        ['click-throughs', Object.values(totals.clicks).reduce((a, b) => a + b, 0)],
      ].map(([label, value]) => el('li', { 'data-total': label }, el('span', { class: 'value' }, number(value)), el('span', { class: 'label' }, label)))),
      lineChart('Engagement on fan videos that match the title', points, [
        series('views', 'views', '#0b57d0'), series('likes', 'likes', '#bf3989'), series('comments', 'comments', '#1a7f37'), series('shares', 'shares', '#9a6700')]),
      lineChart('Hub visits and click-throughs', points, [
        { name: 'hub visits', colour: '#6d28d9', values: report.series.map(p => p.hubVisits) },
        { name: 'click-throughs', colour: '#cf222e', values: report.series.map(p => p.clicks) }]),
      Object.keys(totals.clicks).length
        ? table('Click-throughs per provider', [['Provider', ([p]) => p], ['Clicks', ([, n]) => number(n), true]], Object.entries(totals.clicks))
        : el('p', { class: 'empty' }, 'No click-throughs in this range.'),
      el('p', { class: 'muted' }, `Top lists cover ${new Date(report.top.from).toLocaleDateString('en')} to ${new Date(report.top.to).toLocaleDateString('en')} (whole UTC days).`),
      el('div', { class: 'grid three' },
        el('section', {}, el('h2', {}, 'Top videos'), top('Top videos', 'Video', report.top.videos, r => el('a', { href: `/video.html?id=${encodeURIComponent(r.id)}` }, r.id))),
        el('section', {}, el('h2', {}, 'Top creators'), top('Top creators', 'Creator', report.top.creators)),
        el('section', {}, el('h2', {}, 'Top hashtags'), top('Top hashtags', 'Hashtag', report.top.hashtags, r => `#${r.id}`))));
    status(report.series.some(p => p.matching.views + p.matching.likes + p.matching.comments + p.matching.shares > 0) ? '' : 'No engagement in this range yet.');
  }
}
