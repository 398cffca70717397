// Accounts live in IndexedDB, CryptoKey objects included (stored by structured clone, so a
// non-extractable key is kept without ever being exported). Nothing goes to localStorage.
// TOTP secrets are sealed with AES-GCM under a non-extractable key of this browser, a fresh IV
// per record, so the database alone does not reveal them.
import { utf8 } from './encoding.js';

const DB_NAME = 'openfactor-authenticator';
const DB_VERSION = 1;
const ACCOUNTS = 'accounts';
const KEYS = 'keys';
const VAULT_KEY = 'totp-vault';

let opened;

function openDb() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(ACCOUNTS)) db.createObjectStore(ACCOUNTS, { keyPath: 'deviceId' });
      if (!db.objectStoreNames.contains(KEYS)) db.createObjectStore(KEYS, { keyPath: 'name' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run(storeName, mode, action) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(storeName, mode);
    const request = action(tx.objectStore(storeName));
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export async function listAccounts() {
  const all = await run(ACCOUNTS, 'readonly', (s) => s.getAll());
  return all.sort((a, b) => a.addedAt - b.addedAt);
}

export function getAccount(deviceId) {
  return run(ACCOUNTS, 'readonly', (s) => s.get(deviceId));
}

export function putAccount(account) {
  return run(ACCOUNTS, 'readwrite', (s) => s.put(account));
}

export function deleteAccount(deviceId) {
  return run(ACCOUNTS, 'readwrite', (s) => s.delete(deviceId));
}

async function vaultKey() {
  const stored = await run(KEYS, 'readonly', (s) => s.get(VAULT_KEY));
  if (stored) return stored.key;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  // add, not put: if two tabs race, the first key wins and the loser reads it back.
  try {
    await run(KEYS, 'readwrite', (s) => s.add({ name: VAULT_KEY, key }));
    return key;
  } catch {
    return (await run(KEYS, 'readonly', (s) => s.get(VAULT_KEY))).key;
  }
}

/** Seals a TOTP secret (base32 text) → `{iv, ciphertext}`, both ArrayBuffers. */
export async function sealSecret(secret) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await vaultKey(), utf8(secret));
  return { iv: iv.buffer, ciphertext };
}

export async function openSecret({ iv, ciphertext }) {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, await vaultKey(), ciphertext);
  return new TextDecoder().decode(plain);
}
