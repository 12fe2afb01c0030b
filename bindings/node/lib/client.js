'use strict';
// The package's JavaScript layer, built from the core's description of its operation table
// (`describe()` of the addon): every method of PowerpackClient and NumberPool, the codec between
// camelCase objects and the core's neutral JSON, and one error class per error kind. Nothing
// here names an operation: a call added to the core's table appears here by itself (and in
// index.d.ts / index.mjs when scripts/generate.mjs is run; the suite fails until it is).

const util = require('node:util');
const native = require('../native.js');

const description = JSON.parse(native.describe());

// ------------------------------------------------------------------------------------ names

const camel = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const pascal = (snake) => camel(snake).replace(/^./, (c) => c.toUpperCase());
/** A core field path (`number_priority[0].country_iso`) in this package's naming. */
const camelPath = (path) => path.replace(/[a-z][a-z0-9_]*/gi, (word) => camel(word));

const byName = (list) => new Map(list.map((item) => [item.name, item]));
const requestRecords = byName(description.request_records.concat(description.settings_records));
const resultRecords = byName(description.result_records);
const unions = byName(description.unions);

// ------------------------------------------------------------------------------------ errors

/** Every error this package raises: `kind` is the core's kind (`'not_found'`...). */
class PowerpackError extends Error {
  constructor(parts) {
    super(parts.message || parts.reason || parts.kind);
    this.name = new.target.name;
    this.kind = parts.kind;
    this.status = parts.status ?? null;
    this.apiId = parts.api_id ?? null;
    this.reason = parts.reason ?? '';
    this.bodyExcerpt = parts.body_excerpt ?? null;
    this.retryAfterMs = parts.retry_after == null ? null : Math.round(parts.retry_after * 1000);
    this.field = parts.field == null ? null : camelPath(parts.field);
    this.path = parts.path ?? null;
  }
}

/** One subclass per kind of the core (`NotFoundError` for `'not_found'`), built from its list. */
const errorClasses = {};
for (const kind of description.error_kinds) {
  const name = `${pascal(kind)}Error`;
  errorClasses[name] = { [name]: class extends PowerpackError {} }[name];
}
const classOfKind = new Map(description.error_kinds.map((kind) => [kind, errorClasses[`${pascal(kind)}Error`]]));

function raise(parts) {
  const Class = classOfKind.get(parts.kind) || errorClasses.InternalError;
  return new Class(parts);
}

function validation(field, reason) {
  return raise({ kind: 'validation', field, reason, message: `invalid ${field}: ${reason}` });
}

/** A rejection of the addon as this package's error (its message is the core's error parts). */
function fromNative(error) {
  let parts;
  try {
    parts = JSON.parse(error.message);
  } catch {
    return raise({ kind: 'internal', reason: `the addon failed: ${error.message}` });
  }
  return parts.cancelled ? null : raise(parts);
}

// ------------------------------------------------------------------------------------ codec

/** A caller's value of a described type in the neutral JSON; refuses unknown keys by name. */
function encode(type, value, path) {
  if (value === undefined || value === null) return value;
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) throw validation(path, `must be an array, not ${typeof value}`);
    return value.map((item, i) => encode(type.slice(0, -2), item, `${path}[${i}]`));
  }
  const record = requestRecords.get(type);
  if (record) return encodeRecord(record.fields, value, path);
  const union = unions.get(type);
  if (union) return encodeUnion(union, value, path);
  return value; // strings, booleans, integers, enums: the core checks them
}

/** A described field list by this package's names, made once per list (not once per call). */
const byCamelName = new WeakMap();
function camelNames(fields) {
  let known = byCamelName.get(fields);
  if (!known) {
    known = new Map(fields.map((f) => [camel(f.name), f]));
    byCamelName.set(fields, known);
  }
  return known;
}

