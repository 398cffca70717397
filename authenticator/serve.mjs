#!/usr/bin/env node
// Zero-dependency static server for app/, sending the headers production's nginx sends:
//   node serve.mjs --port 8090 [--host 127.0.0.1] [--connect-src "https://enroll.example https://verify.example"]
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'app');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
// Always revalidated: the page and the service worker decide which version of the rest runs.
const NO_CACHE = new Set(['/index.html', '/sw.js']);

export function options(argv) {
  const parsed = { port: 8090, host: '127.0.0.1', connectSrc: '' };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--port') parsed.port = Number(value), i++;
    else if (argv[i] === '--host') parsed.host = value, i++;
    else if (argv[i] === '--connect-src') parsed.connectSrc = value, i++;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!Number.isInteger(parsed.port) || parsed.port <= 0 || parsed.port > 65535) throw new Error('--port must be a TCP port');
  // Only origins (scheme://host[:port]) go into the policy; anything else could widen it.
  for (const source of parsed.connectSrc.split(/\s+/).filter(Boolean)) {
    if (!/^https?:\/\/[A-Za-z0-9.\-[\]:]+$/.test(source)) throw new Error(`--connect-src takes origins, not ${source}`);
  }
  return parsed;
}

/** The same headers as nginx.conf (production), so what passes here holds there. */
export function securityHeaders(connectSrc) {
  const connect = ["'self'", ...connectSrc.split(/\s+/).filter(Boolean)].join(' ');
  return {
    'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; `
      + `connect-src ${connect}; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; `
      + `frame-ancestors 'none'; form-action 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(self)',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** The request handler: app/ files with the production headers. */
export function serve({ connectSrc }) {
  const headers = securityHeaders(connectSrc);
  return async (request, response) => {
    const send = (status, text) => {
      response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : text);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'method not allowed\n');
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    if (path.includes('\0') || path.split('/').includes('..') || path.includes('\\')) return send(400, 'bad request\n');
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT + sep)) return send(400, 'bad request\n');
    let info;
    try {
      info = await stat(file);
    } catch {
      return send(404, 'not found\n');
    }
    if (!info.isFile()) return send(404, 'not found\n');
    response.writeHead(200, {
      ...headers,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': NO_CACHE.has(path) ? 'no-cache' : 'public, max-age=300',
      ...(path === '/sw.js' ? { 'Service-Worker-Allowed': '/' } : {}),
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(file).on('error', () => response.destroy()).pipe(response);
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let settings;
  try {
    settings = options(process.argv.slice(2));
  } catch (e) {
    console.error(`serve.mjs: ${e.message}`);
    process.exit(2);
  }
  const server = createServer(serve(settings));
  server.listen(settings.port, settings.host, () => {
    console.log(`OpenFactor Authenticator on http://${settings.host}:${settings.port}/ (connect-src 'self' ${settings.connectSrc})`.trim());
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
}
