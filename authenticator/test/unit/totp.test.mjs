// RFC 6238 Appendix B known answers, computed by the app's own WebCrypto code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { groupCode, secondsLeft, totp } from '../../app/js/totp.js';
import { fromBase32, utf8 } from '../../app/js/encoding.js';

const SEEDS = {
  SHA1: utf8('12345678901234567890'),
  SHA256: utf8('12345678901234567890123456789012'),
  SHA512: utf8('1234567890123456789012345678901234567890123456789012345678901234'),
};

const APPENDIX_B = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

test('RFC 6238 Appendix B: SHA1, SHA256, SHA512 with 8 digits', async () => {
  for (const [time, sha1, sha256, sha512] of APPENDIX_B) {
    assert.equal(await totp(SEEDS.SHA1, time, { algorithm: 'SHA1', digits: 8 }), sha1, `SHA1 @${time}`);
    assert.equal(await totp(SEEDS.SHA256, time, { algorithm: 'SHA256', digits: 8 }), sha256, `SHA256 @${time}`);
    assert.equal(await totp(SEEDS.SHA512, time, { algorithm: 'SHA512', digits: 8 }), sha512, `SHA512 @${time}`);
  }
});

test('6 digits are the last six of the same truncation', async () => {
  for (const [time, sha1] of APPENDIX_B) {
    assert.equal(await totp(SEEDS.SHA1, time), sha1.slice(2));
  }
});

test('60-second period: the counter is time / 60', async () => {
  // At t = 2·59 = 118 with period 60 the step is 1, as t = 59 is with period 30.
  assert.equal(await totp(SEEDS.SHA1, 118, { period: 60, digits: 8 }), '94287082');
  assert.notEqual(await totp(SEEDS.SHA1, 120, { period: 60, digits: 8 }), '94287082');
});

test('agrees with an independent HMAC for a base32 secret as the services issue them', async () => {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const time = 1767225600;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 30)));
  const mac = createHmac('sha1', Buffer.from(fromBase32(secret))).update(counter).digest();
  const o = mac[19] & 15;
  const expected = String((mac.readUInt32BE(o) & 0x7fffffff) % 1e6).padStart(6, '0');
  assert.equal(await totp(fromBase32(secret), time), expected);
});

test('unknown algorithms are refused', async () => {
  await assert.rejects(totp(SEEDS.SHA1, 59, { algorithm: 'MD5' }), /unsupported/);
});

test('grouping and countdown', () => {
  assert.equal(groupCode('123456'), '123 456');
  assert.equal(groupCode('12345678'), '1234 5678');
  assert.equal(secondsLeft(59, 30), 1);
  assert.equal(secondsLeft(60, 30), 30);
  assert.equal(secondsLeft(61, 60), 59);
});

test('base32 decoding ignores case, spaces and padding and refuses other letters', () => {
  assert.deepEqual(fromBase32('mzxw6==='), utf8('foo'));
  assert.deepEqual(fromBase32('MZXW 6YTB'), utf8('fooba'));
  assert.throws(() => fromBase32('MZXW1'), /base32/);
});
