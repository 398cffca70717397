// serve.mjs: the headers production sends, MIME types, and no way out of app/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { options, serve } from '../../serve.mjs';

let server;
let base;

before(async () => {
  server = createServer(serve(options(['--connect-src', 'https://enroll.example https://verify.example:8443'])));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

// Raw paths (fetch would normalise ../ away before sending).
function get(path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const r = request(`${base}/`, { method, path }, (response) => {
      let body = '';
      response.on('data', (c) => { body += c; });
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body }));
    });
    r.on('error', reject);
    r.end();
  });
}

test('index.html with the strict policy and no-cache', async () => {
  const r = await get('/');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(r.headers['cache-control'], 'no-cache');
  const csp = r.headers['content-security-policy'];
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
    "connect-src 'self' https://enroll.example https://verify.example:8443"]) {
    assert.ok(csp.includes(directive), directive);
  }
  assert.ok(!csp.includes('unsafe'), 'no unsafe-inline or unsafe-eval');
  assert.ok(csp.includes("form-action 'none'") && csp.includes("frame-ancestors 'none'"));
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.equal(r.headers['referrer-policy'], 'no-referrer');
  assert.match(r.headers['permissions-policy'], /camera=\(self\)/);
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(r.body), 'no inline scripts');
  assert.ok(!/\sstyle=/.test(r.body) && !/<style/.test(r.body), 'no inline styles');
});

test('MIME types: manifest, modules, service worker', async () => {
  assert.equal((await get('/manifest.webmanifest')).headers['content-type'], 'application/manifest+json');
  assert.equal((await get('/js/app.js')).headers['content-type'], 'text/javascript; charset=utf-8');
  const sw = await get('/sw.js');
  assert.equal(sw.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(sw.headers['cache-control'], 'no-cache');
  assert.equal((await get('/icons/icon-192.png')).headers['content-type'], 'image/png');
  assert.equal((await get('/icons/icon.svg')).headers['content-type'], 'image/svg+xml');
});

test('path traversal and odd requests are refused', async () => {
  for (const path of ['/../serve.mjs', '/js/../../serve.mjs', '/%2e%2e/serve.mjs', '/js/..%2f..%2fserve.mjs',
    '/..%5cserve.mjs', '/%00index.html', '/%E0%A4%A']) {
    const r = await get(path);
    assert.ok([400, 404].includes(r.status), `${path} → ${r.status}`);
    assert.ok(!r.body.includes('createServer'), `${path} leaked serve.mjs`);
  }
  assert.equal((await get('/nothing-here.js')).status, 404);
  assert.equal((await get('/js/')).status, 404, 'no directory listings');
  assert.equal((await get('/', 'POST')).status, 405);
});

test('--connect-src takes origins only', () => {
  assert.throws(() => options(['--connect-src', "https://a.example 'unsafe-inline'"]), /origins/);
  assert.throws(() => options(['--connect-src', 'https://a.example; script-src *']), /origins/);
  assert.throws(() => options(['--port', 'x']), /port/);
  assert.throws(() => options(['--nope']), /unknown/);
});

test('the same policy and headers as production nginx.conf', async () => {
  const { readFileSync } = await import('node:fs');
  const conf = readFileSync(new URL('../../nginx.conf', import.meta.url), 'utf8');
  const produced = Object.fromEntries([...conf.matchAll(/add_header ([A-Za-z-]+) "([^"]*)" always;/g)]
    .map(([, name, value]) => [name.toLowerCase(), value.replace('${OPENFACTOR_APP_CONNECT_SRC}', 'https://enroll.example https://verify.example:8443')]));
  const r = await get('/');
  for (const name of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'cross-origin-opener-policy']) {
    assert.equal(r.headers[name], produced[name], name);
  }
});
