import { api } from '../api.js';
import { attempt, counted, el, mountShell, number, query, show, status, table } from '../ui.js';

mountShell();
const id = query.get('id');
const region = query.get('region') || null;
if (!id) {
  await browseTitles();
} else {
  const hub = await attempt(() => api(`/api/titles/${encodeURIComponent(id)}/hub${region ? `?region=${encodeURIComponent(region)}` : ''}`));
  if (hub) {
    document.querySelector('h1').textContent = hub.name;
    document.title = `${hub.name} · Spotlight`;
    show(document.getElementById('controls'), el('form', { class: 'inline', method: 'get', 'aria-label': 'Region' },
      el('input', { type: 'hidden', name: 'id', value: id }),
      el('label', {}, 'Your region (ISO code)', el('input', { name: 'region', value: region ?? '', pattern: '[A-Z]{2}', maxlength: 2, size: 4 })),
      el('button', { type: 'submit' }, 'Where to watch')));
    // A plain link to the provider (new tab, keyboard and middle-click work as usual); the click-through is
    // counted by a beacon, which the browser delivers even as it leaves the page.
    const count = option => navigator.sendBeacon(`/api/titles/${encodeURIComponent(id)}/hub/clicks`,
      new Blob([JSON.stringify({ target: option.provider })], { type: 'application/json' }));
    const watch = option => el('a', { class: 'button', href: option.url, target: '_blank', rel: 'noopener', onclick: () => count(option) },
      `${option.kind === 'tickets' ? 'Tickets' : option.kind[0].toUpperCase() + option.kind.slice(1)} on ${option.provider}`);
    show(document.getElementById('content'),
      el('p', {}, kindLabel(hub.kind)),
      el('h2', {}, 'Where to watch'),
      hub.whereToWatch.length ? el('div', { class: 'watch' }, hub.whereToWatch.map(watch)) : el('p', { class: 'empty' }, region ? `Not offered in ${region} yet.` : 'No providers listed yet.'),
      el('div', { class: 'grid two' },
        el('section', {}, el('h2', {}, 'Cast'),
          hub.cast.length ? el('ul', { class: 'plain' }, hub.cast.map(c => el('li', {}, `${c.name} as ${c.role}`))) : el('p', { class: 'empty' }, 'No cast listed.')),
        el('section', {}, el('h2', {}, 'Official accounts'),
          hub.socials.length ? el('ul', { class: 'plain' }, hub.socials.map(s => el('li', {}, el('a', { href: s.url, rel: 'noopener' }, s.platform)))) : el('p', { class: 'empty' }, 'None listed.'))),
      el('h2', {}, 'Fan videos'),
      hub.relatedVideos.length
        ? el('ul', { class: 'plain', id: 'related' }, hub.relatedVideos.map(v => el('li', { 'data-id': v.videoId },
          el('a', { href: `/video.html?id=${encodeURIComponent(v.videoId)}` }, v.caption || v.videoId),
          el('span', { class: 'muted' }, ` · by ${v.creatorId} · ${counted(v.counters.views, 'view', 'views')} · ${counted(v.counters.likes, 'like', 'likes')}`))))
        : el('p', { class: 'empty', id: 'related' }, 'No linked fan videos yet.'));
    status('');
  }
}

function kindLabel(kind) {
  return kind === 'movie' ? 'Movie' : 'Show';
}

/** Without an id: a search over names, hashtags and cast, most engaged first, a page at a time. */
async function browseTitles() {
  document.querySelector('h1').textContent = 'Titles';
  const search = query.get('query') ?? '';
  const kind = query.get('kind') ?? '';
  show(document.getElementById('controls'), el('form', { class: 'inline', method: 'get', role: 'search', 'aria-label': 'Find a title' },
    el('label', {}, 'Name, hashtag or cast', el('input', { type: 'search', name: 'query', value: search, maxlength: 100 })),
    el('label', {}, 'Kind', el('select', { name: 'kind' },
      [['', 'Movies and shows'], ['movie', 'Movies'], ['show', 'Shows']].map(([value, label]) => el('option', { value, selected: value === kind }, label)))),
    el('button', { type: 'submit' }, 'Search')));

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
      status(search ? `No title matches “${search}”. Try a shorter name, a hashtag or a cast member.` : 'No title yet. A studio creates one with POST /api/titles.');
      show(content);
      return;
    }

    show(content,
      table(`${counted(rows.length, 'title', 'titles')}, most engaged first`, [
        ['Title', t => el('a', { href: `/title.html?id=${encodeURIComponent(t.id)}` }, t.name)],
        ['Kind', t => kindLabel(t.kind)],
        ['Hashtags', t => t.hashtags.map(h => `#${h}`).join(' ')],
        ['Engagement', t => number(t.engagement), true],
      ], rows),
      page.nextCursor ? el('button', { type: 'button', onclick: () => more(page.nextCursor) }, 'Show more') : null);
    status('');
  };
  await more(null);
}
