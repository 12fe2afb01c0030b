"""The Powerpack calls' fast path: arguments to the core's neutral JSON form, results back to the
generated records.

``PowerpackClient.call_json`` (the Rust core's operation table by name) takes one JSON string and
returns one; ``json`` (C) parses it and the records below are built from the parsed dict. That
replaces UniFFI's field-by-field lowering and lifting in pure Python, which cost more than the
HTTP call itself (BENCHMARKS.md). Every check stays in Rust: this module only converts. Types are
checked here as UniFFI's converters check them (``TypeError`` before anything is sent).
"""

import datetime as _datetime
import json as _json
import typing as _typing

from ._native import ListMeta, NumberPriority, NumberType, Powerpack, PowerpackPage, Priority, ServiceType
from ._native import Application as _Application

_Changes = _typing.Dict[str, _typing.Any]


def dumps(arguments: _typing.Dict[str, _typing.Any]) -> str:
    return _json.dumps(arguments, separators=(",", ":"), ensure_ascii=False)


def _check(name: str, value: object, kind: type) -> None:
    if value is not None and not isinstance(value, kind):
        raise TypeError(f"{name} must be {kind.__name__} or None, not {type(value).__name__}")


def _application(value: object) -> _typing.Dict[str, str]:
    if isinstance(value, _Application.XML):
        return {"type": "xml", "id": value.app_id}
    if isinstance(value, _Application.PHLO):
        return {"type": "phlo", "id": value.phlo_id}
    if isinstance(value, _Application.DETACH):
        return {"type": "detach"}
    raise TypeError(f"application must be an Application, not {type(value).__name__}")


def _number_priority(value: object) -> _typing.Dict[str, _typing.Any]:
    if not isinstance(value, NumberPriority):
        raise TypeError(f"number_priority items must be NumberPriority, not {type(value).__name__}")
    p = value.priority
    return {
        "country_iso": value.country_iso,
        "service_type": value.service_type.name,
        "priority": {
            "priority1": p.priority1.name.lower(),
            "priority2": p.priority2.name.lower(),
            "priority3": p.priority3.name.lower(),
        },
    }


def changes(name: _typing.Optional[str], sticky_sender: _typing.Optional[bool],
            local_connect: _typing.Optional[bool], application: object,
            number_priority: _typing.Optional[_typing.Sequence[NumberPriority]]) -> _Changes:
    """The neutral form of an update's or a create's fields: only those given."""
    _check("name", name, str)
    _check("sticky_sender", sticky_sender, bool)
    _check("local_connect", local_connect, bool)
    out: _Changes = {}
    if name is not None:
        out["name"] = name
    if sticky_sender is not None:
        out["sticky_sender"] = sticky_sender
    if local_connect is not None:
        out["local_connect"] = local_connect
    if application is not None:
        out["application"] = _application(application)
    if number_priority is not None:
        if isinstance(number_priority, (str, bytes)) or not hasattr(number_priority, "__iter__"):
            raise TypeError(f"number_priority must be a list, not {type(number_priority).__name__}")
        out["number_priority"] = [_number_priority(np) for np in number_priority]
    return out


def _time(text: _typing.Optional[str]) -> _typing.Optional[_datetime.datetime]:
    if text is None:
        return None
    # The core writes UTC as `...Z`; fromisoformat reads `Z` only from Python 3.11.
    return _datetime.datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)


def _priority_of(d: _typing.Dict[str, _typing.Any]) -> NumberPriority:
    p = d["priority"]
    return NumberPriority(
        country_iso=d["country_iso"],
        service_type=ServiceType[d["service_type"]],
        priority=Priority(
            priority1=NumberType[p["priority1"].upper()],
            priority2=NumberType[p["priority2"].upper()],
            priority3=NumberType[p["priority3"].upper()],
        ),
    )


def page(limit: object, offset: object) -> _typing.Dict[str, int]:
    """A list call's paging arguments: only those given; their ranges are the core's to check."""
    out: _typing.Dict[str, int] = {}
    for name, value in (("limit", limit), ("offset", offset)):
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be int or None, not {type(value).__name__}")
            out[name] = value
    return out


def powerpack(text: _typing.Union[str, bytes]) -> Powerpack:
    """A Powerpack from the core's serde form."""
    return _powerpack_of(_json.loads(text))


def powerpacks(text: _typing.Union[str, bytes]) -> _typing.List[Powerpack]:
    """Every Powerpack of a list, from the core's serde form."""
    return [_powerpack_of(d) for d in _json.loads(text)]


def powerpack_page(text: _typing.Union[str, bytes]) -> PowerpackPage:
    """One page of Powerpacks, from the core's serde form."""
    d = _json.loads(text)
    m = d["meta"]
    return PowerpackPage(
        api_id=d["api_id"],
        meta=ListMeta(limit=m["limit"], offset=m["offset"], total_count=m["total_count"], next=m["next"],
                      previous=m["previous"]),
        powerpacks=[_powerpack_of(p) for p in d["powerpacks"]],
    )


def _powerpack_of(d: _typing.Dict[str, _typing.Any]) -> Powerpack:
    return Powerpack(
        api_id=d["api_id"],
        uuid=d["uuid"],
        name=d["name"],
        sticky_sender=d["sticky_sender"],
        local_connect=d["local_connect"],
        application_type=d["application_type"],
        application_id=d["application_id"],
        number_pool=d["number_pool"],
        number_pool_uuid=d["number_pool_uuid"],
        number_priority=[_priority_of(np) for np in d["number_priority"]],
        created_on=_time(d["created_on"]),
    )
