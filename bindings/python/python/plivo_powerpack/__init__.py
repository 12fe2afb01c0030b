"""Plivo Powerpack API client: one validated, retrying Rust core, used from Python.

    from plivo_powerpack import PowerpackClient

    client = PowerpackClient("MAXXXXXXXXXXXXXXXXXX", "auth_token")
    powerpack = client.get_powerpack("powerpack_uuid")
    updated = client.update_powerpack(powerpack.uuid, name="powerpack_name", sticky_sender=False)

    pool = client.number_pool(powerpack)          # or client.number_pool("pool uuid")
    pool.add_number("14155550100")                # never buys: sends "rent": false
    page = pool.list_numbers(country_iso2="US", starts_with=["1415"], limit=5)

Every call has an ``_async`` twin for asyncio (``await client.update_powerpack_async(...)``).
Errors are subclasses of :class:`PowerpackError` (``PowerpackError.NotFound``,
``PowerpackError.RateLimited``...), carrying ``status``, ``api_id``, ``reason`` and more.
"""

import atexit as _atexit
import datetime as _datetime
import platform as _platform
import typing as _typing

# The generated module's names, one by one: the two classes wrapped below keep their native
# names under an underscore, so that a type checker sees exactly one `PowerpackClient`.
from ._native import (
    ClientConfig,
    CreatePowerpack,
    DeleteResult,
    InternalError,
    ListMeta,
    NumberFilter,
    NumberPriority,
    NumberType,
    PoolNumber,
    PoolNumberPage,
    PoolNumberType,
    Powerpack,
    PowerpackPage,
    Priority,
    RetryPolicy,
    ServiceType,
    Shortcode,
    ShortcodePage,
    TrustStore,
    UpdatePowerpack,
)
from ._native import NumberPool as _NativeNumberPool
from ._native import PowerpackClient as _NativeClient
from ._native import prepare_for_exit as _prepare_for_exit
from . import _capi, _wire

if _typing.TYPE_CHECKING:
    # Typed declarations of the two generated classes mypy cannot read (see _typing.pyi).
    from ._typing import Application, PowerpackError
else:
    from ._native import Application, PowerpackError

__all__ = [
    "Application",
    "ClientConfig",
    "CreatePowerpack",
    "DeleteResult",
    "InternalError",
    "ListMeta",
    "NumberFilter",
    "NumberPool",
    "NumberPriority",
    "NumberType",
    "PoolNumber",
    "PoolNumberPage",
    "PoolNumberType",
    "Powerpack",
    "PowerpackClient",
    "PowerpackError",
    "PowerpackPage",
    "Priority",
    "RetryPolicy",
    "ServiceType",
    "Shortcode",
    "ShortcodePage",
    "TrustStore",
    "UpdatePowerpack",
]

_PYTHON_UA = f"python/{_platform.python_version()}"


def _with_python_user_agent(config: _typing.Optional[ClientConfig]) -> ClientConfig:
    """Appends ``python/X.Y.Z`` to the User-Agent unless the caller chose a suffix."""
    if config is None:
        return ClientConfig(user_agent_suffix=_PYTHON_UA)
    if config.user_agent_suffix is None:
        config.user_agent_suffix = _PYTHON_UA
    return config


_Prefixes = _typing.Union[str, _typing.Sequence[str], None]


def _number_filter(
    starts_with: _Prefixes,
    country_iso2: _typing.Optional[str],
    number_type: _typing.Optional[PoolNumberType],
    service: _typing.Optional[ServiceType],
) -> NumberFilter:
    """The filter record; one prefix may be given as a plain string."""
    prefixes = [starts_with] if isinstance(starts_with, str) else list(starts_with or [])
    return NumberFilter(starts_with=prefixes, country_iso2=country_iso2, number_type=number_type, service=service)