function encodeRecord(fields, value, path) {
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw validation(path || 'options', `must be an object, not ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  const out = {};
  const known = camelNames(fields);
  for (const [key, v] of Object.entries(value)) {
    const field = known.get(key);
    const at = path ? `${path}.${key}` : key;
    if (!field) {
      const expected = [...known.keys()].join(', ');
      throw validation(at, `is not an option here; the options are ${expected}`);
    }
    if (v !== undefined) out[field.name] = encode(field.type, v, at);
  }
  return out;
}

function encodeUnion(union, value, path) {
  if (typeof value !== 'object' || Array.isArray(value)) throw validation(path, 'must be an object');
  const tag = value[union.tag];
  const variant = union.variants.find(([name]) => name === tag);
  if (!variant) {
    throw validation(`${path}.${union.tag}`, `must be one of ${union.variants.map(([n]) => `'${n}'`).join(', ')}`);
  }
  const out = { [union.tag]: tag };
  const fields = camelNames(variant[1]);
  for (const [key, v] of Object.entries(value)) {
    if (key === union.tag || v === undefined) continue;
    const field = fields.get(key);
    if (!field) throw validation(`${path}.${key}`, `is not a field of a '${tag}' ${camel(union.name)}`);
    out[field.wire] = v;
  }
  return out;
}

/**
 * The core's neutral result of a described type as this package's value. A record with a class
 * (a Powerpack) knows the client that fetched it, in a property JSON and inspect do not show.
 */
function decode(type, value, client) {
  if (value === null || value === undefined) return null;
  if (type.endsWith('[]')) return value.map((item) => decode(type.slice(0, -2), item, client));
  if (type === 'timestamp') return new Date(value);
  const record = resultRecords.get(type) || requestRecords.get(type);
  if (!record) return value;
  const Class = recordClasses.get(type);
  const out = Class ? Object.create(Class.prototype, { [CLIENT]: { value: client } }) : {};
  for (const field of record.fields) out[camel(field.name)] = decode(field.type, value[field.name], client);
  return out;
}

// ------------------------------------------------------------------------------------ calls

const ABORT_OPTION = 'signal';

/**
 * Runs one operation: its arguments (already neutral) to the addon, its result decoded. With a
 * signal: an aborted signal rejects at once, with no I/O; an abort mid-flight cancels the Rust
 * future (the request is dropped, nothing is retried) and rejects with the signal's reason, a
 * DOMException named AbortError unless the caller gave another, as fetch does.
 */
async function run(handle, spec, args, signal) {
  const text = JSON.stringify(args);
  let cancel = null;
  let onAbort = null;
  if (signal != null) {
    if (typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function') {
      throw validation(ABORT_OPTION, 'must be an AbortSignal');
    }
    signal.throwIfAborted();
    cancel = new native.Cancel();
    onAbort = () => cancel.cancel();
    signal.addEventListener('abort', onAbort, { once: true });
  }
  try {
    const answer = await handle[NATIVE].call(spec.name, text, cancel);
    return decode(spec.result, JSON.parse(answer), handle instanceof NumberPool ? handle.client : handle);
  } catch (error) {
    const typed = error instanceof Error && !(error instanceof PowerpackError) ? fromNative(error) : error;
    if (typed === null) throw signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
    throw typed;
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/**
 * The method of one operation: its required arguments positional, in the description's order;
 * its optional ones and `signal` in a trailing options object. `supply` gives the arguments the
 * handle carries (a pool's `pool_uuid`), named in `supplied`.
 */
function method(spec, supplied, supply) {
  const positional = spec.args.filter((a) => !a.optional && !supplied.includes(a.name));
  const optional = spec.args.filter((a) => a.optional && !supplied.includes(a.name));
  const optionNames = camelNames(optional);
  const fn = function (...given) {
    return (async () => {
      const args = supply(this);
      positional.forEach((arg, i) => {
        const value = given[i];
        if (value === undefined || value === null) throw validation(camel(arg.name), 'is required');
        args[arg.name] = encode(arg.type, value, requestRecords.has(arg.type) ? '' : camel(arg.name));
      });
      const options = given[positional.length] ?? {};
      if (typeof options !== 'object' || Array.isArray(options)) throw validation('options', 'must be an object');
      if (given.length > positional.length + 1) {
        throw validation('arguments', `${camel(spec.name)} takes ${positional.length} argument(s) and an options object`);
      }
      let signal;
      for (const [key, value] of Object.entries(options)) {
        if (key === ABORT_OPTION) {
          signal = value;
          continue;
        }
        const arg = optionNames.get(key);
        if (!arg) {
          const expected = [...optionNames.keys(), ABORT_OPTION].join(', ');
          throw validation(key, `is not an option of ${camel(spec.name)}; the options are ${expected}`);
        }
        if (value !== undefined) args[arg.name] = encode(arg.type, value, key);
      }
      return run(this, spec, args, signal);
    })();
  };
  Object.defineProperty(fn, 'name', { value: camel(spec.name) });
  return fn;
}

const NATIVE = Symbol('native client');
const CLIENT = Symbol('client');

// ------------------------------------------------------------------------------------ handles

/** Client settings in camelCase, to the core's settings JSON (keys checked, values by the core). */
function settingsJson(options) {
  const settings = encodeRecord(description.settings, options ?? {}, '');
  // The User-Agent names Node (`plivo-powerpack/<v> (Rust) node/<v>`) unless the caller names another.
  if (settings.user_agent_suffix === undefined) settings.user_agent_suffix = NODE_UA;
  return JSON.stringify(settings);
}
const NODE_UA = `node/${process.versions.node}`;

function construct(options) {
  try {
    return native.NativeClient.fromSettings(settingsJson(options));
  } catch (error) {
    throw error instanceof PowerpackError ? error : fromNative(error);
  }
}

/**
 * A Powerpack API client. Every call returns a Promise and never blocks the event loop. The
 * auth token goes to the Rust core at construction and is never held, shown or logged here.
 */
class PowerpackClient {
  /** @param options the credentials and settings; without credentials, PLIVO_AUTH_ID/TOKEN. */
  constructor(options = {}) {
    Object.defineProperty(this, NATIVE, { value: construct(options) });
  }

  /** A client from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN (and PLIVO_BASE_URL, PLIVO_CA_BUNDLE). */
  static fromEnv(options = {}) {
    if ('authId' in options || 'authToken' in options) {
      throw validation('options', 'fromEnv reads the credentials from the environment; pass them to the constructor instead');
    }
    return new PowerpackClient(options);
  }

  get authId() {
    return this[NATIVE].authId;
  }

  /** The calls on one number pool (a Powerpack's `numberPoolUuid`). */
  numberPool(poolUuid) {
    return new NumberPool(this, poolUuid);
  }

  /** Plivo's SDK shape: `client.powerpacks.get(uuid)` then `powerpack.update({ name })`. */
  get powerpacks() {
    const client = this;
    return {
      get: (uuid, options) => client.getPowerpack(uuid, options),
      create: (params, options) => client.createPowerpack(params, options),
      list: (options) => client.listPowerpacks(options),
      delete: (uuid, options) => client.deletePowerpack(uuid, options),
    };
  }

  toJSON() {
    return { authId: this.authId };
  }

  toString() {
    return `${this.constructor.name} { authId: ${util.inspect(this.authId)} }`;
  }

  [util.inspect.custom]() {
    return this.toString();
  }
}

/**
 * Plivo's SDK shape, `new plivo.Client(authId, authToken)`, so that code written for plivo-node
 * changes only its constructor line; without credentials they come from the environment.
 */
class Client extends PowerpackClient {
  constructor(authId, authToken, options = {}) {
    super(authId === undefined && authToken === undefined ? options : { ...options, authId, authToken });
  }
}

/** A Powerpack's number pool: its numbers, shortcodes and toll-free numbers. */
class NumberPool {
  constructor(client, poolUuid) {
    if (!(client instanceof PowerpackClient)) throw validation('client', 'must be a PowerpackClient');
    if (typeof poolUuid !== 'string' || poolUuid === '') throw validation('poolUuid', 'must be a non-empty string');
    Object.defineProperty(this, NATIVE, { value: client[NATIVE] });
    Object.defineProperty(this, 'client', { value: client });
    this.uuid = poolUuid;
  }
}

/** Which class carries the operations of each handle of the table, and what that handle supplies. */
const handles = {
  client: { prototype: PowerpackClient.prototype, supplied: [], supply: () => ({}) },
  pool: { prototype: NumberPool.prototype, supplied: ['pool_uuid'], supply: (pool) => ({ pool_uuid: pool.uuid }) },
};
for (const spec of description.operations) {
  const handle = handles[spec.on];
  if (!handle) throw new Error(`plivo-powerpack: the core's operation ${spec.name} is on an unknown handle ${spec.on}`);
  Object.defineProperty(handle.prototype, camel(spec.name), {
    value: method(spec, handle.supplied, handle.supply),
    writable: true,
    configurable: true,
  });
}

/** A Powerpack as the API returns it, with the seed's calls on it. */
class Powerpack {
  /** "Update a Powerpack": the changed fields only; resolves with the updated Powerpack. */
  update(changes, options) {
    return this[CLIENT].updatePowerpack(this.uuid, changes, options);
  }
  delete(options) {
    return this[CLIENT].deletePowerpack(this.uuid, options);
  }
  /** This Powerpack's number pool (`numberPool` is the API's field: the pool's URI). */
  pool() {
    if (!this.numberPoolUuid) throw validation('numberPoolUuid', 'this Powerpack has no number pool');
    return this[CLIENT].numberPool(this.numberPoolUuid);
  }
}
const recordClasses = new Map([['Powerpack', Powerpack]]);

module.exports = {
  PowerpackClient,
  Client,
  NumberPool,
  Powerpack,
  PowerpackError,
  ...errorClasses,
  description,
  _internal: { camel, camelPath, CLIENT, NATIVE },
};
