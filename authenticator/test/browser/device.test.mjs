// What stays on the device: keys that cannot be exported, the account after a reload and while
// offline, a push shown as a notification with Approve/Deny, and removal on both sides.
import { after, before, test } from 'node:test';
import { createECDH, randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { env, launch, needsSystem, newTenant, newUserId, openApp, pairManually, pairedApp, screenshot, startActivation, userMethods } from './support.mjs';

let browser;
let tenant;

before(async () => {
  if (needsSystem.skip) return;
  browser = await launch();
  tenant = await newTenant('Fabrikam');
});
after(() => browser?.close());

test('after a rename and a reload the account and its key are still there; the key cannot be exported; nothing in localStorage', needsSystem, async () => {
  const { context, page, answer, userId } = await pairedApp(browser, tenant, 'reload');
  try {
    await page.getByRole('button', { name: 'Rename Fabrikam' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename account' });
    await dialog.getByLabel('Account name').fill('Work laptop sign-ins');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.reload();
    const card = page.locator('li.account', { hasText: userId });
    await card.waitFor();
    assert.equal(await card.locator('h3').innerText(), 'Work laptop sign-ins', 'the local label survives the reload');
    const stored = await page.evaluate(async (deviceId) => {
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('openfactor-authenticator');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const get = (store, key) => new Promise((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).get(key);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const account = await get('accounts', deviceId);
      const vault = await get('keys', 'totp-vault');
      const refused = async (key, format) => {
        try {
          await crypto.subtle.exportKey(format, key);
          return false;
        } catch {
          return true;
        }
      };
      const signs = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, account.privateKey, new Uint8Array([1]));
      return {
        isCryptoKey: account.privateKey instanceof CryptoKey,
        extractable: account.privateKey.extractable,
        algorithm: account.privateKey.algorithm.namedCurve,
        exportRefused: await refused(account.privateKey, 'pkcs8') && await refused(account.privateKey, 'jwk'),
        vaultExtractable: vault.key.extractable,
        vaultExportRefused: await refused(vault.key, 'raw'),
        signatureBytes: signs.byteLength,
        recordText: JSON.stringify(account, (k, v) => (v instanceof ArrayBuffer ? Array.from(new Uint8Array(v)) : v)),
        localStorage: JSON.stringify({ ...localStorage }),
        sessionStorage: JSON.stringify({ ...sessionStorage }),
      };
    }, answer.deviceId);
    assert.equal(stored.isCryptoKey, true);
    assert.equal(stored.extractable, false);
    assert.equal(stored.algorithm, 'P-256');
    assert.equal(stored.exportRefused, true, 'exportKey rejects');
    assert.equal(stored.vaultExtractable, false);
    assert.equal(stored.vaultExportRefused, true);
    assert.equal(stored.signatureBytes, 64, 'the restored key still signs');
    assert.ok(!stored.recordText.includes(answer.totp.secret), 'the TOTP secret is stored sealed');
    assert.equal(stored.localStorage, '{}');
    assert.ok(!stored.sessionStorage.includes(answer.totp.secret));
  } finally {
    await context.close();
  }
});

test('offline, a reload still opens the app with its accounts and codes', needsSystem, async () => {
  const { context, page, userId } = await pairedApp(browser, tenant, 'offline');
  try {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload(); // now controlled by the service worker
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await page.locator('li.account', { hasText: userId }).waitFor();
    await page.waitForFunction(() => /^\d{3} \d{3}$/.test(document.querySelector('.code-digits')?.textContent ?? ''));
    await page.getByRole('button', { name: 'Refresh' }).click();
    await assert.doesNotReject(page.locator('.note', { hasText: "You're offline" }).waitFor());
    await screenshot(page, 'offline');
  } finally {
    await context.setOffline(false);
    await context.close();
  }
});

test('a push is shown as "Approve sign-in?" with Approve and Deny actions', needsSystem, async () => {
  const { context, page, answer } = await pairedApp(browser, tenant, 'push', { permissions: ['notifications'] });
  try {
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const registration = new Promise((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const active = registrations.find((r) => r.scopeURL.startsWith(new URL(env.app).origin) && !r.isDeleted);
        if (active) resolve(active.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registration;
    const payload = {
      type: 'push_challenge', challengeId: 'ch_from_push', deviceId: answer.deviceId,
      title: 'Approve sign-in?', body: 'Contoso Portal: sign-in request', expiresAt: new Date(Date.now() + 120000).toISOString(),
    };
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(env.app).origin, registrationId, data: JSON.stringify(payload) });
    let notifications = [];
    for (const deadline = Date.now() + 15000; !notifications.length && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 200));
      notifications = await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications())
        .map((n) => ({ title: n.title, body: n.body, actions: n.actions.map((a) => [a.action, a.title]), data: n.data })));
    }
    assert.equal(notifications.length, 1);
    assert.equal(notifications[0].title, 'Approve sign-in?');
    assert.equal(notifications[0].body, 'Contoso Portal: sign-in request');
    assert.deepEqual(notifications[0].actions, [['approve', 'Approve'], ['deny', 'Deny']]);
    assert.deepEqual(notifications[0].data.challengeId, 'ch_from_push');
    assert.deepEqual(notifications[0].data.deviceId, answer.deviceId);
  } finally {
    await context.close();
  }
});

