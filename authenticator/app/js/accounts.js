// Pairing, codes and removal of accounts: the app's behaviour, without the screens.
import { APP_VERSION, activate, removeDevice } from './api.js';
import { fromBase32 } from './encoding.js';
import { newDeviceKeyPair, publicKeySpkiBase64 } from './signing.js';
import { deleteAccount, getAccount, listAccounts, openSecret, putAccount, sealSecret } from './store.js';
import { totp } from './totp.js';

export { listAccounts, getAccount };

/** A name the person recognises in the list of their devices, e.g. "Chrome on Android". */
export function deviceName() {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox'
    : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'Browser';
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows'
    : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : 'this device';
  return `${browser} on ${os}`;
}

/**
 * Pairs with the server: a new non-extractable key pair, the activation call with its public
 * half, and the account stored with the keys and the sealed TOTP secret.
 */
export async function pair({ code, url }) {
  const keys = await newDeviceKeyPair();
  const answer = await activate(url, {
    activationCode: code,
    devicePublicKey: await publicKeySpkiBase64(keys.publicKey),
    pushPlatform: 'none',
    deviceName: deviceName(),
    appVersion: APP_VERSION,
  });
  // Services that predate these fields: the activation URL's own origin serves the app API.
  const enrollmentUrl = answer.enrollmentUrl || new URL(url).origin;
  const account = {
    deviceId: answer.deviceId,
    methodId: answer.methodId,
    tenant: { name: answer.tenant?.name ?? '', displayName: answer.tenant?.displayName || answer.tenant?.name || '' },
    userId: answer.userId,
    label: '',
    enrollmentUrl,
    verificationUrl: answer.verificationUrl || enrollmentUrl,
    vapidPublicKey: answer.vapidPublicKey || '',
    pollIntervalSeconds: Math.max(2, Number(answer.pollIntervalSeconds) || 5),
    totp: {
      algorithm: answer.totp.algorithm || 'SHA1',
      digits: Number(answer.totp.digits) || 6,
      period: Number(answer.totp.period) || 30,
      sealed: await sealSecret(answer.totp.secret),
    },
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
    push: 'none',
    addedAt: Date.now(),
  };
  await putAccount(account);
  return account;
}

const secrets = new Map();

/** The account's current code; the secret is unsealed once per session and kept in memory only. */
export async function currentCode(account, nowMs = Date.now()) {
  let secret = secrets.get(account.deviceId);
  if (!secret) {
    secret = fromBase32(await openSecret(account.totp.sealed));
    secrets.set(account.deviceId, secret);
  }
  return totp(secret, Math.floor(nowMs / 1000), account.totp);
}

export async function rename(account, label) {
  const stored = await getAccount(account.deviceId);
  if (!stored) return;
  stored.label = label.trim().slice(0, 60);
  await putAccount(stored);
}

export async function updateAccount(deviceId, change) {
  const stored = await getAccount(deviceId);
  if (!stored) return;
  await putAccount({ ...stored, ...change });
}

/** Unregisters on the server, then forgets the keys here. */
export async function remove(account) {
  await removeDevice(account);
  secrets.delete(account.deviceId);
  await deleteAccount(account.deviceId);
}

/** The name shown for an account: the person's own label, else the organisation's. */
export function accountTitle(account) {
  return account.label || account.tenant.displayName || account.tenant.name || 'Work or school account';
}
