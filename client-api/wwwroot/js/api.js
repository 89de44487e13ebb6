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

/**
 * Server-sent events from a route that needs the signed-in user's token. `EventSource` cannot send an
 * Authorization header (the leaderboards' live routes are public, so they use it), so this reads the stream
 * with `fetch` and parses it as EventSource does. Like EventSource it connects again after a pause when the
 * stream ends or the network fails, sending the last event id it saw (`Last-Event-ID`) so that no event is
 * missed; `lastEventId` starts it after an event the page already has. A refusal (4xx) is final: it goes to
 * `onError(error, false)`; a pause before connecting again to `onError(error, true)`. Answers a function
 * that stops it.
 */
export function watch(path, { lastEventId = null, onEvent, onOpen, onError, retryMs = 3000 }) {
  const stop = new AbortController();
  let last = lastEventId === null ? null : String(lastEventId);
  (async () => {
    while (!stop.signal.aborted) {
      try {
        const headers = { Accept: 'text/event-stream' };
        const token = session.token();
        if (token) headers.Authorization = `Bearer ${token}`;
        if (last !== null) headers['Last-Event-ID'] = last;
        let response;
        try {
          response = await fetch(path, { headers, cache: 'no-store', signal: stop.signal });
        } catch {
          if (stop.signal.aborted) return;
          throw new ApiError(0, { code: 'unreachable' });
        }

        if (!response.ok) {
          const text = await response.text();
          throw new ApiError(response.status, text ? safeJson(text) : null);
        }

        onOpen?.();
        await readEvents(response.body, event => {
          last = event.lastEventId ?? last;
          onEvent(event);
        });
      } catch (error) {
        if (stop.signal.aborted) return;
        const final = error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
        onError?.(error, !final);
        if (final) return;
      }

      // The stream ended or failed: wait, then connect again after the last event seen.
      await new Promise(resume => {
        const timer = setTimeout(resume, retryMs);
        stop.signal.addEventListener('abort', () => { clearTimeout(timer); resume(); }, { once: true });
      });
    }
  })();
  return () => stop.abort();
}

/** Reads a text/event-stream body and hands each event ({ type, data, lastEventId }) to `dispatch`, following
 *  the HTML standard's parsing rules (fields, comments, lines ended by CR, LF or CRLF, data over lines). */
async function readEvents(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let type = '';
  let data = [];
  let id = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    for (;;) {
      const end = buffer.search(/\r\n|\r|\n/);
      // A CR at the very end may be the first half of a CRLF still on its way.
      if (end < 0 || (end === buffer.length - 1 && buffer[end] === '\r')) break;
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        if (data.length > 0) dispatch({ type: type || 'message', data: data.join('\n'), lastEventId: id });
        type = '';
        data = [];
        continue;
      }

      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let text = colon < 0 ? '' : line.slice(colon + 1);
      if (text.startsWith(' ')) text = text.slice(1);
      if (field === 'event') type = text;
      else if (field === 'data') data.push(text);
      else if (field === 'id' && !text.includes('\0')) id = text;
    }
  }
}
