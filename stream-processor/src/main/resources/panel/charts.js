// Completion-over-time charts in inline SVG: lines per group or per view, shaded periods,
// cut-off and "as of" rules, alert markers on the time axis, and a keyboard cursor whose
// readout is announced to screen readers. Drawn by Vigía itself: no library, nothing fetched.
import { t, fmtDate, escape } from './i18n.js';
import { el, frame, axes, path, dayOf, isoOf } from './svg.js';

const WIDTH = 720;
const HEIGHT = 300;
const cursors = {}; // chart id -> the day its cursor was on, kept across redraws

/**
 * Draws a chart into host (replacing what was there).
 * opts: { id, title, desc, from, to, series: [{name, key, points: [{date, value}]}], shades: [{from, to, label}],
 *         cutoffs: [date], asOf, markers: [{date, type, label, severity}], readout(day) -> text, onPick(date) }
 */
export function lineChart(host, opts) {
  const hadFocus = host.contains(document.activeElement);
  const f = frame(WIDTH, HEIGHT, opts.from, opts.to);
  const titleId = `${opts.id}-title`;
  const descId = `${opts.id}-desc`;
  const svg = el('svg', { class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', tabindex: 0,
    'aria-labelledby': titleId, 'aria-describedby': descId, 'data-from': opts.from, 'data-to': opts.to,
    'data-plot-left': f.left, 'data-plot-right': f.right, 'data-plot-top': f.top, 'data-plot-bottom': f.bottom },
  el('title', { id: titleId }, opts.title), el('desc', { id: descId }, opts.desc || ''));

  (opts.shades || []).forEach((s) => {
    const x1 = f.x(dayOf(s.from));
    const x2 = f.x(dayOf(s.to) + 1);
    svg.appendChild(el('rect', { class: 'stall', x: x1, y: f.top, width: Math.max(1, x2 - x1), height: f.bottom - f.top,
      'data-from': s.from, 'data-to': s.to }, el('title', {}, s.label)));
  });
  svg.appendChild(axes(f));
  (opts.cutoffs || []).forEach((c) => {
    const x = f.x(dayOf(c));
    svg.appendChild(el('g', { class: 'cutoff', 'data-date': c },
      el('line', { x1: x, x2: x, y1: f.top, y2: f.bottom }),
      el('text', { x: x + 3, y: f.top + 10 }, t('cutoff')),
      el('title', {}, `${t('cutoff')} ${fmtDate(c)}`)));
  });
  if (opts.asOf) {
    const x = f.x(dayOf(opts.asOf));
    svg.appendChild(el('line', { class: 'as-of-rule', x1: x, x2: x, y1: f.top, y2: f.bottom, 'data-date': opts.asOf },
      el('title', {}, `${t('asOf')} ${fmtDate(opts.asOf)}`)));
  }
  opts.series.forEach((s, i) => {
    const points = s.points.map((p) => ({ day: dayOf(p.date), value: p.value }));
    svg.appendChild(el('path', { class: `line line-${s.style == null ? i % 8 : s.style}`, d: path(f, points),
      'data-series': s.key, fill: 'none' }, el('title', {}, s.name)));
  });
  (opts.markers || []).forEach((m) => svg.appendChild(marker(f, m)));
  const cursor = el('line', { class: 'cursor', x1: 0, x2: 0, y1: f.top, y2: f.bottom, visibility: 'hidden' });
  svg.appendChild(cursor);

  const readout = document.createElement('p');
  readout.className = 'readout';
  readout.setAttribute('aria-live', 'polite');
  readout.textContent = t('chartKeys');
  host.replaceChildren(svg, legend(opts.series, opts.shades, opts.markers), readout);
  bindCursor(svg, f, cursor, readout, opts);
  if (cursors[opts.id] != null) moveTo(cursors[opts.id], f, cursor, readout, opts);
  if (hadFocus) svg.focus();
}

