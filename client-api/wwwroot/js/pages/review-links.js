import { api } from '../api.js';
import { attempt, counted, el, mountShell, query, show, status, table, when } from '../ui.js';

mountShell();
// A title's own queue when a title page links here; otherwise every title's, oldest first.
const titleId = query.get('titleId') || null;
const content = document.getElementById('content');

const queue = await attempt(() => api(`/api/reviews/links?status=pending&limit=100${titleId ? `&titleId=${encodeURIComponent(titleId)}` : ''}`));
if (queue) {
  if (queue.length === 0) {
    status('No links are waiting for review.', 'empty');
  } else {
    status(`${counted(queue.length, 'link', 'links')} waiting, oldest first.`);
    show(content, table('Links waiting for review', [
      ['Video', r => el('a', { href: `/video.html?id=${encodeURIComponent(r.videoId)}` }, r.videoCaption || r.videoId)],
      ['Title', r => el('a', { href: `/title.html?id=${encodeURIComponent(r.titleId)}` }, r.titleName ?? r.titleId)],
      ['Creator', r => r.creatorId],
      ['Queued', r => when(r.queuedAt)],
      ['Decision', decisionFor],
    ], queue.map(r => ({ ...r, id: `${r.videoId}/${r.titleId}` }))));
  }
}

function decisionFor(review) {
  const reason = el('input', { 'aria-label': `Reason for ${review.videoCaption || review.videoId}`, placeholder: 'Reason (optional)', maxlength: 1000 });
  const decide = decision => async () => {
    const done = await attempt(() => api('/api/reviews/links', { method: 'POST', body: { videoId: review.videoId, titleId: review.titleId, decision, reason: reason.value || null } }),
      { busy: 'Saving…', done: `Link of "${review.videoCaption || review.videoId}" to ${review.titleName ?? review.titleId} ${decision === 'approve' ? 'approved' : 'rejected'}.` });
    if (done) document.querySelector(`tr[data-id="${CSS.escape(review.id)}"]`)?.remove();
  };
  return el('div', { class: 'actions' }, reason,
    el('button', { type: 'button', onclick: decide('approve') }, 'Approve'),
    el('button', { type: 'button', class: 'danger', onclick: decide('reject') }, 'Reject'));
}
