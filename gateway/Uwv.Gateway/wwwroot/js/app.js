// The 1UWV werkplek: a small hash router, the menu per role, and the pages.
import { h, replace, alert, button } from './dom.js';
import { session, logout, loadBffSession } from './auth.js';
import { ROLE_NAMES } from './format.js';
import * as login from './pages/login.js';
import * as worklist from './pages/worklist.js';
import * as client from './pages/client.js';
import * as register from './pages/register.js';
import * as handover from './pages/handover.js';
import * as callbacks from './pages/callbacks.js';
import * as bezwaren from './pages/bezwaren.js';
import * as dashboard from './pages/dashboard.js';
import * as audit from './pages/audit.js';
import * as escalations from './pages/escalations.js';
import * as bezwaar from './pages/bezwaar.js';

const CASEWORKERS = ['verzekeringsarts', 'arbeidsdeskundige', 'procesbegeleider', 'adviseur-werk', 'uitkeringsdeskundige', 'jurist', 'teamleider'];

/** Routes: pattern, page, roles that see it in the menu (null: not in the menu), menu text. */
const ROUTES = [
  { path: /^\/inloggen$/, page: login, public: true },
  { path: /^\/werkvoorraad$/, page: worklist, roles: CASEWORKERS, menu: 'Werkvoorraad', href: '#/werkvoorraad' },
  { path: /^\/clienten\/nieuw$/, page: register, roles: CASEWORKERS, menu: 'Cliënt registreren', href: '#/clienten/nieuw' },
  { path: /^\/clienten\/([0-9a-f-]{32,36})$/i, page: client, roles: CASEWORKERS },
  { path: /^\/overdrachten\/([0-9a-f-]{32,36})$/i, page: handover, roles: CASEWORKERS },
  { path: /^\/terugbelverzoeken$/, page: callbacks, roles: CASEWORKERS, menu: 'Terugbelverzoeken', href: '#/terugbelverzoeken' },
  { path: /^\/escalaties$/, page: escalations, roles: ['teamleider'], menu: 'Escalaties en casusoverleg', href: '#/escalaties' },
  { path: /^\/bezwaren\/([0-9a-f-]{32,36})$/i, page: bezwaar, roles: ['jurist', 'teamleider'] },
  { path: /^\/bezwaren$/, page: bezwaren, roles: ['jurist', 'teamleider'], menu: 'Bezwaartermijnen', href: '#/bezwaren' },
  { path: /^\/dashboard$/, page: dashboard, roles: ['manager', 'teamleider'], menu: 'Dashboard overdrachten', href: '#/dashboard' },
  { path: /^\/audit$/, page: audit, roles: ['privacy-officer'], menu: 'Auditlog', href: '#/audit' },
];

const HOME = { manager: '#/dashboard', 'privacy-officer': '#/audit' };

let config = { login: 'dev', teams: [] };
// On the first page load the skip link is the first stop; after a navigation inside the app, focus moves to the content.
let firstRender = true;

function renderHeader(current) {
  const user = session();
  const menu = document.getElementById('menu');
  const who = document.getElementById('gebruiker');
  if (!user) {
    menu.replaceChildren();
    who.replaceChildren();
    menu.hidden = true;
    return;
  }
  menu.hidden = false;
  const items = ROUTES.filter((r) => r.menu && r.roles.includes(user.role));
  replace(menu, h('ul', {}, items.map((r) =>
    h('li', {}, h('a', { href: r.href, 'aria-current': current === r ? 'page' : null }, r.menu)))));
  replace(who,
    h('span', {}, user.name?.includes(user.role) ? user.name : `${user.name} · ${ROLE_NAMES[user.role] ?? user.role}${user.team && user.team !== '*' ? ` · ${user.team}` : ''}`),
    h('button', { type: 'button', onclick: () => logout('U bent uitgelogd.') }, 'Uitloggen'));
}

async function route() {
  const main = document.getElementById('inhoud');
  const path = (location.hash || '#/').slice(1) || '/';
  const user = session();
  if (!user && path !== '/inloggen') {
    location.hash = '#/inloggen';
    return;
  }
  if (path === '/' || path === '') {
    location.hash = user ? HOME[user.role] ?? '#/werkvoorraad' : '#/inloggen';
    return;
  }
  const match = ROUTES.map((r) => ({ r, m: path.match(r.path) })).find((x) => x.m);
  renderHeader(match?.r);
  if (!match) {
    document.title = 'Pagina niet gevonden – 1UWV werkplek';
    replace(main, h('h1', {}, 'Pagina niet gevonden'), h('p', {}, h('a', { class: 'utrecht-link', href: '#/' }, 'Naar de startpagina')));
    main.focus();
    return;
  }
  if (!match.r.public && !match.r.roles.includes(user.role)) {
    document.title = 'Geen toegang – 1UWV werkplek';
    replace(main, h('h1', {}, 'Geen toegang'), alert('error', 'Met uw rol heeft u geen toegang tot deze pagina.'));
    main.focus();
    return;
  }
  main.replaceChildren();
  try {
    await match.r.page.render(main, match.m.slice(1), { session: user, config, navigate: (hash) => { location.hash = hash; } });
  } catch (error) {
    main.append(alert('error', error.message || 'Er ging iets mis.'), button('Opnieuw proberen', () => route(), 'secondary'));
  }
  document.title = `${main.querySelector('h1')?.textContent ?? 'Werkplek'} – 1UWV werkplek`;
  if (!firstRender) main.focus();
  firstRender = false;
}

async function start() {
  try {
    const response = await fetch('/webapp-config.json');
    if (response.ok) config = await response.json();
  } catch {
    // Without the configuration the development login is tried; the login page explains when that fails.
  }
  if (config.login === 'bff') {
    try {
      await loadBffSession();
    } catch {
      // Without an answer the user is not signed in; the sign-in page offers to sign in.
    }
  }
  window.addEventListener('hashchange', route);
  await route();
}

start();
