// The package's surface against the core's table: every operation reachable from Node, the
// shipped declarations and ESM entry as the generator writes them now, TypeScript --strict
// accepting a typed sample of every call and refusing a wrong one, ESM and CommonJS entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { PowerpackClient, NumberPool, description } from 'plivo-powerpack';
import * as sandbox from './sandbox.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = dirname(createRequire(import.meta.url).resolve('plivo-powerpack/package.json'));
const camel = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const run = (cmd, args, cwd = join(here, '..')) => spawnSync(cmd, args, { cwd, encoding: 'utf8' });

test("every operation of the core's table is a method, declared in index.d.ts", async () => {
  const declared = await readFile(join(pkgDir, 'lib', 'index.d.ts'), 'utf8');
  const carriers = { client: PowerpackClient.prototype, pool: NumberPool.prototype };
  const ops = description.operations;
  assert.ok(ops.length >= 21, `the table has ${ops.length} operations`);
  for (const op of ops) {
    const name = camel(op.name);
    assert.equal(typeof carriers[op.on]?.[name], 'function', `${op.name} is not reachable as ${op.on}.${name}`);
    assert.match(declared, new RegExp(`\\n  ${name}\\(`), `${name} is not declared`);
  }
});

test('index.d.ts and index.mjs are what scripts/generate.mjs writes from the table now', () => {
  const check = run(process.execPath, [join(sandbox.ROOT, 'bindings/node/scripts/generate.mjs'), pkgDir, '--check']);
  assert.equal(check.status, 0, check.stderr);
});

test('TypeScript --strict compiles the typed sample and refuses the wrong one', () => {
  const tsc = join(here, '..', 'node_modules', '.bin', 'tsc');
  const options = ['--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node'];
  const good = run(tsc, [...options, join(here, 'types', 'good.ts')]);
  assert.equal(good.status, 0, good.stdout + good.stderr);
  const bad = run(tsc, [...options, join(here, 'types', 'bad.ts')]);
  assert.notEqual(bad.status, 0);
  const errors = bad.stdout.split('\n').filter((l) => l.includes('error TS'));
  assert.equal(errors.length, 4, bad.stdout);
  assert.ok(errors.some((l) => l.includes("'string' is not assignable to type 'boolean")), bad.stdout);
  assert.ok(errors.some((l) => l.includes('TS2554')), 'a missing uuid: ' + bad.stdout);
  assert.ok(errors.some((l) => l.includes("'stikySender' does not exist")), bad.stdout);
  assert.ok(errors.some((l) => l.includes('"sms"')), bad.stdout);
});


test('import and require both load the package', () => {
  const esm = run(process.execPath, [
    '--input-type=module',
    '-e',
    "import { PowerpackClient, NotFoundError, PowerpackError } from 'plivo-powerpack'; import cjs from 'plivo-powerpack';" +
      "console.log(typeof PowerpackClient, NotFoundError.prototype instanceof PowerpackError, cjs.PowerpackClient === PowerpackClient)",
  ]);
  assert.equal(esm.stdout.trim(), 'function true true', esm.stderr);
  const cjs = run(process.execPath, [
    '-e',
    "const p = require('plivo-powerpack'); console.log(typeof p.PowerpackClient, new p.NotFoundError({ kind: 'not_found' }).kind)",
  ]);
  assert.equal(cjs.stdout.trim(), 'function not_found', cjs.stderr);
});
