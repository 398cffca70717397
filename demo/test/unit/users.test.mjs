// Password hashing and the committed demo users.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { hashPassword, loadUsers, verifyPassword } from '../../lib/users.mjs';

const USERS = fileURLToPath(new URL('../../users.json', import.meta.url));

test('a hash has the documented format and verifies only its own password', async () => {
  const hash = await hashPassword('correct horse');
  assert.match(hash, /^scrypt\$N=16384,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  assert.equal(await verifyPassword('correct horse', hash), true);
  assert.equal(await verifyPassword('correct horsE', hash), false);
  assert.equal(await verifyPassword('', hash), false);
  assert.notEqual(await hashPassword('correct horse'), hash, 'salted');
});

test('malformed or abusive hashes are refused, not thrown on', async () => {
  assert.equal(await verifyPassword('x', 'plain-text'), false);
  assert.equal(await verifyPassword('x', 'scrypt$N=1048576,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA'), false);
});

test('users.json has the three demo users, all with the demo password', async () => {
  const raw = JSON.parse(readFileSync(USERS, 'utf8'));
  assert.deepEqual(raw.map((u) => u.name), ['Adele Vance', 'Alex Wilber', 'Megan Bowen']);
  for (const u of raw) {
    assert.match(u.username, /^[a-z]+@contoso\.example$/);
    assert.equal(u.userId, u.username);
    assert.equal(await verifyPassword('Contoso-demo-1', u.password), true, u.username);
    assert.equal(await verifyPassword('contoso-demo-1', u.password), false, u.username);
  }
});

test('authenticate finds users case-insensitively and refuses wrong passwords and unknown users', async () => {
  const users = loadUsers(USERS);
  assert.equal((await users.authenticate('Adele@Contoso.example', 'Contoso-demo-1'))?.name, 'Adele Vance');
  assert.equal(await users.authenticate('adele@contoso.example', 'wrong'), null);
  assert.equal(await users.authenticate('nobody@contoso.example', 'Contoso-demo-1'), null);
  assert.equal(users.byUserId('megan@contoso.example')?.name, 'Megan Bowen');
});
