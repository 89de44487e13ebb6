// Building blocks every page uses: the header, a status line for loading, empty and error states,
// element creation without innerHTML (so nothing from the API is ever parsed as markup), and forms.
import { api, ApiError, session } from './api.js';
import { chooseLanguage, language, LANGUAGES, t } from './i18n.js';

export { t } from './i18n.js';

const PAGES = [
  ['/', 'nav.featured'],
  ['/season.html', 'nav.seasons'],
  ['/title.html', 'nav.titles'],
  ['/studio.html', 'nav.studio'],
  ['/review-tracks.html', 'nav.trackReviews'],
  ['/review-links.html', 'nav.linkReviews'],
  ['/review-round.html', 'nav.roundReviews'],
  ['/judge.html', 'nav.judging'],
  ['/shortlist.html', 'nav.shortlist'],
];

export const query = new URLSearchParams(location.search);

/** Creates an element: attributes (on* are listeners, `text` sets the text) and children (strings are text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...present(children));
  return node;
}

/** Replaces a node's children, leaving out absent ones (null, undefined, false) as `el` does: the DOM's own
 *  replaceChildren would print them as "null". */
export function show(node, ...children) {
  node.replaceChildren(...present(children));
}

/** Children that are there: null, undefined and false are left out (the DOM would print them as text). */
function present(children) {
  return children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false);
}

/** Header with the main navigation, who is signed in and the language switcher; the page's heading and
 *  title in its language (`page` names its strings: `{page}.heading`, `{page}.title`). */
export function mountShell(page) {
  const header = el('header', { class: 'site' },
    el('a', { class: 'brand', href: '/' }, 'Spotlight'),
    el('nav', { 'aria-label': t('nav.label') },
      el('ul', {}, PAGES.map(([href, key]) => el('li', {}, el('a', { href, 'aria-current': location.pathname === href ? 'page' : null }, t(key)))))),
    whoAmI(),
    languageSwitcher());
  document.body.prepend(el('a', { class: 'skip', href: '#main' }, t('nav.skip')), header);
  if (page) {
    document.querySelector('h1').textContent = t(`${page}.heading`);
    document.title = `${t(`${page}.title`)} · Spotlight`;
  }
}

function whoAmI() {
  const claims = session.claims();
  if (!claims) return el('span', { class: 'who' }, el('a', { href: `/signin.html?return=${encodeURIComponent(location.pathname + location.search)}` }, t('nav.signIn')));
  return el('span', { class: 'who' }, `${claims.sub} (${claims.roles.map(role => t(`roles.${role}`)).join(', ') || t('nav.noRole')}) · `,
    el('a', { href: '/signin.html' }, t('nav.switch')));
}

/** The language choice, remembered in this browser; each language named in itself. */
function languageSwitcher() {
  const select = el('select', { 'aria-label': t('nav.language'), onchange: event => chooseLanguage(event.target.value) },
    Object.entries(LANGUAGES).map(([value, name]) => el('option', { value, lang: value, selected: value === language }, name)));
  return el('span', { class: 'language' }, select);
}

/** The page's status line (role=status): what is loading, empty, done, or wrong. */
export function status(text, kind = 'info') {
  const line = document.getElementById('status');
  line.className = `status ${kind}`;
  line.textContent = text;
}

/** A sentence a person can act on, for an error from the API: the problem's stable `code` in the page's
 *  language. On English pages the API's own words (English, by convention) follow when they say who may
 *  or what stands in the way. */
export function describe(error) {
  if (!(error instanceof ApiError)) return t('errors.unexpected', { message: error.message });
  if (error.status === 0) return t('errors.unreachable');
  const code = error.problem.code ?? 'server-error';
  if (code === 'invalid-fields') {
    const fields = Object.entries(error.fields);
    if (language === 'en') return t('errors.invalid-fields', { fields: fields.map(([field, messages]) => `${field}: ${[].concat(messages).join(' ')}`).join('; ') });
    return t('errors.invalid-fields', { fields: fields.map(([field]) => field).join(', ') });
  }

  const sentence = t(`errors.${code}`, { defaultValue: t('errors.server-error', { status: error.status }), status: error.status });
  // Who may, or what state stands in the way, is worth adding; other details are for developers.
  const telling = code === 'not-allowed' || code === 'conflict';
  return language === 'en' && telling && error.problem.detail ? `${sentence} ${error.problem.detail}` : sentence;
}

/** Runs work that loads or changes something, with the status line saying how it went. */
export async function attempt(work, { busy = t('common.loading'), done = '' } = {}) {
  status(busy);
  try {
    const result = await work();
    status(done, 'ok');
    return result;
  } catch (error) {
    status(describe(error), 'error');
    return undefined;
  }
}

/** For a page opened without what it shows: where to find it instead, as links (nobody types an id). */
export function guide(text, links) {
  status(text);
  show(document.getElementById('content'), el('ul', { class: 'plain' }, links.map(([href, name]) => el('li', {}, el('a', { href }, name)))));
}

export const number = value => new Intl.NumberFormat(language).format(value);

