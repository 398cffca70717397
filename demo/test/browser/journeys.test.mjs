// The help-desk journeys of ../shared/seeds/ in headless Chromium, end to end: a person signs in to
// Contoso mail (the demo), OpenFactor's hosted pages take them through registration or the second
// factor, OpenFactor Authenticator (the web app, in a second browser context at phone size) pairs and
// approves, and they land back in the demo signed in. bench's PromptPagesTest starts the system and sets
// the environment. The tests run in order: later sign-ins use the account the first one registered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, env, launch, LAPTOP, openApp, screenshot, sleep } from '../../../authenticator/test/browser/support.mjs';

const demo = process.env.DEMO_URL;
const apiKey = process.env.DEMO_TENANT_API_KEY;
const needs = demo && apiKey && env.app && env.notification && env.adminToken
  ? {} : { skip: 'set DEMO_URL, DEMO_TENANT_API_KEY, AUTHENTICATOR_URL, OPENFACTOR_NOTIFICATION_URL, OPENFACTOR_ADMIN_TOKEN (bench PromptPagesTest does)' };
const PASSWORD = 'Contoso-demo-1';
const ADELE = 'adele@contoso.example';
const ALEX = 'alex@contoso.example';
const ADELE_PHONE = '+14255550123';

let browser;
let adeleApp; // { context, page, problems } of Adele's paired authenticator

before(async () => {
  if (needs.skip) return;
  browser = await launch();
});
after(async () => {
  await adeleApp?.context.close();
  await browser?.close();
});

/** Pages open in the current test, described in its failure (where it stood, what it showed). */
const open = new Set();
async function explained(fn) {
  try {
    await fn();
  } catch (e) {
    const seen = [];
    for (const page of open) {
      const text = await page.textContent('body', { timeout: 1000 }).catch(() => '?');
      seen.push(`${page.url()}\n${String(text).replace(/\s+/g, ' ').slice(0, 600)}`);
    }
    e.message += `\n--- pages open:\n${seen.join('\n')}`;
    throw e;
  } finally {
    open.clear();
  }
}

/** A laptop browser at the demo, signed in with a password: it ends on OpenFactor's pages. */
async function signInAtDemo(userId) {
  const context = await browser.newContext({ viewport: LAPTOP });
  const page = await context.newPage();
  open.add(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(m.text());
  });
  await page.goto(demo);
  await page.locator('#username').fill(userId);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#sign-in').click();
  await page.waitForURL((u) => u.pathname.startsWith('/prompt/'));
  return { context, page, problems };
}

/** Back at the demo, signed in as the user, with the amr the id_token carried. */
async function expectSignedIn(page, userId, amr) {
  await page.waitForURL((u) => u.origin === new URL(demo).origin && u.pathname === '/');
  await assert.doesNotReject(page.locator('#signed-in-as', { hasText: userId }).waitFor());
  assert.equal(await page.locator('#second-factor').getAttribute('data-amr'), amr);
}

/** The newest code the sandbox holds for a phone number (the text message the person would read). */
async function smsCode(number, after = 0) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const answer = await call('GET', `${env.notification}/sandbox/v1/deliveries?address=${encodeURIComponent(number)}`, env.adminToken);
    const texts = (answer.body || []).slice(after).map((d) => d.content?.text || '').filter((t) => /\d{6}/.test(t));
    if (texts.length) return { code: texts.at(-1).match(/(\d{6})/)[1], count: answer.body.length };
    if (Date.now() > deadline) throw new Error(`no text message reached ${number}: ${JSON.stringify(answer.body)}`);
    await sleep(250);
  }
}

async function deliveredTo(number) {
  const answer = await call('GET', `${env.notification}/sandbox/v1/deliveries?address=${encodeURIComponent(number)}`, env.adminToken);
  return (answer.body || []).length;
}

/**
 * The app's card for the one pending request. Refresh until exactly one unanswered card shows: the device
 * is new to verification-service at first, and a push the page withdrew (another method chosen) stays on
 * screen until a refresh drops it. The card is then pinned by its challenge id.
 */
