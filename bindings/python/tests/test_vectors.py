"""The conformance vectors of tests/vectors/ against the installed wheel: each operation called
through the binding's own API (keyword arguments, records, enums), its result mapped to the
neutral form by `neutral` below, its error by `error_fields`; the answers scripted in the
sandbox, the requests read back from its journal. The counts go to target/vectors/python.json."""

import datetime
import enum
import json
import os
import re

import pytest

import plivo_powerpack as pp
from conftest import ms

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
KINDS = ["requests", "responses", "retries", "validation"]
FILES = {kind: json.load(open(os.path.join(ROOT, "tests", "vectors", f"{kind}.json"))) for kind in KINDS}
CASES = [(kind, v) for kind in KINDS for v in FILES[kind]["vectors"]]
SKIPS = {}  # name -> why: none, every vector is expressible through the Python API
COUNTS = {"passed": 0, "failed": 0, "skipped": 0}


def neutral(value):
    """A binding value in the vectors' neutral form (the core's serde form)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, list):
        return [neutral(v) for v in value]
    if isinstance(value, pp.ServiceType):
        return value.name
    if isinstance(value, enum.Enum):
        return value.name.lower()
    fields = {k: neutral(v) for k, v in vars(value).items()}
    if isinstance(value, pp.PoolNumber):
        fields["type"] = fields.pop("number_type")
    return fields


def application(a):
    return {"xml": lambda: pp.Application.XML(app_id=a["id"]), "phlo": lambda: pp.Application.PHLO(phlo_id=a["id"]),
            "detach": lambda: pp.Application.DETACH()}[a["type"]]()


def priorities(items):
    return [pp.NumberPriority(country_iso=p["country_iso"], service_type=pp.ServiceType[p["service_type"].upper()],
                              priority=pp.Priority(**{k: pp.NumberType[v.upper()] for k, v in p["priority"].items()}))
            for p in items]


def powerpack_fields(fields):
    out = dict(fields)
    if "application" in out:
        out["application"] = application(out["application"])
    if "number_priority" in out:
        out["number_priority"] = priorities(out["number_priority"])
    return out


def pool_filter(f):
    out = dict(f or {})
    if "number_type" in out:
        out["number_type"] = pp.PoolNumberType[out["number_type"].upper()]
    if "service" in out:
        out["service"] = pp.ServiceType[out["service"].upper()]
    return out


def service(args):
    return pp.ServiceType[args["service"].upper()] if "service" in args else None


def call(client, op, a):
    """The operation through the binding's API, as a user would write it."""
    pool = lambda: client.number_pool(a["pool_uuid"])  # noqa: E731
    page = {k: a[k] for k in ("limit", "offset") if k in a}
    return {
        "get_powerpack": lambda: client.get_powerpack(a["uuid"]),
        "create_powerpack": lambda: client.create_powerpack(**powerpack_fields(a["powerpack"])),
        "update_powerpack": lambda: client.update_powerpack(a["uuid"], **powerpack_fields(a["changes"])),
        "list_powerpacks": lambda: client.list_powerpacks(**page),
        "list_all_powerpacks": lambda: client.list_all_powerpacks(),
        "delete_powerpack": lambda: client.delete_powerpack(a["uuid"], unrent_numbers=a.get("unrent_numbers", False)),
        "list_numbers": lambda: pool().list_numbers(**pool_filter(a.get("filter")), **page),
        "list_all_numbers": lambda: pool().list_all_numbers(**pool_filter(a.get("filter"))),
        "get_number": lambda: pool().get_number(a["number"]),
        "add_number": lambda: pool().add_number(a["number"], service(a)),
        "buy_and_add_number": lambda: pool().buy_and_add_number(a["number"], service(a)),
        "remove_number": lambda: pool().remove_number(a["number"], unrent=a.get("unrent", False)),
        "list_shortcodes": lambda: pool().list_shortcodes(**page),
        "list_all_shortcodes": lambda: pool().list_all_shortcodes(),
        "get_shortcode": lambda: pool().get_shortcode(a["shortcode"]),
        "remove_shortcode": lambda: pool().remove_shortcode(a["shortcode"]),
        "list_tollfree": lambda: pool().list_tollfree(**page),
        "list_all_tollfree": lambda: pool().list_all_tollfree(),
        "get_tollfree": lambda: pool().get_tollfree(a["number"]),
        "add_tollfree": lambda: pool().add_tollfree(a["number"]),
        "remove_tollfree": lambda: pool().remove_tollfree(a["number"], unrent=a.get("unrent", False)),
    }[op]()


