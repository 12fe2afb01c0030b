"""The Powerpack calls' JSON path (``call_json``; the C ABI for the blocking ones): the same
records and errors as UniFFI's typed exports, wrong Python types refused before anything is sent,
and the low-level call itself."""

import datetime
import json

import pytest

import plivo_powerpack as pp
from plivo_powerpack._native import PowerpackClient as NativeClient

from conftest import AUTH_ID, AUTH_TOKEN, fast_config

PRIORITY = pp.NumberPriority(
    country_iso="CA",
    service_type=pp.ServiceType.MMS,
    priority=pp.Priority(priority1=pp.NumberType.TOLLFREE, priority2=pp.NumberType.LONGCODE,
                         priority3=pp.NumberType.SHORTCODE),
)


def same_but_api_id(a, b):
    """Each answer carries its own api_id; every other field must match."""
    return {**a.__dict__, "api_id": None} == {**b.__dict__, "api_id": None} and a.api_id and b.api_id


def test_the_json_path_returns_what_the_typed_export_returns(sandbox, client):
    created = client.create_powerpack("json-path", sticky_sender=False,
                                      application=pp.Application.XML(app_id="20342783288007824"),
                                      number_priority=[PRIORITY])
    typed = NativeClient.get_powerpack(client, created.uuid)
    assert same_but_api_id(client.get_powerpack(created.uuid), typed)
    assert same_but_api_id(created, typed)  # the create's answer, decoded alike
    assert typed.number_priority == [PRIORITY]
    assert typed.application_type == "XML" and typed.sticky_sender is False
    assert isinstance(typed.created_on, datetime.datetime) and typed.created_on.tzinfo is not None

    updated = client.update_powerpack(created.uuid, application=pp.Application.DETACH(), local_connect=False)
    assert same_but_api_id(updated, NativeClient.get_powerpack(client, created.uuid))
    assert updated.application_id is None and updated.local_connect is False


def test_the_list_calls_return_what_the_typed_exports_return(sandbox, client):
    for i in range(3):
        client.create_powerpack(f"listed-{i}", number_priority=[PRIORITY] if i == 1 else None)
    page, typed = client.list_powerpacks(limit=2, offset=1), NativeClient.list_powerpacks(client, 2, 1)
    assert isinstance(page, pp.PowerpackPage) and isinstance(page.meta, pp.ListMeta)
    assert page.meta.__dict__ == typed.meta.__dict__
    assert (page.meta.limit, page.meta.offset, page.meta.total_count) == (2, 1, 3)
    assert len(page.powerpacks) == 2
    assert [p.__dict__ for p in page.powerpacks] == [p.__dict__ for p in typed.powerpacks]
    assert page.api_id and typed.api_id
    everything = client.list_all_powerpacks()
    assert [p.__dict__ for p in everything] == [p.__dict__ for p in NativeClient.list_all_powerpacks(client)]
    assert sorted(p.name for p in everything) == ["listed-0", "listed-1", "listed-2"]
    assert [p.number_priority for p in everything if p.name == "listed-1"] == [[PRIORITY]]
    first_get = next(e for e in sandbox.journal() if e["method"] == "GET")
    assert (first_get["path"], first_get["query"]) == (f"/v1/Account/{AUTH_ID}/Powerpack/", "limit=2&offset=1")


def test_a_phlo_and_an_empty_priority_list_are_sent_as_given(sandbox, client):
    uuid = client.create_powerpack("phlo").uuid
    phlo = "3a1b5a28-0c5c-4a5c-9d3e-4a1b2c3d4e5f"
    client.update_powerpack(uuid, application=pp.Application.PHLO(phlo_id=phlo), number_priority=[])
    body = json.loads([e for e in sandbox.journal() if e["method"] == "POST"][-1]["body"])
    assert body == {"application_id": phlo, "application_type": "phlo", "number_priority": []}


@pytest.mark.parametrize("call, message", [
    (lambda c: c.update_powerpack(7, name="x"), "uuid must be str, not int"),
    (lambda c: c.update_powerpack("u", name=3), "name must be str or None, not int"),
    (lambda c: c.update_powerpack("u", sticky_sender="false"), "sticky_sender must be bool or None, not str"),
    (lambda c: c.update_powerpack("u", local_connect=1), "local_connect must be bool or None, not int"),
    (lambda c: c.update_powerpack("u", application="xml"), "application must be an Application, not str"),
    (lambda c: c.update_powerpack("u", number_priority=PRIORITY), "number_priority must be a list"),
    (lambda c: c.update_powerpack("u", number_priority=["SMS"]), "number_priority items must be NumberPriority"),
    (lambda c: c.create_powerpack(None), "name must be str, not NoneType"),
    (lambda c: c.get_powerpack(b"uuid"), "uuid must be str, not bytes"),
    (lambda c: c.list_powerpacks(limit="5"), "limit must be int or None, not str"),
    (lambda c: c.list_powerpacks(offset=True), "offset must be int or None, not bool"),
])
def test_wrong_python_types_are_type_errors_before_any_request(sandbox, client, call, message):
    with pytest.raises(TypeError, match=message):
        call(client)
    assert sandbox.journal() == []


