// Web Push: optional. When the server offers a VAPID key and the browser can subscribe, the
// subscription is sent as the device's push token; otherwise approvals arrive by polling.
import { putPushToken } from './api.js';
import { fromBase64Url } from './encoding.js';

const SUBSCRIBE_TIMEOUT_MS = 10000;

export function supported() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** → 'webpush' when registered, else 'none' (never throws: polling still works). */
export async function registerWebPush(account) {
  if (!account.vapidPublicKey || !supported()) return 'none';
  try {
    const registration = await withTimeout(navigator.serviceWorker.ready);
    const subscription = await withTimeout(registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: fromBase64Url(account.vapidPublicKey),
    }));
    await putPushToken(account, 'webpush', JSON.stringify(subscription));
    return 'webpush';
  } catch {
    return 'none';
  }
}

function withTimeout(promise) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), SUBSCRIBE_TIMEOUT_MS))]);
}
