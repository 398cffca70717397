// The id_token checks: one good token, then each way a token must be refused.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { test } from 'node:test';
import { b64url, b64urlJson } from '../../lib/jose.mjs';
import { checkIdToken, OidcError } from '../../lib/oidc.mjs';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const { privateKey: otherKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }] };
const NOW = 1_700_000_000;
const ISSUER = 'http://localhost:8084';

function idToken(overrides = {}, { kid = 'k1', alg = 'RS256', key = privateKey } = {}) {
  const claims = { iss: ISSUER, aud: 'contoso-mail', sub: 'adele@contoso.example', nonce: 'n-1', iat: NOW, exp: NOW + 300, amr: ['swk'], acr: 'x', ...overrides };
  const input = `${b64urlJson({ alg, kid, typ: 'JWT' })}.${b64urlJson(claims)}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
}

const expect = (extra = {}) => ({ jwks, issuer: ISSUER, clientId: 'contoso-mail', nonce: 'n-1', now: NOW, ...extra });

async function refused(jwt, pattern, extra) {
  await assert.rejects(checkIdToken(jwt, expect(extra)), (e) => e instanceof OidcError && pattern.test(e.message));
}

test('a good id_token is accepted and its claims returned', async () => {
  const claims = await checkIdToken(idToken(), expect());
  assert.equal(claims.sub, 'adele@contoso.example');
  assert.deepEqual(claims.amr, ['swk']);
});

test('aud may be an array that contains the client', async () => {
  const claims = await checkIdToken(idToken({ aud: ['other', 'contoso-mail'] }), expect());
  assert.deepEqual(claims.aud, ['other', 'contoso-mail']);
});

test('a wrong signature is refused', async () => {
  await refused(idToken({}, { key: otherKey }), /signature is invalid/);
  const good = idToken();
  const [h, p] = good.split('.');
  const forged = `${h}.${b64urlJson({ ...JSON.parse(Buffer.from(p, 'base64url')), sub: 'megan@contoso.example' })}.${good.split('.')[2]}`;
  await refused(forged, /signature is invalid/);
});

test('an alg other than RS256 is refused', async () => {
  await refused(idToken({}, { alg: 'none' }), /alg must be RS256/);
  await refused(idToken({}, { alg: 'HS256' }), /alg must be RS256/);
});

test('a wrong aud is refused', async () => {
  await refused(idToken({ aud: 'someone-else' }), /aud/);
  await refused(idToken({ aud: ['a', 'b'] }), /aud/);
});

test('a wrong or missing nonce is refused', async () => {
  await refused(idToken({ nonce: 'n-2' }), /nonce/);
  await refused(idToken({ nonce: undefined }), /nonce/);
});

test('a wrong issuer is refused', async () => {
  await refused(idToken({ iss: 'http://evil.example' }), /iss/);
});

test('an expired id_token is refused, within 60 s of skew it is not', async () => {
  await refused(idToken({ exp: NOW - 61 }), /expired/);
  await checkIdToken(idToken({ exp: NOW - 30 }), expect());
});

test('an iat more than 60 s in the future is refused', async () => {
  await refused(idToken({ iat: NOW + 120 }), /future/);
});

test('an unknown kid is refused after one refetch; a rotated key is found by it', async () => {
  let refetches = 0;
  await refused(idToken({}, { kid: 'k-unknown' }), /no RSA key with kid k-unknown/, {
    refetch: async () => { refetches++; return jwks; },
  });
  assert.equal(refetches, 1);
  const rotated = { keys: [{ ...jwks.keys[0], kid: 'k2' }] };
  const claims = await checkIdToken(idToken({}, { kid: 'k2' }), expect({ refetch: async () => rotated }));
  assert.equal(claims.sub, 'adele@contoso.example');
});

test('garbage is refused', async () => {
  await refused('not.a.jwt', /not JSON/);
  await refused('abc', /compact JWS/);
});
