// Login with the same identity as the API. Locally: the gateway's development issuer and its demo users.
// In production (Auth:Authority set): the OIDC authorization-code flow with PKCE against that issuer.
// The token lives in sessionStorage only (gone when the tab closes); the user's role and team are read from its claims.

const KEY = 'uwv.sessie';
const OIDC_KEY = 'uwv.oidc';
const MESSAGE_KEY = 'uwv.melding';

export function session() {
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

export function logout(message) {
  sessionStorage.removeItem(KEY);
  if (message) sessionStorage.setItem(MESSAGE_KEY, message);
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

const base64url = (bytes) => btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const redirectUri = () => `${location.origin}/`;

async function discover(authority) {
  const response = await fetch(`${authority.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error('De inlogdienst is niet bereikbaar.');
  return response.json();
}

export async function startOidcLogin(config) {
  const discovery = await discover(config.authority);
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = crypto.randomUUID();
  sessionStorage.setItem(OIDC_KEY, JSON.stringify({ verifier, state, tokenEndpoint: discovery.token_endpoint }));
  const params = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), scope: config.scope,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${discovery.authorization_endpoint}?${params}`);
}

/** Completes the OIDC flow when the browser comes back from the issuer with ?code=...; returns whether it did. */
export async function completeOidcLogin(config) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code')) return false;
  const pending = JSON.parse(sessionStorage.getItem(OIDC_KEY) ?? 'null');
  sessionStorage.removeItem(OIDC_KEY);
  history.replaceState(null, '', '/#/');
  if (!pending || pending.state !== params.get('state')) throw new Error('Het inloggen is onderbroken. Probeer het opnieuw.');
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: config.clientId, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error('Inloggen is niet gelukt. Probeer het opnieuw.');
  const tokens = await response.json();
  startSession(tokens.access_token);
  return true;
}
