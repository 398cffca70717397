// RFC 6238 time-based codes with WebCrypto HMAC (SHA1, SHA256, SHA512; 6 or 8 digits; 30 or 60 s).

const HASHES = { SHA1: 'SHA-1', SHA256: 'SHA-256', SHA512: 'SHA-512' };

export function hashName(algorithm) {
  const hash = HASHES[String(algorithm || 'SHA1').toUpperCase().replace('-', '')];
  if (!hash) throw new Error(`unsupported TOTP algorithm ${algorithm}`);
  return hash;
}

/** The code for unix time `seconds` (RFC 4226 dynamic truncation of HMAC(secret, counter)). */
export async function totp(secretBytes, seconds, { algorithm = 'SHA1', digits = 6, period = 30 } = {}) {
  const key = await crypto.subtle.importKey('raw', secretBytes, { name: 'HMAC', hash: hashName(algorithm) }, false, ['sign']);
  const counter = new DataView(new ArrayBuffer(8));
  const step = Math.floor(seconds / period);
  counter.setUint32(0, Math.floor(step / 2 ** 32));
  counter.setUint32(4, step >>> 0);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, counter.buffer));
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** Seconds left in the current step. */
export function secondsLeft(seconds, period = 30) {
  return period - (Math.floor(seconds) % period);
}

/** `123456` → `123 456`, `12345678` → `1234 5678`: as authenticator apps show codes. */
export function groupCode(code) {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}
