// Small DOM helpers: elements built in code (no innerHTML with data), the status line, toasts
// and the one dialog.

/** h('button.primary', {type: 'button', onclick}, 'Text', child…) */
export function h(tag, props = {}, ...children) {
  const [name, ...classes] = tag.split('.');
  const element = name === 'svg' || name === 'circle' || name === 'path'
    ? document.createElementNS('http://www.w3.org/2000/svg', name)
    : document.createElement(name);
  if (classes.length) element.setAttribute('class', classes.join(' '));
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Says something to screen readers and shows it in the status line. */
export function announce(text) {
  const status = document.getElementById('status');
  status.textContent = '';
  // A change after a tick, so the same message twice is still read out.
  setTimeout(() => { status.textContent = text; }, 30);
}

let toastTimer;

export function toast(text) {
  const element = document.getElementById('toast');
  element.textContent = text;
  element.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { element.hidden = true; }, 2200);
}

/**
 * The modal dialog: resolves with the form's values when OK is chosen, or null.
 * `fields` are elements put in its body (inputs need a name).
 */
export function ask({ title, body = [], ok = 'OK', danger = false }) {
  const dialog = document.getElementById('dialog');
  document.getElementById('dialog-title').textContent = title;
  document.getElementById('dialog-body').replaceChildren(...body);
  const okButton = document.getElementById('dialog-ok');
  okButton.textContent = ok;
  okButton.classList.toggle('danger', danger);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'ok') return resolve(null);
      resolve(Object.fromEntries(new FormData(document.getElementById('dialog-form'))));
    }, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}

export function formatSeconds(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` : `${s} s`;
}
