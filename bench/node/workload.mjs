// The benchmark protocol every contender speaks (bench/run.py), for the two Node contenders:
//   node <contender>.mjs <throughput|cold|latency|soak> <base_url> <uuids_file>
// `update(uuid, sticky)` is the contender's "Update a Powerpack" call; it must resolve with the
// sticky_sender the API answered, which is checked on every update.
import { readFileSync } from 'node:fs';

export async function run(update, started) {
  const [mode, base, uuidsFile] = process.argv.slice(2);
  const uuids = readFileSync(uuidsFile, 'utf8').trim().split(/\s+/);
  const one = async (i) => {
    const sticky = i % 2 === 0;
    const got = await update(base, uuids[i % uuids.length], sticky);
    if (got !== sticky) throw new Error(`update ${i}: sticky_sender came back ${got}`);
  };
  const sequential = async (n) => {
    for (let i = 0; i < n; i++) await one(i);
  };
  // `width` workers, each taking the next update until `n` are done.
  const concurrent = async (n, width) => {
    let next = 0;
    await Promise.all(Array.from({ length: width }, async () => {
      while (next < n) await one(next++);
    }));
  };
  const seconds = (t) => Number(process.hrtime.bigint() - t) / 1e9;
  let out;
  if (mode === 'cold') {
    await one(0);
    out = { first_call_s: seconds(started) };
  } else if (mode === 'throughput') {
    await sequential(100);
    let t = process.hrtime.bigint();
    await sequential(2000);
    const seq = seconds(t);
    t = process.hrtime.bigint();
    await concurrent(2000, 64);
    out = { seq_s: seq, conc_s: seconds(t) };
  } else if (mode === 'latency') {
    await concurrent(2000, 256);
    const t = process.hrtime.bigint();
    await concurrent(2000, 256);
    out = { latency_s: seconds(t) };
  } else if (mode === 'soak') {
    await sequential(100000);
    out = { soak_n: 100000 };
  } else {
    throw new Error(`no mode ${mode}`);
  }
  console.log(JSON.stringify(out));
}
