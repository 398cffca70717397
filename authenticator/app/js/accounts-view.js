// The accounts screen: each account's organisation and user, its current code with a
// countdown ring, tap to copy, Rename and Remove.
import { accountTitle, currentCode, listAccounts, remove, rename } from './accounts.js';
import { groupCode, secondsLeft } from './totp.js';
import { announce, ask, h, toast } from './ui.js';

const RING = 2 * Math.PI * 10;

export async function mountAccounts(container, { onChange }) {
  const accounts = await listAccounts();
  if (!accounts.length) {
    container.replaceChildren(h('div.empty-state', {},
      h('h2', {}, 'No accounts yet'),
      h('p', {}, 'Add your work or school account to approve sign-ins and get verification codes.'),
      h('a.button', { href: '#/add' }, 'Add account')));
    return { stop() {} };
  }
  const rows = accounts.map((account) => accountRow(account, onChange));
  // Codes and rings first, so nothing shows a placeholder or animates in from a full ring.
  await Promise.all(rows.map((r) => r.update()));
  container.replaceChildren(h('h2.section-title', {}, 'Accounts'), h('ul.accounts', {}, rows.map((r) => r.element)));
  const update = () => rows.forEach((r) => r.update().catch(() => {}));
  const timer = setInterval(update, 1000);
  return { stop: () => clearInterval(timer) };
}

function accountRow(account, onChange) {
  const id = `a-${account.deviceId.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const digits = h('span.code-digits', { id: `${id}-code` }, '··· ···');
  const circle = h('circle', { cx: 12, cy: 12, r: 10, class: 'ring-left', 'stroke-dasharray': RING.toFixed(2) });
  const seconds = h('span.ring-seconds', {}, '');
  const ring = h('span.ring', { 'aria-hidden': 'true' },
    h('svg', { viewBox: '0 0 24 24' }, h('circle', { cx: 12, cy: 12, r: 10, class: 'ring-track' }), circle), seconds);
  let code = '';
  const copy = h('button.code', { type: 'button', 'aria-describedby': `${id}-left`, onclick: copyCode }, digits);
  const left = h('span.visually-hidden', { id: `${id}-left` }, '');
  const element = h('li.card.account', { dataset: { deviceId: account.deviceId } },
    h('div.who', {}, h('h3', {}, accountTitle(account)), h('p.user', {}, account.userId)),
    h('div.code-row', {}, copy, ring, left),
    h('div.account-foot', {},
      h('p.quiet', {}, account.push === 'webpush' ? 'Notifications on' : 'Sign-in requests show up here while the app is open.'),
      h('div.menu', {},
        h('button.link', { type: 'button', onclick: renameAccount, 'aria-label': `Rename ${accountTitle(account)}` }, 'Rename'),
        h('button.link.danger', { type: 'button', onclick: removeAccount, 'aria-label': `Remove ${accountTitle(account)}` }, 'Remove'))));

  async function update() {
    const now = Date.now();
    const next = await currentCode(account, now);
    const { period } = account.totp;
    const remaining = secondsLeft(now / 1000, period);
    if (next !== code) {
      code = next;
      digits.textContent = groupCode(code);
      copy.setAttribute('aria-label', `Verification code ${code.split('').join(' ')}. Tap to copy.`);
    }
    circle.setAttribute('stroke-dashoffset', (RING * (1 - remaining / period)).toFixed(2));
    seconds.textContent = String(remaining);
    left.textContent = `${remaining} seconds left`;
    element.classList.toggle('expiring', remaining <= 5);
  }

  async function copyCode() {
    try {
      await navigator.clipboard.writeText(code);
      toast('Copied');
    } catch {
      toast("Couldn't copy. Type the code instead.");
    }
  }

  async function renameAccount() {
    const input = h('input', { name: 'label', id: 'rename-label', maxlength: '60', value: account.label || accountTitle(account), autocomplete: 'off' });
    const answer = await ask({ title: 'Rename account', ok: 'Save', body: [h('label', { for: 'rename-label' }, 'Account name'), input] });
    if (!answer) return;
    await rename(account, answer.label);
    announce('Account renamed');
    onChange();
  }

  async function removeAccount() {
    const answer = await ask({
      title: 'Remove account?', ok: 'Remove', danger: true,
      body: [h('p', {}, `You won't be able to approve sign-ins or get codes for ${account.userId} on this device. `,
        'You may need another way to sign in, or to set up the app again.')],
    });
    if (!answer) return;
    try {
      await remove(account);
      toast('Account removed');
      onChange();
    } catch (e) {
      announce(e.message);
      toast(e.message);
    }
  }

  return { element, update };
}
