// Every word the panel shows, in Spanish and English, and the dates in the same language.
// Month names are ours, not the browser's, so a date reads the same on every machine.

const T = {
  es: {
    title: 'Vigía · Tablero de control', plan: 'Plan', bySector: 'Avance por sector', byAgency: 'Avance por dependencia',
    overTimeSector: 'Avance en el tiempo por sector', overTimeAgency: 'Avance en el tiempo por dependencia',
    commitments: 'Compromisos', csv: 'Descargar CSV', commitment: 'Compromiso', agency: 'Dependencia', sector: 'Sector',
    state: 'Estado', completion: 'Avance', verified: 'Verificado (OSC)', daysWithout: 'Días sin avance',
    projected: 'Término proyectado', timeline: 'Alertas', allAgencies: 'Todas las dependencias',
    allSectors: 'Todos los sectores', allStates: 'Todos los estados', allPlans: 'Todos los planes', total: 'Compromisos',
    asOf: 'Datos al', asOfControl: 'Ver el plan al', latest: 'Último dato', cutoffs: 'Cortes del plan', cutoff: 'Corte',
    disputed: 'en disputa', evidenceMissing: 'sin evidencia', none: 'Sin datos todavía.', history: 'Historial',
    alertsOf: 'Alertas', due: 'Fecha límite', noAlerts: 'Sin alertas todavía.', back: '← Volver al plan',
    axisDate: 'Fecha', axisCompletion: 'Avance (%)', official: 'Avance oficial', verifiedLine: 'Avance verificado (OSC)',
    stallPeriod: 'Periodo estancado', marker: 'Alerta', stalledCount: 'estancados', atRiskCount: 'en riesgo',
    chartKeys: 'Flechas: moverse en el tiempo (Mayús: un mes); Intro: ver el plan en esa fecha.',
    at: 'al', from: 'del', to: 'al', flat: 'sin cambios', evidence: 'evidencia', noSeries: 'Sin historial todavía.',
    chartCommitment: 'Avance oficial y verificado en el tiempo', agencyWide: 'de toda la dependencia',
    footer: 'Datos abiertos: este tablero y su API son públicos y de sólo lectura.',
    months: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
    states: { COMPLETED: 'Cumplido', ON_TRACK: 'En curso', AT_RISK: 'En riesgo', STALLED: 'Estancado',
      OVERDUE: 'Vencido', NOT_STARTED: 'Sin iniciar' },
    types: { STALLED: 'Estancado', RESUMED: 'Reanudado', OVERDUE: 'Vencido', AT_RISK: 'En riesgo', DISPUTED: 'En disputa',
      SCOPE_REDUCED: 'Alcance reducido', SENSITIVITY_SPIKE: 'Pico de sensibilidad', COMPLETED: 'Cumplido' },
    status: { FIRING: 'activa', RESOLVED: 'resuelta' }
  },
  en: {
    title: 'Vigía · Control panel', plan: 'Plan', bySector: 'Completion by sector', byAgency: 'Completion by agency',
    overTimeSector: 'Completion over time by sector', overTimeAgency: 'Completion over time by agency',
    commitments: 'Commitments', csv: 'Download CSV', commitment: 'Commitment', agency: 'Agency', sector: 'Sector',
    state: 'State', completion: 'Completion', verified: 'Verified (CSO)', daysWithout: 'Days without progress',
    projected: 'Projected finish', timeline: 'Alerts', allAgencies: 'All agencies', allSectors: 'All sectors',
    allStates: 'All states', allPlans: 'All plans', total: 'Commitments', asOf: 'Data as of',
    asOfControl: 'See the plan as of', latest: 'Latest', cutoffs: 'Plan cut-offs', cutoff: 'Cut-off',
    disputed: 'disputed', evidenceMissing: 'evidence missing', none: 'No data yet.', history: 'History',
    alertsOf: 'Alerts', due: 'Due', noAlerts: 'No alerts yet.', back: '← Back to the plan',
    axisDate: 'Date', axisCompletion: 'Completion (%)', official: 'Official completion',
    verifiedLine: 'Verified completion (CSO)', stallPeriod: 'Stalled period', marker: 'Alert', stalledCount: 'stalled',
    atRiskCount: 'at risk', chartKeys: 'Arrows: move in time (Shift: a month); Enter: see the plan on that date.',
    at: 'on', from: 'from', to: 'to', flat: 'unchanged', evidence: 'evidence', noSeries: 'No history yet.',
    chartCommitment: 'Official and verified completion over time', agencyWide: 'agency-wide',
    footer: 'Open data: this panel and its API are public and read-only.',
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    states: { COMPLETED: 'Completed', ON_TRACK: 'On track', AT_RISK: 'At risk', STALLED: 'Stalled',
      OVERDUE: 'Overdue', NOT_STARTED: 'Not started' },
    types: { STALLED: 'Stalled', RESUMED: 'Resumed', OVERDUE: 'Overdue', AT_RISK: 'At risk', DISPUTED: 'Disputed',
      SCOPE_REDUCED: 'Scope reduced', SENSITIVITY_SPIKE: 'Sensitivity spike', COMPLETED: 'Completed' },
    status: { FIRING: 'firing', RESOLVED: 'resolved' }
  }
};

let lang = 'es';

export function setLang(l) { lang = T[l] ? l : 'es'; }
export function getLang() { return lang; }
export function t(key) { const v = T[lang][key]; return v == null ? key : v; }
export function stateName(s) { return T[lang].states[s] || s; }
export function typeName(a) { return T[lang].types[a] || a; }
export function statusName(s) { return T[lang].status[s] || s; }

export function pct(v) { return v == null ? '—' : (Math.round(v * 10) / 10).toFixed(1) + ' %'; }

/** 'YYYY-MM-DD' (or an instant) as '27 oct 2014' / '27 Oct 2014'. */
export function fmtDate(iso) {
  if (!iso) return '—';
  const [y, m, d] = String(iso).slice(0, 10).split('-').map(Number);
  return `${d} ${T[lang].months[m - 1]} ${y}`;
}

/** A month tick: 'oct 2014' / 'Oct 2014', or the month alone. */
export function fmtMonth(date, withYear) {
  const m = T[lang].months[date.getUTCMonth()];
  return withYear ? `${m} ${date.getUTCFullYear()}` : m;
}

export function escape(s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, (c) =>
    ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
