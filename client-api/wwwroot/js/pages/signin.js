import { api, ApiError, session } from '../api.js';
import { attempt, describe, el, mountShell, query, show, status, t } from '../ui.js';

mountShell('signin');
const back = query.get('return') || '/';
const ROLES = ['admin', 'reviewer', 'judge', 'partner', 'studio', 'artist', 'creator', 'ingest'];
const content = document.getElementById('content');
const signedIn = session.claims();

const current = signedIn
  ? el('p', {}, t('signin.signedInAs', { sub: signedIn.sub, roles: signedIn.roles.map(role => t(`roles.${role}`)).join(', ') || t('nav.noRole') }), ' ',
    el('button', { type: 'button', class: 'secondary', onclick: () => { session.signOut(); location.reload(); } }, t('signin.signOut')))
  : el('p', {}, t('signin.notSignedIn'));

// In Development the API mints tokens; elsewhere people paste the JWT their identity provider gave them.
const devForm = el('form', { class: 'grid', 'aria-label': t('signin.devForm') },
  el('p', { class: 'muted' }, t('signin.devOnly')),
  el('label', {}, t('signin.userId'), el('input', { name: 'sub', required: true, maxlength: 128, value: signedIn?.sub ?? '' })),
  el('fieldset', {}, el('legend', {}, t('signin.roles')), ROLES.map(role => el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'roles', value: role }), t(`roles.${role}`)))),
  el('label', {}, t('signin.studioId'), el('input', { name: 'studioId', maxlength: 128 })),
  el('label', {}, t('signin.artistId'), el('input', { name: 'artistId', maxlength: 128 })),
  el('div', {}, el('button', { type: 'submit' }, t('nav.signIn'))));
devForm.addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData(devForm);
  const minted = await attempt(() => api('/api/dev/tokens', { method: 'POST', body: {
    sub: form.get('sub'), roles: form.getAll('roles'), studioId: form.get('studioId') || null, artistId: form.get('artistId') || null,
  } }), { busy: t('signin.signingIn') });
  if (minted) {
    session.signIn(minted.token);
    location.assign(back);
  }
});

const pasteForm = el('form', { class: 'grid', 'aria-label': t('signin.tokenForm') },
  el('label', {}, t('signin.token'), el('textarea', { name: 'token', rows: 4, required: true })),
  el('div', {}, el('button', { type: 'submit' }, t('signin.useToken'))));
pasteForm.addEventListener('submit', event => {
  event.preventDefault();
  session.signIn(new FormData(pasteForm).get('token').trim());
  location.assign(back);
});

// In the demo (Development, --demo) its people are one click each.
const demo = await api('/api/dev/demo').catch(() => null);
const demoSection = demo ? el('section', { 'aria-labelledby': 'demo-people' },
  el('h2', { id: 'demo-people' }, t('signin.demoHeading')),
  el('ul', { class: 'plain' }, demo.map(person => el('li', {}, el('button', {
    type: 'button',
    onclick: async () => {
      const minted = await attempt(() => api('/api/dev/tokens', { method: 'POST', body: { sub: person.sub, roles: person.roles, studioId: person.studioId, artistId: null } }),
        { busy: t('signin.signingIn') });
      if (minted) {
        session.signIn(minted.token);
        location.assign(back);
      }
    },
  }, `${person.roles.map(role => t(`roles.${role}`)).join(', ')} · ${person.sub}`))))) : null;

show(content, current, demoSection, devForm, el('h2', {}, t('signin.orToken')), pasteForm);
// A probe with an empty body: Development answers 400 (the route exists), elsewhere 404.
try {
  await api('/api/dev/tokens', { method: 'POST', body: {} });
} catch (error) {
  if (error instanceof ApiError && error.status === 404) devForm.remove();
  else if (!(error instanceof ApiError && error.status === 400)) status(describe(error), 'error');
}
