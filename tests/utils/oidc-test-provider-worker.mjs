/**
 * A real OpenID Provider (the `oidc-provider` package, v9) for the single sign-on tests, on a free port
 * of 127.0.0.1. oidc-provider is ESM-only with an ESM dependency tree that Jest's module system cannot
 * load (require(esm) inside Jest needs Node 24.9+), so it runs in a worker thread of the test process
 * (tests/utils/oidc-test-provider.ts starts it): native Node loads it there.
 *
 * Interaction without forms: /interaction/:uid signs in the account named by the request's
 * `login_hint` (an email the test registered with `account`), and consent is granted for what was asked.
 * `tamper` re-signs the next ID token with the provider's own key and some claims changed (another
 * audience, another nonce, an expired token): what a broken or hostile provider would send.
 *
 * Messages in: { type: 'account', email, claims } | { type: 'tamper', claims } | { type: 'stop' }.
 * Messages out: { type: 'ready', issuer } | { type: 'done', id } for each request with an id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import crypto from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

/** login_hint (an email) → the account's claims (sub, email, email_verified, name); its accountId is `sub`. */
const accounts = new Map();
let tamper = null;

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: workerData.clients,
  jwks: { keys: [signingKey] },
  cookies: { keys: ['oidc-test-provider-cookie-key'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'locale'] },
  scopes: ['openid', 'email', 'profile'],
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  pkce: { required: () => true },
  ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    const claims = [...accounts.values()].find((account) => account.sub === id);
    if (!claims) return undefined;
    return { accountId: id, claims: async () => ({ ...claims }) };
  },
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.params.scope);
    await grant.save();
    return grant;
  },
  renderError(ctx, out) {
    ctx.type = 'json';
    ctx.body = out;
  },
});

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

function resign(idToken, changes) {
  const [header, payload] = idToken.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), ...changes };
  const input = `${header}.${b64(claims)}`;
  return `${input}.${crypto.sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

provider.use(async (ctx, next) => {
  const interaction = /^\/interaction\/([^/]+)$/.exec(ctx.path);
  if (interaction) {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const account = accounts.get(details.params.login_hint);
    if (!account) {
      ctx.status = 400;
      ctx.body = { error: 'unknown account', loginHint: details.params.login_hint };
      return;
    }
    const accountId = account.sub;
    ctx.respond = false;
    await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId } }, { mergeWithLastSubmission: false });
    return;
  }
  await next();
  if (ctx.path === '/token' && tamper && ctx.body && typeof ctx.body.id_token === 'string') {
    ctx.body = { ...ctx.body, id_token: resign(ctx.body.id_token, tamper) };
    tamper = null;
  }
});

server.on('request', provider.callback());

parentPort.on('message', (message) => {
  if (message.type === 'account') accounts.set(message.email, message.claims);
  if (message.type === 'tamper') tamper = message.claims;
  if (message.type === 'stop') {
    server.closeAllConnections?.();
    server.close(() => process.exit(0));
    return;
  }
  if (message.id !== undefined) parentPort.postMessage({ type: 'done', id: message.id });
});

parentPort.postMessage({ type: 'ready', issuer });
