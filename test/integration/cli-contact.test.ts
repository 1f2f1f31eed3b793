/**
 * `cartback contact export|delete` as an operator runs it, on every database, against the same
 * database a running Cartback uses: export by email to a file, a delete that is not confirmed
 * changes nothing, `--yes` erases and says what went, and naming the person twice is refused.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { DIALECTS } from '../harness/dialects.ts';
import { abandonCart } from '../harness/shop.ts';
import { cartbackSuite } from '../harness/suite.ts';

const run = promisify(execFile);

for (const dialect of DIALECTS) {
  describe(`cli contact on ${dialect.name}`, { skip: dialect.skip }, () => {
    const cb = cartbackSuite(dialect);
    const cartback = async (args: string[]) => {
      try {
        const { stdout, stderr } = await run(process.execPath, [path.resolve('bin/cartback.js'), 'contact', ...args], { env: { PATH: process.env.PATH ?? '', ...cb.env.env } });
        return { code: 0, stdout, stderr };
      } catch (e) {
        return e as { code: number; stdout: string; stderr: string };
      }
    };

    test('export --email --out, delete without --yes changes nothing, delete --yes erases', async () => {
      const { id: storeId, writeKey } = (await cb.api.admin('POST', '/stores', { name: 'CLI privacy', templates: false })).body;
      const shopper = await abandonCart(cb.api, writeKey);
      const out = path.join(cb.env.env.CARTBACK_DATA_DIR!, 'export.json');

      const exported = await cartback(['export', '--store', storeId, '--email', shopper.email, '--out', out]);
      assert.equal(exported.code, 0, exported.stderr);
      const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
      assert.equal(doc.format, 'cartback.contact-export/1');
      assert.equal(doc.contacts[0].email, shopper.email);
      assert.equal(doc.events.length, 3);
      assert.equal(fs.statSync(out).mode & 0o077, 0, 'personal data: readable by its owner only');

      const both = await cartback(['delete', '--store', storeId, '--email', shopper.email, '--contact', doc.contacts[0].id, '--yes']);
      assert.deepEqual([both.code, /exactly one of --email or --contact/.test(both.stderr)], [1, true]);

      const unconfirmed = await cartback(['delete', '--store', storeId, '--contact', doc.contacts[0].id]);
      assert.equal(unconfirmed.code, 1);
      assert.match(unconfirmed.stderr, /This would delete:[\s\S]*events\s+3/);
      assert.match(unconfirmed.stderr, /nothing was deleted/);
      assert.equal((await cb.api.admin('GET', `/stores/${storeId}/contacts/${doc.contacts[0].id}`)).status, 200);

      const erased = await cartback(['delete', '--store', storeId, '--email', shopper.email, '--yes']);
      assert.equal(erased.code, 0, erased.stderr);
      assert.match(erased.stdout, /^deleted\n/);
      assert.match(erased.stdout, /contacts\s+1\n/);
      assert.match(erased.stdout, /carts\s+1\n/);
      assert.equal((await cb.api.admin('GET', `/stores/${storeId}/contacts/${doc.contacts[0].id}`)).status, 404);
      const again = await cartback(['export', '--store', storeId, '--email', shopper.email]);
      assert.deepEqual([again.code, /\[not_found\]/.test(again.stderr)], [1, true]);
    });
  });
}
