// What a person types or scans to pair, including what an attacker might put in a QR code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PairingInputError, parseManual, parseQrPayload } from '../../app/js/pairing.js';

const URL_OK = 'https://mfa.example.org/v1/activations/310781380';

test('the two manual fields as the registration page shows them', () => {
  assert.deepEqual(parseManual('405 209 573', URL_OK), { code: '405209573', url: URL_OK });
  assert.deepEqual(parseManual(' 405209573 ', ` ${URL_OK} `), { code: '405209573', url: URL_OK });
});

test('the QR payload, with the Url percent-encoded as enrollment-service writes it', () => {
  const payload = `openfactor://activate?code=405209573&url=${encodeURIComponent(URL_OK)}`;
  assert.deepEqual(parseQrPayload(payload), { code: '405209573', url: URL_OK });
});

test('plain http only on this machine', () => {
  for (const local of ['http://127.0.0.1:18081/v1/activations/1', 'http://localhost:8081/v1/activations/1']) {
    assert.equal(parseManual('405209573', local).url, local);
  }
  for (const remote of ['http://mfa.example.org/v1/activations/1', 'http://127.0.0.2/v1/activations/1',
    'http://localhost.evil.example/v1/activations/1']) {
    assert.throws(() => parseManual('405209573', remote), (e) => e instanceof PairingInputError && /https/.test(e.message));
  }
});

test('hostile or mistyped Urls are refused with a clear message', () => {
  for (const bad of ['javascript:alert(1)', 'ftp://mfa.example.org/a', 'file:///etc/passwd', 'data:text/html,x', 'not a url', '']) {
    assert.throws(() => parseManual('405209573', bad), PairingInputError, bad);
  }
  assert.throws(() => parseManual('405209573', 'https://user:pw@mfa.example.org/v1/activations/1'), /user name/);
});

test('codes with letters or the wrong length are refused with a clear message', () => {
  assert.throws(() => parseManual('40520957a', URL_OK), /only digits/);
  assert.throws(() => parseManual('405-209-573', URL_OK), /only digits/);
  assert.throws(() => parseManual('40520957', URL_OK), /9 digits; this one has 8/);
  assert.throws(() => parseManual('4052095731', URL_OK), /9 digits; this one has 10/);
  assert.throws(() => parseManual('', URL_OK), PairingInputError);
  assert.throws(() => parseManual('٤٠٥٢٠٩٥٧٣', URL_OK), /only digits/); // Arabic-Indic digits are not \d
});

test('QR codes of another scheme or shape are refused', () => {
  const encoded = encodeURIComponent(URL_OK);
  for (const bad of [
    `otpauth://totp/x?secret=JBSWY3DP`,
    `https://mfa.example.org/activate?code=405209573&url=${encoded}`,
    `openfactor://pair?code=405209573&url=${encoded}`,
    `openfactor://activate?code=405209573`,
    `openfactor://activate?url=${encoded}`,
    `openfactor://activate?code=12345&url=${encoded}`,
    `openfactor://activate?code=405209573&url=${encodeURIComponent('http://evil.example/v1/activations/1')}`,
    `openfactor://activate?code=405209573&url=${encodeURIComponent('javascript:alert(1)')}`,
    'hello',
  ]) {
    assert.throws(() => parseQrPayload(bad), PairingInputError, bad);
  }
});
