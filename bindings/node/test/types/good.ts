// Every call of the package, typed as a user writes them: tsc --strict --noEmit must accept it.
import {
  PowerpackClient,
  NotFoundError,
  PowerpackError,
  type Powerpack,
  type PoolNumber,
  type UpdatePowerpack,
} from 'plivo-powerpack';

export async function everyCall(client: PowerpackClient, signal: AbortSignal): Promise<void> {
  const created: Powerpack = await client.createPowerpack({ name: 'n', stickySender: false });
  const changes: UpdatePowerpack = {
    name: 'support-line',
    stickySender: false,
    localConnect: true,
    application: { type: 'xml', appId: '20342783288007824' },
    numberPriority: [
      { countryIso: 'US', serviceType: 'SMS', priority: { priority1: 'shortcode', priority2: 'tollfree', priority3: 'longcode' } },
    ],
  };
  const updated = await client.updatePowerpack(created.uuid, changes, { signal });
  const seed = await (await client.powerpacks.get(created.uuid)).update({ name: 'seed' });
  const when: Date | null = updated.createdOn;
  const page = await client.listPowerpacks({ limit: 5, offset: 0 });
  const total: number = page.meta.totalCount;
  const all: Powerpack[] = await client.listAllPowerpacks();
  await client.getPowerpack(seed.uuid);
  const pool = client.numberPool(updated.numberPoolUuid ?? '');
  const fromPowerpack = created.pool();
  await pool.listNumbers({ filter: { startsWith: ['1415'], numberType: 'fixed', service: 'SMS' }, limit: 20 });
  const numbers: PoolNumber[] = await pool.listAllNumbers();
  await pool.getNumber('14155550100');
  await pool.addNumber('14155550100', { service: 'MMS' });
  await pool.buyAndAddNumber('14155550100');
  await pool.removeNumber('14155550100', { unrent: true });
  await pool.listShortcodes();
  await pool.listAllShortcodes();
  await pool.getShortcode('444444');
  await pool.removeShortcode('444444');
  await pool.listTollfree({ offset: 20 });
  await pool.listAllTollfree();
  await pool.getTollfree('18005550100');
  await fromPowerpack.addTollfree('18005550100');
  await pool.removeTollfree('18005550100');
  await client.deletePowerpack(created.uuid, { unrentNumbers: false });
  await seed.delete();
  try {
    await client.getPowerpack('missing');
  } catch (e) {
    if (e instanceof NotFoundError) console.log(e.status, e.apiId, e.kind satisfies 'not_found');
    else if (e instanceof PowerpackError) console.log(e.kind, e.retryAfterMs, e.field, e.bodyExcerpt);
  }
  console.log(when, total, all.length, numbers.length);
}

const client = new PowerpackClient({
  authId: 'MAODZKMDFJMJU3MTEYNG',
  authToken: 'token',
  baseUrl: 'http://127.0.0.1:9',
  attemptTimeoutMs: 2000,
  retry: { maxAttempts: 3 },
  trustStore: 'system',
});
void everyCall(client, AbortSignal.timeout(1000));
void PowerpackClient.fromEnv({ userAgentSuffix: 'my-app/1.0' });