class NumberPool:
    """A Powerpack's number pool: its numbers, shortcodes and toll-free numbers.

    Made by ``client.number_pool(powerpack)`` or ``client.number_pool("<pool uuid>")``; sends
    nothing until a call. ``add_number`` never buys a number (it sends ``"rent": false``);
    ``buy_and_add_number`` does. ``remove_number(number)`` keeps the number rented unless
    ``unrent=True``. List filters are keyword arguments: ``pool.list_numbers(country_iso2="US")``.
    Every call has an ``_async`` twin.
    """

    __slots__ = ("_native",)

    def __init__(self, native: _NativeNumberPool) -> None:
        self._native = native

    def __repr__(self) -> str:
        return repr(self._native)

    def uuid(self) -> str:
        """The pool's uuid."""
        return self._native.uuid()

    def list_numbers(self, *, starts_with: _Prefixes = None, country_iso2: _typing.Optional[str] = None,
                     number_type: _typing.Optional[PoolNumberType] = None,
                     service: _typing.Optional[ServiceType] = None,
                     limit: _typing.Optional[int] = None, offset: _typing.Optional[int] = None) -> PoolNumberPage:
        """One page of numbers: ``starts_with`` (at most 10 prefixes, needs ``country_iso2``),
        ``number_type``, ``service``; ``limit`` 1..20 (default 20), ``offset`` (default 0)."""
        f = _number_filter(starts_with, country_iso2, number_type, service)
        return self._native.list_numbers(f, limit, offset)

    async def list_numbers_async(self, *, starts_with: _Prefixes = None, country_iso2: _typing.Optional[str] = None,
                                 number_type: _typing.Optional[PoolNumberType] = None,
                                 service: _typing.Optional[ServiceType] = None,
                                 limit: _typing.Optional[int] = None,
                                 offset: _typing.Optional[int] = None) -> PoolNumberPage:
        f = _number_filter(starts_with, country_iso2, number_type, service)
        return await self._native.list_numbers_async(f, limit, offset)

    def list_all_numbers(self, *, starts_with: _Prefixes = None, country_iso2: _typing.Optional[str] = None,
                         number_type: _typing.Optional[PoolNumberType] = None,
                         service: _typing.Optional[ServiceType] = None) -> _typing.List[PoolNumber]:
        """Every number matching the filters, all pages."""
        return self._native.list_all_numbers(_number_filter(starts_with, country_iso2, number_type, service))

    async def list_all_numbers_async(self, *, starts_with: _Prefixes = None,
                                     country_iso2: _typing.Optional[str] = None,
                                     number_type: _typing.Optional[PoolNumberType] = None,
                                     service: _typing.Optional[ServiceType] = None) -> _typing.List[PoolNumber]:
        f = _number_filter(starts_with, country_iso2, number_type, service)
        return await self._native.list_all_numbers_async(f)

    def get_number(self, number: str) -> PoolNumber:
        """One number of the pool, E.164 digits without ``+`` (``NotFound`` when not in it)."""
        return self._native.get_number(number)

    async def get_number_async(self, number: str) -> PoolNumber:
        return await self._native.get_number_async(number)

    def add_number(self, number: str, service: _typing.Optional[ServiceType] = None) -> PoolNumber:
        """Adds a number the account rents; never buys (sends ``"rent": false``)."""
        return self._native.add_number(number, service)

    async def add_number_async(self, number: str, service: _typing.Optional[ServiceType] = None) -> PoolNumber:
        return await self._native.add_number_async(number, service)

    def buy_and_add_number(self, number: str, service: _typing.Optional[ServiceType] = None) -> PoolNumber:
        """Buys (rents) a number and adds it (sends ``"rent": true``); not retried once sent."""
        return self._native.buy_and_add_number(number, service)

    async def buy_and_add_number_async(self, number: str,
                                       service: _typing.Optional[ServiceType] = None) -> PoolNumber:
        return await self._native.buy_and_add_number_async(number, service)

    def remove_number(self, number: str, unrent: bool = False) -> DeleteResult:
        """Takes a number out of the pool; ``unrent=True`` also releases it from the account."""
        return self._native.remove_number(number, unrent)

    async def remove_number_async(self, number: str, unrent: bool = False) -> DeleteResult:
        return await self._native.remove_number_async(number, unrent)

    def list_shortcodes(self, limit: _typing.Optional[int] = None,
                        offset: _typing.Optional[int] = None) -> ShortcodePage:
        """One page of the pool's shortcodes."""
        return self._native.list_shortcodes(limit, offset)

    async def list_shortcodes_async(self, limit: _typing.Optional[int] = None,
                                    offset: _typing.Optional[int] = None) -> ShortcodePage:
        return await self._native.list_shortcodes_async(limit, offset)

    def list_all_shortcodes(self) -> _typing.List[Shortcode]:
        """Every shortcode of the pool, all pages."""
        return self._native.list_all_shortcodes()

    async def list_all_shortcodes_async(self) -> _typing.List[Shortcode]:
        return await self._native.list_all_shortcodes_async()

    def get_shortcode(self, shortcode: str) -> Shortcode:
        """One shortcode of the pool (3 to 8 digits)."""
        return self._native.get_shortcode(shortcode)

    async def get_shortcode_async(self, shortcode: str) -> Shortcode:
        return await self._native.get_shortcode_async(shortcode)

    def remove_shortcode(self, shortcode: str) -> DeleteResult:
        """Takes a shortcode out of the pool."""
        return self._native.remove_shortcode(shortcode)

    async def remove_shortcode_async(self, shortcode: str) -> DeleteResult:
        return await self._native.remove_shortcode_async(shortcode)

    def list_tollfree(self, limit: _typing.Optional[int] = None,
                      offset: _typing.Optional[int] = None) -> PoolNumberPage:
        """One page of the pool's toll-free numbers."""
        return self._native.list_tollfree(limit, offset)

    async def list_tollfree_async(self, limit: _typing.Optional[int] = None,
                                  offset: _typing.Optional[int] = None) -> PoolNumberPage:
        return await self._native.list_tollfree_async(limit, offset)

    def list_all_tollfree(self) -> _typing.List[PoolNumber]:
        """Every toll-free number of the pool, all pages."""
        return self._native.list_all_tollfree()

    async def list_all_tollfree_async(self) -> _typing.List[PoolNumber]:
        return await self._native.list_all_tollfree_async()

    def get_tollfree(self, number: str) -> PoolNumber:
        """One toll-free number of the pool."""
        return self._native.get_tollfree(number)

    async def get_tollfree_async(self, number: str) -> PoolNumber:
        return await self._native.get_tollfree_async(number)

    def add_tollfree(self, number: str) -> PoolNumber:
        """Adds a toll-free number the account rents."""
        return self._native.add_tollfree(number)

    async def add_tollfree_async(self, number: str) -> PoolNumber:
        return await self._native.add_tollfree_async(number)

    def remove_tollfree(self, number: str, unrent: bool = False) -> DeleteResult:
        """Takes a toll-free number out of the pool; ``unrent=True`` also releases it."""
        return self._native.remove_tollfree(number, unrent)

    async def remove_tollfree_async(self, number: str, unrent: bool = False) -> DeleteResult:
        return await self._native.remove_tollfree_async(number, unrent)


