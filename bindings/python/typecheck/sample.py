"""A typed sample that uses every call of the installed package; `mypy --strict` must pass on it.

It is type-checked only (never run): `make test` runs mypy on it against the installed wheel.
"""

import asyncio
import datetime
from typing import List, Optional

import plivo_powerpack as pp
from plivo_powerpack import (
    Application,
    ClientConfig,
    DeleteResult,
    NumberPool,
    NumberPriority,
    PoolNumber,
    PoolNumberPage,
    PoolNumberType,
    Powerpack,
    PowerpackClient,
    PowerpackError,
    PowerpackPage,
    Priority,
    NumberType,
    RetryPolicy,
    ServiceType,
    Shortcode,
    ShortcodePage,
    TrustStore,
)


def blocking(client: PowerpackClient) -> None:
    created: Powerpack = client.create_powerpack("name", sticky_sender=False, local_connect=True,
                                                 application=Application.XML(app_id="20342783288007824"))
    got: Powerpack = client.get_powerpack(created.uuid)
    priority = NumberPriority(country_iso="US", service_type=ServiceType.SMS,
                              priority=Priority(priority1=NumberType.SHORTCODE, priority2=NumberType.TOLLFREE,
                                                priority3=NumberType.LONGCODE))
    updated: Powerpack = client.update_powerpack(got.uuid, name="renamed", sticky_sender=False, local_connect=False,
                                                 application=Application.DETACH(), number_priority=[priority])
    when: Optional[datetime.datetime] = updated.created_on
    page: PowerpackPage = client.list_powerpacks(limit=5, offset=0)
    total: int = page.meta.total_count
    everything: List[Powerpack] = client.list_all_powerpacks()
    deleted: DeleteResult = client.delete_powerpack(created.uuid, unrent_numbers=False)
    print(when, total, len(everything), deleted.response)

    pool: NumberPool = client.number_pool(updated)
    same: NumberPool = client.number_pool("659c7f88-c819-46e2-8af4-2d8a84249099")
    added: PoolNumber = pool.add_number("14155550100", service=ServiceType.MMS)
    bought: PoolNumber = pool.buy_and_add_number("14155550199")
    numbers: PoolNumberPage = pool.list_numbers(starts_with=["1415"], country_iso2="US",
                                                number_type=PoolNumberType.MOBILE, service=ServiceType.SMS,
                                                limit=5, offset=0)
    all_numbers: List[PoolNumber] = pool.list_all_numbers(country_iso2="US")
    found: PoolNumber = pool.get_number("14155550100")
    removed: DeleteResult = pool.remove_number("14155550100", unrent=False)
    codes: ShortcodePage = pool.list_shortcodes(limit=20, offset=0)
    all_codes: List[Shortcode] = pool.list_all_shortcodes()
    code: Shortcode = pool.get_shortcode("444444")
    pool.remove_shortcode("444444")
    tollfree: PoolNumberPage = pool.list_tollfree(limit=20)
    pool.add_tollfree("18005550100")
    pool.get_tollfree("18005550100")
    pool.remove_tollfree("18005550100", unrent=True)
    all_tollfree: List[PoolNumber] = pool.list_all_tollfree()
    print(same.uuid(), added.number, bought.added_on, numbers.meta.total_count, len(all_numbers), found.number_type,
          removed.api_id, codes.shortcodes, len(all_codes), code.country_iso2, tollfree.numbers, all_tollfree)


async def concurrent(client: PowerpackClient) -> None:
    created: Powerpack = await client.create_powerpack_async("async", sticky_sender=True)
    got: Powerpack = await client.get_powerpack_async(created.uuid)
    updated: Powerpack = await client.update_powerpack_async(got.uuid, name="renamed", local_connect=False)
    page: PowerpackPage = await client.list_powerpacks_async(limit=1)
    everything: List[Powerpack] = await client.list_all_powerpacks_async()
    deleted: DeleteResult = await client.delete_powerpack_async(created.uuid)
    pool = client.number_pool(updated)
    added: PoolNumber = await pool.add_number_async("14155550100")
    numbers: PoolNumberPage = await pool.list_numbers_async(country_iso2="US", limit=1)
    all_numbers: List[PoolNumber] = await pool.list_all_numbers_async(number_type=PoolNumberType.FIXED)
    removed: DeleteResult = await pool.remove_number_async("14155550100")
    results: List[Powerpack] = await asyncio.gather(*(client.get_powerpack_async(created.uuid) for _ in range(3)))
    print(page, everything, deleted, added, numbers, all_numbers, removed, results)


def errors(client: PowerpackClient) -> None:
    try:
        client.get_powerpack("0166c910-1268-47c7-bf30-f5809ee843b9")
    except PowerpackError.NotFound as e:
        status: int = e.status
        api_id: Optional[str] = e.api_id
        reason: str = e.reason
        print(status, api_id, reason)
    except PowerpackError.RateLimited as e:
        wait: Optional[datetime.timedelta] = e.retry_after
        print(wait)
    except PowerpackError.Validation as e:
        field: str = e.field
        print(field)
    except PowerpackError.Tls as e:
        print("untrusted certificate:", e.reason)
    except PowerpackError as e:
        print(e)


def main() -> None:
    config = ClientConfig(base_url="http://127.0.0.1:8080", attempt_timeout=datetime.timedelta(seconds=5),
                          root_certificates_pem=["-----BEGIN CERTIFICATE-----..."], trust_store=TrustStore.SYSTEM,
                          total_deadline=datetime.timedelta(seconds=30),
                          retry=RetryPolicy(max_attempts=3, base_delay=datetime.timedelta(milliseconds=100)))
    client = PowerpackClient("MASANDBOX00000000001", "sandbox-auth-token", config)
    from_env: PowerpackClient = PowerpackClient.from_env(config)
    blocking(client)
    asyncio.run(concurrent(client))
    errors(from_env)
    print(pp.__name__)


if __name__ == "__main__":
    main()
