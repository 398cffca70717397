#!/usr/bin/env node
// Contoso mail: a demo web app that signs users in with a password and then asks OpenFactor's
// prompt-service for the second factor over OpenID Connect. CLI and HTTP wiring live here.
import { createServer } from 'node:http';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadOrCreateKey, publicJwks } from './lib/jose.mjs';
import { newPkce, OidcError, Provider } from './lib/oidc.mjs';
import { inboxPage, problemPage, signInPage } from './lib/pages.mjs';
import { cookie, CSRF_COOKIE, parseCookies, randomToken, sameToken, Sessions, SESSION_COOKIE } from './lib/sessions.mjs';
import { hashPassword, loadUsers } from './lib/users.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const MAX_BODY = 16 * 1024;
const PENDING_MS = 15 * 60_000; // a little longer than the prompt itself lives
const DEFAULTS = {
  port: 8085,
  issuer: 'http://localhost:8084',
  clientId: 'contoso-mail',
  keyFile: '.openfactor/demo/key.pem',
  usersFile: join(HERE, 'users.json'),
  organization: 'Contoso',
  passwordHint: 'Contoso-demo-1',
};

const ACTION_SECURITY_INFO = 'security_info';
const ERROR_WORDS = {
  access_denied: 'You denied the sign-in or it was not approved in time.',
};

/**
 * Starts Contoso mail. Options: port (0 = ephemeral), host, publicUrl (default http://127.0.0.1:<port>),
 * issuer, backchannelIssuer, clientId, key | keyFile, users | usersFile, organization, passwordHint,
 * log, fetchImpl. Resolves to {url, close, server}.
 */