KIND_OF = {"Validation": "validation", "Authentication": "authentication", "Forbidden": "forbidden",
           "NotFound": "not_found", "InvalidRequest": "invalid_request", "RateLimited": "rate_limited",
           "Server": "server", "Timeout": "timeout", "Network": "network", "Decode": "decode", "Tls": "tls",
           "Internal": "internal"}


def error_fields(e):
    """A binding exception in the neutral error form."""
    kind = KIND_OF[type(e).__name__]
    retry_after = getattr(e, "retry_after", None)
    return {"kind": kind, "status": getattr(e, "status", None), "api_id": getattr(e, "api_id", None),
            "reason": e.reason, "retry_after": retry_after.total_seconds() if retry_after is not None else None,
            "field": getattr(e, "field", None), "body_excerpt": getattr(e, "body_excerpt", None)}


def answer_rule(answer):
    body = answer.get("body")
    if "body_fixture" in answer:
        body = open(os.path.join(ROOT, "tests", "fixtures", "official-sdks", answer["body_fixture"])).read()
    return {"kind": "answer", "status": answer["status"], "headers": answer["headers"], "body": body}


@pytest.fixture(scope="module")
def vector_clients(sandbox_server):
    clients = {}
    for kind, f in FILES.items():
        c, r = f["client"], f["client"]["retry"]
        config = pp.ClientConfig(base_url=sandbox_server.base_url, retry=pp.RetryPolicy(
            max_attempts=r["max_attempts"], base_delay=ms(r["base_delay_ms"]), max_delay=ms(r["max_delay_ms"])))
        clients[kind] = pp.PowerpackClient(c["auth_id"], c["auth_token"], config)
    yield clients
    out = os.path.join(ROOT, "target", "vectors")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "python.json"), "w") as f:
        json.dump({"language": "python", **COUNTS, "skips": [{"name": n, "why": w} for n, w in SKIPS.items()]}, f)


@pytest.mark.parametrize("kind,vector", CASES, ids=[f"{k}: {v['name']}" for k, v in CASES])
def test_vector(sandbox, vector_clients, kind, vector):
    if vector["name"] in SKIPS:
        COUNTS["skipped"] += 1
        pytest.skip(SKIPS[vector["name"]])
    COUNTS["failed"] += 1  # until it passes
    for answer in vector["answers"]:
        sandbox.fault(**answer_rule(answer), count=1)
    expect = vector["expect"]
    try:
        got = ("result", neutral(call(vector_clients[kind], vector["operation"], vector["args"])))
    except pp.PowerpackError as e:
        got = ("error", error_fields(e))
    journal = sandbox.journal()
    assert len(journal) == expect["attempts"]
    every = FILES[kind]["every_request"]
    for want, seen in zip(expect.get("requests", []), journal):
        assert seen["path"] == every["path_prefix"] + want["path"]
        assert (seen["method"], seen["query"], seen["body"] or None) == (want["method"], want["query"], want["body"])
        headers = dict(seen["headers"])
        for name, value in {**want["headers"], **every["headers"]}.items():
            assert headers.get(name) == value, name
        assert re.match(every["user_agent_pattern"], headers["user-agent"]), headers["user-agent"]
    if "result" in expect:
        assert got == ("result", expect["result"])
    else:
        assert got[0] == "error", got
        assert {k: got[1][k] for k in expect["error"]} == expect["error"]
    COUNTS["failed"] -= 1
    COUNTS["passed"] += 1
