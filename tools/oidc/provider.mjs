// A certified OpenID Connect provider (the npm package oidc-provider) for the tests: the platform's users sign in on
// its login page and the gateway gets JWT access tokens for the API (audience and lifetime from the settings file).
//   node tools/oidc/provider.mjs <settings.json>
// settings: { issuer, port, resource (an absolute URI), audience, accessTokenSeconds, client: { id, secret, redirectUris, postLogoutRedirectUris },
//             users: [{ userName, password, name, role, team, division }] }
// GET /test/stats answers how many refresh grants were served and lets a test revoke every grant (POST /test/revoke),
// as an administrator ending all sessions would.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const settings = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const users = new Map(settings.users.map((u) => [u.userName, u]));
const stats = { refreshes: 0, signIns: 0, signOuts: 0 };
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const provider = new Provider(settings.issuer, {
  clients: [{
    client_id: settings.client.id,
    client_secret: settings.client.secret,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: settings.client.redirectUris,
    post_logout_redirect_uris: settings.client.postLogoutRedirectUris,
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: { openid: ['sub'], profile: ['name', 'role', 'team', 'division'] },
  conformIdTokenClaims: false,
  scopes: ['openid', 'profile', 'offline_access'],
  pkce: { required: () => true },
  cookies: { keys: [settings.cookieKey ?? 'uwv-test-provider-cookie-key'] },
  ttl: { AccessToken: settings.accessTokenSeconds, IdToken: 3600, Session: 86400, Grant: 86400, Interaction: 600, RefreshToken: 86400, AuthorizationCode: 60 },
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // Signing out of the werkplek signs out here too, without a second question.
      logoutSource: async (ctx, form) => {
        ctx.body = `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Uitloggen</title></head><body>
          ${form}<p>U wordt uitgelogd…</p><button type="submit" form="op.logoutForm" value="yes" name="logout">Uitloggen</button>
          <script>document.forms[0].appendChild(Object.assign(document.createElement('input'),{type:'hidden',name:'logout',value:'yes'}));document.forms[0].submit();</script>
          </body></html>`;
      },
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => settings.resource,
      useGrantedResource: async () => true,
      getResourceServerInfo: async (_ctx, resource) => {
        if (resource !== settings.resource) throw new Error(`unknown resource ${resource}`);
        return { scope: 'uwv', audience: settings.audience, accessTokenTTL: settings.accessTokenSeconds, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  findAccount: async (_ctx, sub) => {
    const user = users.get(sub);
    if (!user) return undefined;
    return { accountId: sub, claims: async () => ({ sub, name: user.name, role: user.role, team: user.team, division: user.division }) };
  },
  extraTokenClaims: async (_ctx, token) => {
    const user = users.get(token.accountId);
    return user ? { name: user.name, role: user.role, team: user.team, division: user.division } : undefined;
  },
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  interactions: { url: async (_ctx, interaction) => `/interaction/${interaction.uid}` },
});
provider.proxy = false;
provider.on('grant.success', (ctx) => { if (ctx.oidc.params.grant_type === 'refresh_token') stats.refreshes += 1; });
provider.on('end_session.success', () => { stats.signOuts += 1; });

function loginPage(uid, error) {
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Inloggen bij UWV</title></head><body>
    <main><h1>Inloggen bij UWV</h1>${error ? `<p role="alert">${escape(error)}</p>` : ''}
    <form method="post" action="/interaction/${escape(uid)}/login">
      <label for="username">Gebruikersnaam</label> <input id="username" name="username" autocomplete="username" required>
      <label for="password">Wachtwoord</label> <input id="password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit">Inloggen</button>
    </form></main></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'consent') {
    // The werkplek is the organisation's own application: the employee is not asked to consent.
    const grant = details.grantId ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    grant.addOIDCScope('openid profile offline_access');
    grant.addResourceScope(settings.resource, 'uwv');
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }
  if (action === 'login' && req.method === 'POST') {
    const form = await readForm(req);
    const user = users.get(form.get('username') ?? '');
    if (!user || user.password !== form.get('password')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(loginPage(uid, 'Gebruikersnaam of wachtwoord is onjuist.'));
      return;
    }
    stats.signIns += 1;
    await provider.interactionFinished(req, res, { login: { accountId: user.userName } }, { mergeWithLastSubmission: false });
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(loginPage(uid));
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, settings.issuer);
    const match = url.pathname.match(/^\/interaction\/([^/]+)(?:\/(login))?$/);
    if (match) {
      await interaction(req, res, match[1], match[2]);
      return;
    }
    if (url.pathname === '/test/stats') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(stats));
      return;
    }
    if (url.pathname === '/test/revoke' && req.method === 'POST') {
      const revoked = await revokeAll();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ revoked }));
      return;
    }
    callback(req, res);
  } catch (error) {
    res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error?.message ?? error));
  }
});

// The default in-memory adapter keeps every grant; revoking them ends every session's refresh tokens.
const grantIds = new Set();
provider.on('grant.saved', (grant) => grantIds.add(grant.jti));
async function revokeAll() {
  let revoked = 0;
  for (const id of grantIds) {
    const grant = await provider.Grant.find(id);
    if (grant) {
      await grant.destroy();
      for (const model of [provider.RefreshToken, provider.AccessToken]) await model.adapter.revokeByGrantId(id);
      revoked += 1;
    }
  }
  grantIds.clear();
  return revoked;
}

server.listen(settings.port, '127.0.0.1', () => console.log(`oidc-provider listening on ${settings.issuer}`));
