// One commitment's page: its state as of the chosen date, its official and verified completion
// over time with the stalled periods shaded and its alerts marked on the time axis, and its
// reports and alerts as lists.
import { get, query } from './api.js';
import { t, pct, fmtDate, escape, stateName, typeName } from './i18n.js';
import { lineChart, valueOn, runs } from './charts.js';
import { alertLine } from './overview.js';

const $ = (id) => document.getElementById(id);

/** Everything the page needs, fetched at once; agency-wide spikes are marked on the commitment's chart too. */
export async function loadDetail(id, view) {
  const enc = encodeURIComponent(id);
  const detail = await get('/api/v1/commitments/' + enc);
  const [series, alerts, spikes] = await Promise.all([
    get(`/api/v1/commitments/${enc}/series` + query({ to: view.to })).catch(() => []),
    get(`/api/v1/commitments/${enc}/alerts`).catch(() => []),
    get('/api/v1/alerts' + query({ agency: detail.agency, type: 'SENSITIVITY_SPIKE', plan: detail.planId,
      limit: 1000 })).catch(() => [])
  ]);
  return { id, detail, series, alerts, spikes };
}

export function renderDetail(data, view, statusAsOf) {
  const { detail, series, alerts, spikes } = data;
  const status = statusAsOf || detail;
  const asOf = view.asOf;
  const upTo = (a) => !asOf || String(a.raisedAt).slice(0, 10) <= asOf;
  $('detail-title').textContent = (detail.title || data.id) + ' · ' + (detail.agency || '');
  renderChart(data, view);
  const updates = (detail.recentUpdates || []).filter((u) => !asOf || String(u.reportedAt).slice(0, 10) <= asOf);
  const shown = alerts.filter(upTo).slice().reverse();
  $('detail-body').innerHTML = `
    <p><span class="badge s-${escape(status.state)}">${escape(stateName(status.state))}</span>
    ${asOf ? `<span class="muted">${t('asOf')} ${fmtDate(asOf)}</span> · ` : ''}
    ${t('completion')}: <strong>${pct(status.completion)}</strong> · ${t('verified')}: ${pct(status.verifiedCompletion)}
    · ${t('daysWithout')}: ${status.daysWithoutProgress == null ? '—' : status.daysWithoutProgress}
    ${detail.dueDate || (detail.commitment && detail.commitment.dueDate)
      ? ` · ${t('due')}: ${fmtDate(detail.dueDate || detail.commitment.dueDate)}` : ''}</p>
    <h3>${t('history')}</h3>
    <ol class="timeline">${updates.map((u) => `<li><span class="when">${fmtDate(u.reportedAt)}</span>
      <strong>${escape(u.source)}</strong> ${escape(u.reporter)} · ${u.percent != null ? pct(u.percent) : escape(u.level)}
      ${u.milestoneId ? `<span class="muted">(${escape(u.milestoneId)})</span>` : ''}
      ${u.note ? ' — ' + escape(u.note) : ''}
      ${u.evidenceUrl && /^https?:/i.test(u.evidenceUrl)
        ? ` <a href="${escape(u.evidenceUrl)}" rel="noopener noreferrer">${t('evidence')}</a>` : ''}</li>`).join('')
      || `<li class="muted">${t('none')}</li>`}</ol>
    <h3>${t('alertsOf')}</h3>
    <ol class="timeline">${shown.map(alertLine).join('') || `<li class="muted">${t('noAlerts')}</li>`}</ol>
    ${spikes.length ? `<h3>${typeName('SENSITIVITY_SPIKE')} · ${escape(detail.agency)} (${t('agencyWide')})</h3>
      <ol class="timeline">${spikes.filter(upTo).map(alertLine).join('')}</ol>` : ''}`;
}

function renderChart(data, view) {
  const host = $('detail-chart');
  const points = data.series;
  if (!points.length) { host.innerHTML = `<p class="muted">${t('noSeries')}</p>`; return; }
  const official = points.map((p) => ({ date: p.date, value: p.completion }));
  const verified = points.map((p) => ({ date: p.date, value: p.verifiedCompletion }));
  const stalls = runs(points, (p) => p.stalled);
  const markers = data.alerts.filter((a) => a.status === 'FIRING').map((a) => ({
    date: String(a.raisedAt).slice(0, 10), type: a.type, severity: a.severity, label: typeName(a.type) }))
    .concat(data.spikes.filter((a) => a.status === 'FIRING').map((a) => ({ date: String(a.raisedAt).slice(0, 10),
      type: a.type, severity: a.severity, label: `${typeName(a.type)} (${t('agencyWide')})` })));
  const flat = longestFlat(points);
  const desc = [
    flat ? `${t('official')}: ${pct(flat.value)} ${t('flat')} ${t('from')} ${fmtDate(flat.from)} ${t('to')} ${fmtDate(flat.to)}`
      : '',
    stalls.map((s) => `${t('stallPeriod')}: ${t('from')} ${fmtDate(s.from)} ${t('to')} ${fmtDate(s.to)}`).join('; '),
    markers.length ? `${t('alertsOf')}: ` + markers.map((m) => `${m.label} ${fmtDate(m.date)}`).join(', ') : ''
  ].filter(Boolean).join('. ');
  lineChart(host, {
    id: 'commitment-chart', title: `${t('chartCommitment')} · ${data.detail.title || data.id}`, desc,
    from: view.from < points[0].date ? view.from : points[0].date, to: view.to,
    series: [{ name: t('official'), key: 'official', style: 'official', points: official },
      { name: t('verifiedLine'), key: 'verified', style: 'verified', points: verified }],
    shades: stalls.map((s) => ({ from: s.from, to: s.to,
      label: `${t('stallPeriod')}: ${fmtDate(s.from)} – ${fmtDate(s.to)}` })),
    cutoffs: view.cutoffs, asOf: view.asOf, markers,
    readout: (d) => {
      const p = points.filter((x) => x.date <= d).pop();
      return `${fmtDate(d)}: ${t('official')} ${pct(valueOn(official, d))}, ${t('verifiedLine')} ${pct(valueOn(verified, d))}`
        + (p ? ` · ${stateName(p.state)}` : '');
    },
    onPick: view.onPick
  });
}

/** The longest run of days with the same official completion, for the chart's description. */
function longestFlat(points) {
  let best = null;
  let run = null;
  points.forEach((p) => {
    if (!run || run.value !== p.completion) run = { value: p.completion, from: p.date, to: p.date, days: 0 };
    run.to = p.date;
    run.days += 1;
    if (!best || run.days > best.days) best = { ...run };
  });
  return best;
}
