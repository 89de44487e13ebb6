// A small line chart in SVG (no library): one polyline per series over the same points. Each line carries
// its values in data-values, and a table of the same numbers goes beside it for screen readers.
import { el, number, t, table } from './ui.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 220;
const PAD = 32;

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** `points`: [{label}], `series`: [{name, colour, values[]}] of the same length as points. */
export function lineChart(caption, points, series) {
  const max = Math.max(1, ...series.flatMap(s => s.values));
  const x = i => PAD + (points.length <= 1 ? 0 : (i * (WIDTH - 2 * PAD)) / (points.length - 1));
  const y = v => HEIGHT - PAD - (v * (HEIGHT - 2 * PAD)) / max;
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': t('chart.label', { caption }) },
    svg('line', { x1: PAD, y1: HEIGHT - PAD, x2: WIDTH - PAD, y2: HEIGHT - PAD, stroke: '#8c959f' }),
    svg('text', { x: 4, y: PAD - 8, 'font-size': 12, fill: '#57606a' }, number(max)),
    svg('text', { x: PAD, y: HEIGHT - 8, 'font-size': 12, fill: '#57606a' }, points[0]?.label ?? ''),
    svg('text', { x: WIDTH - PAD, y: HEIGHT - 8, 'font-size': 12, fill: '#57606a', 'text-anchor': 'end' }, points.at(-1)?.label ?? ''),
    ...series.map(s => svg('polyline', {
      fill: 'none',
      stroke: s.colour,
      'stroke-width': 2,
      'data-series': s.name,
      'data-values': s.values.join(','),
      points: s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' '),
    })));
  return el('figure', { class: 'chart' },
    chart,
    el('figcaption', {}, caption),
    el('ul', { class: 'legend' }, series.map(s => el('li', {}, swatch(s.colour), s.name))),
    el('details', {}, el('summary', {}, t('chart.numbers')),
      table(caption, [[t('chart.start'), p => p.label], ...series.map((s, i) => [s.name, p => number(s.values[points.indexOf(p)]), true])], points)));
}

// Set through the style object: the pages' content security policy refuses style attributes.
function swatch(colour) {
  const span = el('span', { 'aria-hidden': 'true' });
  span.style.background = colour;
  return span;
}