export const when = value => new Date(value).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });

export const day = value => new Date(value).toLocaleDateString(language, { dateStyle: 'medium', timeZone: 'UTC' });

/** A table with a caption; `columns` are [heading, cell(row), numeric?]. */
export function table(caption, columns, rows) {
  return el('div', { class: 'table-wrap' }, el('table', {},
    el('caption', { class: 'muted' }, caption),
    el('thead', {}, el('tr', {}, columns.map(([heading, , numeric]) => el('th', { scope: 'col', class: numeric ? 'num' : null }, heading)))),
    el('tbody', {}, rows.map(row => el('tr', { 'data-id': row.trackId ?? row.id ?? null },
      columns.map(([, cell, numeric]) => el('td', { class: numeric ? 'num' : null }, cell(row))))))));
}

// One <audio> for the whole page, so that starting a track stops the one playing.
let player = null;
let playing = null;

/** A play button for a track row (`title`, `audioUrl`): the browser's own audio, one track at a time; a
 *  button, so the keyboard plays and pauses it like any other. Null when the track has no audio address. A
 *  live table draws its rows again; the new row of the track playing says so and pauses it. */
export function playControl(track) {
  if (!track.audioUrl) return null;
  const button = el('button', { type: 'button', class: 'play', 'aria-pressed': 'false' }, t('player.play', { title: track.title }));
  const mark = on => {
    button.setAttribute('aria-pressed', String(on));
    button.textContent = t(on ? 'player.pause' : 'player.play', { title: track.title });
  };
  if (playing?.url === track.audioUrl && player && !player.paused) {
    mark(true);
    playing.mark = mark;
  }

  button.addEventListener('click', () => {
    if (!player) {
      player = el('audio', { preload: 'none' });
      player.addEventListener('ended', () => playing?.mark(false));
      player.addEventListener('error', () => { playing?.mark(false); status(t('player.failed'), 'error'); });
      document.body.append(player);
    }

    if (playing?.url === track.audioUrl && !player.paused) {
      player.pause();
      mark(false);
      return;
    }

    playing?.mark(false);
    playing = { url: track.audioUrl, mark };
    if (player.getAttribute('src') !== track.audioUrl) player.src = track.audioUrl;
    mark(true);
    player.play().catch(() => { mark(false); status(t('player.failed'), 'error'); });
  });
  return button;
}

/** A season and the round a page about one round shows: the one in the address, else its open round, else the
 *  last that closed, else the first; `name` is null for a round the season does not have. Null when the
 *  season could not be read (the status line says why). */
export async function seasonRound(seasonId) {
  const season = await attempt(() => api(`/api/seasons/${encodeURIComponent(seasonId)}`));
  if (!season) return null;
  const open = season.rounds.find(r => r.state === 'open');
  const closed = season.rounds.filter(r => r.state === 'closed');
  const number = Number(query.get('round') ?? (open ?? closed[closed.length - 1] ?? season.rounds[0]).number);
  return { season, number, name: season.rounds.find(r => r.number === number)?.name ?? null };
}

/** For a page about one season, when none is chosen: the open seasons (else all), each a link by its name. */
export async function chooseSeason(heading, hrefFor) {
  const all = await attempt(() => api('/api/seasons'));
  if (!all) return;
  const open = all.filter(s => s.state === 'open');
  const seasons = open.length ? open : all;
  if (seasons.length === 0) {
    status(t('seasons.none'), 'empty');
    return;
  }

  status(open.length ? t('seasons.chooseOpen') : t('seasons.noneOpen'));
  show(document.getElementById('content'), table(heading, [
    [t('seasons.season'), s => el('a', { href: hrefFor(s) }, s.name)],
    [t('seasons.regions'), s => s.regions.join(', ')],
    [t('seasons.state'), s => t(`states.${s.state}`)],
  ], seasons));
}

/** A track row's title as a link to the track's page. */
/** A track's standing in each round it reached (the track page and the artist's insights). */
export function roundsTable(caption, rounds) {
  return table(caption, [
    [t('season.round'), r => `${r.round}. ${r.name}`],
    [t('seasons.state'), r => t(`states.${r.state}`)],
    [t('columns.rank'), r => String(r.rank), true],
    [t('columns.score'), r => r.score.toFixed(2), true],
    [t('season.outcome'), r => t(`outcomes.${r.outcome}`) + (r.prize ? ` — ${r.prize}` : '')],
  ], rounds);
}

export function trackLink(row) {
  return el('a', { href: `/track.html?id=${encodeURIComponent(row.trackId)}` }, row.title);
}

/** An artist as a ranked row shows it: a link by name, with the badge when verified. */
export function artistLink(row) {
  return el('span', {}, el('a', { href: `/artist.html?id=${encodeURIComponent(row.artistId)}` }, row.artistName ?? t('artist.unknown')),
    ' ', verifiedBadge(row.artistVerified));
}

export function verifiedBadge(verified) {
  return verified ? el('span', { class: 'badge verified', title: t('artist.verifiedTitle') }, `✓ ${t('artist.verified')}`) : null;
}
