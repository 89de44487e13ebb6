import { api } from '../api.js';
import { attempt, el, mountShell, number, query, show, status, t, table, when } from '../ui.js';

mountShell('reviewLinks');
// A title's own queue when a title page links here; otherwise every title's, oldest first.
const titleId = query.get('titleId') || null;
const content = document.getElementById('content');

const queue = await attempt(() => api(`/api/reviews/links?status=pending&limit=100${titleId ? `&titleId=${encodeURIComponent(titleId)}` : ''}`));
if (queue) {
  if (queue.length === 0) {
    status(t('reviewLinks.empty'), 'empty');
  } else {
    status(t('reviewLinks.waiting', { count: queue.length, formatted: number(queue.length) }));
    show(content, table(t('reviewLinks.caption'), [
      [t('reviewLinks.video'), r => el('a', { href: `/video.html?id=${encodeURIComponent(r.videoId)}` }, r.videoCaption || r.videoId)],
      [t('reviewLinks.title'), r => el('a', { href: `/title.html?id=${encodeURIComponent(r.titleId)}` }, r.titleName ?? r.titleId)],
      [t('reviewLinks.creator'), r => r.creatorId],
      [t('reviewLinks.queued'), r => when(r.queuedAt)],
      [t('reviews.decision'), decisionFor],
    ], queue.map(r => ({ ...r, id: `${r.videoId}/${r.titleId}` }))));
  }
}

function decisionFor(review) {
  const video = review.videoCaption || review.videoId;
  const title = review.titleName ?? review.titleId;
  const reason = el('input', { 'aria-label': t('reviews.reasonFor', { name: video }), placeholder: t('reviewLinks.reasonHint'), maxlength: 1000 });
  const decide = decision => async () => {
    const done = await attempt(() => api('/api/reviews/links', { method: 'POST', body: { videoId: review.videoId, titleId: review.titleId, decision, reason: reason.value || null } }),
      { busy: t('common.saving'), done: t(decision === 'approve' ? 'reviewLinks.approved' : 'reviewLinks.rejected', { video, title }) });
    if (done) document.querySelector(`tr[data-id="${CSS.escape(review.id)}"]`)?.remove();
  };
  return el('div', { class: 'actions' }, reason,
    el('button', { type: 'button', onclick: decide('approve') }, t('reviewLinks.approve')),
    el('button', { type: 'button', class: 'danger', onclick: decide('reject') }, t('reviews.reject')));
}
