// A title's trend alerts on the studio page: its rules, a form to add one, and the alerts that fired, newest
// first, with new ones added at the top as they fire. Loaded when the studio opens the section, so the
// analytics view itself stays at two API requests.
import { api, ApiError, session, watch } from './api.js';
import { attempt, describe, el, number, show, status, t, table, when } from './ui.js';
import { language } from './i18n.js';

const KINDS = ['engagement-rate', 'video-breakout', 'hashtag-rising'];
const FIELDS = ['id', 'kind', 'threshold', 'window', 'factor'];
// What each field needs, in the page's language (the API's own field messages are English).
const FIELD_HELP = {
  id: 'alerts.help.id',
  kind: 'alerts.help.kind',
  threshold: 'alerts.help.threshold',
  window: 'alerts.help.window',
  factor: 'alerts.help.factor',
};
const PAGE = 50;

/** The section, closed: a button opens it and loads the rules, the newest fired alerts and the live feed. */
export function alertsSection(titleId, { canAdd }) {
  const base = `/api/titles/${encodeURIComponent(titleId)}/alerts`;
  const body = el('div', { id: 'alerts-body', hidden: true });
  const toggle = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': 'alerts-body' }, t('alerts.show'));
  let loaded = false;
  toggle.addEventListener('click', async () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = t(open ? 'alerts.hide' : 'alerts.show');
    body.hidden = !open;
    if (open && !loaded) {
      loaded = true;
      toggle.disabled = true;
      const ok = await load(base, body, canAdd);
      toggle.disabled = false;
      if (!ok) {
        // Nothing to show: the status line says why, and the button tries again.
        loaded = false;
        toggle.setAttribute('aria-expanded', 'false');
        toggle.textContent = t('alerts.show');
        body.hidden = true;
      }
    }
  });

  return el('section', { class: 'alerts', 'aria-labelledby': 'alerts-heading' },
    el('h2', { id: 'alerts-heading' }, t('alerts.heading')),
    el('p', { class: 'muted' }, t('alerts.intro')),
    toggle,
    body);
}

async function load(base, body, canAdd) {
  const [rules, fired] = await attempt(() => Promise.all([api(base), api(`${base}/fired?limit=${PAGE}`)])) ?? [];
  if (!rules) return false;

  const rulesBox = el('div', {});
  const drawRules = () => show(rulesBox, rules.length === 0
    ? el('p', { class: 'empty' }, t('alerts.noRules'))
    : table(t('alerts.rules'), [
      [t('alerts.columns.id'), r => r.id],
      [t('alerts.columns.kind'), r => t(`alerts.kinds.${r.kind}`)],
      [t('alerts.columns.threshold'), r => number(r.threshold), true],
      [t('alerts.columns.window'), r => t('alerts.minutes', { formatted: number(r.window) }), true],
      // The factor is hashtag-rising's alone: a column only when a rule has one.
      rules.some(r => r.factor !== null) ? [t('alerts.columns.factor'), r => r.factor === null ? '—' : `× ${number(r.factor)}`, true] : null,
      [t('alerts.columns.added'), r => when(r.createdAt)],
    ].filter(Boolean), rules));
  drawRules();

  const list = el('ol', { class: 'alerts-fired', 'aria-live': 'polite', 'aria-label': t('alerts.firedList') });
  const none = el('p', { class: 'empty' }, t('alerts.noneFired'));
  const shown = new Set();
  const add = (alert, atTop) => {
    if (shown.has(alert.sequence)) return;
    shown.add(alert.sequence);
    none.remove();
    const item = firedItem(alert);
    if (atTop) list.prepend(item); else list.append(item);
  };
  fired.alerts.forEach(alert => add(alert, false));

  let cursor = fired.nextCursor;
  const older = el('button', { type: 'button', class: 'secondary', hidden: !cursor }, t('alerts.older'));
  older.addEventListener('click', async () => {
    const page = await attempt(() => api(`${base}/fired?limit=${PAGE}&cursor=${encodeURIComponent(cursor)}`));
    if (!page) return;
    page.alerts.forEach(alert => add(alert, false));
    cursor = page.nextCursor;
    older.hidden = !cursor;
  });

  show(body,
    el('h3', {}, t('alerts.rules')),
    rulesBox,
    canAdd ? ruleForm(base, rule => { rules.push(rule); drawRules(); }) : null,
    el('h3', {}, t('alerts.fired')),
    fired.alerts.length === 0 ? none : null,
    list,
    older);

  // New alerts as they fire: from the newest one this page has (none: every one), so that none fired between
  // the page's read and the feed's start is missed.
  const newest = fired.alerts[0]?.sequence ?? 0;
  status(t('alerts.live'));
  watch(`${base}/live`, {
    lastEventId: newest,
    onOpen: () => status(t('alerts.live')),
    onEvent: event => {
      if (event.type === 'alert') add(JSON.parse(event.data), true);
    },
    onError: (error, again) => status(again ? t('alerts.paused') : describe(error), 'error'),
  });
  return true;
}

