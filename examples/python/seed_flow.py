"""The seed's Python example, line for line, with plivo-powerpack.

    PLIVO_AUTH_ID=MA... PLIVO_AUTH_TOKEN=... python seed_flow.py <powerpack_uuid>

PLIVO_BASE_URL points it at a sandbox instead of api.plivo.com.
"""
import asyncio
import sys

import plivo_powerpack

uuid = sys.argv[1]
client = plivo_powerpack.PowerpackClient.from_env()  # PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN, PLIVO_BASE_URL
powerpack = client.get_powerpack(uuid)
print(client.update_powerpack(powerpack.uuid, name="powerpack_name_from_python"))

# The same from asyncio, updating by uuid directly.
async def main():
    updated = await client.update_powerpack_async(uuid, sticky_sender=True, local_connect=True)
    print(f"async: sticky_sender={updated.sticky_sender} local_connect={updated.local_connect}")

asyncio.run(main())

# Errors are exception classes with fields.
try:
    client.get_powerpack("no-such-powerpack")
except plivo_powerpack.PowerpackError.NotFound as e:
    print(f"not found: status={e.status} api_id={e.api_id} reason={e.reason!r}")
