// The public query API, as the panel reads it: JSON, each request named by its path.

export async function get(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(path + ': ' + res.status);
  return res.json();
}

/** A query string of the given parameters, leaving out the empty ones. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v != null && v !== '') q.set(k, v); });
  const s = q.toString();
  return s ? '?' + s : '';
}
