// Just enough JOSE for a relying party: ES256 signing with our own key, RS256 verification
// of the OpenID provider's id_token, and RFC 7638 thumbprints. Node's crypto does the math.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function b64url(input) {
  return Buffer.from(input).toString('base64url');
}

export function b64urlJson(value) {
  return b64url(JSON.stringify(value));
}

export function fromB64url(text) {
  return Buffer.from(text, 'base64url');
}

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256(verifier) {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

// RFC 7638 section 3.2: only the required members, lexicographic order, no whitespace.
const THUMBPRINT_MEMBERS = { EC: ['crv', 'kty', 'x', 'y'], RSA: ['e', 'kty', 'n'], OKP: ['crv', 'kty', 'x'] };

/** RFC 7638 JWK thumbprint (SHA-256, base64url). */
export function thumbprint(jwk) {
  const members = THUMBPRINT_MEMBERS[jwk.kty];
  if (!members) throw new Error(`no thumbprint for kty ${jwk.kty}`);
  const canonical = {};
  for (const m of members) {
    if (typeof jwk[m] !== 'string') throw new Error(`JWK lacks ${m}`);
    canonical[m] = jwk[m];
  }
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}

/** Loads the EC P-256 private key, creating it (0600, PKCS8 PEM) on first use so setup needs no extra step. */
export function loadOrCreateKey(file) {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    // flag 'wx' so two processes starting at once cannot overwrite each other's key.
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
  }
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error(`${file} is not an EC P-256 private key`);
  }
  const { kty, crv, x, y } = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicJwk = { kty, crv, x, y };
  const kid = thumbprint(publicJwk);
  return { privateKey, kid, publicJwk: { ...publicJwk, kid, use: 'sig', alg: 'ES256' } };
}

export function publicJwks(key) {
  return { keys: [key.publicJwk] };
}

/** Compact JWS with ES256; ieee-p1363 gives the raw r||s that RFC 7518 section 3.4 wants (not DER). */
export function signEs256(claims, key, typ = 'JWT') {
  const signingInput = `${b64urlJson({ alg: 'ES256', kid: key.kid, typ })}.${b64urlJson(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${b64url(signature)}`;
}

/** Splits a compact JWS; throws on anything that is not three base64url JSON-ish parts. */
export function decodeJws(jwt) {
  if (typeof jwt !== 'string') throw new Error('not a JWT');
  const parts = jwt.split('.');
  if (parts.length !== 3) throw new Error('not a compact JWS');
  let header;
  let payload;
  try {
    header = JSON.parse(fromB64url(parts[0]).toString('utf8'));
    payload = JSON.parse(fromB64url(parts[1]).toString('utf8'));
  } catch {
    throw new Error('JWT header or payload is not JSON');
  }
  if (!header || typeof header !== 'object' || !payload || typeof payload !== 'object') throw new Error('JWT parts are not objects');
  return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: fromB64url(parts[2]) };
}

/**
 * Verifies an RS256 JWS against a JWKS. Only RS256 is accepted so that a token can never pick a
 * weaker or symmetric algorithm. `refetch` is called once when the kid is unknown (key rotation).
 * Returns the decoded payload; claims are the caller's business.
 */
export async function verifyRs256(jwt, jwks, refetch) {
  const { header, payload, signingInput, signature } = decodeJws(jwt);
  if (header.alg !== 'RS256') throw new Error(`id_token alg must be RS256, not ${header.alg}`);
  const find = (set) => (set?.keys ?? []).find((k) => k.kty === 'RSA' && (header.kid === undefined || k.kid === header.kid)
    && (k.use === undefined || k.use === 'sig'));
  let jwk = find(jwks);
  if (!jwk && refetch) jwk = find(await refetch());
  if (!jwk) throw new Error(`no RSA key with kid ${header.kid} in the provider's JWKS`);
  const publicKey = createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' });
  if (!verify('sha256', Buffer.from(signingInput), publicKey, signature)) throw new Error('id_token signature is invalid');
  return { header, payload };
}