class PowerpackClient(_NativeClient):
    __doc__ = _NativeClient.__doc__

    def __init__(self, auth_id: str, auth_token: str, config: _typing.Optional[ClientConfig] = None):
        super().__init__(auth_id, auth_token, _with_python_user_agent(config))

    @classmethod
    def from_env(cls, config: _typing.Optional[ClientConfig] = None) -> "PowerpackClient":
        """A client with credentials from ``PLIVO_AUTH_ID`` and ``PLIVO_AUTH_TOKEN``, and the base URL from
        ``PLIVO_BASE_URL`` when it is set (``config.base_url`` wins over it)."""
        return super().from_env(_with_python_user_agent(config))

    def number_pool(self, pool: _typing.Union[str, Powerpack]) -> NumberPool:  # type: ignore[override]
        """The number pool of a Powerpack, or the pool with this uuid. Sends nothing;
        ``PowerpackError.Validation`` when the uuid is malformed or the Powerpack has no pool."""
        if isinstance(pool, Powerpack):
            return NumberPool(super().number_pool_of(pool))
        return NumberPool(super().number_pool(pool))

    # The Powerpack calls cross the FFI as one JSON string each way (the core's operation table
    # by name; see _wire.py): lifting the 11-field record through UniFFI's generated Python cost
    # more than the HTTP call, and they take the C ABI in the same library (one crossing a call:
    # _capi.py). Python callers keep keyword arguments; unset keywords are not sent, False is sent
    # as false.

    def get_powerpack(self, uuid: str) -> Powerpack:
        """Fetches one Powerpack."""
        return _wire.powerpack(_capi.call(self, b"get_powerpack", _wire.dumps({"uuid": _text("uuid", uuid)})))

    async def get_powerpack_async(self, uuid: str) -> Powerpack:
        """The asyncio twin of :meth:`get_powerpack`."""
        arguments = _wire.dumps({"uuid": _text("uuid", uuid)})
        return _wire.powerpack(await _capi.call_async(self, b"get_powerpack", arguments))

    def update_powerpack(
        self,
        uuid: str,
        *,
        name: _typing.Optional[str] = None,
        sticky_sender: _typing.Optional[bool] = None,
        local_connect: _typing.Optional[bool] = None,
        application: _typing.Optional[Application] = None,
        number_priority: _typing.Optional[_typing.List[NumberPriority]] = None,
    ) -> Powerpack:
        """Changes a Powerpack; at least one keyword is required (else ``PowerpackError.Validation``)."""
        changes = _wire.changes(name, sticky_sender, local_connect, application, number_priority)
        arguments = _wire.dumps({"uuid": _text("uuid", uuid), "changes": changes})
        return _wire.powerpack(_capi.call(self, b"update_powerpack", arguments))

    async def update_powerpack_async(
        self,
        uuid: str,
        *,
        name: _typing.Optional[str] = None,
        sticky_sender: _typing.Optional[bool] = None,
        local_connect: _typing.Optional[bool] = None,
        application: _typing.Optional[Application] = None,
        number_priority: _typing.Optional[_typing.List[NumberPriority]] = None,
    ) -> Powerpack:
        """The asyncio twin of :meth:`update_powerpack`."""
        changes = _wire.changes(name, sticky_sender, local_connect, application, number_priority)
        arguments = _wire.dumps({"uuid": _text("uuid", uuid), "changes": changes})
        return _wire.powerpack(await _capi.call_async(self, b"update_powerpack", arguments))

    def list_powerpacks(self, limit: _typing.Optional[int] = None,
                        offset: _typing.Optional[int] = None) -> PowerpackPage:
        """One page of Powerpacks: ``limit`` 1..=20 (default 20), ``offset`` from 0 (default 0)."""
        return _wire.powerpack_page(_capi.call(self, b"list_powerpacks", _wire.dumps(_wire.page(limit, offset))))

    async def list_powerpacks_async(self, limit: _typing.Optional[int] = None,
                                    offset: _typing.Optional[int] = None) -> PowerpackPage:
        """The asyncio twin of :meth:`list_powerpacks`."""
        arguments = _wire.dumps(_wire.page(limit, offset))
        return _wire.powerpack_page(await _capi.call_async(self, b"list_powerpacks", arguments))

    def list_all_powerpacks(self) -> _typing.List[Powerpack]:
        """Every Powerpack of the account, all pages."""
        return _wire.powerpacks(_capi.call(self, b"list_all_powerpacks", "{}"))

    async def list_all_powerpacks_async(self) -> _typing.List[Powerpack]:
        """The asyncio twin of :meth:`list_all_powerpacks`."""
        return _wire.powerpacks(await _capi.call_async(self, b"list_all_powerpacks", "{}"))

    def create_powerpack(
        self,
        name: str,
        *,
        sticky_sender: _typing.Optional[bool] = None,
        local_connect: _typing.Optional[bool] = None,
        application: _typing.Optional[Application] = None,
        number_priority: _typing.Optional[_typing.List[NumberPriority]] = None,
    ) -> Powerpack:
        """Creates a Powerpack; unset booleans take the API's defaults (true)."""
        arguments = _wire.changes(_text("name", name), sticky_sender, local_connect, application, number_priority)
        return _wire.powerpack(_capi.call(self, b"create_powerpack", _wire.dumps({"powerpack": arguments})))

    async def create_powerpack_async(
        self,
        name: str,
        *,
        sticky_sender: _typing.Optional[bool] = None,
        local_connect: _typing.Optional[bool] = None,
        application: _typing.Optional[Application] = None,
        number_priority: _typing.Optional[_typing.List[NumberPriority]] = None,
    ) -> Powerpack:
        """The asyncio twin of :meth:`create_powerpack`."""
        arguments = _wire.changes(_text("name", name), sticky_sender, local_connect, application, number_priority)
        return _wire.powerpack(await _capi.call_async(self, b"create_powerpack", _wire.dumps({"powerpack": arguments})))


def _text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, not {type(value).__name__}")
    return value


# --- A clean interpreter exit while asyncio calls are in flight -----------------------------
#
# An async call completes when a Rust runtime thread runs the asyncio continuation callback,
# which needs the GIL. Once CPython (< 3.14) is finalizing, a thread asking for the GIL is ended
# with pthread_exit, whose forced unwind cannot cross Rust frames: the process would abort with
# "FATAL: exception not rethrown". atexit hooks run before finalization starts, so this one tells
# the Rust side to deliver no more completions and to finish the deliveries in progress
# (the library's exit gate, which UniFFI's completions and the C ABI's callbacks both pass).
# Calls still running are abandoned with the process.


@_atexit.register
def _stop_delivering_completions() -> None:
    _prepare_for_exit(_datetime.timedelta(seconds=1))
