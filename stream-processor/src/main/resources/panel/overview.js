// The plan at a glance, as of the chosen date: counts by state, completion by sector and agency
// (bars, and lines over time), the commitments table with its CSV, and the alert timeline.
import { t, pct, fmtDate, escape, stateName, typeName, statusName } from './i18n.js';
import { lineChart, valueOn } from './charts.js';

export const STATES = ['COMPLETED', 'ON_TRACK', 'AT_RISK', 'STALLED', 'OVERDUE', 'NOT_STARTED'];
const $ = (id) => document.getElementById(id);

export function renderSummary(commitments) {
  const count = (s) => commitments.filter((c) => c.state === s).length;
  const tiles = [[t('total'), commitments.length, '']].concat(STATES.map((s) => [stateName(s), count(s), s]));
  $('summary').innerHTML = tiles.map(([label, n, s]) =>
    `<div class="tile" data-state="${s}"><div class="n">${n}</div><div class="l">${s
      ? `<span class="badge s-${s}">${escape(label)}</span>` : escape(label)}</div></div>`).join('');
}

/** One row per group: its name, completed/total, stalled and at-risk counts, and a bar of its mean completion. */
export function renderBars(el, rows, name) {
  if (!rows.length) { el.innerHTML = `<p class="muted">${t('none')}</p>`; return; }
  el.innerHTML = rows.slice().sort((a, b) => b.meanCompletion - a.meanCompletion).map((r) => {
    const v = Math.max(0, Math.min(100, r.meanCompletion));
    const flags = (r.stalled ? ` <span class="count s-STALLED" data-count="stalled">${r.stalled} ${t('stalledCount')}</span>` : '')
      + (r.atRisk ? ` <span class="count s-AT_RISK" data-count="atRisk">${r.atRisk} ${t('atRiskCount')}</span>` : '');
    return `<div class="row" data-name="${escape(name(r))}" data-completion="${r.meanCompletion}" data-stalled="${r.stalled}">
      <span>${escape(name(r))} <span class="muted">(${r.completed}/${r.commitments})</span>${flags}</span>
      <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img"
        aria-label="${escape(name(r))}: ${pct(r.meanCompletion)}"><rect class="track" width="100" height="10"></rect>
        <rect class="fill" width="${v}" height="10"></rect></svg>
      <span>${pct(r.meanCompletion)}</span></div>`;
  }).join('');
}

/** Completion over time of every group of one kind, with the plan's cut-offs and the chosen date. */
export function renderGroupChart(host, id, title, groups, name, view) {
  if (!groups.length) { host.innerHTML = `<p class="muted">${t('noSeries')}</p>`; return; }
  const series = groups.map((g) => ({ name: name(g), key: name(g),
    points: g.points.map((p) => ({ date: p.date, value: p.meanCompletion, stalled: p.stalled })) }));
  const on = view.asOf || view.to;
  const at = (s, d) => {
    const v = valueOn(s.points, d);
    const p = groups.find((g) => name(g) === s.key).points.filter((x) => x.date <= d).pop();
    return `${s.name} ${pct(v)}${p && p.stalled ? ` (${p.stalled} ${t('stalledCount')})` : ''}`;
  };
  lineChart(host, {
    id, title, from: view.from, to: view.to, series, cutoffs: view.cutoffs, asOf: view.asOf,
    desc: `${t('at')} ${fmtDate(on)}: ` + series.map((s) => at(s, on)).join('; '),
    readout: (d) => `${fmtDate(d)}: ` + series.map((s) => at(s, d)).join('; '),
    onPick: view.onPick
  });
}

function options(values, all, current, label) {
  return `<option value="">${escape(all)}</option>` + values.map((v) =>
    `<option value="${escape(v)}" ${v === current ? 'selected' : ''}>${escape(label ? label(v) : v)}</option>`).join('');
}

export function renderFilters(commitments, filters, csvQuery) {
  const uniq = (k) => [...new Set(commitments.map((c) => c[k]))].sort();
  $('f-agency').innerHTML = options(uniq('agency'), t('allAgencies'), filters.agency);
  $('f-sector').innerHTML = options(uniq('sector'), t('allSectors'), filters.sector);
  $('f-state').innerHTML = options(STATES, t('allStates'), filters.state, stateName);
  const q = new URLSearchParams(csvQuery);
  Object.entries(filters).forEach(([k, v]) => { if (v) q.set(k, v); });
  q.set('format', 'csv');
  $('csv').href = '/api/v1/commitments?' + q.toString();
}

export function renderTable(commitments, filters) {
  const rows = commitments.filter((c) =>
    (!filters.agency || c.agency === filters.agency) && (!filters.sector || c.sector === filters.sector) &&
    (!filters.state || c.state === filters.state));
  const body = $('commitments').querySelector('tbody');
  if (!rows.length) { body.innerHTML = `<tr><td colspan="8" class="muted">${t('none')}</td></tr>`; return; }
  body.innerHTML = rows.sort((a, b) => String(a.commitmentId).localeCompare(String(b.commitmentId))).map((c) => `
    <tr data-id="${escape(c.commitmentId)}" tabindex="0">
      <td><a href="#/commitments/${encodeURIComponent(c.commitmentId)}">${escape(c.title)}</a>
        <span class="muted">${escape(c.commitmentId)}</span></td>
      <td>${escape(c.agency)}</td><td>${escape(c.sector)}</td>
      <td><span class="badge s-${escape(c.state)}">${escape(stateName(c.state))}</span>
        ${c.disputed ? `<span class="flag">⚑ ${t('disputed')}</span>` : ''}
        ${c.evidenceMissing ? `<span class="flag">⚠ ${t('evidenceMissing')}</span>` : ''}</td>
      <td class="num">${pct(c.completion)}</td><td class="num">${pct(c.verifiedCompletion)}</td>
      <td class="num">${c.daysWithoutProgress == null ? '—' : c.daysWithoutProgress}</td>
      <td class="num">${c.projectedCompletion ? fmtDate(c.projectedCompletion) : '—'}</td>
    </tr>`).join('');
}

export function alertLine(a) {
  return `<li class="alert" data-type="${escape(a.type)}" data-id="${escape(a.commitmentId || '')}">
    <span class="when">${fmtDate(a.raisedAt)}</span>
    <span class="sev-${escape(a.severity)}">${escape(typeName(a.type))}</span>
    <span class="muted">(${escape(statusName(a.status))})</span>
    <strong>${escape(a.agency)}</strong>${a.title ? ' · ' + escape(a.title) : ''} — ${escape(a.summary)}</li>`;
}

export function renderAlerts(alerts) {
  const sorted = alerts.slice().sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt)));
  $('alerts').innerHTML = sorted.length ? sorted.map(alertLine).join('') : `<li class="muted">${t('noAlerts')}</li>`;
}
