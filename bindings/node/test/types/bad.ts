// Four mistakes tsc --strict must refuse, one per line marked below.
import { PowerpackClient } from 'plivo-powerpack';

export async function mistakes(client: PowerpackClient): Promise<void> {
  await client.updatePowerpack('uuid', { stickySender: 'true' }); // a string boolean
  await client.getPowerpack(); // a missing uuid
  await client.updatePowerpack('uuid', { stikySender: true }); // a misspelled option
  await client.numberPool('pool').addNumber('14155550100', { service: 'sms' }); // not a ServiceType
}
