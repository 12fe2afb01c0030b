// Benchmark contender: plivo-node 4.79.0 (npm `plivo`), Plivo's official Node SDK. Its
// `client.powerpacks.update(uuid, params)` is one request per update, as ours (the seed's
// `powerpacks.get(uuid).then(p => p.update(...))` would be two).
const started = process.hrtime.bigint();
const plivo = (await import('plivo')).default;
const { run } = await import('./workload.mjs');

let client;
await run(async (base, uuid, sticky) => {
  client ??= new plivo.Client(process.env.PLIVO_AUTH_ID, process.env.PLIVO_AUTH_TOKEN, {
    url: `${base}/v1/Account/${process.env.PLIVO_AUTH_ID}`,
  });
  const result = await client.powerpacks.update(uuid, { sticky_sender: sticky });
  return result.stickySender;
}, started);
