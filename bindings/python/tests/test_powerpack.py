"""The installed wheel against the sandbox: the seed's flows, exact requests,
validation before I/O, every error class, retries, timeouts, asyncio
concurrency and cancellation, threads."""

import asyncio
import base64
import concurrent.futures
import datetime
import json
import sys
import time

import pytest

import plivo_powerpack as pp
from conftest import AUTH_ID, AUTH_TOKEN, fast_config, ms


def bodies(sandbox, method="POST"):
    return [json.loads(e["body"]) for e in sandbox.journal() if e["method"] == method]


def header(entry, name):
    return dict((k, v) for k, v in entry["headers"])[name]


def test_the_package_comes_from_the_installed_wheel():
    assert "site-packages" in pp.__file__, pp.__file__


# ------------------------------------------------------------------ the seed's flows

def test_get_then_update_like_the_seed(sandbox, client):
    created = client.create_powerpack("powerpack_name_0")
    powerpack = client.get_powerpack(created.uuid)
    updated = client.update_powerpack(powerpack.uuid, name="powerpack_name", sticky_sender=False, local_connect=False)

    assert updated.uuid == created.uuid
    assert updated.name == "powerpack_name"
    assert updated.sticky_sender is False
    assert updated.local_connect is False
    assert isinstance(updated.created_on, datetime.datetime)
    assert updated.number_pool_uuid == created.number_pool_uuid

    entry = sandbox.journal()[-1]
    assert entry["method"] == "POST"
    assert entry["path"] == sandbox.path(created.uuid)
    assert header(entry, "content-type") == "application/json"
    assert header(entry, "authorization") == f"Basic {AUTH_ID}:***"
    ua = header(entry, "user-agent")
    assert ua.startswith("plivo-powerpack/") and " python/3." in ua, ua
    assert json.loads(entry["body"]) == {"name": "powerpack_name", "sticky_sender": False, "local_connect": False}


def test_update_by_uuid_sends_only_the_keywords_given(sandbox, client):
    uuid = client.create_powerpack("pp").uuid
    client.update_powerpack(uuid, sticky_sender=False)
    client.update_powerpack(uuid, application=pp.Application.XML(app_id="20342783288007824"))
    client.update_powerpack(uuid, application=pp.Application.PHLO(phlo_id="0166c910-1268-47c7-bf30-f5809ee843b9"))
    detached = client.update_powerpack(uuid, application=pp.Application.DETACH())
    assert bodies(sandbox)[1:] == [
        {"sticky_sender": False},
        {"application_type": "xml", "application_id": "20342783288007824"},
        {"application_type": "phlo", "application_id": "0166c910-1268-47c7-bf30-f5809ee843b9"},
        {"application_id": "none"},
    ]
    assert detached.application_id is None and detached.application_type is None


def test_number_priority_round_trips(client):
    priority = pp.NumberPriority(
        country_iso="CA",
        service_type=pp.ServiceType.MMS,
        priority=pp.Priority(priority1=pp.NumberType.TOLLFREE, priority2=pp.NumberType.LONGCODE,
                             priority3=pp.NumberType.SHORTCODE),
    )
    uuid = client.create_powerpack("pp").uuid
    updated = client.update_powerpack(uuid, number_priority=[priority])
    assert updated.number_priority == [priority]


def test_create_list_all_pages_and_delete(sandbox, client):
    for i in range(23):
        client.create_powerpack(f"pp-{i:02}", local_connect=False)
    page = client.list_powerpacks(limit=5, offset=20)
    assert (page.meta.limit, page.meta.offset, page.meta.total_count) == (5, 20, 23)
    assert [p.name for p in page.powerpacks] == ["pp-20", "pp-21", "pp-22"]
    everything = client.list_all_powerpacks()
    assert len(everything) == 23 and everything[0].local_connect is False

    result = client.delete_powerpack(everything[0].uuid)
    assert result.response == "success"
    assert bodies(sandbox, "DELETE") == [{"unrent_numbers": False}]
    client.delete_powerpack(everything[1].uuid, unrent_numbers=True)
    assert bodies(sandbox, "DELETE")[-1] == {"unrent_numbers": True}
    with pytest.raises(pp.PowerpackError.NotFound):
        client.get_powerpack(everything[0].uuid)


