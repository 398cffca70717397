// DER ⇄ raw conversion and the signatures the app makes, against shared/test-vectors (made with
// an independent implementation) and Node's own crypto.verify.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { derToRaw, rawToDer } from '../../app/js/der.js';
import { RequestClock, canonicalString, signCanonical, signatureHeaders } from '../../app/js/signing.js';
import { fromBase64, toBase64 } from '../../app/js/encoding.js';

const vectors = JSON.parse(readFileSync(new URL('../vectors/device-signature.json', import.meta.url), 'utf8'));
const publicKey = createPublicKey({ key: Buffer.from(vectors.publicKeySpkiBase64, 'base64'), format: 'der', type: 'spki' });

async function vectorPrivateKey() {
  return crypto.subtle.importKey('pkcs8', fromBase64(vectors.privateKeyPkcs8Base64),
    { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
}

function nodeVerifies(canonical, derBase64) {
  return verify('sha256', Buffer.from(canonical, 'utf8'), publicKey, Buffer.from(derBase64, 'base64'));
}

test('each vector signature converts DER → raw → DER byte-identical', () => {
  for (const c of vectors.cases) {
    const der = fromBase64(c.signature);
    const raw = derToRaw(der);
    assert.equal(raw.length, 64);
    assert.deepEqual(rawToDer(raw), der);
  }
});

test('canonical strings equal the vectors', async () => {
  for (const c of vectors.cases) {
    assert.equal(await canonicalString(c.method, c.pathWithQuery, c.timestamp, c.body), c.canonical);
  }
});

test('the vector signatures verify with Node exactly where the vectors say so', () => {
  for (const c of vectors.cases) {
    assert.equal(nodeVerifies(c.canonical, c.signature), c.valid, c.canonical);
  }
});

test('WebCrypto signature converted to DER verifies with Node; the tampered case does not', async () => {
  const key = await vectorPrivateKey();
  for (const c of vectors.cases) {
    const signature = await signCanonical(key, await canonicalString(c.method, c.pathWithQuery, c.timestamp, c.body));
    // Valid cases: our signature over the canonical string verifies independently.
    // The invalid case's canonical string is of a different body: our signature over it must not
    // verify against the first vector's body, and the vector's own signature must not verify for it.
    if (c.valid) {
      assert.ok(nodeVerifies(c.canonical, signature), c.canonical);
    } else {
      assert.ok(!nodeVerifies(c.canonical, c.signature));
      const other = vectors.cases.find((v) => v.valid && v.method === c.method && v.pathWithQuery === c.pathWithQuery);
      assert.ok(!nodeVerifies(other.canonical, signature), 'a signature over another body is refused');
    }
  }
});

test('many fresh signatures (random r and s, most with a high bit set somewhere) all verify with Node', async () => {
  const key = await vectorPrivateKey();
  let highBit = 0;
  for (let i = 0; i < 300; i++) {
    const canonical = `GET\n/v1/devices/d/challenges\n${1767225600 + i}\n${'0'.repeat(64)}`;
    const der = fromBase64(await signCanonical(key, canonical));
    const raw = derToRaw(der);
    if (raw[0] & 0x80 || raw[32] & 0x80) highBit++;
    assert.ok(nodeVerifies(canonical, toBase64(der)));
  }
  assert.ok(highBit > 0, 'the high-bit case was exercised');
});

test('high bit set: a 0x00 is prepended so the INTEGER stays positive', () => {
  const raw = new Uint8Array(64).fill(0xff);
  const der = rawToDer(raw);
  assert.equal(der[0], 0x30);
  assert.equal(der[1], 70);
  assert.deepEqual([...der.subarray(2, 5)], [0x02, 33, 0x00]);
  assert.deepEqual(derToRaw(der), raw);
});

test('leading zeros are stripped to the minimal INTEGER; a zero value keeps one byte', () => {
  const raw = new Uint8Array(64);
  raw.set([0x00, 0x00, 0x12], 0); // r = 0x12 followed by zeros... after 2 leading zeros
  raw[63] = 0x05; // s = 5
  const der = rawToDer(raw);
  assert.deepEqual([...der.subarray(2, 4)], [0x02, 30]);
  assert.equal(der[4], 0x12);
  const sAt = 4 + 30;
  assert.deepEqual([...der.subarray(sAt, sAt + 3)], [0x02, 1, 0x05]);
  assert.deepEqual(derToRaw(der), raw);

  const zeros = new Uint8Array(64);
  assert.deepEqual([...rawToDer(zeros)], [0x30, 6, 0x02, 1, 0, 0x02, 1, 0]);
  // stripped zeros, then high bit: 00 00 80 … → 00 80 …
  const mixed = new Uint8Array(64);
  mixed.set([0x00, 0x00, 0x80], 0);
  mixed[32] = 1;
  const mixedDer = rawToDer(mixed);
  assert.deepEqual([...mixedDer.subarray(2, 5)], [0x02, 31, 0x00]);
  assert.equal(mixedDer[5], 0x80);
  assert.deepEqual(derToRaw(mixedDer), mixed);
});

test('malformed DER is refused', () => {
  const good = fromBase64(vectors.cases[0].signature);
  assert.throws(() => derToRaw(good.subarray(0, good.length - 1)));
  assert.throws(() => derToRaw(Uint8Array.of(...good, 0)));
  const wrongTag = Uint8Array.from(good);
  wrongTag[0] = 0x31;
  assert.throws(() => derToRaw(wrongTag));
  assert.throws(() => derToRaw(Uint8Array.of(0x30, 6, 0x02, 1, 0x80, 0x02, 1, 1)), /negative/);
  assert.throws(() => derToRaw(Uint8Array.of(0x30, 7, 0x02, 2, 0x00, 0x01, 0x02, 1, 1)), /minimal/);
  assert.throws(() => rawToDer(new Uint8Array(63)));
});

test('signatureHeaders signs the path with query and the exact body, in unix seconds', async () => {
  const key = await vectorPrivateKey();
  const body = '{"pushPlatform":"apns","pushToken":"a1b2c3"}';
  const headers = await signatureHeaders({
    deviceId: 'dev_7Hq2', privateKey: key, method: 'PUT', body,
    url: 'https://auth.example/v1/devices/dev_7Hq2/push-token?force=true', now: 1767225602_999,
  });
  assert.equal(headers['X-OpenFactor-Device'], 'dev_7Hq2');
  assert.equal(headers['X-OpenFactor-Timestamp'], '1767225602');
  assert.ok(nodeVerifies(vectors.cases[2].canonical, headers['X-OpenFactor-Signature']));
});

test('the same request twice in one second gets the next second, so it is never a replay', () => {
  const clock = new RequestClock();
  const key = 'dev\nGET\nhttps://v.example/v1/devices/dev/challenges\n';
  assert.equal(clock.timestamp(key, 1767225600.2), 1767225600);
  assert.equal(clock.timestamp(key, 1767225600.7), 1767225601);
  assert.equal(clock.timestamp('another request', 1767225600.8), 1767225600, 'other requests are not shifted');
  assert.equal(clock.timestamp(key, 1767225605.1), 1767225605, 'back to real time once it has passed');
});
