// In-memory sessions: the demo runs as one process, and a restart simply signs everybody out.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'contoso_session';
export const CSRF_COOKIE = 'contoso_csrf';

export function randomToken(bytes = 32) {
  return randomBytes(bytes).toString('base64url');
}

/** Constant-time string equality; false for anything missing. */
export function sameToken(a, b) {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function parseCookies(header) {
  const cookies = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    if (name && !(name in cookies)) {
      try {
        cookies[name] = decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        // a malformed cookie is ignored, not fatal
      }
    }
  }
  return cookies;
}

export function cookie(name, value, { secure, maxAge } = {}) {
  let c = `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax`;
  if (maxAge !== undefined) c += `; Max-Age=${maxAge}`;
  if (secure) c += '; Secure';
  return c;
}

export class Sessions {
  /** idleMs bounds a session's life since last use; sweeping keeps abandoned ones from piling up. */
  constructor({ idleMs = 8 * 3600_000, now = () => Date.now() } = {}) {
    this.idleMs = idleMs;
    this.now = now;
    this.map = new Map();
    this.timer = setInterval(() => this.sweep(), 60_000);
    this.timer.unref();
  }

  create() {
    const session = { id: randomToken(), csrf: randomToken(), pending: null, user: null, notice: null, seen: this.now() };
    this.map.set(session.id, session);
    return session;
  }

  get(id) {
    const session = typeof id === 'string' ? this.map.get(id) : undefined;
    if (!session) return null;
    if (this.now() - session.seen > this.idleMs) {
      this.map.delete(id);
      return null;
    }
    session.seen = this.now();
    return session;
  }

  destroy(id) {
    this.map.delete(id);
  }

  sweep() {
    const limit = this.now() - this.idleMs;
    for (const [id, s] of this.map) if (s.seen < limit) this.map.delete(id);
  }

  close() {
    clearInterval(this.timer);
    this.map.clear();
  }
}
