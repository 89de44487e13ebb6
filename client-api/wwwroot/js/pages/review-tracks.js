import { api } from '../api.js';
import { artistLink, attempt, el, mountShell, number, playControl, show, status, t, table, trackLink, when } from '../ui.js';

mountShell('reviewTracks');
const content = document.getElementById('content');

async function load() {
  const queue = await attempt(() => api('/api/reviews/tracks?limit=100'));
  if (!queue) return;
  if (queue.length === 0) {
    content.replaceChildren();
    status(t('reviewTracks.empty'), 'empty');
    return;
  }

  status(t('reviewTracks.waiting', { count: queue.length, formatted: number(queue.length) }));
  show(content, table(t('reviewTracks.caption'), [
    [t('columns.track'), trackLink],
    [t('columns.listen'), playControl],
    [t('columns.artist'), artistLink],
    [t('reviewTracks.region'), row => row.region],
    [t('reviewTracks.submitted'), row => when(row.submittedAt)],
    [t('reviews.decision'), decisionFor],
  ], queue));
}

function decisionFor(track) {
  const reason = el('input', { 'aria-label': t('reviews.reasonFor', { name: track.title }), placeholder: t('reviewTracks.reasonHint'), maxlength: 1000 });
  const decide = decision => async () => {
    const done = await attempt(() => api(`/api/tracks/${encodeURIComponent(track.trackId)}/review`, { method: 'POST', body: { decision, reason: reason.value || null } }),
      { busy: t('common.saving'), done: t(decision === 'clear' ? 'reviewTracks.cleared' : 'reviewTracks.rejected', { title: track.title }) });
    if (done) document.querySelector(`tr[data-id="${CSS.escape(track.trackId)}"]`)?.remove();
  };
  return el('div', { class: 'actions' }, reason,
    el('button', { type: 'button', onclick: decide('clear') }, t('reviewTracks.clear')),
    el('button', { type: 'button', class: 'danger', onclick: decide('reject') }, t('reviews.reject')));
}

await load();
