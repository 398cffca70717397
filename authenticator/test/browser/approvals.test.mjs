// Sign-in requests: the app shows each with its context, the person types the number from the
// sign-in screen, and the frontend's long-poll hears the answer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { challengeStatus, launch, needsSystem, newTenant, pairedApp, pushChallenge, screenshot } from './support.mjs';

let browser;
let tenant;

before(async () => {
  if (needsSystem.skip) return;
  browser = await launch();
  tenant = await newTenant('Contoso Ltd');
});
after(() => browser?.close());

const CONTEXT = { application: 'Contoso Portal', ipAddress: '203.0.113.42', location: 'Dublin, Ireland' };

test('approve with the number shown at sign-in → approved', needsSystem, async () => {
  const { context, page, userId, problems } = await pairedApp(browser, tenant, 'approve');
  try {
    const challenge = await pushChallenge(tenant, userId, CONTEXT);
    const card = page.locator(`article.approval[data-challenge-id="${challenge.challengeId}"]`);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await card.waitFor();
    const text = await card.innerText();
    for (const expected of ['Approve sign-in?', 'Contoso Ltd', userId, 'Contoso Portal', 'Dublin, Ireland', '203.0.113.42']) {
      assert.ok(text.includes(expected), `the request shows ${expected}`);
    }
    assert.ok(!text.includes(` ${challenge.numberMatch}\n`), 'the app does not know the number');
    assert.equal(await card.getByLabel('Enter the number shown to sign in.').getAttribute('inputmode'), 'numeric');
    assert.match(await card.locator('dd').last().innerText(), /^(\d+ s|\d:\d\d)$/, 'time left counts down');
    await screenshot(page, 'approval');

    await card.getByLabel('Enter the number shown to sign in.').fill(challenge.numberMatch);
    await card.getByRole('button', { name: 'Approve' }).click();
    await assert.doesNotReject(card.locator('.result[data-status="approved"]').waitFor());
    assert.equal((await challengeStatus(tenant, challenge.challengeId, 10)).status, 'approved');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the notification link opens that one request; a wrong number → denied; "I made a mistake" → denied', needsSystem, async () => {
  const { context, page, answer, userId } = await pairedApp(browser, tenant, 'wrong');
  try {
    const first = await pushChallenge(tenant, userId, CONTEXT);
    const second = await pushChallenge(tenant, userId, { ...CONTEXT, application: 'Payroll' });
    await page.goto(new URL(`#/approve/${answer.deviceId}/${first.challengeId}`, page.url()).href);
    const card = page.locator(`article.approval[data-challenge-id="${first.challengeId}"]`);
    await card.waitFor();
    assert.equal(await page.locator('article.approval').count(), 1, 'only the request the notification was about');

    const wrong = String((Number(first.numberMatch) + 1) % 100).padStart(first.numberMatch.length, '0');
    await card.getByLabel('Enter the number shown to sign in.').fill(wrong);
    await card.getByRole('button', { name: 'Approve' }).click();
    await assert.doesNotReject(card.locator('.result[data-status="denied"]').waitFor());
    assert.equal((await challengeStatus(tenant, first.challengeId, 10)).status, 'denied');

    await page.goto(new URL('#/', page.url()).href);
    const other = page.locator(`article.approval[data-challenge-id="${second.challengeId}"]`);
    await other.waitFor();
    assert.ok((await other.innerText()).includes('Payroll'));
    await other.getByRole('button', { name: 'Deny' }).click();
    await other.getByRole('button', { name: 'I made a mistake' }).click();
    await assert.doesNotReject(other.locator('.result[data-status="denied"]').waitFor());
    const status = await challengeStatus(tenant, second.challengeId, 10);
    assert.equal(status.status, 'denied');
  } finally {
    await context.close();
  }
});

test('"It wasn\'t me" reports fraud → fraud_reported', needsSystem, async () => {
  const { context, page, userId } = await pairedApp(browser, tenant, 'fraud');
  try {
    const challenge = await pushChallenge(tenant, userId, { application: 'VPN', ipAddress: '198.51.100.7', location: 'Unknown city, Elsewhere' });
    const card = page.locator(`article.approval[data-challenge-id="${challenge.challengeId}"]`);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await card.waitFor();
    await card.getByRole('button', { name: 'Deny' }).click();
    const notMe = card.getByRole('button', { name: /It wasn't me/ });
    assert.ok((await notMe.innerText()).includes('Report fraud'));
    assert.ok(await notMe.evaluate((b) => b.classList.contains('warning')), 'shown with a warning style');
    await screenshot(page, 'deny-reasons');
    await notMe.click();
    await assert.doesNotReject(card.locator('.result[data-status="fraud_reported"]').waitFor());
    await screenshot(page, 'fraud-reported');
    assert.equal((await challengeStatus(tenant, challenge.challengeId, 10)).status, 'fraud_reported');
  } finally {
    await context.close();
  }
});
