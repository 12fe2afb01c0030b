// The conformance vectors of tests/vectors/ through the installed package's API, called as a
// user calls it (camelCase records, positional arguments, an options object), mapped from and to
// the neutral form with the core's own description of each type. The counts go to
// target/vectors/node.json. One mapping is lossy by nature: a JavaScript Date holds
// milliseconds, so times are compared to the millisecond.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PowerpackClient, PowerpackError, description } from 'plivo-powerpack';
import * as sandbox from './sandbox.mjs';

const KINDS = ['requests', 'responses', 'retries', 'validation'];
const files = Object.fromEntries(
  KINDS.map((k) => [k, JSON.parse(readFileSync(join(sandbox.ROOT, 'tests/vectors', `${k}.json`), 'utf8'))]),
);
const counts = { passed: 0, failed: 0, skipped: 0 };
// What Node's API cannot express, and why: nothing.
const SKIPS = {};

after(() => {
  mkdirSync(join(sandbox.ROOT, 'target/vectors'), { recursive: true });
  writeFileSync(
    join(sandbox.ROOT, 'target/vectors/node.json'),
    JSON.stringify({ language: 'node', ...counts, skips: Object.keys(SKIPS) }),
  );
});

const camel = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const snake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const records = new Map(
  [...description.request_records, ...description.result_records, ...description.settings_records].map((r) => [r.name, r]),
);
const unions = new Map(description.unions.map((u) => [u.name, u]));
const ops = new Map(description.operations.map((o) => [o.name, o]));

/** A neutral argument as a Node caller writes it. */
function toNode(type, value) {
  if (value === null || value === undefined) return value;
  if (type.endsWith('[]')) return value.map((v) => toNode(type.slice(0, -2), v));
  const union = unions.get(type);
  if (union) {
    const [, fields] = union.variants.find(([tag]) => tag === value[union.tag]);
    const out = { [union.tag]: value[union.tag] };
    for (const f of fields) if (f.wire in value) out[camel(f.name)] = value[f.wire];
    return out;
  }
  const record = records.get(type);
  if (!record) return value;
  const types = new Map(record.fields.map((f) => [f.name, f.type]));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), toNode(types.get(k) ?? 'unknown', v)]));
}

/** A Node result in the neutral form; times to the millisecond. */
function toNeutral(type, value) {
  if (value === null || value === undefined) return null;
  if (type.endsWith('[]')) return value.map((v) => toNeutral(type.slice(0, -2), v));
  if (type === 'timestamp') return value.toISOString();
  const record = records.get(type);
  if (!record) return value;
  return Object.fromEntries(record.fields.map((f) => [f.name, toNeutral(f.type, value[camel(f.name)])]));
}

/** The expected neutral result with its times as a Date holds them. */
function toMillis(type, value) {
  if (value === null || value === undefined) return value;
  if (type.endsWith('[]')) return value.map((v) => toMillis(type.slice(0, -2), v));
  if (type === 'timestamp') return new Date(value).toISOString();
  const record = records.get(type);
  if (!record) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toMillis(record.fields.find((f) => f.name === k)?.type ?? '', v)]));
}

const clients = {};
function clientFor(kind) {
  const c = files[kind].client;
  clients[kind] ??= new PowerpackClient({
    authId: c.auth_id,
    authToken: c.auth_token,
    baseUrl: sandbox.URL,
    retry: { maxAttempts: c.retry.max_attempts, baseDelayMs: c.retry.base_delay_ms, maxDelayMs: c.retry.max_delay_ms },
  });
  return clients[kind];
}

/** The operation through the package's API: positional required arguments, then options. */
function call(client, spec, args) {
  const handle = spec.on === 'pool' ? client.numberPool(args.pool_uuid) : client;
  const own = spec.args.filter((a) => !(spec.on === 'pool' && a.name === 'pool_uuid'));
  const positional = own.filter((a) => !a.optional).map((a) => toNode(a.type, args[a.name]));
  const options = Object.fromEntries(
    own.filter((a) => a.optional && a.name in args).map((a) => [camel(a.name), toNode(a.type, args[a.name])]),
  );
  return handle[camel(spec.name)](...positional, options);
}

function errorFields(e) {
  return {
    kind: e.kind,
    status: e.status,
    api_id: e.apiId,
    reason: e.reason,
    retry_after: e.retryAfterMs === null ? null : e.retryAfterMs / 1000,
    field: e.field === null ? null : snake(e.field),
    body_excerpt: e.bodyExcerpt,
  };
}

async function check(kind, v) {
  await sandbox.reset();
  for (const a of v.answers) {
    const body = a.body_fixture ? readFileSync(join(sandbox.ROOT, 'tests/fixtures/official-sdks', a.body_fixture), 'utf8') : a.body;
    await sandbox.admin('POST', 'faults', { kind: 'answer', count: 1, status: a.status, headers: a.headers, body });
  }
  const spec = ops.get(v.operation);
  assert.ok(spec, `the package has no operation ${v.operation}`);
  let got;
  try {
    got = ['result', toNeutral(spec.result, await call(clientFor(kind), spec, v.args))];
  } catch (e) {
    if (!(e instanceof PowerpackError)) throw e;
    got = ['error', errorFields(e)];
  }
  const expect = v.expect;
  const every = files[kind].every_request;
  const journal = await sandbox.journal();
  assert.equal(journal.length, expect.attempts, 'attempts');
  (expect.requests ?? []).forEach((want, i) => {
    const seen = journal[i];
    assert.deepEqual(
      [seen.method, seen.path, seen.query, seen.body === '' ? null : seen.body],
      [want.method, every.path_prefix + want.path, want.query, want.body],
      `request ${i}`,
    );
    const headers = Object.fromEntries(seen.headers);
    for (const [name, value] of Object.entries({ ...want.headers, ...every.headers })) assert.equal(headers[name], value, name);
    assert.match(headers['user-agent'], new RegExp(every.user_agent_pattern));
  });
  if ('result' in expect) {
    assert.deepEqual(got, ['result', toMillis(spec.result, expect.result)]);
  } else {
    assert.equal(got[0], 'error', JSON.stringify(got));
    const picked = Object.fromEntries(Object.keys(expect.error).map((k) => [k, got[1][k]]));
    assert.deepEqual(picked, expect.error);
  }
}

for (const kind of KINDS) {
  files[kind].vectors.forEach((v, i) => {
    test(`${kind} ${String(i).padStart(3, '0')} ${v.name}`, async () => {
      counts.failed += 1;
      await check(kind, v);
      counts.failed -= 1;
      counts.passed += 1;
    });
  });
}
