// Pending sign-in requests: fetched (signed) for every account on open, on Refresh and every
// pollIntervalSeconds while the page is visible. The person types the number shown on the
// sign-in screen; the app itself never learns it.
import { ApiError, listChallenges, respond } from './api.js';
import { accountTitle, listAccounts } from './accounts.js';
import { announce, formatSeconds, h } from './ui.js';

const RESULT_SHOWN_MS = 4000;
const RESULTS = {
  approved: { text: 'Approved', tone: 'ok' },
  denied: { text: 'Denied', tone: 'neutral' },
  fraud_reported: { text: 'Fraud reported. Your organisation has been told, and new requests are blocked for a while.', tone: 'warning' },
};

/**
 * Shows the requests in `container`. With `only` ({deviceId, challengeId}) just that one (the
 * notification's target). Returns {refresh, stop}.
 */
export function mountApprovals(container, { only = null, onEmpty = () => {} } = {}) {
  const cards = new Map();
  const list = h('div.approval-list');
  const note = h('p.note', { hidden: true });
  container.replaceChildren(note, list);
  let pollTimer = null;
  let tickTimer = setInterval(tick, 1000);
  let stopped = false;
  let refreshing = null;
  let firstDone = false;

  async function refresh({ manual = false } = {}) {
    if (refreshing) return refreshing;
    refreshing = (async () => {
      const accounts = (await listAccounts()).filter((a) => !only || a.deviceId === only.deviceId);
      const seen = new Set();
      const failures = [];
      await Promise.all(accounts.map(async (account) => {
        try {
          for (const challenge of await listChallenges(account)) {
            if (only && challenge.challengeId !== only.challengeId) continue;
            const key = `${account.deviceId}/${challenge.challengeId}`;
            seen.add(key);
            if (!cards.has(key)) addCard(key, account, challenge);
          }
        } catch (e) {
          // Just paired: verification-service hears of a new device through events, a moment later.
          const justPaired = e.status === 401 && Date.now() - account.addedAt < 120_000;
          if (!justPaired) failures.push(e);
          // Unknown this time: keep what is shown until it expires.
          for (const key of cards.keys()) if (key.startsWith(`${account.deviceId}/`)) seen.add(key);
        }
      }));
      for (const [key, card] of cards) if (!seen.has(key) && !card.answered) dropCard(key);
      showNote(failures, manual);
      firstDone = true;
      updateEmpty();
    })().finally(() => { refreshing = null; });
    return refreshing;
  }

  function showNote(failures, manual) {
    if (!failures.length) {
      note.hidden = true;
      if (manual) announce(cards.size ? `${cards.size} sign-in request${cards.size > 1 ? 's' : ''}` : 'No sign-in requests');
      return;
    }
    const offline = failures.every((e) => e instanceof ApiError && e.status === 0);
    note.textContent = offline
      ? "You're offline. Sign-in requests will show up when you're back online; codes still work."
      : "Couldn't check for sign-in requests. Try Refresh in a moment.";
    note.hidden = false;
    if (manual) announce(note.textContent);
  }

  function updateEmpty() {
    if (!firstDone) return;
    onEmpty(cards.size === 0);
    if (only && cards.size === 0) {
      list.replaceChildren(h('p.empty', {}, 'This sign-in request has expired or was already answered.'));
    } else if (only) {
      list.querySelector('p.empty')?.remove();
    }
  }

  function addCard(key, account, challenge) {
    const id = `c-${challenge.challengeId.replace(/[^A-Za-z0-9_-]/g, '')}`;
    const context = challenge.context ?? {};
    const timeLeft = h('dd', {}, '');
    const input = h('input.number', {
      id: `${id}-number`, name: 'numberMatch', type: 'text', inputmode: 'numeric', pattern: '[0-9]*',
      autocomplete: 'one-time-code', maxlength: '4', required: true, 'aria-describedby': `${id}-hint`,
    });
    const error = h('p.field-error', { id: `${id}-error`, role: 'alert', hidden: true });
    const approve = h('button.button', { type: 'submit' }, 'Approve');
    const deny = h('button.button.secondary', { type: 'button', onclick: () => showDenyChoices(true) }, 'Deny');
    const form = h('form.answer', { novalidate: true, onsubmit: (e) => { e.preventDefault(); approveWith(); } },
      h('label', { for: input.id }, 'Enter the number shown to sign in.'),
      h('p.hint', { id: `${id}-hint` }, 'Look at the sign-in screen for a two-digit number.'),
      input, error,
      h('div.actions', {}, deny, approve));
    const notMe = h('button.button.warning', { type: 'button', onclick: () => answer({ decision: 'deny', denyReason: 'not_me' }) },
      "It wasn't me", h('span.sub', {}, 'Report fraud'));
    const mistake = h('button.button.secondary', { type: 'button', onclick: () => answer({ decision: 'deny', denyReason: 'mistake' }) },
      'I made a mistake');
    const choices = h('div.deny-choices', { hidden: true },
      h('p', {}, 'Why are you denying this sign-in?'), notMe, mistake,
      h('button.link', { type: 'button', onclick: () => showDenyChoices(false) }, 'Back'));
    const result = h('p.result', { hidden: true, role: 'status' });
    const element = h('article.card.approval', { 'aria-labelledby': `${id}-title`, dataset: { challengeId: challenge.challengeId } },
      h('h2', { id: `${id}-title` }, 'Approve sign-in?'),
      h('p.account', {}, h('strong', {}, accountTitle(account)), h('span', {}, account.userId)),
      h('dl.context', {},
        h('dt', {}, 'Application'), h('dd', {}, context.application || 'Unknown'),
        h('dt', {}, 'Location'), h('dd', {}, context.location || 'Unknown'),
        h('dt', {}, 'IP address'), h('dd', {}, context.ipAddress || 'Unknown'),
        h('dt', {}, 'Time left'), timeLeft),
      form, choices, result);
    const card = { element, account, challenge, expiresAt: Date.parse(challenge.expiresAt), timeLeft, answered: false };
    cards.set(key, card);
    list.append(element);
    updateCountdown(card);
    if (cards.size === 1) announce(`Sign-in request for ${account.userId}`);

    function showDenyChoices(show) {
      form.hidden = show;
      choices.hidden = !show;
      (show ? notMe : deny).focus();
    }

    function approveWith() {
      const number = input.value.trim();
      if (!/^\d{1,4}$/.test(number)) {
        error.textContent = 'Type the number shown on the sign-in screen.';
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      answer({ decision: 'approve', numberMatch: number });
    }

    async function answer(decision) {
      for (const b of element.querySelectorAll('button')) b.disabled = true;
      try {
        const { status } = await respond(account, challenge.challengeId, decision);
        card.answered = true;
        const shown = RESULTS[status] ?? { text: `Answered: ${status}`, tone: 'neutral' };
        form.hidden = true;
        choices.hidden = true;
        result.textContent = shown.text;
        result.className = `result ${shown.tone}`;
        result.dataset.status = status;
        result.hidden = false;
        element.classList.add('answered');
        setTimeout(() => { dropCard(key); updateEmpty(); }, RESULT_SHOWN_MS);
      } catch (e) {
        for (const b of element.querySelectorAll('button')) b.disabled = false;
        error.textContent = e.message;
        error.hidden = false;
        form.hidden = false;
        choices.hidden = true;
        input.focus();
      }
    }
  }

  function dropCard(key) {
    cards.get(key)?.element.remove();
    cards.delete(key);
  }

  function updateCountdown(card) {
    const left = (card.expiresAt - Date.now()) / 1000;
    card.timeLeft.textContent = formatSeconds(left);
    return left;
  }

  function tick() {
    for (const [key, card] of cards) {
      if (card.answered) continue;
      if (updateCountdown(card) <= 0) {
        dropCard(key);
        updateEmpty();
      }
    }
  }

  async function schedule() {
    clearTimeout(pollTimer);
    if (stopped || document.hidden) return;
    const accounts = await listAccounts();
    const seconds = Math.min(...accounts.map((a) => a.pollIntervalSeconds || 5), 30);
    pollTimer = setTimeout(async () => {
      await refresh().catch(() => {});
      schedule();
    }, seconds * 1000);
  }

  function onVisibility() {
    if (document.hidden) {
      clearTimeout(pollTimer);
    } else {
      refresh().catch(() => {});
      schedule();
    }
  }

  document.addEventListener('visibilitychange', onVisibility);
  refresh().catch(() => {});
  schedule();

  return {
    refresh: (options) => refresh(options),
    stop() {
      stopped = true;
      clearTimeout(pollTimer);
      clearInterval(tickTimer);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
