// Vigía control panel: read-only views over the query API, in Spanish and English.
// No framework and no external assets: it must work offline and on any browser a CSO has.
(function () {
  'use strict';

  const T = {
    es: {
      title: 'Vigía · Tablero de control', plan: 'Plan', bySector: 'Avance por sector', byAgency: 'Avance por dependencia',
      commitments: 'Compromisos', csv: 'Descargar CSV', commitment: 'Compromiso', agency: 'Dependencia', sector: 'Sector',
      state: 'Estado', completion: 'Avance', verified: 'Verificado (OSC)', daysWithout: 'Días sin avance',
      projected: 'Término proyectado', timeline: 'Alertas recientes', allAgencies: 'Todas las dependencias',
      allSectors: 'Todos los sectores', allStates: 'Todos los estados', allPlans: 'Todos los planes', total: 'Compromisos', asOf: 'Datos al',
      disputed: 'en disputa', evidenceMissing: 'sin evidencia', none: 'Sin datos todavía.', history: 'Historial',
      alertsOf: 'Alertas', due: 'Fecha límite', noAlerts: 'Sin alertas todavía.',
      footer: 'Datos abiertos: este tablero y su API son públicos y de sólo lectura.',
      states: { COMPLETED: 'Cumplido', ON_TRACK: 'En curso', AT_RISK: 'En riesgo', STALLED: 'Estancado',
        OVERDUE: 'Vencido', NOT_STARTED: 'Sin iniciar' },
      types: { STALLED: 'Estancado', RESUMED: 'Reanudado', OVERDUE: 'Vencido', AT_RISK: 'En riesgo', DISPUTED: 'En disputa',
        SCOPE_REDUCED: 'Alcance reducido', SENSITIVITY_SPIKE: 'Pico de sensibilidad', COMPLETED: 'Cumplido' },
      status: { FIRING: 'activa', RESOLVED: 'resuelta' }
    },
    en: {
      title: 'Vigía · Control panel', plan: 'Plan', bySector: 'Completion by sector', byAgency: 'Completion by agency',
      commitments: 'Commitments', csv: 'Download CSV', commitment: 'Commitment', agency: 'Agency', sector: 'Sector',
      state: 'State', completion: 'Completion', verified: 'Verified (CSO)', daysWithout: 'Days without progress',
      projected: 'Projected finish', timeline: 'Recent alerts', allAgencies: 'All agencies', allSectors: 'All sectors',
      allStates: 'All states', allPlans: 'All plans', total: 'Commitments', asOf: 'Data as of', disputed: 'disputed',
      evidenceMissing: 'evidence missing', none: 'No data yet.', history: 'History', alertsOf: 'Alerts', due: 'Due',
      noAlerts: 'No alerts yet.',
      footer: 'Open data: this panel and its API are public and read-only.',
      states: { COMPLETED: 'Completed', ON_TRACK: 'On track', AT_RISK: 'At risk', STALLED: 'Stalled',
        OVERDUE: 'Overdue', NOT_STARTED: 'Not started' },
      types: { STALLED: 'Stalled', RESUMED: 'Resumed', OVERDUE: 'Overdue', AT_RISK: 'At risk', DISPUTED: 'Disputed',
        SCOPE_REDUCED: 'Scope reduced', SENSITIVITY_SPIKE: 'Sensitivity spike', COMPLETED: 'Completed' },
      status: { FIRING: 'firing', RESOLVED: 'resolved' }
    }
  };
  const STATES = ['COMPLETED', 'ON_TRACK', 'AT_RISK', 'STALLED', 'OVERDUE', 'NOT_STARTED'];
  const params = new URLSearchParams(location.search);
  let lang = params.get('lang') || localStorage.getItem('vigia.lang') ||
    ((navigator.language || 'es').toLowerCase().startsWith('en') ? 'en' : 'es');
  let plan = params.get('plan') || '';
  let selected = params.get('commitment') || (location.hash.startsWith('#/commitments/') ? decodeURIComponent(location.hash.slice(14)) : '');
  const filters = { agency: '', sector: '', state: '' };
  let data = { commitments: [], sectors: [], agencies: [], alerts: [] };

  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const t = (k) => T[lang][k] || k;
  const list = (x) => Array.isArray(x) ? x : (x && (x.items || x.commitments || x.sectors || x.agencies || x.alerts)) || [];
  const pct = (v) => v == null ? '—' : (Math.round(v * 10) / 10).toFixed(1) + ' %';
  const day = (iso) => iso ? String(iso).slice(0, 10) : '—';

  async function get(path) {
    const res = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(path + ': ' + res.status);
    return res.json();
  }

  async function load() {
    const q = plan ? '?plan=' + encodeURIComponent(plan) : '';
    const [commitments, sectors, agencies, alerts] = await Promise.all([
      get('/api/v1/commitments' + q), get('/api/v1/sectors' + q), get('/api/v1/agencies' + q),
      get('/api/v1/alerts' + (q ? q + '&' : '?') + 'limit=50').catch(() => [])
    ]);
    data = { commitments: list(commitments), sectors: list(sectors), agencies: list(agencies), alerts: list(alerts) };
    render();
    if (selected) await loadDetail(selected);
  }

  function render() {
    document.documentElement.lang = lang;
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('.lang button').forEach((b) => b.classList.toggle('active', b.dataset.lang === lang));
    renderPlans();
    renderSummary();
    renderBars($('sectors'), data.sectors, (s) => s.sector);
    renderBars($('agencies'), data.agencies, (s) => s.agency || s.sector);
    renderFilters();
    renderTable();
    renderAlerts();
    const asOf = data.commitments.map((c) => c.asOf).filter(Boolean).sort().pop();
    $('as-of').textContent = asOf ? t('asOf') + ' ' + day(asOf) : '';
  }

  function renderPlans() {
    const sel = $('plan');
    const plans = [...new Set(data.commitments.map((c) => c.planId).concat(plan ? [plan] : []))].sort();
    sel.innerHTML = `<option value="">${esc(t('allPlans'))}</option>` + plans.map((p) => `<option ${p === plan ? 'selected' : ''}>${esc(p)}</option>`).join('');
  }

  function renderSummary() {
    const cs = data.commitments;
    const count = (s) => cs.filter((c) => c.state === s).length;
    const tiles = [[t('total'), cs.length, '']].concat(STATES.map((s) => [T[lang].states[s], count(s), s]));
    $('summary').innerHTML = tiles.map(([l, n, s]) =>
      `<div class="tile" data-state="${s}"><div class="n">${n}</div><div class="l">${s ? `<span class="badge s-${s}">${esc(l)}</span>` : esc(l)}</div></div>`).join('');
  }

  function renderBars(el, rows, name) {
    if (!rows.length) { el.innerHTML = `<p class="muted">${t('none')}</p>`; return; }
    el.innerHTML = rows.slice().sort((a, b) => b.meanCompletion - a.meanCompletion).map((r) => `
      <div class="row" data-name="${esc(name(r))}"><span>${esc(name(r))} <span class="muted">(${r.completed}/${r.commitments})</span></span>
      <div class="bar" title="${pct(r.meanCompletion)}"><span style="width:${Math.max(0, Math.min(100, r.meanCompletion))}%"></span></div>
      <span>${pct(r.meanCompletion)}</span></div>`).join('');
  }

  function options(values, all, current, label) {
    return `<option value="">${esc(all)}</option>` + values.map((v) =>
      `<option value="${esc(v)}" ${v === current ? 'selected' : ''}>${esc(label ? label(v) : v)}</option>`).join('');
  }

  function renderFilters() {
    const uniq = (k) => [...new Set(data.commitments.map((c) => c[k]))].sort();
    $('f-agency').innerHTML = options(uniq('agency'), t('allAgencies'), filters.agency);
    $('f-sector').innerHTML = options(uniq('sector'), t('allSectors'), filters.sector);
    $('f-state').innerHTML = options(STATES, t('allStates'), filters.state, (s) => T[lang].states[s]);
    const q = new URLSearchParams();
    if (plan) q.set('plan', plan);
    Object.entries(filters).forEach(([k, v]) => { if (v) q.set(k, v); });
    $('csv').href = '/api/v1/commitments?' + q.toString() + (q.toString() ? '&' : '') + 'format=csv';
  }

  function renderTable() {
    const rows = data.commitments.filter((c) =>
      (!filters.agency || c.agency === filters.agency) && (!filters.sector || c.sector === filters.sector) &&
      (!filters.state || c.state === filters.state));
    const body = $('commitments').querySelector('tbody');
    if (!rows.length) { body.innerHTML = `<tr><td colspan="8" class="muted">${t('none')}</td></tr>`; return; }
    body.innerHTML = rows.sort((a, b) => String(a.commitmentId).localeCompare(String(b.commitmentId))).map((c) => `
      <tr data-id="${esc(c.commitmentId)}">
        <td>${esc(c.title)} <span class="muted">${esc(c.commitmentId)}</span></td>
        <td>${esc(c.agency)}</td><td>${esc(c.sector)}</td>
        <td><span class="badge s-${esc(c.state)}">${esc(T[lang].states[c.state] || c.state)}</span>
          ${c.disputed ? `<span class="flag">⚑ ${t('disputed')}</span>` : ''}
          ${c.evidenceMissing ? `<span class="flag">⚠ ${t('evidenceMissing')}</span>` : ''}</td>
        <td class="num">${pct(c.completion)}</td><td class="num">${pct(c.verifiedCompletion)}</td>
        <td class="num">${c.daysWithoutProgress == null ? '—' : c.daysWithoutProgress}</td><td class="num">${day(c.projectedCompletion)}</td>
      </tr>`).join('');
  }

  function alertLine(a) {
    return `<li class="alert" data-type="${esc(a.type)}"><span class="when">${day(a.raisedAt)}</span>
      <span class="sev-${esc(a.severity)}">${esc(T[lang].types[a.type] || a.type)}</span>
      <span class="muted">(${esc(T[lang].status[a.status] || a.status)})</span>
      <strong>${esc(a.agency)}</strong>${a.title ? ' · ' + esc(a.title) : ''} — ${esc(a.summary)}</li>`;
  }

  function renderAlerts() {
    const alerts = data.alerts.slice().sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt)));
    $('alerts').innerHTML = alerts.length ? alerts.map(alertLine).join('') : `<li class="muted">${t('noAlerts')}</li>`;
  }

  async function loadDetail(id) {
    let detail;
    try { detail = await get('/api/v1/commitments/' + encodeURIComponent(id)); } catch (e) { return; }
    let history = detail.history || null;
    if (!history) { try { history = await get('/api/v1/commitments/' + encodeURIComponent(id) + '/history'); } catch (e) { history = {}; } }
    const status = detail.status || detail;
    const updates = list(history.updates || history.recentUpdates || []);
    const alerts = list(history.alerts || history.recentAlerts || []);
    $('detail').hidden = false;
    $('detail-title').textContent = (status.title || id) + ' · ' + (status.agency || '');
    $('detail-body').innerHTML = `
      <p><span class="badge s-${esc(status.state)}">${esc(T[lang].states[status.state] || status.state)}</span>
      ${t('completion')}: <strong>${pct(status.completion)}</strong> · ${t('verified')}: ${pct(status.verifiedCompletion)}
      · ${t('daysWithout')}: ${status.daysWithoutProgress == null ? '—' : status.daysWithoutProgress}</p>
      <h3>${t('history')}</h3>
      <ol class="timeline">${updates.map((u) => `<li><span class="when">${day(u.reportedAt)}</span>
        <strong>${esc(u.source)}</strong> ${esc(u.reporter)} · ${u.percent != null ? pct(u.percent) : esc(u.level)}
        ${u.milestoneId ? `<span class="muted">(${esc(u.milestoneId)})</span>` : ''}
        ${u.note ? ' — ' + esc(u.note) : ''}
        ${u.evidenceUrl && /^https?:/i.test(u.evidenceUrl) ? ` <a href="${esc(u.evidenceUrl)}" rel="noopener noreferrer">evidencia</a>` : ''}</li>`).join('') || `<li class="muted">${t('none')}</li>`}</ol>
      <h3>${t('alertsOf')}</h3>
      <ol class="timeline">${alerts.map(alertLine).join('') || `<li class="muted">${t('noAlerts')}</li>`}</ol>`;
  }

  function bind() {
    document.querySelectorAll('.lang button').forEach((b) => b.addEventListener('click', () => {
      lang = b.dataset.lang; localStorage.setItem('vigia.lang', lang); render(); if (selected) loadDetail(selected);
    }));
    $('plan').addEventListener('change', (e) => { plan = e.target.value; load(); });
    ['agency', 'sector', 'state'].forEach((k) => $('f-' + k).addEventListener('change', (e) => {
      filters[k] = e.target.value; renderFilters(); renderTable();
    }));
    $('commitments').querySelector('tbody').addEventListener('click', (e) => {
      const tr = e.target.closest('tr[data-id]');
      if (!tr) return;
      selected = tr.dataset.id; location.hash = '#/commitments/' + encodeURIComponent(selected); loadDetail(selected);
    });
  }

  bind();
  load().catch((e) => console.error(e));
  setInterval(() => load().catch((e) => console.error(e)), 5000);
})();
