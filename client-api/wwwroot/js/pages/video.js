import { api } from '../api.js';
import { attempt, el, guide, mountShell, number, query, show, status } from '../ui.js';

mountShell();
const id = query.get('id');
if (!id) {
  guide('Videos are linked from the titles\u2019 hubs, the studio\u2019s top videos and the link reviews.',
    [['/title.html', 'Titles'], ['/review-links.html', 'Link reviews']]);
} else {
  const video = await attempt(() => api(`/api/videos/${encodeURIComponent(id)}`));
  if (video) {
    const c = video.counters;
    show(document.getElementById('content'),
      el('p', {}, video.caption || el('span', { class: 'empty' }, 'No caption.')),
      el('p', { class: 'muted' }, `By ${video.creatorId}`, video.hashtags.length ? ` · ${video.hashtags.map(h => `#${h}`).join(' ')}` : ''),
      el('ul', { class: 'cards', 'aria-label': 'Engagement' }, [['views', c.views], ['likes', c.likes], ['comments', c.comments], ['shares', c.shares]]
        .map(([label, value]) => el('li', {}, el('span', { class: 'value' }, number(value)), el('span', { class: 'label' }, label)))),
      el('h2', {}, 'Anchor link'),
      video.anchorLink
        ? el('p', { id: 'anchor' }, 'Linked to ', el('a', { href: `/title.html?id=${encodeURIComponent(video.anchorLink)}` }, video.anchorLink))
        : el('p', { id: 'anchor', class: 'empty' }, 'Not linked to a title.'),
      el('h2', {}, 'Link eligibility'),
      video.eligibility.length
        ? el('ul', { class: 'plain' }, video.eligibility.map(e => el('li', {},
          el('strong', {}, `${e.titleId}: ${e.eligible ? 'eligible' : 'not eligible'}`),
          el('ul', {}, e.reasons.map(r => el('li', {}, `${r.passed ? '✓' : '✗'} ${r.rule}: ${r.detail}`))))))
        : el('p', { class: 'empty' }, 'The video matches no title.'));
    status('');
  }
}
