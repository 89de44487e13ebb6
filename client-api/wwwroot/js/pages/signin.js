import { api, ApiError, session } from '../api.js';
import { attempt, describe, el, mountShell, query, show, status } from '../ui.js';

mountShell();
const back = query.get('return') || '/';
const ROLES = ['admin', 'reviewer', 'judge', 'partner', 'studio', 'artist', 'creator', 'ingest'];
const content = document.getElementById('content');
const signedIn = session.claims();

const current = signedIn
  ? el('p', {}, `Signed in as ${signedIn.sub} (${signedIn.roles.join(', ') || 'no role'}). `,
    el('button', { type: 'button', class: 'secondary', onclick: () => { session.signOut(); location.reload(); } }, 'Sign out'))
  : el('p', {}, 'Not signed in.');

// In Development the API mints tokens; elsewhere people paste the JWT their identity provider gave them.
const devForm = el('form', { class: 'grid', 'aria-label': 'Development sign-in' },
  el('p', { class: 'muted' }, 'Development only: choose who you are and the API mints a token.'),
  el('label', {}, 'User id', el('input', { name: 'sub', required: true, maxlength: 128, value: signedIn?.sub ?? '' })),
  el('fieldset', {}, el('legend', {}, 'Roles'), ROLES.map(role => el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'roles', value: role }), role))),
  el('label', {}, 'Studio id (required with the studio role)', el('input', { name: 'studioId', maxlength: 128 })),
  el('label', {}, 'Artist id (artists)', el('input', { name: 'artistId', maxlength: 128 })),
  el('div', {}, el('button', { type: 'submit' }, 'Sign in')));
devForm.addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData(devForm);
  const minted = await attempt(() => api('/api/dev/tokens', { method: 'POST', body: {
    sub: form.get('sub'), roles: form.getAll('roles'), studioId: form.get('studioId') || null, artistId: form.get('artistId') || null,
  } }), { busy: 'Signing in…' });
  if (minted) {
    session.signIn(minted.token);
    location.assign(back);
  }
});

const pasteForm = el('form', { class: 'grid', 'aria-label': 'Sign in with a token' },
  el('label', {}, 'Bearer token (JWT)', el('textarea', { name: 'token', rows: 4, required: true })),
  el('div', {}, el('button', { type: 'submit' }, 'Use this token')));
pasteForm.addEventListener('submit', event => {
  event.preventDefault();
  session.signIn(new FormData(pasteForm).get('token').trim());
  location.assign(back);
});

show(content, current, devForm, el('h2', {}, 'Or use a token'), pasteForm);
// A probe with an empty body: Development answers 400 (the route exists), elsewhere 404.
try {
  await api('/api/dev/tokens', { method: 'POST', body: {} });
} catch (error) {
  if (error instanceof ApiError && error.status === 404) devForm.remove();
  else if (!(error instanceof ApiError && error.status === 400)) status(describe(error), 'error');
}
