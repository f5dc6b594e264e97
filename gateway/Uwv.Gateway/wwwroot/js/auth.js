// Login with the same identity as the API. Locally: the gateway's development issuer and its demo users, whose token
// lives in sessionStorage only (gone when the tab closes). In production: the sign-in on the gateway (below).

const KEY = 'uwv.sessie';
const MESSAGE_KEY = 'uwv.melding';

export function session() {
  if (bffUser) return bffUser;
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (value && value.expires && value.expires * 1000 < Date.now()) return null;
    return value;
  } catch {
    return null;
  }
}

function decodeClaims(token) {
  const part = token.split('.')[1] ?? '';
  const base64 = part.replaceAll('-', '+').replaceAll('_', '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function firstOf(value) {
  return Array.isArray(value) ? value[0] : value;
}

export function startSession(token) {
  const claims = decodeClaims(token);
  const value = {
    token,
    sub: claims.sub,
    name: claims.name ?? claims.sub,
    role: firstOf(claims.role),
    team: claims.team,
    division: claims.division,
    expires: claims.exp,
  };
  sessionStorage.setItem(KEY, JSON.stringify(value));
  return value;
}

export function logout(message, { ended = false } = {}) {
  sessionStorage.removeItem(KEY);
  if (message) sessionStorage.setItem(MESSAGE_KEY, message);
  if (bffUser) {
    const user = bffUser;
    bffUser = null;
    // Signing out ends the session on the gateway and at the identity provider; an ended session has nothing to end.
    if (!ended) {
      location.assign(user.logoutUrl);
      return;
    }
  }
  if (location.hash !== '#/inloggen') location.hash = '#/inloggen';
}

export function takeMessage() {
  const message = sessionStorage.getItem(MESSAGE_KEY);
  sessionStorage.removeItem(MESSAGE_KEY);
  return message;
}

export async function devUsers() {
  const response = await fetch('/dev/users', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error('De ontwikkel-login is niet beschikbaar.');
  return response.json();
}

export async function devLogin(userName) {
  const response = await fetch(`/dev/token?user=${encodeURIComponent(userName)}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error('Inloggen is niet gelukt. Kies een andere gebruiker.');
  const body = await response.json();
  return startSession(body.token);
}

// The organisation's sign-in runs on the gateway (backend for frontend): the page holds no token, only the user's
// name and role for the menu. Every API call carries the X-CSRF header; the session cookie is HttpOnly.
let bffUser = null;

/** Loads the signed-in user of the gateway's session; null when there is none. */
export async function loadBffSession() {
  const response = await fetch('/bff/user', { headers: { Accept: 'application/json', 'X-CSRF': '1' } });
  bffUser = response.ok ? { ...(await response.json()), bff: true } : null;
  return bffUser;
}

/** Sends the browser to the organisation's sign-in; it comes back to the page it left. */
export function startBffLogin() {
  const back = location.hash && location.hash !== '#/inloggen' ? `/${location.hash}` : '/';
  location.assign(`/bff/login?returnUrl=${encodeURIComponent(back)}`);
}