export async function startServer(options = {}) {
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const log = o.log ?? ((line) => console.log(line));
  const key = o.key ?? loadOrCreateKey(o.keyFile);
  const users = o.users ?? loadUsers(o.usersFile);
  const css = readFileSync(join(HERE, 'public', 'style.css'));
  const sessions = new Sessions();
  const server = createServer();

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const publicUrl = (o.publicUrl ?? `http://127.0.0.1:${server.address().port}`).replace(/\/+$/, '');
  const secure = publicUrl.startsWith('https:');
  const provider = new Provider({
    issuer: o.issuer,
    backchannelIssuer: o.backchannelIssuer,
    clientId: o.clientId,
    redirectUri: `${publicUrl}/callback`,
    key,
    fetchImpl: o.fetchImpl,
    log,
  });
  const app = { o, log, users, css, sessions, provider, publicUrl, secure, issuerOrigin: new URL(o.issuer).origin };

  server.on('request', (req, res) => {
    handle(app, req, res).catch((e) => {
      if (res.headersSent) return res.destroy();
      if (e.status === 413) {
        return page(app, res, 413, problemPage({ organization: o.organization, title: 'Request too large', message: 'That form was too large.' }), { Connection: 'close' });
      }
      log(`demo: internal error on ${req.method} ${req.url?.split('?')[0]}: ${e.stack ?? e}`);
      return page(app, res, 500, problemPage({ organization: o.organization, title: 'Something went wrong', message: 'The demo hit an internal error.' }));
    });
  });

  return {
    url: publicUrl,
    server,
    close: () => new Promise((resolve) => {
      sessions.close();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

// ---- HTTP plumbing ----

function securityHeaders(app) {
  // The browser leaves via a form POST that is redirected to the authorization endpoint, and
  // form-action covers that redirect, so the provider's origin must be listed.
  const origins = new Set([app.issuerOrigin]);
  const authz = app.provider.config?.authorizationEndpoint;
  if (authz) origins.add(new URL(authz).origin);
  return {
    'Content-Security-Policy': `default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' ${[...origins].join(' ')}; frame-ancestors 'none'; base-uri 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

function send(app, res, status, type, body, extra = {}) {
  res.writeHead(status, { ...securityHeaders(app), 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

function page(app, res, status, html, extra = {}) {
  send(app, res, status, 'text/html; charset=utf-8', html, extra);
}

function redirect(app, res, location, extra = {}) {
  res.writeHead(303, { ...securityHeaders(app), Location: location, 'Content-Length': 0, ...extra });
  res.end();
}

async function readForm(req) {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk);
  }
  if (type !== 'application/x-www-form-urlencoded') return new URLSearchParams();
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

// ---- routes ----

async function handle(app, req, res) {
  const url = new URL(req.url, 'http://demo.invalid');
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  const route = `${method} ${url.pathname}`;
  const cookies = parseCookies(req.headers.cookie);
  const session = app.sessions.get(cookies[SESSION_COOKIE]);

  switch (route) {
    case 'GET /healthz':
      return send(app, res, 200, 'text/plain; charset=utf-8', 'ok');
    case 'GET /style.css':
      return send(app, res, 200, 'text/css; charset=utf-8', app.css);
    case 'GET /':
      return home(app, res, cookies, session);
    case 'POST /login':
      return login(app, req, res, cookies, session);
    case 'POST /security-info':
      return securityInfo(app, req, res, session);
    case 'GET /callback':
      return callback(app, res, url.searchParams, cookies, session);
    case 'POST /signout':
      return signout(app, req, res, session);
    default: {
      const known = ['/', '/login', '/security-info', '/callback', '/signout', '/healthz', '/style.css'].includes(url.pathname);
      return page(app, res, known ? 405 : 404, problemPage({
        organization: app.o.organization,
        title: known ? 'Method not allowed' : 'Not found',
        message: known ? `${req.method} is not supported here.` : 'There is no such page.',
      }), known ? { Allow: url.pathname === '/callback' || url.pathname === '/' ? 'GET' : 'POST' } : {});
    }
  }
}

/** The sign-in page, with a double-submit CSRF cookie since there is no session before the password. */
function showSignIn(app, res, cookies, status, fields = {}) {
  let csrf = cookies[CSRF_COOKIE];
  const extra = {};
  if (!csrf || !/^[A-Za-z0-9_-]{43}$/.test(csrf)) {
    csrf = randomToken();
    extra['Set-Cookie'] = cookie(CSRF_COOKIE, csrf, { secure: app.secure });
  }
  return page(app, res, status, signInPage({
    organization: app.o.organization, csrf, users: app.users.list, passwordHint: app.o.passwordHint, ...fields,
  }), extra);
}

function home(app, res, cookies, session) {
  if (session?.user) {
    const { notice, error } = session;
    session.notice = null;
    session.error = null;
    return page(app, res, 200, inboxPage({ organization: app.o.organization, csrf: session.csrf, user: session.user, notice, error }));
  }
  return showSignIn(app, res, cookies, 200);
}

async function login(app, req, res, cookies, session) {
  const form = await readForm(req);
  if (!sameToken(form.get('csrf'), cookies[CSRF_COOKIE])) {
    return showSignIn(app, res, cookies, 403, { error: 'This sign-in form expired. Please try again.' });
  }
  const username = form.get('username') ?? '';
  const user = await app.users.authenticate(username, form.get('password') ?? '');
  if (!user) {
    app.log('demo: sign-in refused: wrong username or password');
    return showSignIn(app, res, cookies, 401, { username, error: 'Wrong username or password.' });
  }
  // A fresh session per password sign-in, so nobody can plant a session id beforehand.
  if (session) app.sessions.destroy(session.id);
  return startSecondFactor(app, res, app.sessions.create(), user, 'sign_in');
}

async function securityInfo(app, req, res, session) {
  const form = await readForm(req);
  if (!session?.user) return redirect(app, res, '/');
  if (!sameToken(form.get('csrf'), session.csrf)) {
    return page(app, res, 403, problemPage({ organization: app.o.organization, title: 'Request refused', message: 'This page expired. Go back and try again.' }));
  }
  const user = app.users.byUserId(session.user.userId) ?? { userId: session.user.userId };
  return startSecondFactor(app, res, session, user, ACTION_SECURITY_INFO);
}

/** Sends the browser to OpenFactor with a signed request object; remembers what to check on return. */
async function startSecondFactor(app, res, session, user, purpose) {
  const pkce = newPkce();
  const pending = { userId: user.userId, state: randomToken(), nonce: randomToken(), verifier: pkce.verifier, purpose, started: Date.now() };
  let location;
  try {
    location = await app.provider.authorizationUrl({
      userId: user.userId,
      state: pending.state,
      nonce: pending.nonce,
      challenge: pkce.challenge,
      action: purpose === ACTION_SECURITY_INFO ? ACTION_SECURITY_INFO : undefined,
    });
  } catch (e) {
    if (!(e instanceof OidcError)) throw e;
    app.log(`demo: ${user.userId}: cannot start the second factor: ${e.message}`);
    return page(app, res, 502, problemPage({
      organization: app.o.organization, title: 'OpenFactor is unavailable',
      message: 'The second-factor service could not be reached. Try again in a moment.', detail: e.message,
    }));
  }
  session.pending = pending;
  return redirect(app, res, location, { 'Set-Cookie': cookie(SESSION_COOKIE, session.id, { secure: app.secure }) });
}

async function callback(app, res, params, cookies, session) {
  const pending = session?.pending;
  if (!pending || !sameToken(params.get('state'), pending.state) || Date.now() - pending.started > PENDING_MS) {
    app.log('demo: callback refused: state does not match a pending sign-in');
    return page(app, res, 400, problemPage({ organization: app.o.organization, title: 'Sign-in link is stale', message: 'This sign-in link is stale; sign in again.' }));
  }
  session.pending = null; // one use only, whatever happens next
  const who = pending.userId;
  const fail = (reason) => {
    app.log(`demo: ${who}: sign-in failed: ${reason}`);
    return page(app, res, 502, problemPage({
      organization: app.o.organization, title: 'Sign-in failed',
      message: 'OpenFactor\'s answer could not be verified, so you were not signed in.', detail: reason,
    }));
  };

  let discovery;
  try {
    discovery = await app.provider.discovery();
  } catch (e) {
    if (!(e instanceof OidcError)) throw e;
    return fail(e.message);
  }
  // RFC 9207: an iss parameter that names another provider means a mix-up; never redeem the code.
  if (params.has('iss') && params.get('iss') !== discovery.issuer) {
    app.log(`demo: ${who}: callback refused: iss ${params.get('iss')} is not ${discovery.issuer}`);
    return page(app, res, 400, problemPage({ organization: app.o.organization, title: 'Sign-in refused', message: 'The answer came from an unexpected issuer; sign in again.' }));
  }

  const error = params.get('error');
  if (error) {
    const description = params.get('error_description') ?? '';
    app.log(`demo: ${who}: ${pending.purpose === ACTION_SECURITY_INFO ? 'security info' : 'sign-in'} not completed (${error})`);
    // Known codes get plain words with the code in small print; others are shown as they came.
    const message = ERROR_WORDS[error] ?? `Sign-in was not completed (${error}): ${description || 'no reason given'}`;
    const errorCode = ERROR_WORDS[error] ? (description ? `${error}: ${description}` : error) : undefined;
    if (session.user) {
      // A security-info round trip that ended early: still signed in, so back to the inbox.
      session.error = { message, code: errorCode };
      return redirect(app, res, '/');
    }
    const user = app.users.byUserId(who);
    return showSignIn(app, res, cookies, 401, { username: user?.username ?? '', error: message, errorCode });
  }

  const code = params.get('code');
  if (!code) return fail('the callback carried neither code nor error');
  let claims;
  try {
    claims = await app.provider.redeem({ code, verifier: pending.verifier, nonce: pending.nonce });
  } catch (e) {
    if (!(e instanceof OidcError)) throw e;
    return fail(e.message);
  }
  // The prompt-service asserts the login_hint user as sub; anything else is not the person who typed the password.
  if (claims.sub !== who) return fail(`id_token sub ${claims.sub} is not the user who signed in (${who})`);

  const user = app.users.byUserId(who);
  const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : claims.amr ? [String(claims.amr)] : [];
  session.user = {
    userId: who,
    name: user?.name ?? who,
    amr,
    acr: typeof claims.acr === 'string' ? claims.acr : null,
    at: typeof claims.auth_time === 'number' ? claims.auth_time * 1000 : Date.now(),
  };
  if (pending.purpose === ACTION_SECURITY_INFO) session.notice = 'Your security info was updated';
  app.log(`demo: ${who}: ${pending.purpose === ACTION_SECURITY_INFO ? 'security info done' : 'signed in'} (amr ${amr.join(',') || '-'}, acr ${session.user.acr ?? '-'})`);
  return redirect(app, res, '/');
}

async function signout(app, req, res, session) {
  const form = await readForm(req);
  if (!session) return redirect(app, res, '/');
  if (!sameToken(form.get('csrf'), session.csrf)) {
    return page(app, res, 403, problemPage({ organization: app.o.organization, title: 'Request refused', message: 'This page expired. Go back and try again.' }));
  }
  app.sessions.destroy(session.id);
  if (session.user) app.log(`demo: ${session.user.userId}: signed out`);
  return redirect(app, res, '/', { 'Set-Cookie': cookie(SESSION_COOKIE, '', { secure: app.secure, maxAge: 0 }) });
}

// ---- CLI ----

const FLAGS = {
  '--port': ['port', 'DEMO_PORT'],
  '--host': ['host', 'DEMO_HOST'],
  '--public-url': ['publicUrl', 'DEMO_PUBLIC_URL'],
  '--issuer': ['issuer', 'DEMO_ISSUER'],
  '--backchannel-issuer': ['backchannelIssuer', 'DEMO_BACKCHANNEL_ISSUER'],
  '--client-id': ['clientId', 'DEMO_CLIENT_ID'],
  '--key': ['keyFile', 'DEMO_KEY_FILE'],
  '--users': ['usersFile', 'DEMO_USERS_FILE'],
  '--organization': ['organization', 'DEMO_ORGANIZATION'],
  '--password-hint': ['passwordHint', 'DEMO_PASSWORD_HINT'],
};
const SWITCHES = ['--print-jwks', '--hash-password', '--help'];

const USAGE = `usage:
  node server.mjs [--port 8085] [--public-url URL] [--issuer URL] [--backchannel-issuer URL]
                  [--client-id contoso-mail] [--key FILE] [--users FILE] [--organization Contoso]
                  [--host ADDR] [--password-hint TEXT]
  node server.mjs --print-jwks [--key FILE]     print the public JWKS to register at the prompt-service
  node server.mjs --hash-password < password    print a scrypt hash for users.json
Every flag can also come from the environment: ${Object.values(FLAGS).map(([, env]) => env).join(', ')}.`;

export function parseArgs(argv, env = process.env) {
  const opts = {};
  const switches = new Set();
  for (const [, [name, envName]] of Object.entries(FLAGS)) if (env[envName] !== undefined && env[envName] !== '') opts[name] = env[envName];
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) [arg, value] = [arg.slice(0, eq), arg.slice(eq + 1)];
    if (SWITCHES.includes(arg)) {
      switches.add(arg);
    } else if (FLAGS[arg]) {
      value ??= argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      opts[FLAGS[arg][0]] = value;
    } else {
      throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (opts.port !== undefined) {
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad port ${opts.port}`);
    opts.port = port;
  }
  for (const f of ['publicUrl', 'issuer', 'backchannelIssuer']) {
    if (opts[f] !== undefined && !/^https?:\/\/[^/]/.test(opts[f])) throw new Error(`${f} must be an http(s) URL, not ${opts[f]}`);
  }
  return { opts, switches };
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`demo: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  const { opts, switches } = parsed;
  if (switches.has('--help')) {
    console.log(USAGE);
    return;
  }
  if (switches.has('--print-jwks')) {
    console.log(JSON.stringify(publicJwks(loadOrCreateKey(opts.keyFile ?? DEFAULTS.keyFile))));
    return;
  }
  if (switches.has('--hash-password')) {
    if (process.stdin.isTTY) process.stderr.write('Password (echoed), then Enter and Ctrl-D: ');
    const password = await readStdin();
    if (!password) {
      console.error('demo: empty password');
      process.exit(2);
    }
    console.log(await hashPassword(password));
    return;
  }
  const port = opts.port ?? DEFAULTS.port;
  const running = await startServer({ ...opts, port, publicUrl: opts.publicUrl ?? `http://localhost:${port}` });
  console.log(`demo: ${opts.organization ?? DEFAULTS.organization} mail on ${running.url}`);
  const stop = () => running.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const invokedDirectly = process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
if (invokedDirectly) {
  main().catch((e) => {
    console.error(`demo: ${e.message}`);
    process.exit(1);
  });
}