async function approvalCard(app) {
  open.add(app.page);
  const pending = app.page.locator('article.approval:not(.answered)');
  const deadline = Date.now() + 45_000;
  for (;;) {
    await app.page.getByRole('button', { name: 'Refresh' }).click();
    await sleep(500);
    if ((await pending.count()) === 1) break;
    if (Date.now() > deadline) throw new Error(`expected one sign-in request in the app, saw ${await pending.count()}`);
  }
  const id = await pending.first().getAttribute('data-challenge-id');
  return app.page.locator(`article.approval[data-challenge-id="${id}"]`);
}

async function approveWithNumber(app, number) {
  const card = await approvalCard(app);
  await card.getByLabel('Enter the number shown to sign in.').fill(number);
  await screenshot(app.page, 'app-approve');
  await card.getByRole('button', { name: 'Approve' }).click();
  await card.locator('.result[data-status="approved"]').waitFor();
}

/**
 * The numbers a card shows, apart from the IP address and the time left: a two-digit number may well be
 * part of "127.0.0.1" or "1:59", and that is no leak.
 */
function digitsOf(text) {
  const rest = text.replace(/(?<![\d.])\d{1,3}(\.\d{1,3}){3}(?![\d.])/g, ' ')
    .replace(/(?<!\d)\d+:\d\d(?!\d)/g, ' ').replace(/(?<!\d)\d+ s\b/g, ' ');
  return rest.match(/\d+/g) || [];
}

/** The account's current code as the app shows it, taken early in its 30 s step so it is still good when typed. */
async function appCode(app, userId) {
  const seconds = Math.floor(Date.now() / 1000) % 30;
  if (seconds > 24) await sleep((31 - seconds) * 1000);
  const digits = await app.page.locator('li.account', { hasText: userId }).locator('.code-digits').textContent();
  return digits.replace(/\s/g, '');
}

