"""The number pool from the installed wheel, against the sandbox: exact paths, query strings
and bodies; "rent" always explicit, "unrent" false by default; keyword filters; validation
before I/O; every error class; asyncio twins."""

import datetime
import json

import pytest

import plivo_powerpack as pp
from conftest import AUTH_ID, AUTH_TOKEN, fast_config

RENTED = [
    {"number": "14155550100", "country_iso2": "US", "type": "fixed"},
    {"number": "14155550101", "country_iso2": "US", "type": "mobile"},
    {"number": "447700900123", "country_iso2": "GB", "type": "mobile"},
    {"number": "18005550100", "country_iso2": "US", "type": "tollfree"},
]


@pytest.fixture
def owner(sandbox, client):
    """A Powerpack, and numbers the account rents (none in its pool yet); journal cleared."""
    powerpack = client.create_powerpack("pool owner")
    sandbox.seed(numbers=RENTED)
    sandbox._admin("DELETE", "journal")
    return powerpack


@pytest.fixture
def pool(client, owner):
    return client.number_pool(owner)


def pool_path(pool, rest):
    return f"/v1/Account/{AUTH_ID}/NumberPool/{pool.uuid()}/{rest}"


def only_request(sandbox):
    journal = sandbox.journal()
    assert len(journal) == 1, journal
    return journal[0]


def test_a_pool_is_named_by_a_powerpack_or_by_its_uuid(client, owner):
    by_powerpack = client.number_pool(owner)
    by_uuid = client.number_pool(owner.number_pool_uuid)
    assert by_powerpack.uuid() == by_uuid.uuid() == owner.number_pool_uuid
    assert isinstance(by_powerpack, pp.NumberPool)


def test_add_number_sends_rent_false_and_decodes_the_number(sandbox, pool):
    added = pool.add_number("14155550100")

    e = only_request(sandbox)
    assert (e["method"], e["path"], e["query"]) == ("POST", pool_path(pool, "Number/14155550100/"), None)
    assert json.loads(e["body"]) == {"rent": False}
    assert dict(e["headers"])["content-type"] == "application/json"
    assert (added.number, added.number_type, added.country_iso2, added.service) == ("14155550100", "fixed", "US", "sms")
    assert added.number_pool_uuid == pool.uuid()
    assert added.account_phone_number_resource == f"/v1/Account/{AUTH_ID}/Number/14155550100/"
    assert isinstance(added.added_on, datetime.datetime)
    assert pool.get_number("14155550100").added_on == added.added_on


def test_buy_and_add_sends_rent_true_and_the_service(sandbox, pool):
    bought = pool.buy_and_add_number("14155559999", service=pp.ServiceType.MMS)
    assert json.loads(only_request(sandbox)["body"]) == {"rent": True, "service": "mms"}
    assert (bought.number, bought.service) == ("14155559999", "mms")


def test_remove_keeps_the_rental_unless_unrent(sandbox, pool):
    pool.add_number("14155550100")
    pool.add_number("14155550101")
    sandbox._admin("DELETE", "journal")

    assert pool.remove_number("14155550100").response == "success"
    assert pool.remove_number("14155550101", unrent=True).response == "success"

    deletes = [e for e in sandbox.journal() if e["method"] == "DELETE"]
    assert [e["path"] for e in deletes] == [pool_path(pool, "Number/14155550100/"), pool_path(pool, "Number/14155550101/")]
    assert [json.loads(e["body"]) for e in deletes] == [{"unrent": False}, {"unrent": True}]
    pool.add_number("14155550100")  # still rented
    with pytest.raises(pp.PowerpackError.NotFound) as info:
        pool.add_number("14155550101")  # released
    assert info.value.status == 404


