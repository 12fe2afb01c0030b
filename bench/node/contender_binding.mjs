// Benchmark contender: the Node binding (the npm tarball staged with the release addon,
// target/dist-release/node, installed here by scripts/bench.sh).
const started = process.hrtime.bigint();
const { PowerpackClient } = await import('plivo-powerpack');
const { run } = await import('./workload.mjs');

let client;
await run(async (base, uuid, sticky) => {
  client ??= new PowerpackClient({ baseUrl: base }); // credentials from PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN
  return (await client.updatePowerpack(uuid, { stickySender: sticky })).stickySender;
}, started);
