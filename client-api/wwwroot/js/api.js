// Calls to the Spotlight API with the signed-in user's bearer token, and what went wrong when they fail.
const TOKEN_KEY = 'spotlight.token';

export const session = {
  token: () => localStorage.getItem(TOKEN_KEY),
  signIn(token) { localStorage.setItem(TOKEN_KEY, token); },
  signOut() { localStorage.removeItem(TOKEN_KEY); },
  // The token's claims, for showing who is signed in; the API checks the signature, not this page.
  claims() {
    const token = this.token();
    if (!token) return null;
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const claims = JSON.parse(atob(payload.padEnd(payload.length + (4 - payload.length % 4) % 4, '=')));
      const roles = [].concat(claims.role ?? claims.roles ?? []);
      return { sub: claims.sub, roles, studioId: claims.studioId, artistId: claims.artistId, expires: claims.exp ? new Date(claims.exp * 1000) : null };
    } catch {
      return null;
    }
  },
};

/** A failed call: the HTTP status and the problem details the API sent (title, detail, errors per field). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** Field name → messages, from a validation problem. */
  get fields() { return this.problem.errors ?? {}; }
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    // The page words this (errors.unreachable) in its language.
    throw new ApiError(0, { code: 'unreachable' });
  }

  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return null; }
}
