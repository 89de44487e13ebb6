import { api } from '../api.js';
import { artistLink, attempt, counted, el, mountShell, playControl, show, status, table, trackLink, when } from '../ui.js';

mountShell();
const content = document.getElementById('content');

async function load() {
  const queue = await attempt(() => api('/api/reviews/tracks?limit=100'));
  if (!queue) return;
  if (queue.length === 0) {
    content.replaceChildren();
    status('No tracks are waiting for clearance.', 'empty');
    return;
  }

  status(`${counted(queue.length, 'track', 'tracks')} waiting, oldest first.`);
  show(content, table('Tracks waiting for clearance', [
    ['Track', trackLink],
    ['Listen', playControl],
    ['Artist', artistLink],
    ['Region', t => t.region],
    ['Submitted', t => when(t.submittedAt)],
    ['Decision', decisionFor],
  ], queue));
}

function decisionFor(track) {
  const reason = el('input', { 'aria-label': `Reason for ${track.title}`, placeholder: 'Reason (needed to reject)', maxlength: 1000 });
  const decide = decision => async () => {
    const done = await attempt(() => api(`/api/tracks/${encodeURIComponent(track.trackId)}/review`, { method: 'POST', body: { decision, reason: reason.value || null } }),
      { busy: 'Saving…', done: `"${track.title}" ${decision === 'clear' ? 'cleared' : 'rejected'}.` });
    if (done) document.querySelector(`tr[data-id="${CSS.escape(track.trackId)}"]`)?.remove();
  };
  return el('div', { class: 'actions' }, reason,
    el('button', { type: 'button', onclick: decide('clear') }, 'Clear'),
    el('button', { type: 'button', class: 'danger', onclick: decide('reject') }, 'Reject'));
}

await load();
