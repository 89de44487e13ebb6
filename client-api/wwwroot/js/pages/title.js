import { api } from '../api.js';
import { attempt, el, mountShell, number, query, show, status, t, table } from '../ui.js';

mountShell('titles');
const id = query.get('id');
const region = query.get('region') || null;
if (!id) {
  await browseTitles();
} else {
  const hub = await attempt(() => api(`/api/titles/${encodeURIComponent(id)}/hub${region ? `?region=${encodeURIComponent(region)}` : ''}`));
  if (hub) {
    document.querySelector('h1').textContent = hub.name;
    document.title = `${hub.name} · Spotlight`;
    show(document.getElementById('controls'), el('form', { class: 'inline', method: 'get', 'aria-label': t('home.regionForm') },
      el('input', { type: 'hidden', name: 'id', value: id }),
      el('label', {}, t('titles.yourRegion'), el('input', { name: 'region', value: region ?? '', pattern: '[A-Z]{2}', maxlength: 2, size: 4 })),
      el('button', { type: 'submit' }, t('titles.whereToWatch'))));
    // A plain link to the provider (new tab, keyboard and middle-click work as usual); the click-through is
    // counted by a beacon, which the browser delivers even as it leaves the page.
    const count = option => navigator.sendBeacon(`/api/titles/${encodeURIComponent(id)}/hub/clicks`,
      new Blob([JSON.stringify({ target: option.provider })], { type: 'application/json' }));
    const watch = option => el('a', { class: 'button', href: option.url, target: '_blank', rel: 'noopener', onclick: () => count(option) },
      t(`titles.watchKind.${option.kind}`, { provider: option.provider, defaultValue: `${option.kind} · ${option.provider}` }));
    show(document.getElementById('content'),
      el('p', {}, kindLabel(hub.kind)),
      el('h2', {}, t('titles.whereToWatch')),
      hub.whereToWatch.length ? el('div', { class: 'watch' }, hub.whereToWatch.map(watch)) : el('p', { class: 'empty' }, region ? t('titles.notOffered', { region }) : t('titles.noProviders')),
      el('div', { class: 'grid two' },
        el('section', {}, el('h2', {}, t('titles.cast')),
          hub.cast.length ? el('ul', { class: 'plain' }, hub.cast.map(c => el('li', {}, t('titles.castAs', { name: c.name, role: c.role })))) : el('p', { class: 'empty' }, t('titles.noCast'))),
        el('section', {}, el('h2', {}, t('titles.socials')),
          hub.socials.length ? el('ul', { class: 'plain' }, hub.socials.map(s => el('li', {}, el('a', { href: s.url, rel: 'noopener' }, s.platform)))) : el('p', { class: 'empty' }, t('titles.noSocials')))),
      el('h2', {}, t('titles.fanVideos')),
      hub.relatedVideos.length
        ? el('ul', { class: 'plain', id: 'related' }, hub.relatedVideos.map(v => el('li', { 'data-id': v.videoId },
          el('a', { href: `/video.html?id=${encodeURIComponent(v.videoId)}` }, v.caption || v.videoId),
          el('span', { class: 'muted' }, ` · ${t('titles.videoFacts', { creator: v.creatorId, views: number(v.counters.views), likes: number(v.counters.likes) })}`))))
        : el('p', { class: 'empty', id: 'related' }, t('titles.noFanVideos')));
    status('');
  }
}

function kindLabel(kind) {
  return t(`titles.kind.${kind}`);
}

/** Without an id: a search over names, hashtags and cast, most engaged first, a page at a time. */
async function browseTitles() {
  const search = query.get('query') ?? '';
  const kind = query.get('kind') ?? '';
  show(document.getElementById('controls'), el('form', { class: 'inline', method: 'get', role: 'search', 'aria-label': t('titles.find') },
    el('label', {}, t('titles.searchLabel'), el('input', { type: 'search', name: 'query', value: search, maxlength: 100 })),
    el('label', {}, t('titles.kindLabel'), el('select', { name: 'kind' },
      [['', t('titles.kinds.all')], ['movie', t('titles.kinds.movie')], ['show', t('titles.kinds.show')]].map(([value, label]) => el('option', { value, selected: value === kind }, label)))),
    el('button', { type: 'submit' }, t('common.search'))));

  const content = document.getElementById('content');
  const rows = [];
  const more = async cursor => {
    const params = new URLSearchParams({ limit: '20' });
    if (search) params.set('query', search);
    if (kind) params.set('kind', kind);
    if (cursor) params.set('cursor', cursor);
    const page = await attempt(() => api(`/api/titles?${params}`));
    if (!page) return;
    rows.push(...page.titles);
    if (rows.length === 0) {
      status(search ? t('titles.noMatch', { search }) : t('titles.none'), 'empty');
      show(content);
      return;
    }

    show(content,
      table(t('titles.caption', { count: rows.length, formatted: number(rows.length) }), [
        [t('titles.title'), row => el('a', { href: `/title.html?id=${encodeURIComponent(row.id)}` }, row.name)],
        [t('titles.kindLabel'), row => kindLabel(row.kind)],
        [t('titles.hashtags'), row => row.hashtags.map(h => `#${h}`).join(' ')],
        [t('titles.engagement'), row => number(row.engagement), true],
      ], rows),
      page.nextCursor ? el('button', { type: 'button', onclick: () => more(page.nextCursor) }, t('titles.more')) : null);
    status('');
  };
  await more(null);
}
