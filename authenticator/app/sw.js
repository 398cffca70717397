// Service worker: the app shell from a versioned cache so the app opens offline (network first,
// so a new version shows as soon as it is online); API calls (other origins) are never touched.
// Push messages become "Approve sign-in?" notifications that open the request in the app.
const VERSION = 'v1';
const CACHE = `openfactor-shell-${VERSION}`;
const SHELL = [
  './', './index.html', './app.css', './manifest.webmanifest',
  './icons/icon.svg', './icons/icon-192.png', './icons/icon-512.png', './icons/icon-maskable-512.png',
  './js/app.js', './js/accounts.js', './js/accounts-view.js', './js/add-view.js', './js/api.js',
  './js/approvals.js', './js/der.js', './js/encoding.js', './js/pairing.js', './js/push.js',
  './js/qr.js', './js/signing.js', './js/store.js', './js/totp.js', './js/ui.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL);
    // The QR decoder is copied in by npm; without it the app still works (codes, approvals).
    await cache.add('./vendor/jsqr.mjs').catch(() => {});
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('openfactor-shell-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return; // network only
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(event.request);
      if (response.ok && [...SHELL, './vendor/jsqr.mjs'].some((p) => new URL(p, self.registration.scope).href === url.origin + url.pathname)) {
        await cache.put(event.request, response.clone());
      }
      return response;
    } catch (offline) {
      const cached = await cache.match(event.request, { ignoreSearch: true })
        ?? (event.request.mode === 'navigate' ? await cache.match('./index.html') : undefined);
      if (cached) return cached;
      throw offline;
    }
  })());
});

self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = {};
  }
  const request = message.type === 'push_challenge' && message.challengeId && message.deviceId;
  // userVisibleOnly: every push shows a notification, even one we cannot read.
  event.waitUntil(self.registration.showNotification('Approve sign-in?', {
    body: request ? (message.body || message.title || 'Open the app to approve or deny.') : 'Open OpenFactor Authenticator.',
    tag: request ? `challenge-${message.challengeId}` : 'openfactor',
    icon: './icons/icon-192.png',
    badge: './icons/icon-192.png',
    requireInteraction: Boolean(request),
    actions: request ? [{ action: 'approve', title: 'Approve' }, { action: 'deny', title: 'Deny' }] : [],
    data: request ? { challengeId: message.challengeId, deviceId: message.deviceId, expiresAt: message.expiresAt } : {},
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const { challengeId, deviceId } = event.notification.data ?? {};
  // Either action or the body: the number still has to be typed in the app.
  const hash = challengeId && deviceId
    ? `#/approve/${encodeURIComponent(deviceId)}/${encodeURIComponent(challengeId)}` : '#/';
  const target = new URL(`./${hash}`, self.registration.scope).href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const open = windows.find((c) => c.url.startsWith(self.registration.scope));
    if (open) {
      open.postMessage({ type: 'open', hash });
      return open.focus();
    }
    return self.clients.openWindow(target);
  })());
});
