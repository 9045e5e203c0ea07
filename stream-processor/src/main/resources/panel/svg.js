// Small helpers to draw inline SVG: elements, a time scale over days, and the axes.
// Sizes and colours are SVG attributes or CSS classes, never inline style attributes:
// the page's Content-Security-Policy allows no inline styles.
import { t, fmtMonth } from './i18n.js';

const NS = 'http://www.w3.org/2000/svg';
export const DAY = 86400000;

export function el(name, attrs, ...children) {
  const node = document.createElementNS(NS, name);
  Object.entries(attrs || {}).forEach(([k, v]) => { if (v != null) node.setAttribute(k, String(v)); });
  children.flat().forEach((c) => {
    if (c == null) return;
    node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  });
  return node;
}

/** Days since 1970-01-01 of 'YYYY-MM-DD' (or an instant's date). */
export function dayOf(iso) {
  const [y, m, d] = String(iso).slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY;
}

export function isoOf(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The plot area of a chart and its two scales: days to x, percent to y. */
export function frame(width, height, fromIso, toIso) {
  const m = { left: 56, right: 16, top: 14, bottom: 58 };
  const first = dayOf(fromIso);
  const last = Math.max(dayOf(toIso), first + 1);
  const f = {
    width, height, first, last,
    left: m.left, right: width - m.right, top: m.top, bottom: height - m.bottom,
    x: (day) => f.left + (Math.min(Math.max(day, first), last) - first) / (last - first) * (f.right - f.left),
    y: (value) => f.bottom - Math.min(Math.max(value, 0), 100) / 100 * (f.bottom - f.top),
    dayAt: (px) => Math.round(first + (px - f.left) / (f.right - f.left) * (last - first))
  };
  return f;
}

/** Grid, percent ticks, month ticks and both axis labels, translated. */
export function axes(f) {
  const g = el('g', { class: 'axes', 'aria-hidden': 'true' });
  for (let v = 0; v <= 100; v += 25) {
    g.appendChild(el('line', { class: 'grid', x1: f.left, x2: f.right, y1: f.y(v), y2: f.y(v) }));
    g.appendChild(el('text', { class: 'tick y-tick', x: f.left - 6, y: f.y(v) + 4, 'text-anchor': 'end' }, String(v)));
  }
  const months = monthStarts(f.first, f.last);
  const every = months.length > 30 ? 6 : months.length > 12 ? 3 : 1;
  let kept = null; // the last month label drawn: a label too close to it replaces it only if it starts a year
  months.forEach((d, i) => {
    const x = f.x(d.getTime() / DAY);
    g.appendChild(el('line', { class: 'month', x1: x, x2: x, y1: f.bottom, y2: f.bottom + 4 }));
    if (d.getUTCMonth() % every !== 0 && i !== 0) return;
    const year = d.getUTCMonth() < every || i === 0;
    if (kept && x - kept.x < 70) {
      if (!year) return;
      kept.node.remove();
    }
    const node = el('text', { class: 'tick x-tick', x, y: f.bottom + 17, 'text-anchor': 'middle' }, fmtMonth(d, year));
    g.appendChild(node);
    kept = { x, node };
  });
  g.appendChild(el('line', { class: 'axis', x1: f.left, x2: f.right, y1: f.bottom, y2: f.bottom }));
  g.appendChild(el('text', { class: 'axis-label x-label', x: (f.left + f.right) / 2, y: f.height - 8,
    'text-anchor': 'middle' }, t('axisDate')));
  const cy = (f.top + f.bottom) / 2;
  g.appendChild(el('text', { class: 'axis-label y-label', x: 14, y: cy, 'text-anchor': 'middle',
    transform: `rotate(-90 14 ${cy})` }, t('axisCompletion')));
  return g;
}

function monthStarts(first, last) {
  const out = [];
  const d = new Date(first * DAY);
  let m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (d.getUTCDate() === 1 ? 0 : 1), 1));
  while (m.getTime() / DAY <= last) {
    out.push(m);
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
  }
  return out;
}

/** A polyline path through points {day, value}, broken where a value is null. */
export function path(f, points) {
  let d = '';
  let pen = false;
  points.forEach((p) => {
    if (p.value == null) { pen = false; return; }
    d += (pen ? 'L' : 'M') + f.x(p.day).toFixed(1) + ',' + f.y(p.value).toFixed(1);
    pen = true;
  });
  return d;
}
