// What plivo-node (Plivo's official Node SDK, npm `plivo` 4.79.0) sends is what the sandbox must
// take, and where it sends what the API would refuse, the sandbox answers as the API does. Each
// call is checked against the sandbox's journal (method, path, query, body) and the state after.
// The defects this shows are written down in docs/powerpack-api.md.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import plivo from 'plivo';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..', '..');
const AUTH_ID = 'MASANDBOX00000000001';
const AUTH_TOKEN = 'sandbox-auth-token';
let sandbox;
let base;
let client;

before(async () => {
  sandbox = spawn(process.env.POWERPACK_SANDBOX_BIN, ['--port', '0', '--rate-limit', 'off'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(sandbox.stdout, 'data');
  base = line.toString().split('\n')[0].trim();
  // plivo-node takes its base URL as the `url` option, the account's URL.
  client = new plivo.Client(AUTH_ID, AUTH_TOKEN, { url: `${base}/v1/Account/${AUTH_ID}` });
});
after(() => sandbox.kill());
beforeEach(() => admin('POST', 'reset'));

async function admin(method, path, body) {
  const r = await fetch(`${base}/__admin/${path}`, { method, body: body && JSON.stringify(body) });
  assert.ok(r.ok, `admin ${path}: ${r.status}`);
  const text = await r.text();
  return text ? JSON.parse(text) : null;
}
/** The journal as [method, path under the account, query, body] rows, oldest first. */
async function sent() {
  const prefix = `/v1/Account/${AUTH_ID}/`;
  return (await admin('GET', 'journal')).map((e) => [e.method, e.path.replace(prefix, ''), e.query, e.body ? JSON.parse(e.body) : null, e.status]);
}

test("create, get, the seed's update, list, delete", async () => {
  const created = await client.powerpacks.create('created by plivo-node');
  assert.equal(created.name, 'created by plivo-node');
  const powerpack = await client.powerpacks.get(created.uuid);
  const seed = await powerpack.update({ name: 'your_powerpack_name' });
  assert.equal(seed.name, 'your_powerpack_name');
  const full = await powerpack.update({
    name: 'n2',
    sticky_sender: false,
    local_connect: false,
    application_type: 'xml',
    application_id: '20342783288007824',
  });
  assert.deepEqual([full.stickySender, full.localConnect, full.applicationType], [false, false, 'XML']);
  await client.powerpacks.create('second');
  const page = await client.powerpacks.list({ limit: 1, offset: 1 });
  assert.deepEqual(page.map((p) => p.name), ['second'], 'plivo-node returns the page as an array');
  const deleted = await powerpack.delete();
  assert.equal(deleted.response, 'success');
  const uuid = created.uuid;
  assert.deepEqual(await sent(), [
    ['POST', 'Powerpack/', null, { name: 'created by plivo-node' }, 200],
    ['GET', `Powerpack/${uuid}/`, null, null, 200],
    ['POST', `Powerpack/${uuid}/`, null, { name: 'your_powerpack_name' }, 200],
    ['POST', `Powerpack/${uuid}/`, null, { name: 'n2', sticky_sender: false, local_connect: false, application_type: 'xml', application_id: '20342783288007824' }, 200],
    ['POST', 'Powerpack/', null, { name: 'second' }, 200],
    ['GET', 'Powerpack/', 'limit=1&offset=1', null, 200],
    ['DELETE', `Powerpack/${uuid}/`, null, { unrent_numbers: false }, 200],
  ]);
  await assert.rejects(client.powerpacks.get(uuid), /not found/i);
});

test('the number pool: what plivo-node sends for each call', async () => {
  const powerpack = await client.powerpacks.get((await client.powerpacks.create('pool owner')).uuid);
  const pool = powerpack.number_pool_id;
  await admin('POST', 'seed', {
    numbers: [
      { number: '14155550100', country_iso2: 'US', type: 'fixed' },
      { number: '18005550100', country_iso2: 'US', type: 'tollfree' },
    ],
    shortcodes: [{ shortcode: '444444', country_iso2: 'US', powerpack: powerpack.uuid }],
  });
  await admin('DELETE', 'journal');
  const added = await powerpack.number_pool.numbers.add('14155550100');
  assert.equal(added.number, '14155550100');
  const bought = await powerpack.number_pool.numbers.buy_add_number({ number: '14155550199' });
  assert.equal(bought.number, '14155550199');
  await assert.rejects(powerpack.number_pool.numbers.list({ country_iso2: 'US' }), /not found/i, 'its list URL is malformed');
  const found = await powerpack.number_pool.numbers.find('14155550100');
  assert.equal(found.number, '14155550100');
  await powerpack.number_pool.numbers.remove('14155550100', false);
  assert.deepEqual((await powerpack.number_pool.shortcodes.list()).objects.map((s) => s.shortcode), ['444444']);
  assert.equal((await powerpack.number_pool.shortcodes.find('444444')).shortcode, '444444');
  await powerpack.number_pool.tollfree.add('18005550100');
  assert.deepEqual((await powerpack.number_pool.tollfree.list()).objects.map((n) => n.number), ['18005550100']);
  await powerpack.number_pool.tollfree.remove('18005550100', false);
  const at = (kind, item) => `NumberPool/${pool}/${kind}/${item ? `${item}/` : ''}`;
  assert.deepEqual(await sent(), [
    // String booleans for `rent` / `unrent`: the sandbox takes "true"/"false" on these pool
    // flags, as the API's buy, add and remove calls do for plivo-node (sandbox/src/rules.rs).
    ['POST', at('Number', '14155550100'), null, { rent: 'false' }, 200],
    ['POST', at('Number', '14155550199'), null, { rent: 'true' }, 200],
    // `Number//` and `&?search=hack`: the list URL is broken in plivo-node, so the call fails.
    ['GET', `NumberPool/${pool}/Number//`, 'country_iso2=US&?search=hack', null, 404],
    ['GET', at('Number', '14155550100'), null, null, 200],
    ['DELETE', at('Number', '14155550100'), null, { unrent: 'false' }, 200],
    ['GET', at('Shortcode'), null, null, 200],
    ['GET', at('Shortcode', '444444'), null, null, 200],
    // A body on the toll-free add, which the API documents without one.
    ['POST', at('Tollfree', '18005550100'), null, { rent: 'false' }, 200],
    ['GET', at('Tollfree'), null, null, 200],
    ['DELETE', at('Tollfree', '18005550100'), null, { unrent: 'false' }, 200],
  ]);
});

test('the sandbox refuses what the API refuses, and plivo-node raises it', async () => {
  const powerpack = await client.powerpacks.get((await client.powerpacks.create('taken')).uuid);
  await assert.rejects(client.powerpacks.create('taken'), /already exists/);
  await assert.rejects(powerpack.update({ sticky_sender: 'false' }), /sticky_sender must be a boolean/);
  await assert.rejects(powerpack.update({ application_id: '20342783288007824' }), /application_type is required/);
});

test("the seed's Node example as written, its base URL pointed at the sandbox", async () => {
  const uuid = (await client.powerpacks.create('seed target')).uuid;
  const seed = readFileSync(join(ROOT, '..', 'shared', 'seeds', '000_458ce20220b2d45f.txt'), 'utf8');
  const start = seed.indexOf("var plivo = require('plivo');");
  const end = seed.indexOf('});', seed.indexOf('.catch(function (response)', start)) + 3;
  assert.ok(start >= 0 && end > start, "the seed's Node example is in the seed file");
  const example = seed
    .slice(start, end)
    // The one edit: the SDK's own way to point at another base URL (its `url` option)...
    .replace("new plivo.Client('auth_id', 'auth_token');", `new plivo.Client('${AUTH_ID}', '${AUTH_TOKEN}', { url: '${base}/v1/Account/${AUTH_ID}' });`)
    // ...and the Powerpack it names, which this sandbox has under another uuid.
    .replace('0166c910-1268-47c7-bf30-f5809ee843b9', uuid);
  // Beside this suite's node_modules, where its `require('plivo')` finds plivo-node.
  const file = join(here, `.seed-example-${process.pid}.cjs`);
  writeFileSync(file, example);
  try {
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /name: 'your_powerpack_name'/);
  } finally {
    rmSync(file, { force: true });
  }
  assert.deepEqual((await sent()).slice(-2), [
    ['GET', `Powerpack/${uuid}/`, null, null, 200],
    ['POST', `Powerpack/${uuid}/`, null, { name: 'your_powerpack_name' }, 200],
  ]);
});
