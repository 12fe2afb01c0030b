// The installed package against the sandbox: the seed's flow with the exact bodies the journal
// holds, validation before any I/O, every error kind from a fault, Retry-After, concurrency,
// abort, TLS, the number pool, secrets, and the process exiting with calls in flight.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import util from 'node:util';

import {
  PowerpackClient,
  PowerpackError,
  ValidationError,
  NotFoundError,
  InvalidRequestError,
  AuthenticationError,
  ServerError,
  RateLimitedError,
  DecodeError,
  TimeoutError,
  NetworkError,
  TlsError,
  Powerpack,
} from 'plivo-powerpack';
import * as sandbox from './sandbox.mjs';

const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
const client = new PowerpackClient({
  authId: sandbox.AUTH_ID,
  authToken: sandbox.AUTH_TOKEN,
  baseUrl: sandbox.URL,
  retry: FAST_RETRY,
});

beforeEach(() => sandbox.reset());

test("the seed's update: get, then update with name, sticky_sender false, local_connect, application", async () => {
  const created = await client.createPowerpack({ name: 'seed-powerpack' });
  const powerpack = await client.powerpacks.get(created.uuid);
  assert.ok(powerpack instanceof Powerpack);
  const updated = await powerpack.update({
    name: 'support-line',
    stickySender: false,
    localConnect: true,
    application: { type: 'xml', appId: '20342783288007824' },
  });
  const [post] = await sandbox.sent('POST', sandbox.powerpackPath(created.uuid));
  assert.deepEqual(post.json, {
    name: 'support-line',
    sticky_sender: false,
    local_connect: true,
    application_type: 'xml',
    application_id: '20342783288007824',
  });
  assert.match(post.body, /"sticky_sender":false/, 'false is sent as the JSON boolean');
  const headers = Object.fromEntries(post.headers);
  assert.equal(headers['content-type'], 'application/json');
  assert.equal(headers.authorization, `Basic ${sandbox.AUTH_ID}:***`);
  assert.match(headers['user-agent'], /^plivo-powerpack\/[0-9][^ ]* \(Rust\) node\/\d+\.\d+\.\d+$/);
  assert.equal(updated.name, 'support-line');
  assert.equal(updated.stickySender, false);
  assert.equal(updated.applicationId, '20342783288007824');
  assert.ok(updated.createdOn instanceof Date && !Number.isNaN(updated.createdOn.getTime()));
  assert.equal(typeof (await client.listPowerpacks()).meta.totalCount, 'number');
});

test('bad input is refused before any I/O, naming the field in camelCase', async () => {
  const cases = [
    ['uuid', () => client.getPowerpack()],
    ['uuid', () => client.getPowerpack('a/b')],
    ['stickySender', () => client.updatePowerpack('u', { stickySender: 'yes' })],
    ['stikySender', () => client.updatePowerpack('u', { stikySender: true })],
    ['update', () => client.updatePowerpack('u', {})],
    ['limit', () => client.listPowerpacks({ limit: 21 })],
    ['colour', () => client.listPowerpacks({ colour: 'red' })],
    ['application.phloId', () => client.updatePowerpack('u', { application: { type: 'phlo', phloId: 'x' } })],
    ['application.type', () => client.updatePowerpack('u', { application: { type: 'sms' } })],
    ['numberPriority[0].countryIso', () => client.updatePowerpack('u', { numberPriority: [{}] })],
    ['signal', () => client.getPowerpack('u', { signal: 'stop' })],
    ['number', () => client.numberPool('ca5fd1f2-26c0-43e9-a7e4-0f7c6e4bbd0f').getNumber('not a number')],
  ];
  for (const [field, call] of cases) {
    const error = await call().then(
      () => assert.fail(`${field}: no error`),
      (e) => e,
    );
    assert.ok(error instanceof ValidationError && error instanceof PowerpackError, `${field}: ${error}`);
    assert.equal(error.kind, 'validation');
    assert.equal(error.field, field, error.message);
  }
  assert.deepEqual(await sandbox.journal(), [], 'nothing was sent');
  assert.throws(() => new PowerpackClient({ authId: 'MA1', authToken: 't' }), (e) => e instanceof ValidationError && e.field === 'authId');
  assert.throws(() => new PowerpackClient({ authId: sandbox.AUTH_ID, authToken: 't', retyr: {} }), (e) => e.field === 'retyr');
});