test('Remove unregisters the device: the user no longer has the authenticator method', needsSystem, async () => {
  const { context, page, answer, userId } = await pairedApp(browser, tenant, 'remove');
  try {
    const before = await userMethods(tenant, userId);
    assert.ok(before.methods.some((m) => m.type === 'authenticator_app' && m.methodId === answer.methodId));
    await page.getByRole('button', { name: /^Remove / }).click();
    await screenshot(page, 'remove-confirm');
    const dialog = page.getByRole('dialog', { name: 'Remove account?' });
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await assert.doesNotReject(page.getByRole('heading', { name: 'No accounts yet' }).waitFor());
    const afterRemoval = await userMethods(tenant, userId);
    assert.ok(!afterRemoval.methods.some((m) => m.type === 'authenticator_app'), JSON.stringify(afterRemoval.methods));
    const keysLeft = await page.evaluate(() => new Promise((resolve) => {
      const r = indexedDB.open('openfactor-authenticator');
      r.onsuccess = () => {
        const count = r.result.transaction('accounts').objectStore('accounts').count();
        count.onsuccess = () => resolve(count.result);
      };
    }));
    assert.equal(keysLeft, 0, 'the keys are gone from the device');
  } finally {
    await context.close();
  }
});

test('with Web Push available, pairing sends the subscription as a signed webpush token', needsSystem, async () => {
  // The browser vendor's push service is out of reach here: PushManager.subscribe is stood in for
  // with a subscription of the shape browsers give (an FCM endpoint, a P-256 key, 16 auth bytes).
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const subscription = {
    endpoint: `https://fcm.googleapis.com/fcm/send/openfactor-test-${randomBytes(8).toString('hex')}`,
    expirationTime: null,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
  };
  const { context, page, problems } = await openApp(browser, { permissions: ['notifications'] });
  try {
    await page.evaluate((sub) => {
      PushManager.prototype.subscribe = async () => ({ ...sub, toJSON: () => sub });
    }, subscription);
    const activation = await startActivation(tenant, newUserId('webpush'));
    const tokenSent = page.waitForResponse((r) => r.url().endsWith('/push-token') && r.request().method() === 'PUT');
    const answer = await pairManually(page, activation);
    tokenSent.catch(() => {}); // awaited below; not left unhandled if an assertion fails first
    assert.ok(answer.vapidPublicKey, 'the system offers a VAPID key (AuthenticatorAppTest sets one)');
    const response = await tokenSent;
    assert.equal(response.status(), 204, 'enrollment-service accepts the webpush token');
    const sent = JSON.parse(response.request().postData());
    assert.equal(sent.pushPlatform, 'webpush');
    assert.deepEqual(JSON.parse(sent.pushToken), subscription);
    assert.ok(response.url().startsWith(answer.enrollmentUrl || env.enrollment), 'sent to enrollment-service');
    await assert.doesNotReject(page.locator('li.account .quiet', { hasText: 'Notifications on' }).waitFor());
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