def test_from_env_reads_the_credentials(sandbox, monkeypatch):
    monkeypatch.setenv("PLIVO_AUTH_ID", AUTH_ID)
    monkeypatch.setenv("PLIVO_AUTH_TOKEN", AUTH_TOKEN)
    monkeypatch.setenv("PLIVO_BASE_URL", sandbox.base_url)
    client = pp.PowerpackClient.from_env()
    assert isinstance(client, pp.PowerpackClient)
    assert client.list_powerpacks().meta.total_count == 0
    assert sandbox.journal()[-1]["path"] == sandbox.path()
    monkeypatch.setenv("PLIVO_BASE_URL", "http://example.com")
    with pytest.raises(pp.PowerpackError.Validation) as info:
        pp.PowerpackClient.from_env()
    assert info.value.field == "base_url"
    # The configuration's base_url wins over the environment's.
    assert pp.PowerpackClient.from_env(pp.ClientConfig(base_url=sandbox.base_url)).list_powerpacks().meta.total_count == 0
    monkeypatch.delenv("PLIVO_AUTH_TOKEN")
    with pytest.raises(pp.PowerpackError.Validation) as info:
        pp.PowerpackClient.from_env()
    assert info.value.field == "PLIVO_AUTH_TOKEN"


# ------------------------------------------------------------------ validation before I/O

@pytest.mark.parametrize("call, field", [
    (lambda c: c.update_powerpack("uuid"), "update"),
    (lambda c: c.update_powerpack("a/b", name="x"), "uuid"),
    (lambda c: c.update_powerpack("a b", name="x"), "uuid"),
    (lambda c: c.get_powerpack(""), "uuid"),
    (lambda c: c.update_powerpack("u", name="   "), "name"),
    (lambda c: c.update_powerpack("u", application=pp.Application.XML(app_id="none")), "application.app_id"),
    (lambda c: c.update_powerpack("u", application=pp.Application.PHLO(phlo_id="123")), "application.phlo_id"),
    (lambda c: c.list_powerpacks(limit=0), "limit"),
    (lambda c: c.list_powerpacks(limit=21), "limit"),
    (lambda c: c.list_powerpacks(limit=-1), "limit"),
    (lambda c: c.list_powerpacks(offset=2 ** 40), "offset"),
    (lambda c: c.create_powerpack(""), "name"),
    (lambda c: c.delete_powerpack("../x"), "uuid"),
])
def test_invalid_input_raises_validation_before_any_request(sandbox, client, call, field):
    with pytest.raises(pp.PowerpackError.Validation) as info:
        call(client)
    assert info.value.field == field
    assert info.value.reason
    assert sandbox.journal() == []


@pytest.mark.parametrize("auth_id, token, config, field", [
    ("MA123", AUTH_TOKEN, None, "auth_id"),
    (AUTH_ID, "", None, "auth_token"),
    (AUTH_ID, AUTH_TOKEN, pp.ClientConfig(base_url="http://example.com"), "base_url"),
    (AUTH_ID, AUTH_TOKEN, pp.ClientConfig(attempt_timeout=ms(0)), "attempt_timeout"),
    (AUTH_ID, AUTH_TOKEN, pp.ClientConfig(retry=pp.RetryPolicy(max_attempts=0)), "retry.max_attempts"),
])
def test_bad_configuration_is_refused_at_construction(auth_id, token, config, field):
    with pytest.raises(pp.PowerpackError.Validation) as info:
        pp.PowerpackClient(auth_id, token, config)
    assert info.value.field == field


def test_the_token_is_in_no_repr_or_error(sandbox):
    secret = "tok-very-secret-123"
    client = pp.PowerpackClient(AUTH_ID, secret, fast_config(sandbox.base_url))
    # A server that answers with the credentials it was sent, in its message and in its body.
    sandbox.fault("echo_credentials", "GET", sandbox.path("x"), status=400)
    with pytest.raises(pp.PowerpackError.InvalidRequest) as info:
        client.get_powerpack("x")
    assert info.value.reason == f"bad credentials {AUTH_ID}:*** (Authorization: Basic ***)", "masked, not dropped"
    assert f"{AUTH_ID}:***" in info.value.body_excerpt
    text = f"{client!r} {info.value!r} {info.value} {info.value.body_excerpt}"
    assert secret not in text
    header = base64.b64encode(f"{AUTH_ID}:{secret}".encode()).decode()
    assert header not in text, "the Authorization header's base64 is the token"


