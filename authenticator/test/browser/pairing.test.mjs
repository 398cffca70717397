// Pairing as the help-desk pages describe it, both ways, then what the accounts screen shows:
// a code equal to an independently computed one that the server accepts at sign-in.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LAPTOP, launch, needsSystem, newTenant, newUserId, nodeTotp, openApp, pairManually, screenshot, startActivation,
  totpSignIn,
} from './support.mjs';

let browser;
let tenant;

before(async () => {
  if (needsSystem.skip) return;
  browser = await launch();
  tenant = await newTenant('Contoso Ltd');
});
after(() => browser?.close());

test('typing the Code and Url pairs; the code shown is the RFC 6238 code the server accepts', needsSystem, async () => {
  const { context, page, problems } = await openApp(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await screenshot(page, 'empty');
    const userId = newUserId('manual');
    const activation = await startActivation(tenant, userId);
    assert.match(activation.activationCode, /^\d{3} \d{3} \d{3}$/);
    const answer = await pairManually(page, activation, { shoot: true });

    const card = page.locator('li.account', { hasText: userId });
    await assert.doesNotReject(card.getByRole('heading', { name: 'Contoso Ltd' }).waitFor());
    // Read the code at a moment well inside its time step, so the comparison is not racing the step.
    await waitForFreshStep(answer.totp.period);
    const shown = (await card.locator('.code-digits').textContent()).replace(/\s/g, '');
    const expected = nodeTotp(answer.totp.secret, Date.now() / 1000, answer.totp);
    assert.equal(shown, expected, 'the app shows the same code as an independent HMAC');
    assert.match(await card.locator('.code-digits').textContent(), /^\d{3} \d{3}$/, 'grouped as 123 456');
    await screenshot(page, 'accounts');
    await card.locator('button.code').click();
    await assert.doesNotReject(page.locator('#toast', { hasText: 'Copied' }).waitFor());
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^\d{6}$/, 'tap to copy puts the digits on the clipboard');

    // A VAPID key is offered, but Web Push cannot subscribe in this browser (no vendor push
    // service, private context): pairing stands, with a quiet note, and requests come by polling.
    assert.ok(answer.vapidPublicKey, 'the system offers a VAPID key (AuthenticatorAppTest sets one)');
    await assert.doesNotReject(page.locator('#status', { hasText: 'Sign-in requests still show up here' }).waitFor({ timeout: 20000 }));
    assert.equal(await page.locator('li.account').count(), 1);

    const signIn = await totpSignIn(tenant, userId, shown);
    assert.equal(signIn.status, 'approved', 'verification-service accepts the code the app shows');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a wrong code is refused in plain words and nothing is stored', needsSystem, async () => {
  const { context, page } = await openApp(browser);
  try {
    const activation = await startActivation(tenant, newUserId('wrong'));
    const wrong = activation.activationCode.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('link', { name: /Enter code and URL manually/ }).click();
    await page.getByLabel('Code', { exact: true }).fill(wrong);
    await page.getByLabel('Url', { exact: true }).fill(activation.activationUrl);
    await page.getByRole('button', { name: 'Finish' }).click();
    await assert.doesNotReject(page.getByRole('alert').filter({ hasText: "That code didn't work" }).waitFor());
    await page.getByLabel('Code', { exact: true }).fill('12345');
    await page.getByRole('button', { name: 'Finish' }).click();
    await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'The code has 9 digits; this one has 5.' }).waitFor());
    await page.getByLabel('Code', { exact: true }).fill(activation.activationCode);
    await page.getByLabel('Url', { exact: true }).fill('http://evil.example/v1/activations/1');
    await page.getByRole('button', { name: 'Finish' }).click();
    await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'https://' }).waitFor());
    await screenshot(page, 'pair-error');
    await page.goto(new URL('#/', page.url()).href);
    await assert.doesNotReject(page.getByRole('heading', { name: 'No accounts yet' }).waitFor());
  } finally {
    await context.close();
  }
});

test('choosing an image of the QR code pairs (laptop width)', needsSystem, async () => {
  const { context, page, problems } = await openApp(browser, { viewport: LAPTOP });
  try {
    const userId = newUserId('qr');
    const activation = await startActivation(tenant, userId);
    const png = join(mkdtempSync(join(tmpdir(), 'openfactor-qr-')), 'qr.png');
    writeFileSync(png, Buffer.from(activation.qrPngBase64, 'base64'));

    await page.getByRole('button', { name: 'Add account' }).click();
    await screenshot(page, 'add-account-laptop');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === activation.activationUrl && r.request().method() === 'POST'),
      page.locator('#qr-image').setInputFiles(png),
    ]);
    assert.equal(response.status(), 200);
    const sent = JSON.parse(response.request().postData());
    assert.equal(sent.activationCode, activation.activationCode.replace(/\s/g, ''), 'digits only');
    assert.equal(sent.pushPlatform, 'none');
    assert.match(sent.devicePublicKey, /^MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE/, 'a P-256 SubjectPublicKeyInfo');
    await assert.doesNotReject(page.locator('li.account', { hasText: userId }).waitFor());
    await screenshot(page, 'accounts-laptop');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

async function waitForFreshStep(period) {
  const into = (Date.now() / 1000) % period;
  if (into > period - 4) await new Promise((r) => setTimeout(r, (period - into + 1) * 1000));
  await new Promise((r) => setTimeout(r, 1100)); // the app refreshes its codes every second
}
