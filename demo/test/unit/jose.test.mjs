// JOSE helpers against published vectors, and the ES256 request object against the CLI's JWKS.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeJws, loadOrCreateKey, s256, thumbprint } from '../../lib/jose.mjs';
import { Provider, toBackchannel, unverifiedClaims } from '../../lib/oidc.mjs';

const SERVER = fileURLToPath(new URL('../../server.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'demo-jose-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('PKCE S256 matches RFC 7636 Appendix B', () => {
  assert.equal(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('JWK thumbprint matches RFC 7638 section 3.1', () => {
  const jwk = {
    kty: 'RSA',
    n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
    e: 'AQAB',
    alg: 'RS256',
    kid: '2011-04-29',
  };
  assert.equal(thumbprint(jwk), 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
});

test('--print-jwks creates a 0600 P-256 key once and prints its public JWKS', () => {
  const keyFile = join(dir, 'nested', 'key.pem');
  const first = JSON.parse(execFileSync(process.execPath, [SERVER, '--print-jwks', '--key', keyFile], { encoding: 'utf8' }));
  assert.equal(statSync(keyFile).mode & 0o777, 0o600);
  const second = JSON.parse(execFileSync(process.execPath, [SERVER, '--print-jwks', '--key', keyFile], { encoding: 'utf8' }));
  assert.deepEqual(second, first, 'the key is reused, not regenerated');
  assert.equal(first.keys.length, 1);
  const [jwk] = first.keys;
  assert.deepEqual(Object.keys(jwk).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
  assert.equal(jwk.kty, 'EC');
  assert.equal(jwk.crv, 'P-256');
  assert.equal(jwk.alg, 'ES256');
  assert.equal(jwk.use, 'sig');
  assert.equal(jwk.kid, thumbprint(jwk));
  assert.ok(!('d' in jwk), 'no private part');
});

test('the ES256 request object verifies with the printed JWKS and carries the flow claims', async () => {
  const keyFile = join(dir, 'request-object.pem');
  const [jwk] = JSON.parse(execFileSync(process.execPath, [SERVER, '--print-jwks', '--key', keyFile], { encoding: 'utf8' })).keys;
  const discovery = {
    issuer: 'https://of.example',
    authorization_endpoint: 'https://of.example/authorize',
    token_endpoint: 'https://of.example/token',
    jwks_uri: 'https://of.example/jwks',
  };
  const fetchImpl = async () => new Response(JSON.stringify(discovery), { headers: { 'content-type': 'application/json' } });
  const provider = new Provider({
    issuer: 'https://of.example', backchannelIssuer: 'http://prompt:8084', clientId: 'contoso-mail',
    redirectUri: 'https://mail.example/callback', key: loadOrCreateKey(keyFile), fetchImpl, now: () => 1_700_000_000,
  });
  const location = new URL(await provider.authorizationUrl({ userId: 'adele@contoso.example', state: 'st', nonce: 'no', challenge: s256('v'), action: 'security_info' }));
  assert.equal(location.origin + location.pathname, 'https://of.example/authorize', 'the browser goes to the published endpoint');
  assert.equal(location.searchParams.get('client_id'), 'contoso-mail');
  const jws = location.searchParams.get('request');
  const { header, signingInput, signature } = decodeJws(jws);
  assert.deepEqual(header, { alg: 'ES256', kid: jwk.kid, typ: 'oauth-authz-req+jwt' });
  assert.equal(signature.length, 64, 'raw r||s, not DER');
  const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
  assert.ok(verify('sha256', Buffer.from(signingInput), { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature));
  const tampered = Buffer.from(signature);
  tampered[5] ^= 1;
  assert.ok(!verify('sha256', Buffer.from(signingInput), { key: publicKey, dsaEncoding: 'ieee-p1363' }, tampered));
  const claims = unverifiedClaims(jws);
  assert.equal(claims.iss, 'contoso-mail');
  assert.equal(claims.aud, 'https://of.example');
  assert.equal(claims.client_id, 'contoso-mail');
  assert.equal(claims.response_type, 'code');
  assert.equal(claims.redirect_uri, 'https://mail.example/callback');
  assert.equal(claims.scope, 'openid');
  assert.equal(claims.login_hint, 'adele@contoso.example');
  assert.equal(claims.code_challenge, s256('v'));
  assert.equal(claims.code_challenge_method, 'S256');
  assert.equal(claims.openfactor_action, 'security_info');
  assert.equal(claims.iat, 1_700_000_000);
  assert.equal(claims.exp, 1_700_000_300);
  assert.match(claims.jti, /^[A-Za-z0-9_-]{16,}$/);

  const assertion = unverifiedClaims(provider.clientAssertion((await provider.discovery()).tokenEndpoint));
  assert.equal(assertion.aud, 'https://of.example/token', 'aud is the token endpoint as published');
  assert.equal((await provider.discovery()).backchannelTokenEndpoint, 'http://prompt:8084/token');
  assert.equal((await provider.discovery()).backchannelJwksUri, 'http://prompt:8084/jwks');
});

test('toBackchannel moves only URLs on the issuer', () => {
  assert.equal(toBackchannel('http://localhost:8084/token', 'http://localhost:8084', 'http://127.0.0.1:8084'), 'http://127.0.0.1:8084/token');
  assert.equal(toBackchannel('http://localhost:8084/jwks', 'http://localhost:8084', 'http://localhost:8084'), 'http://localhost:8084/jwks');
  assert.equal(toBackchannel('https://other.example/jwks', 'http://localhost:8084', 'http://127.0.0.1:8084'), 'https://other.example/jwks');
});

test('discovery is retried after a failure and cached after success', async () => {
  let calls = 0;
  const fetchImpl = async () => {
    calls++;
    if (calls === 1) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    return new Response(JSON.stringify({ issuer: 'http://x', authorization_endpoint: 'http://x/a', token_endpoint: 'http://x/t', jwks_uri: 'http://x/j' }));
  };
  const provider = new Provider({ issuer: 'http://x', clientId: 'c', redirectUri: 'http://r/callback', key: loadOrCreateKey(join(dir, 'd.pem')), fetchImpl });
  await assert.rejects(provider.discovery(), /unreachable \(ECONNREFUSED\)/);
  assert.equal((await provider.discovery()).issuer, 'http://x');
  await provider.discovery();
  assert.equal(calls, 2);
});
