// OpenFactor Authenticator: routes (by location hash), the header, the service worker.
//   #/                            accounts and pending sign-in requests
//   #/add, #/add/scan, #/add/manual   adding an account
//   #/approve/<deviceId>/<challengeId>  one request (opened from a notification)
import { mountAccounts } from './accounts-view.js';
import { mountAddChoice, mountManual, mountScan } from './add-view.js';
import { mountApprovals } from './approvals.js';
import { h } from './ui.js';

const main = document.getElementById('main');
const title = document.getElementById('title');
const back = document.getElementById('back');
const add = document.getElementById('add');
const refreshButton = document.getElementById('refresh');

let mounted = [];
let approvals = null;
let routing = Promise.resolve();

function unmount() {
  mounted.forEach((m) => m.stop());
  mounted = [];
  approvals = null;
}

async function home() {
  const requests = h('section.requests', { 'aria-label': 'Sign-in requests' });
  const accounts = h('section.accounts-section', { 'aria-label': 'Accounts' });
  main.replaceChildren(requests, accounts);
  approvals = mountApprovals(requests, { onEmpty: (empty) => requests.classList.toggle('is-empty', empty) });
  mounted.push(approvals, await mountAccounts(accounts, { onChange: () => route() }));
}

async function approveOne(deviceId, challengeId) {
  const requests = h('section.requests', { 'aria-label': 'Sign-in request' });
  main.replaceChildren(requests, h('p.alternatives', {}, h('a.link', { href: '#/' }, 'Show all accounts')));
  approvals = mountApprovals(requests, { only: { deviceId, challengeId } });
  mounted.push(approvals);
}

async function render() {
  unmount();
  const path = location.hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const onHome = parts.length === 0;
  back.hidden = onHome;
  add.hidden = !onHome;
  refreshButton.hidden = !(onHome || parts[0] === 'approve');
  if (onHome) {
    title.textContent = 'Authenticator';
    await home();
  } else if (parts[0] === 'add' && parts[1] === 'scan') {
    title.textContent = 'Add account';
    mounted.push(mountScan(main));
  } else if (parts[0] === 'add' && parts[1] === 'manual') {
    title.textContent = 'Add account';
    mounted.push(mountManual(main));
  } else if (parts[0] === 'add') {
    title.textContent = 'Add account';
    mounted.push(mountAddChoice(main));
  } else if (parts[0] === 'approve' && parts.length === 3) {
    title.textContent = 'Sign-in request';
    await approveOne(parts[1], parts[2]);
  } else {
    location.replace('#/');
    return;
  }
  const heading = main.querySelector('h2[tabindex]');
  if (heading) heading.focus();
  else if (!onHome) main.focus();
  document.body.dataset.ready = path;
}

function route() {
  routing = routing.then(render, render);
  return routing;
}

back.addEventListener('click', () => {
  location.hash = location.hash.startsWith('#/add/') ? '#/add' : '#/';
});
add.addEventListener('click', () => { location.hash = '#/add'; });
refreshButton.addEventListener('click', () => approvals?.refresh({ manual: true }));
window.addEventListener('hashchange', route);
window.addEventListener('accounts-changed', () => { if ((location.hash || '#/') === '#/') route(); });

// Pull to refresh (touch only): a downward drag from the top of the page.
let pullFrom = null;
window.addEventListener('touchstart', (e) => { pullFrom = window.scrollY === 0 ? e.touches[0].clientY : null; }, { passive: true });
window.addEventListener('touchend', (e) => {
  if (pullFrom !== null && e.changedTouches[0].clientY - pullFrom > 90) approvals?.refresh({ manual: true });
  pullFrom = null;
}, { passive: true });

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {});
  // A notification tapped while the app is open: the service worker asks us to show it.
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type === 'open' && typeof event.data.hash === 'string' && event.data.hash.startsWith('#/approve/')) {
      location.hash = event.data.hash;
    }
  });
}

route();
