// The one way the pages call the API: through the gateway, with the bearer token, reporting progress and
// turning every failure into an ApiError with a Dutch message.
import { session, logout } from './auth.js';
import { toApiError, networkError } from './errors.js';

const status = () => document.getElementById('status');
let busy = 0;
let busyTimer = null;

function started() {
  busy += 1;
  if (busy === 1) {
    // Quick calls show nothing; a call that takes longer than a moment shows that the page is working.
    busyTimer = setTimeout(() => {
      const el = status();
      el.replaceChildren();
      const spinner = document.createElement('span');
      spinner.className = 'spinner';
      spinner.setAttribute('aria-hidden', 'true');
      el.append(spinner, 'Bezig met laden…');
    }, 300);
  }
}

function finished() {
  busy = Math.max(0, busy - 1);
  if (busy === 0) {
    clearTimeout(busyTimer);
    status().replaceChildren();
  }
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  const user = session();
  if (user?.bff) headers['X-CSRF'] = '1';
  else if (user?.token) headers.Authorization = `Bearer ${user.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  started();
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw networkError();
  } finally {
    finished();
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = toApiError(response.status, json);
    if (error.code === 16) logout('Uw sessie is verlopen. Log opnieuw in.', { ended: true });
    throw error;
  }
  return json ?? {};
}

export const get = (path, params) => call('GET', path + query(params));
export const post = (path, body = {}) => call('POST', path, body);