@pytest.mark.parametrize("echo", ["token", "header"])
@pytest.mark.parametrize("before", [1, 3, 6])
def test_a_token_straddling_a_cut_leaves_nothing_behind(sandbox, echo, before):
    secret = "tok-straddle-4f8a2c"
    client = pp.PowerpackClient(AUTH_ID, secret, fast_config(sandbox.base_url))
    # Where the message starts in the excerpt: the body's layout before it is fixed.
    sandbox.fault("status", "GET", sandbox.path("x"), status=400, message="MARK")
    with pytest.raises(pp.PowerpackError.InvalidRequest) as info:
        client.get_powerpack("x")
    start = info.value.body_excerpt.index("MARK")
    header = base64.b64encode(f"{AUTH_ID}:{secret}".encode()).decode()
    echoed = secret if echo == "token" else header
    for cut, offset in [(1024, 0), (512, start)]:
        sandbox.fault("status", "GET", sandbox.path("x"), status=400,
                      message="x" * (cut - offset - before) + echoed + " and more")
        with pytest.raises(pp.PowerpackError.InvalidRequest) as info:
            client.get_powerpack("x")
        text = f"{info.value!r} {info.value.reason} {info.value.body_excerpt}"
        assert secret[:4] not in text and header[:4] not in text, (cut, text[-80:])


# ------------------------------------------------------------------ error classes from faults

def test_api_errors_carry_status_api_id_and_reason(sandbox, client):
    client.create_powerpack("taken")
    other = client.create_powerpack("other").uuid
    with pytest.raises(pp.PowerpackError.InvalidRequest) as info:
        client.update_powerpack(other, name="taken")
    assert info.value.status == 400
    assert info.value.api_id
    assert info.value.reason == 'a Powerpack named "taken" already exists'

    wrong = pp.PowerpackClient(AUTH_ID, "wrong-token", fast_config(sandbox.base_url))
    with pytest.raises(pp.PowerpackError.Authentication) as info:
        wrong.get_powerpack(other)
    assert (info.value.status, info.value.api_id) == (401, None)

    sandbox.fault("status", "GET", sandbox.path(other), status=403)
    with pytest.raises(pp.PowerpackError.Forbidden):
        client.get_powerpack(other)
    sandbox.fault("status", "GET", sandbox.path(other), status=500)
    with pytest.raises(pp.PowerpackError.Server) as info:
        client.get_powerpack(other)
    assert info.value.status == 500


def test_every_error_class_is_a_powerpack_error(sandbox, client):
    sandbox.fault("status", "GET", sandbox.path("u"), count=3, status=429, retry_after_secs=0)
    with pytest.raises(pp.PowerpackError) as info:
        client.get_powerpack("u")
    assert isinstance(info.value, pp.PowerpackError.RateLimited)
    assert info.value.retry_after == datetime.timedelta(0)
    assert len(sandbox.journal()) == 3


def test_transport_faults_map_to_network_decode_and_timeout(sandbox):
    client = pp.PowerpackClient(AUTH_ID, AUTH_TOKEN, fast_config(
        sandbox.base_url, retry=pp.RetryPolicy(max_attempts=1), attempt_timeout=ms(300)))
    sandbox.fault("reset", "GET", sandbox.path("u"))
    with pytest.raises(pp.PowerpackError.Network):
        client.get_powerpack("u")
    sandbox.fault("truncated_body", "GET", sandbox.path("u"))
    with pytest.raises(pp.PowerpackError.Network) as info:
        client.get_powerpack("u")
    assert "cut short" in info.value.reason
    sandbox.fault("malformed_json", "GET", sandbox.path("u"))
    with pytest.raises(pp.PowerpackError.Decode) as info:
        client.get_powerpack("u")
    assert info.value.path == "."
    sandbox.fault("html502", "GET", sandbox.path("u"))
    with pytest.raises(pp.PowerpackError.Server) as info:
        client.get_powerpack("u")
    assert info.value.status == 502 and "502 Bad Gateway" in info.value.body_excerpt
    sandbox.fault("empty_body", "GET", sandbox.path("u"), status=404)
    with pytest.raises(pp.PowerpackError.NotFound):
        client.get_powerpack("u")
    sandbox.fault("hang", "GET", sandbox.path("u"), ms=5000)
    started = time.monotonic()
    with pytest.raises(pp.PowerpackError.Timeout):
        client.get_powerpack("u")
    assert time.monotonic() - started < 2