test('seed 000: registration with the app by Code + Url, number-matched test notification, a phone for texts, back signed in', needs, () => explained(async () => {
  const { context, page, problems } = await signInAtDemo(ADELE);
  try {
    await assert.doesNotReject(page.getByRole('heading', { name: 'More information required' }).waitFor());
    assert.ok((await page.textContent('body')).includes('Your organization needs more information to keep your account secure'));
    await screenshot(page, '01-more-information-required');
    await page.getByRole('link', { name: 'Next' }).click();

    await page.getByRole('heading', { name: 'Additional security verification' }).waitFor();
    assert.equal(await page.locator('#contact').inputValue(), 'app', 'Mobile app is the first choice');
    await page.getByLabel('Receive notifications for verification').check();
    await screenshot(page, '02-step-1-how-should-we-contact-you');
    await page.getByRole('button', { name: 'Set up' }).click();

    await page.getByRole('heading', { name: 'Configure mobile app' }).waitFor();
    const code = (await page.locator('[data-activation-code]').textContent()).trim();
    const url = (await page.locator('[data-activation-url]').textContent()).trim();
    assert.match(code, /^\d{3} \d{3} \d{3}$/, 'the 9-digit Code, grouped as the help-desk page shows it');
    await screenshot(page, '03-configure-mobile-app');

    // The phone: OpenFactor Authenticator, "Enter code and URL manually" with exactly what the page shows.
    adeleApp = await openApp(browser);
    await adeleApp.page.getByRole('button', { name: 'Add account' }).click();
    await adeleApp.page.getByRole('link', { name: /Enter code and URL manually/ }).click();
    await adeleApp.page.getByLabel('Code', { exact: true }).fill(code);
    await adeleApp.page.getByLabel('Url', { exact: true }).fill(url);
    await screenshot(adeleApp.page, 'app-enter-code-and-url');
    await page.getByRole('link', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Checking activation status' }).waitFor();
    await screenshot(page, '04-checking-activation-status');
    await adeleApp.page.getByRole('button', { name: 'Finish' }).click();
    await adeleApp.page.locator('li.account', { hasText: ADELE }).waitFor();

    // The page long-polls and shows the result by itself.
    await assert.doesNotReject(page.getByText('Mobile app has been configured for notifications and verification codes.').waitFor());
    await screenshot(page, '05-mobile-app-configured');
    await page.getByRole('link', { name: 'Next' }).click();

    // Step 2 (seed 002): the page shows the number, the person types it into the app.
    await page.getByRole('heading', { name: "Step 2: Let's try it out" }).waitFor();
    const number = (await page.locator('.number').textContent()).trim();
    assert.match(number, /^\d{2,3}$/);
    await screenshot(page, '06-step-2-test-notification-number');
    await approveWithNumber(adeleApp, number);

    await page.getByRole('heading', { name: 'Step 3: In case you lose access to the mobile app' }).waitFor();
    await page.getByLabel('Mobile phone (text message)').check();
    await page.getByLabel('Phone number, with country code').fill('+1 425 555 0123');
    await screenshot(page, '07-step-3-phone');
    const before = await deliveredTo(ADELE_PHONE);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { name: 'Verify your phone' }).waitFor();
    const text = await smsCode(ADELE_PHONE, before);
    await page.getByLabel('Code').fill('000000' === text.code ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await assert.doesNotReject(page.getByRole('alert').filter({ hasText: "That code didn't work" }).waitFor());
    await page.getByLabel('Code').fill(text.code);
    await screenshot(page, '08-verify-phone');
    await page.getByRole('button', { name: 'Verify' }).click();

    await page.getByRole('heading', { name: "You're all set" }).waitFor();
    await screenshot(page, '09-all-set');
    await page.getByRole('button', { name: 'Done' }).click();
    await expectSignedIn(page, ADELE, 'swk');
    await screenshot(page, '10-signed-in-at-contoso-mail');

    const user = await call('GET', `${env.enrollment}/v1/users/${ADELE}`, apiKey);
    assert.equal(user.body.registrationState, 'registered');
    assert.deepEqual(user.body.methods.filter((m) => m.status === 'active').map((m) => m.type).sort(), ['authenticator_app', 'phone']);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}));

test('registration from the QR image on the page, app in verification-code mode, backup phone skipped', needs, () => explained(async () => {
  const { context, page, problems } = await signInAtDemo(ALEX);
  const app = await openApp(browser, { viewport: LAPTOP });
  try {
    await page.getByRole('link', { name: 'Next' }).click();
    await page.getByLabel('Use verification code').check();
    await page.getByRole('button', { name: 'Set up' }).click();
    const src = await page.locator('img.qr').getAttribute('src');
    const png = join(mkdtempSync(join(tmpdir(), 'openfactor-page-qr-')), 'qr.png');
    writeFileSync(png, Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
    await app.page.getByRole('button', { name: 'Add account' }).click();
    await app.page.locator('#qr-image').setInputFiles(png);
    await app.page.locator('li.account', { hasText: ALEX }).waitFor();

    await page.getByRole('link', { name: 'Next' }).click();
    await assert.doesNotReject(page.getByText('Mobile app has been configured for verification codes.').waitFor());
    await page.getByRole('link', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Step 2: Enter the verification code' }).waitFor();
    await page.getByLabel('Verification code').fill(await appCode(app, ALEX));
    await screenshot(page, '11-step-2-verification-code');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Step 3: In case you lose access to the mobile app' }).waitFor();
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await expectSignedIn(page, ALEX, 'otp');
    assert.deepEqual(problems, []);
    assert.deepEqual(app.problems, []);
  } finally {
    await app.context.close();
    await context.close();
  }
}));

test('a later sign-in by push: "Approve sign-in request" with the number, approved in the app', needs, () => explained(async () => {
  const { context, page, problems } = await signInAtDemo(ADELE);
  try {
    await page.getByRole('heading', { name: 'Approve sign-in request' }).waitFor();
    const number = (await page.locator('.number').textContent()).trim();
    await screenshot(page, '12-approve-sign-in-request');
    const card = await approvalCard(adeleApp);
    const shown = await card.innerText();
    for (const expected of ['Approve sign-in?', 'Contoso mail']) assert.ok(shown.includes(expected), `the app shows ${expected}`);
    assert.ok(!digitsOf(shown).includes(number), `the app never learns the number ${number}: ${shown}`);
    await approveWithNumber(adeleApp, number);
    await expectSignedIn(page, ADELE, 'swk');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}));

test('"I can\'t use my Authenticator app right now": a code from the app, then a text message', needs, () => explained(async () => {
  for (const way of ['code', 'sms']) {
    const { context, page, problems } = await signInAtDemo(ADELE);
    try {
      // After several pushes in a minute the page says "Too many requests" and offers the other ways too.
      await page.getByRole('link', { name: /I can't use my Authenticator app right now|Sign in another way/ }).click();
      await page.getByRole('heading', { name: 'Verify your identity' }).waitFor();
      if (way === 'code') {
        await screenshot(page, '13-verify-your-identity');
        await page.getByRole('button', { name: 'Use a verification code' }).click();
        await page.getByLabel('Code').fill(await appCode(adeleApp, ADELE));
        await page.getByRole('button', { name: 'Verify' }).click();
        await expectSignedIn(page, ADELE, 'otp');
      } else {
        const before = await deliveredTo(ADELE_PHONE);
        await page.getByRole('button', { name: /^Text \+1 •+23$/ }).click();
        await assert.doesNotReject(page.getByText(/We texted your phone \+1 •+23/).waitFor());
        await screenshot(page, '14-text-message-code');
        await page.getByLabel('Code').fill((await smsCode(ADELE_PHONE, before)).code);
        await page.getByRole('button', { name: 'Verify' }).click();
        await expectSignedIn(page, ADELE, 'sms');
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
}));

test('security info after a fresh second factor: new recovery codes, the default changed, back to the mail', needs, () => explained(async () => {
  const { context, page, problems } = await signInAtDemo(ADELE);
  try {
    const number = (await page.locator('.number').textContent()).trim();
    await approveWithNumber(adeleApp, number);
    await expectSignedIn(page, ADELE, 'swk');
    await page.locator('#security-info').click();
    await page.getByRole('heading', { name: 'Approve sign-in request' }).waitFor();
    await approveWithNumber(adeleApp, (await page.locator('.number').textContent()).trim());

    await page.getByRole('heading', { name: 'Security info' }).waitFor();
    assert.equal(await page.locator('li[data-method-type]').count(), 2, 'the app and the phone');
    await screenshot(page, '15-security-info');
    await page.getByRole('button', { name: 'Make new recovery codes' }).click();
    await page.getByRole('heading', { name: 'Your new recovery codes' }).waitFor();
    assert.equal(await page.locator('ol.codes li').count(), 10);
    await page.getByRole('link', { name: 'I saved them' }).click();
    await page.locator('#default').selectOption(await page.locator('#default option', { hasText: /^Phone/ }).getAttribute('value'));
    await page.getByRole('button', { name: 'Change' }).click();
    await assert.doesNotReject(page.getByText('Your default sign-in method was changed.').waitFor());
    const user = await call('GET', `${env.enrollment}/v1/users/${ADELE}`, apiKey);
    const phone = user.body.methods.find((m) => m.type === 'phone');
    assert.equal(user.body.defaultMethodId, phone.methodId);
    assert.ok(user.body.methods.some((m) => m.type === 'recovery_codes' && m.status === 'active'));
    await page.getByRole('button', { name: 'Done' }).click();
    await expectSignedIn(page, ADELE, 'swk');
    // Back to the app as the default, so that the next journey starts with a push.
    await call('PUT', `${env.enrollment}/v1/users/${ADELE}/default-method`, apiKey,
      { methodId: user.body.methods.find((m) => m.type === 'authenticator_app').methodId });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}));

test('"It wasn\'t me" in the app: the page says the sign-in was blocked, the demo gets access_denied', needs, () => explained(async () => {
  const { context, page, problems } = await signInAtDemo(ADELE);
  try {
    await page.getByRole('heading', { name: 'Approve sign-in request' }).waitFor();
    const card = await approvalCard(adeleApp);
    await card.getByRole('button', { name: 'Deny' }).click();
    await card.getByRole('button', { name: /It wasn't me/ }).click();
    await card.locator('.result[data-status="fraud_reported"]').waitFor();
    await screenshot(adeleApp.page, 'app-fraud-reported');
    await assert.doesNotReject(page.getByRole('heading', { name: 'Sign-in blocked' }).waitFor());
    await screenshot(page, '16-sign-in-blocked');
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0, 'no retry after a fraud report');
    await page.getByRole('button', { name: 'Cancel and return to the application' }).click();
    await page.waitForURL((u) => u.origin === new URL(demo).origin);
    await assert.doesNotReject(page.locator('#error').waitFor());
    assert.equal(await page.locator('#signed-in-as').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}));