def test_call_json_runs_any_operation_by_name(sandbox, client):
    uuid = client.create_powerpack("by-name").uuid
    text = client.call_json("get_powerpack", '{"uuid": "%s"}' % uuid)
    assert f'"uuid":"{uuid}"' in text and '"name":"by-name"' in text
    with pytest.raises(pp.PowerpackError.Validation) as info:
        client.call_json("no_such_operation", "{}")
    assert info.value.field == "operation"
    with pytest.raises(pp.PowerpackError.Validation) as info:
        client.call_json("get_powerpack", "[1]")
    assert (info.value.field, info.value.reason) == ("args", "must be a JSON object")


async def test_the_async_json_path_matches_the_blocking_one(client):
    uuid = client.create_powerpack("async-json").uuid
    got = await client.get_powerpack_async(uuid)
    updated = await client.update_powerpack_async(uuid, number_priority=[PRIORITY])
    assert (got.uuid, got.name, got.number_priority) == (uuid, "async-json", [])
    assert same_but_api_id(updated, NativeClient.get_powerpack(client, uuid))
    assert updated.number_priority == [PRIORITY]


def error_fields(error):
    """An error's class and fields; each answer carries its own api_id (in its body too)."""
    api_id = getattr(error, "api_id", None)
    fields = {k: v.replace(api_id, "<api_id>") if api_id and isinstance(v, str) else v
              for k, v in vars(error).items() if k != "api_id"}
    return type(error), fields, bool(api_id)


@pytest.mark.parametrize("fault", [
    None,  # an unknown uuid: the sandbox's own 404
    {"kind": "status", "status": 429, "retry_after_secs": 2, "count": 2},
    {"kind": "status", "status": 400, "message": "MARK", "count": 2},
    {"kind": "malformed_json", "count": 2},
])
def test_the_c_paths_errors_are_the_typed_exports_errors(sandbox, fault):
    """Blocking calls take the C ABI and raise from its envelope; the typed export raises from
    UniFFI's error buffer. The same failure must raise the same class with the same fields."""
    # One attempt: a retry would wait out the 429's Retry-After.
    client = pp.PowerpackClient(AUTH_ID, AUTH_TOKEN, fast_config(sandbox.base_url, retry=pp.RetryPolicy(max_attempts=1)))
    uuid = "00000000-0000-4000-8000-000000000000"
    if fault:
        sandbox.fault(fault.pop("kind"), "GET", sandbox.path(uuid), **fault)
    with pytest.raises(pp.PowerpackError) as through_c:
        client.get_powerpack(uuid)
    with pytest.raises(pp.PowerpackError) as typed:
        NativeClient.get_powerpack(client, uuid)
    assert error_fields(through_c.value) == error_fields(typed.value)
    c_id, typed_id = through_c.value.__dict__.get("api_id"), typed.value.__dict__.get("api_id")
    assert str(through_c.value).replace(c_id or "-", "<api_id>") == str(typed.value).replace(typed_id or "-", "<api_id>")


def test_a_validation_error_of_the_c_path_names_its_field_before_any_request(sandbox, client):
    with pytest.raises(pp.PowerpackError.Validation) as info:
        client.update_powerpack("00000000-0000-4000-8000-000000000000")
    assert info.value.field == "update"
    assert sandbox.journal() == []


def test_the_c_handle_is_made_once_and_freed_with_its_client(sandbox, monkeypatch):
    from plivo_powerpack import _capi
    import gc

    freed = []
    real_free = _capi._client_free
    monkeypatch.setattr(_capi, "_client_free", lambda handle: (freed.append(handle), real_free(handle)))
    client = pp.PowerpackClient(AUTH_ID, AUTH_TOKEN, pp.ClientConfig(base_url=sandbox.base_url))
    uuid = client.create_powerpack("handle").uuid
    handle = client._c_handle
    client.get_powerpack(uuid)
    assert client._c_handle == handle and handle
    del client
    gc.collect()
    assert freed == [handle]
