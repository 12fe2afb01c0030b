// The sandboxes build.sh started (POWERPACK_SANDBOX_URL, POWERPACK_TLS_SANDBOX_URL) and their admin
// API, for the node --test suite.
export const URL = process.env.POWERPACK_SANDBOX_URL;
export const TLS_URL = process.env.POWERPACK_TLS_SANDBOX_URL;
export const TLS_CA_FILE = process.env.POWERPACK_TLS_CA_FILE;
export const ROOT = process.env.POWERPACK_ROOT;
export const AUTH_ID = 'MASANDBOX00000000001';
export const AUTH_TOKEN = 'sandbox-auth-token';

export async function admin(method, path, body, base = URL) {
  const response = await fetch(`${base}/__admin/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
  });
  if (!response.ok) throw new Error(`admin ${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const reset = () => admin('POST', 'reset');
export const journal = () => admin('GET', 'journal');
export const fault = (kind, method, path, fields = {}) =>
  admin('POST', 'faults', { kind, method, path, count: 1, ...fields });
export const powerpackPath = (uuid) => `/v1/Account/${AUTH_ID}/Powerpack/${uuid ? `${uuid}/` : ''}`;
export const poolPath = (pool, kind, item) => `/v1/Account/${AUTH_ID}/NumberPool/${pool}/${kind}/${item ? `${item}/` : ''}`;
/** The journal's entries for one method and path, bodies parsed. */
export async function sent(method, path) {
  return (await journal())
    .filter((e) => e.method === method && e.path === path)
    .map((e) => ({ ...e, json: e.body ? JSON.parse(e.body) : null }));
}
