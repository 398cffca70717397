// Small behaviours of the hosted pages; every page also works without them (forms and links).
// Long-polls: each request waits server-side for a change, so the browser never spins.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Follows a long-poll URL until its status is no longer pending; returns that status. */
async function follow(url, pending) {
  let failures = 0;
  for (;;) {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
      if (response.ok) {
        const { status } = await response.json();
        failures = 0;
        if (!pending.includes(status)) return status;
        continue;
      }
      if (response.status >= 400 && response.status < 500) return 'ended';
    } catch (e) {
      // network blip: back off below
    }
    failures += 1;
    await sleep(Math.min(30000, 1000 * 2 ** failures));
  }
}

function autosubmit() {
  const form = document.querySelector('form[data-autosubmit]');
  if (form) form.submit();
}

async function pollChallenge(main) {
  const status = await follow(main.dataset.poll, ['pending']);
  const approvedForm = document.getElementById(main.dataset.approvedForm || 'continue');
  if (status === 'approved' && approvedForm) {
    const line = document.querySelector('[data-status]');
    if (line) line.textContent = 'Approved. Signing you in…';
    approvedForm.submit();
  } else {
    location.reload();
  }
}

async function pollActivation(box) {
  await follow(box.dataset.activation, ['waiting']);
  location.reload();
}

/** Step 1: show only the fields of the chosen contact method. */
function contactForm(form) {
  const select = form.querySelector('select[name=contact]');
  const apply = () => {
    for (const el of form.querySelectorAll('[data-for]')) {
      el.hidden = !el.dataset.for.split(' ').includes(select.value);
    }
  };
  select.addEventListener('change', apply);
  apply();
}

autosubmit();
const main = document.querySelector('main[data-poll]');
if (main) pollChallenge(main);
const activation = document.querySelector('[data-activation]');
if (activation) pollActivation(activation);
const contact = document.querySelector('form[data-contact-form]');
if (contact) contactForm(contact);
