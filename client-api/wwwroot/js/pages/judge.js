import { api } from '../api.js';
import { artistLink, attempt, chooseSeason, el, mountShell, number, playControl, query, seasonRound, show, status, t, table, trackLink } from '../ui.js';

mountShell('judge');
const season = query.get('season');
const chosen = season ? await seasonRound(season) : null;
if (!season) {
  await chooseSeason(t('judge.seasons'), s => `/judge.html?season=${encodeURIComponent(s.id)}`);
} else if (chosen) {
  const round = chosen.number;
  document.querySelector('h1').textContent = t('judge.headingFor', { round: chosen.name ?? round, season: chosen.season.name });
  const roundPath = `/api/seasons/${encodeURIComponent(season)}/rounds/${encodeURIComponent(round)}`;
  const board = await attempt(() => api(`${roundPath}/leaderboard?top=100`));
  // The judge's own earlier scores fill the inputs, so the page shows what was given.
  const mine = board ? await attempt(() => api(`${roundPath}/scores`)) : null;
  const given = new Map((mine?.scores ?? []).map(s => [s.trackId, s.score]));
  if (board) {
    if (board.state !== 'open') status(t('judge.notOpen', { state: t(`states.${board.state}`) }), 'error');
    else if (board.rows.length === 0) status(t('judge.noEntries'), 'empty');
    else status(t('judge.instructions'));
    show(document.getElementById('content'), table(t('judge.entries'), [
      [t('columns.rank'), r => String(r.rank), true],
      [t('columns.track'), trackLink],
      [t('columns.listen'), playControl],
      [t('columns.artist'), artistLink],
      [t('columns.popularity'), r => number(r.popularity), true],
      [t('judge.mean'), r => r.judgeScore === null ? '—' : r.judgeScore.toFixed(2), true],
      [t('judge.yourScore'), row => scoreFor(row, roundPath, given)],
    ], board.rows));
  }
}

function scoreFor(row, roundPath, given) {
  const input = el('input', { type: 'number', min: 0, max: 10, step: 1, required: true, 'aria-label': t('judge.scoreFor', { title: row.title }), size: 3, value: given.get(row.trackId) });
  return el('form', {
    class: 'actions',
    onsubmit: async event => {
      event.preventDefault();
      await attempt(() => api(`${roundPath}/scores`, { method: 'POST', body: { trackId: row.trackId, score: Number(input.value) } }),
        { busy: t('common.saving'), done: t('judge.scored', { title: row.title, score: input.value }) });
    },
  }, input, el('button', { type: 'submit' }, t('common.save')));
}
