import { api } from '../api.js';
import { attempt, el, guide, mountShell, number, query, show, status, t } from '../ui.js';

mountShell('video');
const id = query.get('id');
if (!id) {
  guide(t('video.guide'), [['/title.html', t('nav.titles')], ['/review-links.html', t('nav.linkReviews')]]);
} else {
  const video = await attempt(() => api(`/api/videos/${encodeURIComponent(id)}`));
  if (video) {
    const c = video.counters;
    show(document.getElementById('content'),
      el('p', {}, video.caption || el('span', { class: 'empty' }, t('video.noCaption'))),
      el('p', { class: 'muted' }, t('video.by', { creator: video.creatorId }), video.hashtags.length ? ` · ${video.hashtags.map(h => `#${h}`).join(' ')}` : ''),
      el('ul', { class: 'cards', 'aria-label': t('video.engagement') }, ['views', 'likes', 'comments', 'shares']
        .map(kind => el('li', {}, el('span', { class: 'value' }, number(c[kind])), el('span', { class: 'label' }, t(`counters.${kind}`))))),
      el('h2', {}, t('video.anchor')),
      video.anchorLink
        ? el('p', { id: 'anchor' }, t('video.linkedTo'), ' ', el('a', { href: `/title.html?id=${encodeURIComponent(video.anchorLink)}` }, video.anchorLink))
        : el('p', { id: 'anchor', class: 'empty' }, t('video.notLinked')),
      el('h2', {}, t('video.eligibility')),
      video.eligibility.length
        ? el('ul', { class: 'plain' }, video.eligibility.map(e => el('li', {},
          el('strong', {}, `${e.titleId}: ${t(e.eligible ? 'video.eligible' : 'video.notEligible')}`),
          el('ul', {}, e.reasons.map(r => el('li', {}, `${r.passed ? '✓' : '✗'} ${r.rule}: ${r.detail}`))))))
        : el('p', { class: 'empty' }, t('video.noMatch')));
    status('');
  }
}
