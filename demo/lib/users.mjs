// The demo's own first factor: a JSON file of users with scrypt password hashes.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt);
const PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;
const FORMAT = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** `scrypt$N=16384,r=8,p=1$<salt>$<hash>`: parameters travel with the hash so they can be raised later. */
export async function hashPassword(password, salt = randomBytes(16)) {
  const key = await scryptAsync(password.normalize('NFC'), salt, KEY_LENGTH, PARAMS);
  return `scrypt$N=${PARAMS.N},r=${PARAMS.r},p=${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password, stored) {
  const m = FORMAT.exec(stored ?? '');
  if (!m) return false;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Refuse parameters that would let a tampered file burn CPU or memory.
  if (N > 1 << 17 || r > 16 || p > 4) return false;
  const expected = Buffer.from(m[5], 'base64url');
  const actual = await scryptAsync(String(password).normalize('NFC'), Buffer.from(m[4], 'base64url'), expected.length,
    { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// A hash of nothing anyone can type, so unknown usernames cost one scrypt like known ones.
const DUMMY_HASH = 'scrypt$N=16384,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function loadUsers(file) {
  const list = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${file} must hold a JSON array of users`);
  const byName = new Map();
  for (const u of list) {
    if (typeof u?.username !== 'string' || typeof u.password !== 'string') throw new Error(`${file}: every user needs username and password`);
    byName.set(u.username.toLowerCase(), { username: u.username, name: u.name ?? u.username, userId: u.userId ?? u.username, password: u.password });
  }
  return {
    list: [...byName.values()],
    /** The user, or null; always runs exactly one scrypt (no timing oracle on usernames). */
    async authenticate(username, password) {
      const user = byName.get(String(username ?? '').trim().toLowerCase());
      const ok = await verifyPassword(String(password ?? ''), user ? user.password : DUMMY_HASH);
      return user && ok ? user : null;
    },
    byUserId(userId) {
      return [...byName.values()].find((u) => u.userId === userId) ?? null;
    },
  };
}