test('every error kind from its fault, with its fields', async () => {
  const uuid = (await client.createPowerpack({ name: 'taken' })).uuid;
  const duplicate = await client.createPowerpack({ name: 'taken' }).catch((e) => e);
  assert.ok(duplicate instanceof InvalidRequestError);
  assert.equal(duplicate.status, 400);
  assert.equal(duplicate.reason, 'a Powerpack named "taken" already exists');
  assert.ok(duplicate.apiId);
  assert.match(duplicate.bodyExcerpt, /already exists/);

  const wrong = new PowerpackClient({ authId: sandbox.AUTH_ID, authToken: 'wrong-token', baseUrl: sandbox.URL });
  const auth = await wrong.getPowerpack(uuid).catch((e) => e);
  assert.ok(auth instanceof AuthenticationError);
  assert.equal(auth.status, 401);

  const missing = await client.getPowerpack('0166c910-1268-47c7-bf30-f5809ee843b9').catch((e) => e);
  assert.ok(missing instanceof NotFoundError && missing.kind === 'not_found' && missing.status === 404);

  const path = sandbox.powerpackPath(uuid);
  await sandbox.fault('status', 'GET', path, { count: 3, status: 503 });
  const server = await client.getPowerpack(uuid).catch((e) => e);
  assert.ok(server instanceof ServerError && server.status === 503);
  assert.deepEqual((await sandbox.sent('GET', path)).filter((e) => e.fault === 'status').map((e) => e.status), [503, 503, 503], 'three attempts');

  const once = new PowerpackClient({ authId: sandbox.AUTH_ID, authToken: sandbox.AUTH_TOKEN, baseUrl: sandbox.URL, retry: { maxAttempts: 1 } });
  await sandbox.fault('status', 'GET', path, { status: 429, retry_after_secs: 7 });
  const limited = await once.getPowerpack(uuid).catch((e) => e);
  assert.ok(limited instanceof RateLimitedError);
  assert.equal(limited.retryAfterMs, 7000);

  await sandbox.fault('malformed_json', 'GET', path);
  assert.ok((await client.getPowerpack(uuid).catch((e) => e)) instanceof DecodeError);

  await sandbox.fault('reset', 'GET', path);
  const network = await once.getPowerpack(uuid).catch((e) => e);
  assert.ok(network instanceof NetworkError, String(network));

  await sandbox.fault('hang', 'GET', path, { ms: 5000 });
  const quick = new PowerpackClient({
    authId: sandbox.AUTH_ID,
    authToken: sandbox.AUTH_TOKEN,
    baseUrl: sandbox.URL,
    attemptTimeoutMs: 200,
    retry: { maxAttempts: 1 },
  });
  const timeout = await quick.getPowerpack(uuid).catch((e) => e);
  assert.ok(timeout instanceof TimeoutError, String(timeout));
});

test('a 429 is retried after its Retry-After', async () => {
  const uuid = (await client.createPowerpack({ name: 'limited' })).uuid;
  const path = sandbox.powerpackPath(uuid);
  await sandbox.fault('status', 'GET', path, { status: 429, retry_after_secs: 1 });
  const patient = new PowerpackClient({ authId: sandbox.AUTH_ID, authToken: sandbox.AUTH_TOKEN, baseUrl: sandbox.URL });
  assert.equal((await patient.getPowerpack(uuid)).uuid, uuid);
  const attempts = await sandbox.sent('GET', path);
  assert.deepEqual(attempts.map((e) => e.status), [429, 200]);
  assert.ok(attempts[1].at_ms - attempts[0].at_ms >= 1000, 'the second attempt waited for Retry-After');
});

test('1,000 concurrent calls on one client, each answered with its own result', async () => {
  const uuid = (await client.createPowerpack({ name: 'busy' })).uuid;
  const names = Array.from({ length: 1000 }, (_, i) => `busy-${i}`);
  const results = await Promise.all(names.map((name) => client.updatePowerpack(uuid, { name })));
  results.forEach((r, i) => assert.equal(r.name, names[i]));
  const bodies = (await sandbox.sent('POST', sandbox.powerpackPath(uuid))).map((e) => e.json.name);
  assert.deepEqual(bodies.sort(), [...names].sort(), 'each update sent once');
});

test('an abort cancels the call in flight: AbortError, one attempt, no retry', async () => {
  const uuid = (await client.createPowerpack({ name: 'aborted' })).uuid;
  const path = sandbox.powerpackPath(uuid);
  await sandbox.fault('hang', 'GET', path, { ms: 30000 });
  const controller = new AbortController();
  const call = client.getPowerpack(uuid, { signal: controller.signal });
  // Abort once the request has reached the sandbox (its journal records it on arrival).
  while ((await sandbox.sent('GET', path)).length === 0) await new Promise((r) => setImmediate(r));
  controller.abort();
  const error = await call.catch((e) => e);
  assert.equal(error.name, 'AbortError');
  assert.ok(error instanceof DOMException);
  assert.equal((await sandbox.sent('GET', path)).length, 1, 'one attempt: the call ended when it was aborted');

  const reason = new Error('user left');
  const custom = new AbortController();
  const pending = client.getPowerpack(uuid, { signal: custom.signal });
  custom.abort(reason);
  assert.equal(await pending.catch((e) => e), reason, "the signal's own reason, as fetch rejects with it");

  await sandbox.reset();
  const early = await client.getPowerpack(uuid, { signal: AbortSignal.abort() }).catch((e) => e);
  assert.equal(early.name, 'AbortError');
  assert.deepEqual(await sandbox.journal(), [], 'an aborted signal sends nothing');
});

