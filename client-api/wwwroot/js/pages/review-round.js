import { api } from '../api.js';
import { attempt, chooseSeason, el, mountShell, number, query, seasonRound, show, status, t, table, when } from '../ui.js';

// Reviewers' page for a round: its suspicious-engagement flags with their evidence, an exclusion per flag
// (the flag's span, prefilled; a reason is required), and the exclusions made so far.
mountShell('reviewRound');
const season = query.get('season');
const chosen = season ? await seasonRound(season) : null;
if (!season) {
  await chooseSeason(t('reviewRound.seasons'), s => `/review-round.html?season=${encodeURIComponent(s.id)}`);
} else if (chosen) {
  document.querySelector('h1').textContent = t('reviewRound.headingFor', { round: chosen.name ?? chosen.number, season: chosen.season.name });
  const roundPath = `/api/seasons/${encodeURIComponent(season)}/rounds/${encodeURIComponent(chosen.number)}`;
  const leaderboard = `/leaderboard.html?season=${encodeURIComponent(season)}&round=${encodeURIComponent(chosen.number)}`;
  await draw(roundPath, leaderboard);
}

async function draw(roundPath, leaderboard, done = '') {
  const review = await attempt(() => api(`${roundPath}/flags`));
  if (!review) return;
  const videos = number(review.videosJudged);
  if (done) status(done, 'ok');
  else if (review.closed) status(t('reviewRound.closed'));
  else if (review.flags.length === 0) status(t('reviewRound.none', { videos }), 'empty');
  else status(t('reviewRound.flags', { count: review.flags.length, formatted: number(review.flags.length), videos }));
  show(document.getElementById('content'),
    el('p', {}, el('a', { href: leaderboard }, t('reviewRound.leaderboard'))),
    review.flags.length === 0 ? null : table(t('reviewRound.caption'), [
      [t('reviewRound.video'), f => el('a', { href: `/video.html?id=${encodeURIComponent(f.videoId)}` }, f.caption || f.videoId)],
      [t('reviewRound.track'), f => el('a', { href: `/track.html?id=${encodeURIComponent(f.trackId)}` }, f.trackTitle || f.trackId)],
      [t('reviewRound.creator'), f => f.creatorId],
      [t('reviewRound.reason'), f => t(`reviewRound.reasons.${f.reason}`)],
      [t('reviewRound.span'), f => `${when(f.from)} – ${when(f.to)}`],
      [t('reviewRound.evidence'), f => f.evidence],
      [t('reviewRound.action'), f => f.excluded ? el('span', { class: 'badge' }, t('reviewRound.excludedMark'))
        : review.closed ? '—' : excludeFor(f, roundPath, leaderboard)],
    ], review.flags.map((f, i) => ({ ...f, id: `flag-${i}` }))),
    el('h2', {}, t('reviewRound.exclusions')),
    review.exclusions.length === 0 ? el('p', { class: 'empty' }, t('reviewRound.noExclusions')) : table(t('reviewRound.exclusions'), [
      [t('reviewRound.video'), e => e.caption || e.videoId],
      [t('reviewRound.span'), e => `${when(e.from)} – ${when(e.to)}`],
      [t('reviewRound.why'), e => e.reason],
      [t('reviewRound.by'), e => e.excludedBy],
      [t('reviewRound.at'), e => when(e.at)],
    ], review.exclusions.map((e, i) => ({ ...e, id: `exclusion-${i}` }))));
}

function excludeFor(flag, roundPath, leaderboard) {
  const video = flag.caption || flag.videoId;
  const reason = el('input', { 'aria-label': t('reviewRound.reasonFor', { name: video }), placeholder: t('reviewRound.reasonHint'), maxlength: 1000, required: true });
  return el('form', {
    class: 'actions',
    onsubmit: async event => {
      event.preventDefault();
      const excluded = await attempt(() => api(`${roundPath}/exclusions`, { method: 'POST', body: { videoId: flag.videoId, from: flag.from, to: flag.to, reason: reason.value } }),
        { busy: t('common.saving') });
      if (excluded) await draw(roundPath, leaderboard, t('reviewRound.excludedDone', { video, from: when(flag.from), to: when(flag.to) }));
    },
  }, reason, el('button', { type: 'submit', class: 'danger' }, t('reviewRound.exclude')));
}
