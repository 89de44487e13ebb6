// Line charts through Chart.js (pinned in web-libraries, served from /lib): axes with ticks in the page's
// language, a legend, a tooltip on hover and on keyboard focus (the arrow keys move between points), and the
// same numbers in a table underneath for screen readers and for copying.
import { language } from './i18n.js';
import { el, number, t, table } from './ui.js';

// Chart.js ships as a classic script that defines window.Chart; loaded once, on the pages that chart.
const Chart = window.Chart ?? await new Promise((resolve, reject) => {
  const script = el('script', { src: '/lib/chart.js/chart.umd.min.js' });
  script.addEventListener('load', () => resolve(window.Chart));
  script.addEventListener('error', () => reject(new Error('The chart library did not load.')));
  document.head.append(script);
});

/** `points`: [{label}], `series`: [{name, colour, values[]}] of the same length as points. */
export function lineChart(caption, points, series) {
  const canvas = el('canvas', { role: 'img', tabindex: 0, 'aria-label': t('chart.label', { caption }) });
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map(p => p.label),
      datasets: series.map(s => ({ label: s.name, data: s.values, borderColor: s.colour, backgroundColor: s.colour, pointRadius: 2, tension: 0.2 })),
    },
    options: {
      locale: language,
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { position: 'bottom' } },
      scales: {
        x: { ticks: { autoSkip: true, maxRotation: 0 } },
        y: { beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  });
  followKeyboard(canvas, chart, points.length);
  return el('figure', { class: 'chart' },
    el('div', { class: 'chart-area' }, canvas),
    el('figcaption', {}, caption),
    el('details', {}, el('summary', {}, t('chart.numbers')),
      table(caption, [[t('chart.start'), p => p.label], ...series.map(s => [s.name, p => number(s.values[points.indexOf(p)]), true])], points)));
}

/** Arrow keys (and Home/End) show the tooltip of a point, as hovering does; leaving the chart hides it. */
function followKeyboard(canvas, chart, count) {
  let index = -1;
  const showAt = i => {
    index = Math.max(0, Math.min(count - 1, i));
    const active = chart.data.datasets.map((_, datasetIndex) => ({ datasetIndex, index }));
    chart.setActiveElements(active);
    chart.tooltip.setActiveElements(active, { x: 0, y: 0 });
    chart.update();
  };
  canvas.addEventListener('keydown', event => {
    const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: count - 1 };
    if (!(event.key in moves) || count === 0) return;
    event.preventDefault();
    showAt(moves[event.key]);
  });
  canvas.addEventListener('focus', () => showAt(index < 0 ? count - 1 : index));
  canvas.addEventListener('blur', () => {
    chart.setActiveElements([]);
    chart.tooltip.setActiveElements([], { x: 0, y: 0 });
    chart.update();
  });
}
