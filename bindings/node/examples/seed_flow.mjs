// The seed's Node flow on the installed package: get a Powerpack, update it, read it back; then
// the same call in Plivo's SDK shape (`new plivo.Client(id, token)`, `client.powerpacks.get`).
//   node examples/seed_flow.mjs <powerpack uuid>     (PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN, PLIVO_BASE_URL)
import { PowerpackClient, Client, NotFoundError } from 'plivo-powerpack';

const uuid = process.argv[2];
const client = PowerpackClient.fromEnv();
console.log(`node: ${client} updating ${uuid}`);
const powerpack = await client.powerpacks.get(uuid);
const updated = await powerpack.update({
  name: 'your_powerpack_name',
  stickySender: false,
  localConnect: false,
  application: { type: 'xml', appId: '20342783288007824' },
});
console.log(`node: updated ${updated.uuid}: name=${updated.name} stickySender=${updated.stickySender} ` +
  `localConnect=${updated.localConnect} application=${updated.applicationType}:${updated.applicationId} ` +
  `createdOn=${updated.createdOn?.toISOString()}`);

// The seed's example as written, with only its constructor line changed.
const plivoShape = new Client(process.env.PLIVO_AUTH_ID, process.env.PLIVO_AUTH_TOKEN, { baseUrl: process.env.PLIVO_BASE_URL });
const result = await plivoShape.powerpacks.get(uuid).then((p) => p.update({ name: 'your_powerpack_name' }));
console.log(`node (Plivo's shape): ${result.name}`);

try {
  await client.getPowerpack('0166c910-1268-47c7-bf30-f5809ee843b9');
} catch (e) {
  if (!(e instanceof NotFoundError)) throw e;
  console.log(`node: a missing Powerpack is a ${e.name} (status ${e.status}, kind ${e.kind})`);
}