def test_list_numbers_takes_keyword_filters(sandbox, pool):
    for n in ("14155550100", "14155550101", "447700900123"):
        pool.add_number(n)
    sandbox._admin("DELETE", "journal")

    page = pool.list_numbers(starts_with=["1415", "1650"], country_iso2="US",
                             number_type=pp.PoolNumberType.MOBILE, service=pp.ServiceType.SMS, limit=5)
    e = only_request(sandbox)
    assert (e["method"], e["path"]) == ("GET", pool_path(pool, "Number/"))
    assert e["query"] == "starts_with=1415,1650&country_iso2=US&type=mobile&service=sms&limit=5&offset=0"
    assert [n.number for n in page.numbers] == ["14155550101"]
    assert (page.meta.total_count, page.meta.limit, page.meta.offset) == (1, 5, 0)

    one_prefix = pool.list_numbers(starts_with="4477", country_iso2="GB")
    assert [n.number for n in one_prefix.numbers] == ["447700900123"]
    assert sandbox.journal()[-1]["query"] == "starts_with=4477&country_iso2=GB&limit=20&offset=0"
    assert [n.number for n in pool.list_numbers().numbers] == ["14155550100", "14155550101", "447700900123"]


def test_list_all_numbers_walks_every_page(sandbox, client, owner, pool):
    sandbox.seed(numbers=[{"number": f"1650555{i:04}", "country_iso2": "US", "powerpack": owner.uuid} for i in range(23)])
    sandbox._admin("DELETE", "journal")
    numbers = pool.list_all_numbers(country_iso2="US")
    assert len(numbers) == 23 and numbers[-1].number == "16505550022"
    assert [e["query"] for e in sandbox.journal()] == ["country_iso2=US&limit=20&offset=0", "country_iso2=US&limit=20&offset=20"]


def test_shortcodes_list_find_and_remove(sandbox, owner, pool):
    sandbox.seed(shortcodes=[{"shortcode": c, "country_iso2": "US", "powerpack": owner.uuid} for c in ("444444", "555555")])
    sandbox._admin("DELETE", "journal")

    page = pool.list_shortcodes(limit=1, offset=1)
    assert [s.shortcode for s in page.shortcodes] == ["555555"] and page.meta.total_count == 2
    found = pool.get_shortcode("444444")
    assert (found.shortcode, found.country_iso2, found.number_pool_uuid) == ("444444", "US", pool.uuid())
    assert pool.remove_shortcode("444444").response == "success"
    assert [s.shortcode for s in pool.list_all_shortcodes()] == ["555555"]

    j = sandbox.journal()
    assert (j[0]["path"], j[0]["query"]) == (pool_path(pool, "Shortcode/"), "limit=1&offset=1")
    assert (j[2]["method"], j[2]["path"], j[2]["body"]) == ("DELETE", pool_path(pool, "Shortcode/444444/"), "")
    with pytest.raises(pp.PowerpackError.NotFound):
        pool.get_shortcode("444444")


def test_tollfree_numbers_add_list_find_and_remove(sandbox, pool):
    added = pool.add_tollfree("18005550100")
    assert added.number_type == "tollfree"
    e = only_request(sandbox)
    assert (e["method"], e["path"], e["body"]) == ("POST", pool_path(pool, "Tollfree/18005550100/"), "")
    pool.add_number("14155550100")
    assert [n.number for n in pool.list_tollfree().numbers] == ["18005550100"]
    assert pool.get_tollfree("18005550100").number == "18005550100"
    with pytest.raises(pp.PowerpackError.NotFound):
        pool.get_tollfree("14155550100")
    with pytest.raises(pp.PowerpackError.InvalidRequest) as info:
        pool.add_tollfree("14155550101")
    assert "toll-free" in info.value.reason
    assert pool.remove_tollfree("18005550100", unrent=True).response == "success"
    delete = [e for e in sandbox.journal() if e["method"] == "DELETE"][0]
    assert (delete["path"], json.loads(delete["body"])) == (pool_path(pool, "Tollfree/18005550100/"), {"unrent": True})
    assert pool.list_all_tollfree() == []


