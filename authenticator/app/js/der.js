// ECDSA signature encodings. WebCrypto signs P-256 as raw r‖s (64 bytes); the services expect
// ASN.1 DER (SEQUENCE of two INTEGERs), as Java's SHA256withECDSA produces and verifies.

const COORDINATE_BYTES = 32;

/** Raw r‖s (64 bytes) → DER bytes. */
export function rawToDer(raw) {
  const bytes = new Uint8Array(raw);
  if (bytes.length !== 2 * COORDINATE_BYTES) {
    throw new Error(`a raw P-256 signature has 64 bytes, not ${bytes.length}`);
  }
  const r = derInteger(bytes.subarray(0, COORDINATE_BYTES));
  const s = derInteger(bytes.subarray(COORDINATE_BYTES));
  const body = concat(r, s);
  return concat(Uint8Array.of(0x30, body.length), body);
}

/** DER bytes → raw r‖s (64 bytes). Refuses anything that is not exactly one well-formed SEQUENCE. */
export function derToRaw(der) {
  const bytes = new Uint8Array(der);
  if (bytes.length < 8 || bytes[0] !== 0x30 || bytes[1] !== bytes.length - 2) {
    throw new Error('not a DER ECDSA signature');
  }
  const raw = new Uint8Array(2 * COORDINATE_BYTES);
  let at = 2;
  for (const offset of [0, COORDINATE_BYTES]) {
    if (bytes[at] !== 0x02) throw new Error('not a DER ECDSA signature');
    const length = bytes[at + 1];
    let value = bytes.subarray(at + 2, at + 2 + length);
    if (length === 0 || value.length !== length) throw new Error('not a DER ECDSA signature');
    if (value[0] & 0x80) throw new Error('negative INTEGER in signature');
    if (value.length > 1 && value[0] === 0 && !(value[1] & 0x80)) throw new Error('INTEGER not minimal');
    if (value[0] === 0 && value.length > 1) value = value.subarray(1);
    if (value.length > COORDINATE_BYTES) throw new Error('INTEGER too long for P-256');
    raw.set(value, offset + COORDINATE_BYTES - value.length);
    at += 2 + length;
  }
  if (at !== bytes.length) throw new Error('trailing bytes after signature');
  return raw;
}

// Minimal two's-complement INTEGER of an unsigned big-endian number: leading zeros stripped,
// one 0x00 put back when the high bit is set (else it would read as negative).
function derInteger(unsigned) {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start++;
  let value = unsigned.subarray(start);
  if (value[0] & 0x80) value = concat(Uint8Array.of(0), value);
  return concat(Uint8Array.of(0x02, value.length), value);
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
