// Adding a work or school account, the two ways the registration page offers: scan the QR code
// (camera, or a chosen image of it on a laptop), or type the Code and Url it shows.
import { pair, updateAccount } from './accounts.js';
import { parseManual, parseQrPayload, PairingInputError } from './pairing.js';
import { registerWebPush } from './push.js';
import { decodeImageFile, scanCamera } from './qr.js';
import { ApiError } from './api.js';
import { announce, h } from './ui.js';

export function mountAddChoice(container) {
  const file = imageInput(container);
  container.replaceChildren(
    h('h2.section-title', { tabindex: '-1' }, 'Add work or school account'),
    h('p.lead', {}, 'On your computer, open the page that shows "Configure mobile app". It shows a QR code, and a Code and Url below it.'),
    h('div.choices', {},
      h('a.choice', { href: '#/add/scan' }, h('strong', {}, 'Scan QR code'), h('span', {}, 'Use this device\u2019s camera.')),
      h('label.choice', { for: 'qr-image' }, h('strong', {}, 'Choose an image'), h('span', {}, 'A screenshot or photo of the QR code.')),
      h('a.choice', { href: '#/add/manual' }, h('strong', {}, 'Enter code and URL manually'), h('span', {}, 'Type the Code and Url shown below the QR code.'))),
    file.input, file.message);
  return { stop() {} };
}

function imageInput(container) {
  const message = h('p.field-error', { role: 'alert', hidden: true });
  const input = h('input.visually-hidden', {
    type: 'file', id: 'qr-image', accept: 'image/*',
    onchange: async () => {
      const chosen = input.files?.[0];
      input.value = '';
      if (!chosen) return;
      let text = null;
      try {
        text = await decodeImageFile(chosen);
      } catch {
        text = null;
      }
      if (!text) return fail("No QR code found in that image. Try a sharper picture, or enter the code and URL manually.");
      try {
        await runPairing(container, parseQrPayload(text));
      } catch (e) {
        fail(e.message);
      }
    },
  });
  function fail(text) {
    message.textContent = text;
    message.hidden = false;
  }
  return { input, message };
}

export function mountScan(container) {
  const video = h('video.viewfinder', { playsinline: true, muted: true, 'aria-label': 'Camera view' });
  const message = h('p.field-error', { role: 'alert', hidden: true });
  const abort = new AbortController();
  const file = imageInput(container);
  container.replaceChildren(
    h('h2.section-title', { tabindex: '-1' }, 'Scan QR code'),
    h('p.lead', {}, 'Point your camera at the QR code on the "Configure mobile app" page.'),
    h('div.viewfinder-frame', {}, video, h('span.viewfinder-square', { 'aria-hidden': 'true' })),
    message,
    h('p.alternatives', {}, h('label.link', { for: 'qr-image' }, 'Choose an image instead'), ' · ',
      h('a.link', { href: '#/add/manual' }, 'Enter code and URL manually')),
    file.input, file.message);
  (async () => {
    try {
      const text = await scanCamera(video, abort.signal);
      if (text) await runPairing(container, parseQrPayload(text));
    } catch (e) {
      message.textContent = e instanceof PairingInputError || e instanceof ApiError ? e.message
        : e.name === 'NotAllowedError' ? 'The camera is blocked. Allow camera access for this app, or choose an image of the QR code.'
          : 'No camera is available. Choose an image of the QR code, or enter the code and URL manually.';
      message.hidden = false;
    }
  })();
  return { stop: () => abort.abort() };
}

export function mountManual(container) {
  const code = h('input', { id: 'code', name: 'code', inputmode: 'numeric', autocomplete: 'off', required: true,
    placeholder: '405 209 573', 'aria-describedby': 'code-hint' });
  const url = h('input', { id: 'url', name: 'url', type: 'url', inputmode: 'url', autocomplete: 'off', spellcheck: 'false',
    autocapitalize: 'off', required: true, placeholder: 'https://', 'aria-describedby': 'url-hint' });
  const message = h('p.field-error', { id: 'pair-error', role: 'alert', hidden: true });
  const submit = h('button.button', { type: 'submit' }, 'Finish');
  const form = h('form.pair', {
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      message.hidden = true;
      let input;
      try {
        input = parseManual(code.value, url.value);
      } catch (e) {
        message.textContent = e.message;
        message.hidden = false;
        (/code/i.test(e.message) ? code : url).focus();
        return;
      }
      submit.disabled = true;
      try {
        await runPairing(container, input);
      } catch (e) {
        message.textContent = e.message;
        message.hidden = false;
        submit.disabled = false;
        code.focus();
      }
    },
  },
  h('label', { for: 'code' }, 'Code'), code, h('p.hint', { id: 'code-hint' }, '9 digits, as shown on the page'),
  h('label', { for: 'url' }, 'Url'), url, h('p.hint', { id: 'url-hint' }, 'The address shown below the code'),
  message, h('div.actions', {}, h('a.button.secondary', { href: '#/add' }, 'Cancel'), submit));
  container.replaceChildren(
    h('h2.section-title', { tabindex: '-1' }, 'Enter code and URL'),
    h('p.lead', {}, 'If you are unable to scan the image, enter the Code and Url shown on the "Configure mobile app" page.'),
    form);
  return { stop() {} };
}

/** Pairs, then offers Web Push in the background; errors are thrown for the screen to show. */
async function runPairing(container, input) {
  announce('Adding account…');
  const account = await pair(input);
  announce(`Account added: ${account.userId}`);
  location.hash = '#/';
  const push = await registerWebPush(account);
  if (push === 'webpush') {
    await updateAccount(account.deviceId, { push });
    window.dispatchEvent(new Event('accounts-changed'));
  } else if (account.vapidPublicKey) {
    announce('Notifications are not available on this device. Sign-in requests still show up here while the app is open.');
  }
}
