// The whole flow against a tiny in-test stand-in for the prompt-service: discovery, JWKS, a token
// endpoint that checks the client assertion and PKCE like the real one, and an authorize step the
// test plays itself. The stand-in publishes http://localhost:<port> but the demo is told to use
// http://127.0.0.1:<port> for its own calls, so the backchannel rewrite is exercised too.
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { b64url, b64urlJson, decodeJws, loadOrCreateKey, publicJwks, s256 } from '../../lib/jose.mjs';
import { startServer } from '../../server.mjs';

const CLIENT_ID = 'contoso-mail';
const dir = mkdtempSync(join(tmpdir(), 'demo-e2e-'));
const keyFile = join(dir, 'key.pem');
const demoJwks = publicJwks(loadOrCreateKey(keyFile)); // what would be registered at the prompt-service
const logs = [];
let op;
let demo;

/** Verifies an ES256 JWS with the registered JWKS, as the prompt-service does. */
function verifyEs256(jws) {
  const { header, payload, signingInput, signature } = decodeJws(jws);
  assert.equal(header.alg, 'ES256');
  const jwk = demoJwks.keys.find((k) => k.kid === header.kid);
  assert.ok(jwk, 'kid is in the registered JWKS');
  const ok = verify('sha256', Buffer.from(signingInput), { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, signature);
  assert.ok(ok, 'ES256 signature verifies');
  return { header, payload };
}

async function startStandIn() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const codes = new Map();
  const seen = { token: [] };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const json = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: standIn.issuer,
        authorization_endpoint: `${standIn.issuer}/authorize`,
        token_endpoint: `${standIn.issuer}/token`,
        jwks_uri: `${standIn.issuer}/jwks`,
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'op-1', use: 'sig', alg: 'RS256' }] });
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const c of req) body += c;
      assert.equal(req.headers['content-type'], 'application/x-www-form-urlencoded');
      const form = new URLSearchParams(body);
      seen.token.push(form);
      try {
        assert.equal(form.get('grant_type'), 'authorization_code');
        assert.equal(form.get('client_id'), CLIENT_ID);
        assert.equal(form.get('client_assertion_type'), 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
        const { payload: a } = verifyEs256(form.get('client_assertion'));
        assert.equal(a.iss, CLIENT_ID);
        assert.equal(a.sub, CLIENT_ID);
        assert.equal(a.aud, `${standIn.issuer}/token`, 'aud is the published token endpoint');
        assert.ok(a.jti && a.exp - a.iat === 120);
      } catch (e) {
        return json(401, { error: 'invalid_client', error_description: e.message });
      }
      const grant = codes.get(form.get('code'));
      codes.delete(form.get('code'));
      if (!grant || grant.redirectUri !== form.get('redirect_uri')) return json(400, { error: 'invalid_grant', error_description: 'unknown code' });
      if (s256(form.get('code_verifier') ?? '') !== grant.challenge) return json(400, { error: 'invalid_grant', error_description: 'code_verifier does not match' });
      const now = Math.floor(Date.now() / 1000);
      const claims = { iss: standIn.issuer, aud: CLIENT_ID, sub: grant.sub, nonce: grant.nonce, iat: now, exp: now + 300, auth_time: now, acr: 'https://openfactor.dev/acr/mfa', amr: [grant.amr], ...grant.override };
      const input = `${b64urlJson({ alg: 'RS256', kid: 'op-1', typ: 'JWT' })}.${b64urlJson(claims)}`;
      return json(200, { access_token: 'at', token_type: 'Bearer', id_token: `${input}.${b64url(sign('sha256', Buffer.from(input), privateKey))}` });
    }
    res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  const standIn = {
    issuer: `http://localhost:${port}`,
    backchannel: `http://127.0.0.1:${port}`,
    seen,
    /** The authorize step: checks the request object like the prompt-service, then "approves". */
    authorize(location, { amr = 'swk', override } = {}) {
      const url = new URL(location);
      assert.equal(`${url.origin}${url.pathname}`, `${standIn.issuer}/authorize`, 'the browser goes to the published authorize URL');
      assert.equal(url.searchParams.get('client_id'), CLIENT_ID);
      const { header, payload } = verifyEs256(url.searchParams.get('request'));
      assert.equal(header.typ, 'oauth-authz-req+jwt');
      const code = b64url(Buffer.from(`code-${codes.size}-${Math.random()}`));
      codes.set(code, { challenge: payload.code_challenge, nonce: payload.nonce, redirectUri: payload.redirect_uri, sub: payload.login_hint, amr, override });
      return { claims: payload, code };
    },
    close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }),
  };
  return standIn;
}

/** A browser that keeps cookies and never follows redirects by itself. */
function browser() {
  const jar = new Map();
  return {
    jar,
    async request(url, { method = 'GET', form } = {}) {
      const headers = {};
      if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
      const res = await fetch(url, { method, headers, body: form ? new URLSearchParams(form) : undefined, redirect: 'manual' });
      for (const c of res.headers.getSetCookie()) {
        const [pair, ...attrs] = c.split(';');
        const [name, value] = pair.split('=');
        if (attrs.some((a) => a.trim() === 'Max-Age=0')) jar.delete(name);
        else jar.set(name, value);
      }
      return { status: res.status, location: res.headers.get('location'), headers: res.headers, html: await res.text(), setCookies: res.headers.getSetCookie() };
    },
  };
}

