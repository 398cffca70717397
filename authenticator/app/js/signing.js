// Device request signatures (API.md, "Authentication"): ECDSA P-256 / SHA-256 over
// METHOD \n PATH_WITH_QUERY \n TIMESTAMP \n hex(sha256(body)), sent as base64 DER.
import { rawToDer } from './der.js';
import { toBase64, toHex, utf8 } from './encoding.js';

export const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN = { name: 'ECDSA', hash: 'SHA-256' };

export async function canonicalString(method, pathWithQuery, timestamp, body) {
  const digest = await crypto.subtle.digest('SHA-256', utf8(body ?? ''));
  return `${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${toHex(digest)}`;
}

/** Base64 DER signature of the canonical string. */
export async function signCanonical(privateKey, canonical) {
  const raw = await crypto.subtle.sign(SIGN, privateKey, utf8(canonical));
  return toBase64(rawToDer(raw));
}

/** A non-extractable key pair: the private key can sign but can never leave the browser. */
export async function newDeviceKeyPair() {
  return crypto.subtle.generateKey(ECDSA, false, ['sign', 'verify']);
}

export async function publicKeySpkiBase64(publicKey) {
  return toBase64(await crypto.subtle.exportKey('spki', publicKey));
}

/**
 * The headers of one signed request. The body string given here must be the very string sent:
 * the server hashes the bytes it receives.
 */
export async function signatureHeaders({ deviceId, privateKey, method, url, body = '', now = Date.now() }) {
  const target = new URL(url);
  const timestamp = String(Math.floor(now / 1000));
  const canonical = await canonicalString(method, target.pathname + target.search, timestamp, body);
  return {
    'X-OpenFactor-Device': deviceId,
    'X-OpenFactor-Timestamp': timestamp,
    'X-OpenFactor-Signature': await signCanonical(privateKey, canonical),
  };
}

/**
 * Timestamps that never repeat a signed request. The services refuse a request whose signed
 * content (device, method, path, timestamp, body) they have seen before, so two identical
 * requests in the same second (a poll and a Refresh tap) would make the second a "replay".
 * The later one takes the next second instead (well inside the ±60 s window).
 */
export class RequestClock {
  #last = new Map();

  timestamp(key, nowSeconds) {
    const previous = this.#last.get(key) ?? -Infinity;
    const chosen = Math.max(Math.floor(nowSeconds), previous + 1);
    this.#last.set(key, chosen);
    // Forget requests that can no longer collide.
    if (this.#last.size > 500) {
      for (const [k, t] of this.#last) if (t < nowSeconds - 2) this.#last.delete(k);
    }
    return chosen;
  }
}