function marker(f, m) {
  const x = f.x(dayOf(m.date));
  const y = f.bottom;
  return el('g', { class: `marker sev-${m.severity || 'INFO'}`, 'data-alert-type': m.type, 'data-date': m.date },
    el('line', { class: 'marker-guide', x1: x, x2: x, y1: f.top, y2: y }),
    el('path', { d: `M${x.toFixed(1)},${y - 7} L${(x + 6).toFixed(1)},${y} L${x.toFixed(1)},${y + 7} `
      + `L${(x - 6).toFixed(1)},${y} Z` }),
    el('title', {}, `${m.label} · ${fmtDate(m.date)}`));
}

/** The key: each line, the shaded periods, and each kind of alert marker. */
function legend(series, shades, markers) {
  const ul = document.createElement('ul');
  ul.className = 'legend';
  const item = (key, swatch, text) => {
    const li = document.createElement('li');
    li.dataset.series = key;
    li.appendChild(el('svg', { class: 'swatch', viewBox: '0 0 28 10', 'aria-hidden': 'true' }, swatch));
    li.appendChild(document.createTextNode(' ' + text));
    ul.appendChild(li);
  };
  series.forEach((s, i) => item(s.key, el('line', { class: `line line-${s.style == null ? i % 8 : s.style}`,
    x1: 1, x2: 27, y1: 5, y2: 5 }), s.name));
  if (shades && shades.length) item('stall', el('rect', { class: 'stall', x: 1, y: 0, width: 26, height: 10 }), t('stallPeriod'));
  const seen = new Set();
  (markers || []).forEach((m) => {
    if (seen.has(m.label)) return;
    seen.add(m.label);
    item('marker', el('g', { class: `marker sev-${m.severity || 'INFO'}` },
      el('path', { d: 'M14,0 L19,5 L14,10 L9,5 Z' })), m.label);
  });
  return ul;
}

function moveTo(day, f, cursor, readout, opts) {
  const d = Math.min(Math.max(day, f.first), f.last);
  cursors[opts.id] = d;
  const x = f.x(d);
  cursor.setAttribute('x1', x);
  cursor.setAttribute('x2', x);
  cursor.setAttribute('visibility', 'visible');
  readout.textContent = opts.readout ? opts.readout(isoOf(d)) : fmtDate(isoOf(d));
}

function bindCursor(svg, f, cursor, readout, opts) {
  const start = () => cursors[opts.id] != null ? cursors[opts.id] : (opts.asOf ? dayOf(opts.asOf) : f.last);
  svg.addEventListener('keydown', (e) => {
    const step = e.shiftKey ? 30 : 7;
    const moves = { ArrowLeft: -step, ArrowRight: step, ArrowDown: -step, ArrowUp: step };
    if (e.key in moves) {
      moveTo(start() + moves[e.key], f, cursor, readout, opts);
    } else if (e.key === 'Home' || e.key === 'End') {
      moveTo(e.key === 'Home' ? f.first : f.last, f, cursor, readout, opts);
    } else if (e.key === 'Enter' && opts.onPick) {
      opts.onPick(isoOf(start()));
    } else {
      return;
    }
    e.preventDefault();
  });
  const dayOfPointer = (e) => {
    const box = svg.getBoundingClientRect();
    return f.dayAt((e.clientX - box.left) / box.width * WIDTH);
  };
  svg.addEventListener('pointermove', (e) => moveTo(dayOfPointer(e), f, cursor, readout, opts));
  svg.addEventListener('click', (e) => { if (opts.onPick) opts.onPick(isoOf(dayOfPointer(e))); });
}

/** The value of a daily series on a date: the last point on or before it, or null. */
export function valueOn(points, iso) {
  let found = null;
  for (const p of points) {
    if (p.date > iso) break;
    found = p.value;
  }
  return found;
}

/** Runs of consecutive days on which test(point) holds, as [{from, to}]. */
export function runs(points, test) {
  const out = [];
  let open = null;
  points.forEach((p, i) => {
    if (test(p)) {
      if (!open) open = { from: p.date, to: p.date };
      open.to = p.date;
    }
    if (open && (!test(p) || i === points.length - 1)) {
      out.push(open);
      open = null;
    }
  });
  return out;
}

export { escape };
