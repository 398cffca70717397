// Shared by the browser tests: the running system (from the environment, as bench's
// AuthenticatorAppTest sets it), fixtures made through the admin and frontend APIs, headless
// Chromium through playwright-core, and an independent TOTP.
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';

export const env = {
  enrollment: process.env.OPENFACTOR_ENROLLMENT_URL?.replace(/\/$/, ''),
  verification: process.env.OPENFACTOR_VERIFICATION_URL?.replace(/\/$/, ''),
  notification: process.env.OPENFACTOR_NOTIFICATION_URL?.replace(/\/$/, ''),
  adminToken: process.env.OPENFACTOR_ADMIN_TOKEN,
  app: process.env.AUTHENTICATOR_URL,
  screenshots: process.env.SCREENSHOT_DIR,
};

/** node:test option: these tests need the running system. */
export const needsSystem = env.enrollment && env.verification && env.adminToken && env.app
  ? {} : { skip: 'set OPENFACTOR_ENROLLMENT_URL, OPENFACTOR_VERIFICATION_URL, OPENFACTOR_ADMIN_TOKEN and AUTHENTICATOR_URL (bench AuthenticatorAppTest does)' };

export const PHONE = { width: 360, height: 740 };
export const LAPTOP = { width: 1280, height: 800 };

export async function call(method, url, token, body) {
  const response = await fetch(url, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
}

export async function expectCall(status, method, url, token, body) {
  const answer = await call(method, url, token, body);
  if (answer.status !== status) {
    throw new Error(`${method} ${url} → ${answer.status} (expected ${status}): ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/** A tenant of its own with an API key, as an operator makes one. */
export async function newTenant(displayName = 'Contoso Ltd') {
  const name = `app-${randomUUID().slice(0, 8)}`;
  const { tenantId } = await expectCall(201, 'POST', `${env.enrollment}/admin/v1/tenants`, env.adminToken, { name, displayName });
  const { apiKey } = await expectCall(201, 'POST', `${env.enrollment}/admin/v1/tenants/${tenantId}/api-keys`, env.adminToken, { label: 'browser tests' });
  return { name, displayName, apiKey };
}

export function newUserId(prefix) {
  return `${prefix}-${randomUUID().slice(0, 8)}@contoso.example`;
}

/** The frontend starts an activation for the user (the "Configure mobile app" page). */
export function startActivation(tenant, userId) {
  return expectCall(201, 'POST', `${env.enrollment}/v1/users/${encodeURIComponent(userId)}/authenticator-activations`, tenant.apiKey, {});
}

export function userMethods(tenant, userId) {
  return expectCall(200, 'GET', `${env.enrollment}/v1/users/${encodeURIComponent(userId)}`, tenant.apiKey);
}

/**
 * A push challenge for the user, retried until verification-service has learnt of the user's
 * device (it hears of it through Kafka): 201 with the number to match.
 */
export async function pushChallenge(tenant, userId, context = { application: 'Contoso Portal', ipAddress: '203.0.113.42', location: 'Dublin, Ireland' }) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await call('POST', `${env.verification}/v1/challenges`, tenant.apiKey, { userId, method: 'push', context });
    if (answer.status === 201) return answer.body;
    if (Date.now() > deadline) throw new Error(`push challenge for ${userId}: ${answer.status} ${JSON.stringify(answer.body)}`);
    await sleep(250);
  }
}

export function challengeStatus(tenant, challengeId, waitSeconds = 10) {
  return expectCall(200, 'GET', `${env.verification}/v1/challenges/${challengeId}?waitSeconds=${waitSeconds}`, tenant.apiKey);
}

/**
 * A TOTP sign-in with `code`, retried while verification-service does not know the user yet
 * (404/409, which judge nothing); the first real answer is returned.
 */
export async function totpSignIn(tenant, userId, code) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await call('POST', `${env.verification}/v1/challenges`, tenant.apiKey, { userId, method: 'totp', code });
    if (answer.status === 200) return answer.body;
    if (Date.now() > deadline || ![404, 409].includes(answer.status)) {
      throw new Error(`totp sign-in for ${userId}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    await sleep(250);
  }
}

/** RFC 6238 with Node's own HMAC (independent of the app's WebCrypto code). */
export function nodeTotp(base32Secret, seconds, { algorithm = 'SHA1', digits = 6, period = 30 } = {}) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32Secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(seconds / period)));
  const mac = createHmac(algorithm.toLowerCase(), key).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits).padStart(digits, '0');
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser context (its own IndexedDB and service worker) at phone size, and its page. */
export async function openApp(browser, { viewport = PHONE, permissions = [] } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 2, permissions });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    // Chromium's own lines: a failed response (checked below, by status) and Push in a private
    // context (the app's Web Push attempt; the tests' contexts are private, and pairing carries on).
    const browserOwn = /Failed to load resource|does not support the Push API in incognito mode/.test(m.text());
    if (m.type() === 'error' && !browserOwn) problems.push(m.text());
  });
  page.on('response', (r) => {
    // Right after pairing, verification-service may not have heard of the device yet (events): 401.
    const newDevice = r.status() === 401 && r.request().method() === 'GET' && /\/challenges$/.test(r.url());
    if (r.status() >= 400 && !newDevice) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(env.app);
  await page.waitForSelector('body[data-ready]');
  return { context, page, problems };
}

export async function screenshot(page, name) {
  if (!env.screenshots) return;
  mkdirSync(env.screenshots, { recursive: true });
  await page.screenshot({ path: join(env.screenshots, `${name}.png`), fullPage: false });
}

/**
 * Pairs through the "Enter code and URL manually" screen, as a person would, and answers the
 * activation response the app received (it carries the TOTP secret).
 */
export async function pairManually(page, activation, { shoot = false } = {}) {
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('link', { name: /Enter code and URL manually/ }).click();
  await page.getByLabel('Code', { exact: true }).fill(activation.activationCode);
  await page.getByLabel('Url', { exact: true }).fill(activation.activationUrl);
  if (shoot) await screenshot(page, 'pair-manual');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url() === activation.activationUrl && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Finish' }).click(),
  ]);
  const answer = await response.json();
  await page.locator('li.account', { hasText: answer.userId }).waitFor();
  return answer;
}

/** A fresh app context with one account paired for a new user of `tenant`. */
export async function pairedApp(browser, tenant, prefix, options = {}) {
  const opened = await openApp(browser, options);
  const userId = newUserId(prefix);
  const activation = await startActivation(tenant, userId);
  const answer = await pairManually(opened.page, activation);
  return { ...opened, userId, answer, activation };
}