test("TLS: the sandbox's CA is trusted when given, refused without", async () => {
  const ca = await readFile(sandbox.TLS_CA_FILE, 'utf8');
  const trusting = new PowerpackClient({
    authId: sandbox.AUTH_ID,
    authToken: sandbox.AUTH_TOKEN,
    baseUrl: sandbox.TLS_URL,
    rootCertificatesPem: [ca],
  });
  assert.equal((await trusting.listPowerpacks()).meta.offset, 0);
  const plain = new PowerpackClient({
    authId: sandbox.AUTH_ID,
    authToken: sandbox.AUTH_TOKEN,
    baseUrl: sandbox.TLS_URL,
    retry: { maxAttempts: 1 },
  });
  const refused = await plain.listPowerpacks().catch((e) => e);
  assert.ok(refused instanceof TlsError, String(refused));
});

test('the number pool: buy and add, list with a filter, remove', async () => {
  const owner = await client.createPowerpack({ name: 'pool owner' });
  const pool = owner.pool();
  assert.equal(pool.uuid, owner.numberPoolUuid);
  const added = await pool.buyAndAddNumber('14155550100');
  assert.equal(added.number, '14155550100');
  assert.equal(added.type, 'fixed');
  assert.ok(added.addedOn instanceof Date);
  const numberPath = sandbox.poolPath(pool.uuid, 'Number', '14155550100');
  assert.deepEqual((await sandbox.sent('POST', numberPath)).map((e) => e.json), [{ rent: true }]);
  const listed = await pool.listAllNumbers({ filter: { countryIso2: 'US' } });
  assert.deepEqual(listed.map((n) => n.number), ['14155550100']);
  const [query] = (await sandbox.journal()).filter((e) => e.method === 'GET').map((e) => e.query);
  assert.match(query, /country_iso2=US/);
  assert.equal((await pool.removeNumber('14155550100')).response, 'success');
  assert.deepEqual((await sandbox.sent('DELETE', numberPath)).map((e) => e.json), [{ unrent: false }]);
  const page = await pool.listNumbers({ limit: 5 });
  assert.equal(page.meta.limit, 5);
  assert.deepEqual(page.numbers, []);
});

test('the token is in no inspect, JSON, message or stack, in any encoding', async () => {
  const secret = 'tok-very-secret-node';
  const leaky = new PowerpackClient({ authId: sandbox.AUTH_ID, authToken: secret, baseUrl: sandbox.URL });
  await sandbox.fault('echo_credentials', 'GET', sandbox.powerpackPath('x'), { status: 400 });
  const error = await leaky.getPowerpack('x').catch((e) => e);
  assert.ok(error instanceof InvalidRequestError);
  assert.equal(error.reason, `bad credentials ${sandbox.AUTH_ID}:*** (Authorization: Basic ***)`);
  const bad = (() => {
    try {
      return new PowerpackClient({ authId: sandbox.AUTH_ID, authToken: secret, connectTimeoutMs: secret });
    } catch (e) {
      return e;
    }
  })();
  assert.ok(bad instanceof ValidationError);
  const text = [
    util.inspect(leaky, { showHidden: true, depth: 5 }),
    JSON.stringify(leaky),
    String(leaky),
    util.inspect(error, { showHidden: true }),
    error.stack,
    JSON.stringify(error),
    util.inspect(bad, { showHidden: true }),
    bad.stack,
  ].join('\n');
  const encodings = [secret, Buffer.from(`${sandbox.AUTH_ID}:${secret}`).toString('base64'), encodeURIComponent(secret)];
  for (const encoded of encodings) assert.ok(!text.includes(encoded), `leaked as ${encoded}`);
  assert.equal(util.inspect(leaky), `PowerpackClient { authId: '${sandbox.AUTH_ID}' }`);
  assert.deepEqual(Object.keys(leaky), []);
});

test('fromEnv reads the PLIVO_ variables', async () => {
  const saved = { ...process.env };
  Object.assign(process.env, { PLIVO_AUTH_ID: sandbox.AUTH_ID, PLIVO_AUTH_TOKEN: sandbox.AUTH_TOKEN, PLIVO_BASE_URL: sandbox.URL });
  try {
    const fromEnv = PowerpackClient.fromEnv();
    assert.equal(fromEnv.authId, sandbox.AUTH_ID);
    assert.equal((await fromEnv.listPowerpacks()).meta.totalCount, 0);
    assert.throws(() => PowerpackClient.fromEnv({ authToken: 'x' }), ValidationError);
  } finally {
    process.env = saved;
  }
});

test('the process exits at once with calls in flight', () => {
  const script = `
    const { PowerpackClient } = require('plivo-powerpack');
    const c = new PowerpackClient({ authId: '${sandbox.AUTH_ID}', authToken: 't', baseUrl: '${sandbox.URL}' });
    fetch('${sandbox.URL}/__admin/faults', { method: 'POST', body: JSON.stringify({ kind: 'hang', count: 100, ms: 30000 }) })
      .then(() => {
        for (let i = 0; i < 50; i++) c.listPowerpacks().catch(() => {});
        return new Promise((r) => setTimeout(r, 300));
      })
      .then(() => process.exit(7));`;
  const started = Date.now();
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20000 });
  assert.equal(child.status, 7, child.stderr);
  assert.equal(child.stderr, '');
  assert.ok(Date.now() - started < 10000, 'exited long before the hung calls would end');
});
