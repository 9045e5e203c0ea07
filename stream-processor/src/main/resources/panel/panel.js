// Vigía control panel: read-only views over the query API, in Spanish and English, as of any
// date. No framework and no external assets: it must work offline and on any browser a CSO has.
// The state lives in the address (?lang=&plan=&asOf= and #/commitments/<id>), so every view can
// be linked to.
import { get, query } from './api.js';
import { t, setLang, getLang, fmtDate, escape } from './i18n.js';
import { renderSummary, renderBars, renderGroupChart, renderFilters, renderTable, renderAlerts } from './overview.js';
import { loadDetail, renderDetail } from './detail.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const state = {
  plan: params.get('plan') || '',
  asOf: DATE.test(params.get('asOf') || '') ? params.get('asOf') : '',
  selected: hashId(),
  filters: { agency: '', sector: '', state: '' },
  plans: [],
  data: {},
  shown: {}
};
setLang(params.get('lang') || localStorage.getItem('vigia.lang') ||
  ((navigator.language || 'es').toLowerCase().startsWith('en') ? 'en' : 'es'));

function hashId() {
  return location.hash.startsWith('#/commitments/') ? decodeURIComponent(location.hash.slice(14)) : '';
}

/** The span the charts cover, the cut-offs and the chosen date, for the plan shown (or all plans). */
function view() {
  const plans = state.plans.filter((p) => !state.plan || p.planId === state.plan);
  const min = (xs) => xs.filter(Boolean).sort()[0];
  const max = (xs) => xs.filter(Boolean).sort().pop();
  const latest = max(plans.map((p) => p.asOf && String(p.asOf).slice(0, 10)));
  return {
    from: min(plans.map((p) => p.startDate)) || state.asOf || '2013-01-01',
    to: max(plans.map((p) => p.endDate).concat([latest, state.asOf])) || '2013-12-31',
    latest,
    cutoffs: [...new Set(plans.flatMap((p) => p.cutoffs || []))].sort(),
    asOf: state.asOf || null,
    onPick: (d) => setAsOf(d)
  };
}

async function load() {
  state.plans = await get('/api/v1/plans');
  if (!state.plan && state.plans.length === 1) state.plan = state.plans[0].planId;
  const q = { plan: state.plan, asOf: state.asOf };
  const [commitments, sectors, agencies, alerts, sectorSeries, agencySeries] = await Promise.all([
    get('/api/v1/commitments' + query(q)), get('/api/v1/sectors' + query(q)), get('/api/v1/agencies' + query(q)),
    get('/api/v1/alerts' + query({ ...q, limit: 50 })).catch(() => []),
    get('/api/v1/sectors/series' + query({ plan: state.plan })).catch(() => []),
    get('/api/v1/agencies/series' + query({ plan: state.plan })).catch(() => [])
  ]);
  state.data = { commitments, sectors, agencies, alerts, sectorSeries, agencySeries };
  render(false);
  if (state.selected) await showDetail(false);
}

/** Draws what changed since the last drawing (everything when forced, as after a language switch). */
function render(force) {
  const v = view();
  const d = state.data;
  const changed = (key, value) => {
    const text = JSON.stringify([value, v.asOf, v.from, v.to, v.cutoffs]);
    if (!force && state.shown[key] === text) return false;
    state.shown[key] = text;
    return true;
  };
  document.documentElement.lang = getLang();
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  document.querySelectorAll('.lang button').forEach((b) => b.setAttribute('aria-pressed', b.dataset.lang === getLang()));
  if (changed('controls', [state.plans, state.plan, getLang()])) renderControls(v);
  if (changed('summary', d.commitments)) renderSummary(d.commitments);
  if (changed('sectors', d.sectors)) renderBars($('sectors'), d.sectors, (r) => r.sector);
  if (changed('agencies', d.agencies)) renderBars($('agencies'), d.agencies, (r) => r.agency || r.sector);
  if (changed('sectorSeries', d.sectorSeries)) {
    renderGroupChart($('sector-chart'), 'sector-chart', t('overTimeSector'), d.sectorSeries, (g) => g.sector, v);
  }
  if (changed('agencySeries', d.agencySeries)) {
    renderGroupChart($('agency-chart'), 'agency-chart', t('overTimeAgency'), d.agencySeries, (g) => g.agency, v);
  }
  if (changed('table', [d.commitments, state.filters])) {
    renderFilters(d.commitments, state.filters, query({ plan: state.plan, asOf: state.asOf }));
    renderTable(d.commitments, state.filters);
  }
  if (changed('alerts', d.alerts)) renderAlerts(d.alerts);
  const dataAsOf = state.asOf || v.latest;
  $('as-of').textContent = dataAsOf ? t('asOf') + ' ' + fmtDate(dataAsOf) : '';
  const showing = Boolean(state.selected);
  $('overview').hidden = showing;
  $('detail').hidden = !showing;
  syncAddress();
}

