// The JavaScript twin's SHA-256 (src/experiment_parts/twins.js), without a browser:
// FIPS 180-4's examples, padding at every length around a block's edge, and the seed's
// hashPasswords against Node's own createHash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256, hashPasswords } from '../../src/experiment_parts/twins.js';

const hex = bytes => { const h = sha256(); h.update(bytes); return h.hexDigest(); };
const node = (data, updates = 1) => {
  const h = createHash('sha256');
  for (let i = 0; i < updates; i++) h.update(data);
  return h.digest('hex');
};

test("the twin's SHA-256 gives FIPS 180-4's digests", () => {
  const text = s => new TextEncoder().encode(s);
  assert.equal(hex(text('')), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(hex(text('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(hex(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
});

test('every length from 0 to 200 bytes, updated in pieces, matches Node', () => {
  const bytes = Uint8Array.from({ length: 200 }, (_, i) => (i * 37 + 11) & 0xff);
  for (let n = 0; n <= 200; n++) {
    const h = sha256();
    for (let at = 0; at < n; at += 7) h.update(bytes.subarray(at, Math.min(n, at + 7)));
    assert.equal(h.hexDigest(), node(bytes.subarray(0, n)), `${n} bytes`);
  }
});

test("the seed's hashPasswords: each password updated 200,000 times, as Node's createHash does", () => {
  const passwords = ['hunter2', 'correct horse', 'é'];
  assert.deepEqual(hashPasswords(passwords, 200_000), passwords.map(p => node(p, 200_000)));
  assert.deepEqual(hashPasswords(['x'], 0), [node('')]);
});