@pytest.mark.parametrize("call, field", [
    (lambda p: p.add_number("+14155550100"), "number"),
    (lambda p: p.buy_and_add_number("1415"), "number"),
    (lambda p: p.get_number("1415555010x"), "number"),
    (lambda p: p.remove_number("../Powerpack"), "number"),
    (lambda p: p.get_tollfree(""), "number"),
    (lambda p: p.get_shortcode("44"), "shortcode"),
    (lambda p: p.list_numbers(starts_with="1415"), "starts_with"),
    (lambda p: p.list_numbers(country_iso2="US", starts_with=[str(n) for n in range(11)]), "starts_with"),
    (lambda p: p.list_numbers(country_iso2="usa"), "country_iso2"),
    (lambda p: p.list_numbers(limit=21), "limit"),
    (lambda p: p.list_tollfree(offset=-1), "offset"),
    (lambda p: p.list_shortcodes(limit=0), "limit"),
])
def test_invalid_input_raises_validation_before_any_request(sandbox, pool, call, field):
    with pytest.raises(pp.PowerpackError.Validation) as info:
        call(pool)
    assert info.value.field == field
    assert sandbox.journal() == []


def test_a_malformed_pool_uuid_or_a_powerpack_without_pool_is_refused(sandbox, client, owner):
    with pytest.raises(pp.PowerpackError.Validation) as info:
        client.number_pool("not-a-uuid")
    assert info.value.field == "pool_uuid"
    owner.number_pool_uuid = None
    with pytest.raises(pp.PowerpackError.Validation) as info:
        client.number_pool(owner)
    assert info.value.field == "powerpack.number_pool"
    assert sandbox.journal() == []


def test_api_errors_arrive_as_their_classes(sandbox, client, owner, pool):
    pool.add_number("14155550100")
    other = client.number_pool(client.create_powerpack("other"))
    with pytest.raises(pp.PowerpackError.InvalidRequest) as info:
        other.add_number("14155550100")
    assert (info.value.status, info.value.reason) == (400, "number 14155550100 belongs to another number pool")
    assert info.value.api_id

    with pytest.raises(pp.PowerpackError.NotFound):
        client.number_pool("0166c910-1268-47c7-bf30-f5809ee843b9").list_numbers()
    wrong = pp.PowerpackClient(AUTH_ID, "wrong-token", fast_config(sandbox.base_url))
    with pytest.raises(pp.PowerpackError.Authentication):
        wrong.number_pool(pool.uuid()).list_shortcodes()

    sandbox.fault("status", "POST", pool_path(pool, "Number/14155559999/"), status=503)
    sandbox._admin("DELETE", "journal")
    with pytest.raises(pp.PowerpackError.Server):
        pool.buy_and_add_number("14155559999")
    assert len(sandbox.journal()) == 1, "a buy is not repeated once the server may have seen it"
    sandbox.fault("status", "GET", pool_path(pool, "Number/14155550100/"), count=2, status=503)
    assert pool.get_number("14155550100").number == "14155550100"
    assert [e["status"] for e in sandbox.journal()[1:]] == [503, 503, 200]


def test_the_pool_repr_never_shows_the_token(sandbox, owner):
    client = pp.PowerpackClient(AUTH_ID, AUTH_TOKEN, fast_config(sandbox.base_url))
    text = repr(client.number_pool(owner))
    assert AUTH_TOKEN not in text and "***" in text and owner.number_pool_uuid in text


async def test_async_twins_make_the_same_requests(sandbox, client, owner):
    pool = client.number_pool(owner)
    added = await pool.add_number_async("14155550100", service=pp.ServiceType.MMS)
    bought = await pool.buy_and_add_number_async("14155559999")
    page = await pool.list_numbers_async(country_iso2="US", limit=1)
    everything = await pool.list_all_numbers_async()
    found = await pool.get_number_async("14155559999")
    removed = await pool.remove_number_async("14155550100")
    assert (added.service, bought.number, found.number, removed.response) == ("mms", "14155559999", "14155559999", "success")
    assert (page.meta.total_count, len(page.numbers), len(everything)) == (2, 1, 2)
    assert [json.loads(e["body"]) for e in sandbox.journal() if e["method"] != "GET"] == [
        {"rent": False, "service": "mms"}, {"rent": True}, {"unrent": False}]
    with pytest.raises(pp.PowerpackError.Validation):
        await pool.list_numbers_async(starts_with="1415")
    assert await pool.list_all_shortcodes_async() == []
    assert (await pool.list_tollfree_async()).numbers == []