/** One fired alert: which rule, when, and what crossed the line in which window. */
function firedItem(alert) {
  const values = {
    figure: number(alert.figure),
    window: number(alert.window),
    start: when(alert.windowStart),
    subject: alert.subject ?? '',
  };
  const what = alert.kind === 'video-breakout' && alert.subject
    ? [t('alerts.what.video-breakout', values), ' ', el('a', { href: `/video.html?id=${encodeURIComponent(alert.subject)}` }, t('alerts.theVideo'))]
    : [t(`alerts.what.${alert.kind}`, values)];
  return el('li', { 'data-sequence': alert.sequence, 'data-rule': alert.ruleId },
    el('span', { class: 'alert-head' },
      el('strong', {}, t(`alerts.kinds.${alert.kind}`)), ' · ',
      t('alerts.rule', { id: alert.ruleId }), ' · ',
      el('time', { datetime: alert.firedAt }, when(alert.firedAt))),
    el('span', { class: 'alert-what' }, what));
}

/** The form that adds a rule: the API checks it; what a field needs is shown beside that field. */
function ruleForm(base, added) {
  const errors = Object.fromEntries(FIELDS.map(field => [field, el('span', { class: 'field-error', id: `alert-${field}-error` })]));
  const input = (field, attributes) => el('input', { name: field, id: `alert-${field}`, 'aria-describedby': `alert-${field}-error`, ...attributes });
  const kind = el('select', { name: 'kind', id: 'alert-kind', 'aria-describedby': 'alert-kind-error' },
    KINDS.map(k => el('option', { value: k }, t(`alerts.kinds.${k}`))));
  const factor = input('factor', { type: 'number', min: 1, max: 1000, step: 'any', value: 2, inputmode: 'decimal' });
  const field = (name, label, control) => el('div', { class: 'field' }, el('label', { for: `alert-${name}` }, label), control, errors[name]);
  const factorField = field('factor', t('alerts.fields.factor'), factor);
  factorField.hidden = true;
  const form = el('form', { class: 'inline rule-form', 'aria-labelledby': 'alerts-add' },
    field('id', t('alerts.fields.id'), input('id', { required: true, maxlength: 64, pattern: '[A-Za-z0-9_\\-]+', autocomplete: 'off' })),
    field('kind', t('alerts.fields.kind'), kind),
    field('threshold', t('alerts.fields.threshold'), input('threshold', { type: 'number', min: 1, step: 1, required: true, inputmode: 'numeric' })),
    field('window', t('alerts.fields.window'), input('window', { type: 'number', min: 1, max: 1440, step: 1, value: 60, required: true, inputmode: 'numeric' })),
    factorField,
    el('div', {}, el('button', { type: 'submit' }, t('alerts.add'))));
  // The factor is hashtag-rising's alone.
  const showFactor = () => {
    const rising = kind.value === 'hashtag-rising';
    factorField.hidden = !rising;
    factor.disabled = !rising;
  };
  kind.addEventListener('change', showFactor);
  showFactor();

  const mark = problems => {
    const byField = Object.fromEntries(Object.entries(problems).map(([name, messages]) => [name.toLowerCase(), messages]));
    for (const name of FIELDS) {
      const messages = byField[name];
      const control = form.elements.namedItem(name);
      errors[name].textContent = messages ? (language === 'en' ? [].concat(messages).join(' ') : t(FIELD_HELP[name])) : '';
      if (messages) control.setAttribute('aria-invalid', 'true'); else control.removeAttribute('aria-invalid');
    }
  };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = new FormData(form);
    const rule = {
      id: data.get('id').trim(),
      kind: data.get('kind'),
      threshold: Number(data.get('threshold')),
      window: Number(data.get('window')),
      factor: data.get('kind') === 'hashtag-rising' ? Number(data.get('factor')) : undefined,
    };
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    status(t('alerts.adding'));
    try {
      const created = await api(base, { method: 'POST', body: rule });
      mark({});
      form.elements.namedItem('id').value = '';
      added(created);
      status(t('alerts.added', { id: created.id }), 'ok');
    } catch (error) {
      mark(error instanceof ApiError && error.problem.code === 'invalid-fields' ? error.fields : {});
      status(describe(error), 'error');
      const first = FIELDS.find(name => form.elements.namedItem(name)?.getAttribute('aria-invalid') === 'true');
      form.elements.namedItem(first ?? 'id')?.focus();
    } finally {
      button.disabled = false;
    }
  });

  return [el('h3', { id: 'alerts-add' }, t('alerts.addHeading')), form];
}

/** Whether the signed-in user may add rules to a title of `studioId` (its studio's own account). */
export function addsAlertsFor(studioId) {
  const claims = session.claims();
  return Boolean(claims?.roles.includes('studio') && (studioId === undefined || claims.studioId === studioId));
}