function renderControls(v) {
  const sel = $('plan');
  const plans = state.plans.map((p) => p.planId);
  sel.innerHTML = `<option value="">${escape(t('allPlans'))}</option>` + plans.map((p) =>
    `<option value="${escape(p)}" ${p === state.plan ? 'selected' : ''}>${escape(p)}</option>`).join('');
  const input = $('as-of-date');
  input.min = v.from;
  input.max = v.to;
  if (document.activeElement !== input) input.value = state.asOf || v.latest || '';
  $('cutoffs').innerHTML = v.cutoffs.map((c) => `<button type="button" data-date="${c}"
    aria-pressed="${c === state.asOf}">${t('cutoff')} ${escape(fmtDate(c))}</button>`).join('')
    + `<button type="button" data-date="" aria-pressed="${!state.asOf}">${t('latest')}</button>`;
}

async function showDetail(force) {
  const id = state.selected;
  const v = view();
  let data;
  try { data = await loadDetail(id, v); } catch (e) { return; }
  if (id !== state.selected) return;
  const text = JSON.stringify([data, v.asOf, v.from, v.to]);
  if (!force && state.shown.detail === text) return;
  state.shown.detail = text;
  const listed = (state.data.commitments || []).find((c) => c.commitmentId === id);
  renderDetail(data, v, state.asOf ? listed : null);
}

function syncAddress() {
  const q = query({ lang: getLang(), plan: state.plan, asOf: state.asOf });
  const hash = state.selected ? '#/commitments/' + encodeURIComponent(state.selected) : '';
  if (location.search + location.hash !== q + hash) history.replaceState(null, '', location.pathname + q + hash);
}

function setAsOf(date) {
  state.asOf = DATE.test(date || '') ? date : '';
  reload();
}

function reload() {
  load().catch((e) => console.error(e));
}

function bind() {
  document.querySelectorAll('.lang button').forEach((b) => b.addEventListener('click', () => {
    setLang(b.dataset.lang);
    localStorage.setItem('vigia.lang', getLang());
    render(true);
    if (state.selected) showDetail(true);
  }));
  $('plan').addEventListener('change', (e) => { state.plan = e.target.value; reload(); });
  $('as-of-date').addEventListener('change', (e) => setAsOf(e.target.value));
  $('cutoffs').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-date]');
    if (b) setAsOf(b.dataset.date);
  });
  ['agency', 'sector', 'state'].forEach((k) => $('f-' + k).addEventListener('change', (e) => {
    state.filters[k] = e.target.value;
    render(false);
  }));
  const open = (id) => { if (id) location.hash = '#/commitments/' + encodeURIComponent(id); };
  const body = $('commitments').querySelector('tbody');
  body.addEventListener('click', (e) => {
    const tr = e.target.closest('tr[data-id]');
    if (tr && !e.target.closest('a')) open(tr.dataset.id);
  });
  body.addEventListener('keydown', (e) => {
    const tr = e.target.closest('tr[data-id]');
    if (tr && e.key === 'Enter' && !e.target.closest('a')) open(tr.dataset.id);
  });
  $('alerts').addEventListener('click', (e) => {
    const li = e.target.closest('li[data-id]');
    if (li && li.dataset.id) open(li.dataset.id);
  });
  window.addEventListener('hashchange', () => {
    state.selected = hashId();
    render(false);
    if (state.selected) showDetail(true); else window.scrollTo(0, 0);
  });
}

bind();
reload();
setInterval(reload, 5000);