const csrfOf = (html) => /name="csrf" value="([^"]+)"/.exec(html)?.[1];

/** Password step: returns the redirect to the stand-in's authorize endpoint. */
async function passwordStep(b, username = 'adele@contoso.example', password = 'Contoso-demo-1') {
  const home = await b.request(`${demo.url}/`);
  assert.equal(home.status, 200);
  return b.request(`${demo.url}/login`, { method: 'POST', form: { csrf: csrfOf(home.html), username, password } });
}

before(async () => {
  op = await startStandIn();
  demo = await startServer({
    port: 0, issuer: op.issuer, backchannelIssuer: op.backchannel, clientId: CLIENT_ID, keyFile, log: (l) => logs.push(l),
  });
});

after(async () => {
  await demo?.close();
  await op?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('health and security headers', async () => {
  const res = await fetch(`${demo.url}/healthz`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'ok');
  const page = await fetch(`${demo.url}/`);
  const csp = page.headers.get('content-security-policy');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, new RegExp(`form-action 'self' ${op.issuer.replace(/[.:/]/g, '\\$&')}`));
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(page.headers.get('cache-control'), 'no-store');
  const html = await page.text();
  for (const id of ['username', 'password', 'sign-in']) assert.match(html, new RegExp(`id="${id}"`));
  assert.match(html, /autocomplete="username"/);
  assert.match(html, /Contoso-demo-1/);
  const css = await fetch(`${demo.url}/style.css`);
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type'), /text\/css/);
});

test('password, second factor, inbox, security info, sign-out', async () => {
  const b = browser();
  const login = await passwordStep(b);
  assert.equal(login.status, 303);
  const sessionCookie = login.setCookies.find((c) => c.startsWith('contoso_session='));
  assert.match(sessionCookie, /HttpOnly/);
  assert.match(sessionCookie, /SameSite=Lax/);
  assert.match(sessionCookie, /Path=\//);
  assert.doesNotMatch(sessionCookie, /Secure/, 'http public URL');

  const { claims, code } = op.authorize(login.location);
  assert.equal(claims.iss, CLIENT_ID);
  assert.equal(claims.aud, op.issuer);
  assert.equal(claims.client_id, CLIENT_ID);
  assert.equal(claims.response_type, 'code');
  assert.equal(claims.redirect_uri, `${demo.url}/callback`);
  assert.equal(claims.scope, 'openid');
  assert.equal(claims.login_hint, 'adele@contoso.example');
  assert.equal(claims.code_challenge_method, 'S256');
  assert.match(claims.code_challenge, /^[A-Za-z0-9_-]{43}$/);
  assert.ok(claims.state && claims.nonce && claims.jti);
  assert.equal(claims.exp - claims.iat, 300);
  assert.equal(claims.openfactor_action, undefined);

  const back = await b.request(`${demo.url}/callback?${new URLSearchParams({ code, state: claims.state, iss: op.issuer })}`);
  assert.equal(back.status, 303, back.html);
  assert.equal(back.location, '/');
  const tokenForm = op.seen.token.at(-1);
  assert.equal(tokenForm.get('redirect_uri'), `${demo.url}/callback`);
  assert.equal(s256(tokenForm.get('code_verifier')), claims.code_challenge);

  const inbox = await b.request(`${demo.url}/`);
  assert.equal(inbox.status, 200);
  assert.match(inbox.html, /id="signed-in-as"[^>]*>Signed in as Adele Vance \(adele@contoso\.example\)/);
  assert.match(inbox.html, /id="second-factor" data-amr="swk"/);
  assert.match(inbox.html, /Second factor: approved in OpenFactor Authenticator at/);
  assert.match(inbox.html, /id="security-info"/);
  assert.match(inbox.html, /id="sign-out"/);
  assert.ok(logs.some((l) => l.includes('adele@contoso.example: signed in (amr swk')));
  assert.ok(!logs.some((l) => l.includes('Contoso-demo-1') || l.includes(code)), 'no secrets in logs');

  // The code is one use: replaying the callback is stale, and the session stays signed in.
  const replay = await b.request(`${demo.url}/callback?${new URLSearchParams({ code, state: claims.state })}`);
  assert.equal(replay.status, 400);

  // Security info: a CSRF token is required ...
  const noCsrf = await b.request(`${demo.url}/security-info`, { method: 'POST', form: { csrf: 'nope' } });
  assert.equal(noCsrf.status, 403);
  // ... and with it, the prompt is asked for the security-info action.
  const si = await b.request(`${demo.url}/security-info`, { method: 'POST', form: { csrf: csrfOf(inbox.html) } });
  assert.equal(si.status, 303);
  const again = op.authorize(si.location, { amr: 'otp' });
  assert.equal(again.claims.openfactor_action, 'security_info');
  assert.equal(again.claims.login_hint, 'adele@contoso.example');
  assert.notEqual(again.claims.state, claims.state);
  const back2 = await b.request(`${demo.url}/callback?${new URLSearchParams({ code: again.code, state: again.claims.state })}`);
  assert.equal(back2.status, 303, back2.html);
  const updated = await b.request(`${demo.url}/`);
  assert.match(updated.html, /id="notice"[^>]*>Your security info was updated/);
  assert.match(updated.html, /data-amr="otp"[^>]*>Second factor: verification code at/);
  assert.doesNotMatch((await b.request(`${demo.url}/`)).html, /security info was updated/, 'the notice shows once');

  // Sign out needs the CSRF token too.
  assert.equal((await b.request(`${demo.url}/signout`, { method: 'POST', form: {} })).status, 403);
  const out = await b.request(`${demo.url}/signout`, { method: 'POST', form: { csrf: csrfOf(updated.html) } });
  assert.equal(out.status, 303);
  assert.equal(out.location, '/');
  assert.match((await b.request(`${demo.url}/`)).html, /id="sign-in"/);
});

test('wrong password and missing CSRF are refused before any redirect', async () => {
  const b = browser();
  const wrong = await passwordStep(b, 'adele@contoso.example', 'nope');
  assert.equal(wrong.status, 401);
  assert.match(wrong.html, /id="error"[^>]*>Wrong username or password\./);
  assert.match(wrong.html, /value="adele@contoso\.example"/, 'username kept');
  const unknown = await passwordStep(b, 'nobody@contoso.example');
  assert.equal(unknown.status, 401);
  const noCsrf = await browser().request(`${demo.url}/login`, { method: 'POST', form: { username: 'adele@contoso.example', password: 'Contoso-demo-1' } });
  assert.equal(noCsrf.status, 403);
  assert.equal(noCsrf.location, null);
});

test('error=access_denied shows the sign-in page with the reason', async () => {
  const b = browser();
  const login = await passwordStep(b);
  const { claims } = op.authorize(login.location);
  const res = await b.request(`${demo.url}/callback?${new URLSearchParams({ error: 'access_denied', error_description: 'The user denied the sign-in', state: claims.state, iss: op.issuer })}`);
  assert.equal(res.status, 401);
  assert.match(res.html, /id="error"[^>]*>You denied the sign-in or it was not approved in time\./);
  assert.match(res.html, /<small class="code">\(access_denied: The user denied the sign-in\)<\/small>/);
  assert.match(res.html, /id="sign-in"/);
  assert.doesNotMatch((await b.request(`${demo.url}/`)).html, /signed-in-as/);
});

test('a mismatched state is refused and no code is redeemed', async () => {
  const b = browser();
  const login = await passwordStep(b);
  const { code } = op.authorize(login.location);
  const tokenCalls = op.seen.token.length;
  const res = await b.request(`${demo.url}/callback?${new URLSearchParams({ code, state: 'someone-elses-state' })}`);
  assert.equal(res.status, 400);
  assert.match(res.html, /This sign-in link is stale; sign in again\./);
  assert.equal(op.seen.token.length, tokenCalls);
  const noSession = await browser().request(`${demo.url}/callback?${new URLSearchParams({ code, state: 'x' })}`);
  assert.equal(noSession.status, 400);
});

test('a callback naming another issuer is refused (RFC 9207 mix-up defence)', async () => {
  const b = browser();
  const { claims, code } = op.authorize((await passwordStep(b)).location);
  const res = await b.request(`${demo.url}/callback?${new URLSearchParams({ code, state: claims.state, iss: 'https://evil.example' })}`);
  assert.equal(res.status, 400);
});

test('an id_token that fails the checks ends in a 502, not a session', async () => {
  const b = browser();
  const { claims, code } = op.authorize((await passwordStep(b)).location, { override: { nonce: 'not-this-one' } });
  const res = await b.request(`${demo.url}/callback?${new URLSearchParams({ code, state: claims.state })}`);
  assert.equal(res.status, 502);
  assert.match(res.html, /id="error"/);
  assert.match(res.html, /nonce/);
  assert.doesNotMatch((await b.request(`${demo.url}/`)).html, /signed-in-as/);
  assert.ok(logs.some((l) => /sign-in failed: id_token nonce/.test(l)));

  const b2 = browser();
  const other = op.authorize((await passwordStep(b2)).location, { override: { sub: 'megan@contoso.example' } });
  const res2 = await b2.request(`${demo.url}/callback?${new URLSearchParams({ code: other.code, state: other.claims.state })}`);
  assert.equal(res2.status, 502);
  assert.match(res2.html, /not the user who signed in/);
});

test('interpolated values are HTML-escaped', async () => {
  const b = browser();
  const res = await passwordStep(b, '"><script>alert(1)</script>', 'x');
  assert.equal(res.status, 401);
  assert.doesNotMatch(res.html, /<script>/);
  assert.match(res.html, /&quot;&gt;&lt;script&gt;/);
});