def test_retries_are_visible_in_the_journal(sandbox, client):
    uuid = client.create_powerpack("pp").uuid
    sandbox.fault("status", "POST", sandbox.path(uuid), count=2, status=503)
    assert client.update_powerpack(uuid, sticky_sender=False).sticky_sender is False
    updates = [e for e in sandbox.journal() if e["path"] == sandbox.path(uuid)]
    assert [e["status"] for e in updates] == [503, 503, 200]
    assert len({e["body"] for e in updates}) == 1


def test_retry_after_is_waited_for(sandbox, client):
    uuid = client.create_powerpack("pp").uuid
    sandbox.fault("status", "GET", sandbox.path(uuid), status=429, retry_after_secs=1)
    client.get_powerpack(uuid)
    gets = [e for e in sandbox.journal() if e["method"] == "GET"]
    assert gets[1]["at_ms"] - gets[0]["at_ms"] >= 950


# ------------------------------------------------------------------ asyncio

async def test_async_calls_mirror_the_blocking_ones(sandbox, client):
    created = await client.create_powerpack_async("async-pp")
    got = await client.get_powerpack_async(created.uuid)
    updated = await client.update_powerpack_async(got.uuid, name="renamed", local_connect=False)
    assert (updated.name, updated.local_connect) == ("renamed", False)
    page = await client.list_powerpacks_async(limit=1)
    assert page.meta.total_count == 1
    assert [p.uuid for p in await client.list_all_powerpacks_async()] == [created.uuid]
    assert (await client.delete_powerpack_async(created.uuid)).response == "success"
    with pytest.raises(pp.PowerpackError.NotFound):
        await client.get_powerpack_async(created.uuid)
    with pytest.raises(pp.PowerpackError.Validation):
        await client.update_powerpack_async(created.uuid)


async def test_a_hundred_concurrent_async_updates(sandbox, client):
    uuids = [(await client.create_powerpack_async(f"c{i}")).uuid for i in range(10)]
    results = await asyncio.gather(*(
        client.update_powerpack_async(uuids[i % 10], name=f"n{i}", sticky_sender=i % 2 == 0) for i in range(100)
    ))
    assert len(results) == 100
    assert all(r.name == f"n{i}" for i, r in enumerate(results))
    assert sum(1 for e in sandbox.journal() if e["method"] == "POST" and e["status"] == 200) == 110


async def test_cancelling_an_async_call_stops_its_retries(sandbox):
    client = pp.PowerpackClient(AUTH_ID, AUTH_TOKEN, fast_config(
        sandbox.base_url, attempt_timeout=ms(200),
        retry=pp.RetryPolicy(max_attempts=10, base_delay=ms(1), max_delay=ms(1))))
    sandbox.fault("hang", "GET", sandbox.path("u"), count=10, ms=5000)
    task = asyncio.create_task(client.get_powerpack_async("u"))
    # Cancel as soon as the first attempt has reached the server (an event, not a guess).
    for _ in range(500):
        if sandbox.journal():
            break
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    # Uncancelled, the second attempt would follow the 200 ms attempt timeout; give it five times that.
    await asyncio.sleep(1.0)
    assert len(sandbox.journal()) == 1, "the Rust task stopped with the Python task: no retry"


async def test_async_timeouts_raise_timeout(sandbox):
    client = pp.PowerpackClient(AUTH_ID, AUTH_TOKEN, fast_config(
        sandbox.base_url, attempt_timeout=ms(200), total_deadline=ms(500)))
    sandbox.fault("hang", "GET", sandbox.path("u"), count=10, ms=5000)
    with pytest.raises(pp.PowerpackError.Timeout) as info:
        await client.get_powerpack_async("u")
    assert "deadline" in info.value.reason or "timeout" in info.value.reason


# ------------------------------------------------------------------ threads

def test_one_client_shared_by_many_threads(sandbox, client):
    uuid = client.create_powerpack("shared").uuid

    def work(t):
        for i in range(20):
            assert client.update_powerpack(uuid, sticky_sender=(t + i) % 2 == 0).uuid == uuid
        return t

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        assert sorted(pool.map(work, range(8))) == list(range(8))
    assert len([e for e in sandbox.journal() if e["status"] == 200]) == 161


# ------------------------------------------------------------------ interpreter exit

# A completion that arrives while the interpreter finalizes: the script leaves an async call in
# flight (the sandbox answers it after 300 ms) and its last global takes 1 s to delete, so the
# answer lands in the middle of finalization every time, not by luck of timing.
_EXIT_SCRIPT = """
import asyncio, atexit, sys, time
import plivo_powerpack as pp

if sys.argv[2] == "unprotected":
    atexit.unregister(pp._stop_delivering_completions)

class SlowToDelete:
    def __del__(self):
        time.sleep(1.0)

slow = SlowToDelete()
client = pp.PowerpackClient({auth_id!r}, {token!r}, pp.ClientConfig(base_url={base_url!r}))
loop = asyncio.new_event_loop()
call = loop.create_task(client.get_powerpack_async(sys.argv[1]))
loop.run_until_complete(asyncio.sleep(0.05))
print("leaving with the call in flight", flush=True)
"""


def _exit_with_a_call_in_flight(sandbox, tmp_path, mode):
    import subprocess
    import sys
    uuid = pp.PowerpackClient(AUTH_ID, AUTH_TOKEN, fast_config(sandbox.base_url)).create_powerpack("exit").uuid
    sandbox.fault("latency", "GET", sandbox.path(uuid), ms=300)
    script = tmp_path / "exit_mid_call.py"
    script.write_text(_EXIT_SCRIPT.format(auth_id=AUTH_ID, token=AUTH_TOKEN, base_url=sandbox.base_url))
    done = subprocess.run([sys.executable, str(script), uuid, mode], capture_output=True, text=True, timeout=30)
    assert done.stdout.strip() == "leaving with the call in flight", done.stderr
    assert [e["status"] for e in sandbox.journal() if e["method"] == "GET"] == [200], "the call was answered"
    return done


def test_exiting_with_an_async_call_in_flight_is_clean(sandbox, tmp_path):
    done = _exit_with_a_call_in_flight(sandbox, tmp_path, "protected")
    assert done.returncode == 0, done.stderr
    assert "FATAL" not in done.stderr, done.stderr


@pytest.mark.skipif(sys.version_info >= (3, 14), reason="CPython 3.14 parks such threads instead of ending them")
def test_without_the_exit_hook_the_same_script_aborts(sandbox, tmp_path):
    """The control: the scenario above really is the crash the hook prevents (a signal: SIGABRT
    with "FATAL: exception not rethrown", or SIGSEGV when the callback runs into the torn-down
    interpreter; which one depends on how far finalization got)."""
    done = _exit_with_a_call_in_flight(sandbox, tmp_path, "unprotected")
    assert done.returncode < 0, ("killed by a signal", done.returncode, done.stderr)


def test_a_body_over_the_size_limit_is_a_decode_error_not_a_memory_spike(sandbox, client):
    uuid = client.create_powerpack("big").uuid
    sandbox.fault("oversized_body", "GET", sandbox.path(uuid), bytes=200 * 1024 * 1024, declare_length=False)
    with pytest.raises(pp.PowerpackError.Decode) as info:
        client.get_powerpack(uuid)
    assert "larger than the 8 MiB limit" in info.value.reason
    assert [e["method"] for e in sandbox.journal()] == ["POST", "GET"], "read once, not retried"
