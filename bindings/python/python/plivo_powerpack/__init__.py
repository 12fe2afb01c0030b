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
import platform as _platform
import threading as _threading
import time as _time
import typing as _typing

from ._native import *  # noqa: F401,F403  (the generated UniFFI module)
from ._native import (
    Application,
    ClientConfig,
    CreatePowerpack,
    NumberFilter,
    NumberPool as _NativeNumberPool,
    NumberPriority,
    PoolNumber,
    PoolNumberPage,
    PoolNumberType,
    Powerpack,
    PowerpackClient as _NativeClient,
    ServiceType,
    UpdatePowerpack,
)
from ._native import plivo_powerpack as _generated

_PYTHON_UA = f"python/{_platform.python_version()}"


def _with_python_user_agent(config: _typing.Optional[ClientConfig]) -> ClientConfig:
    """Appends ``python/X.Y.Z`` to the User-Agent unless the caller chose a suffix."""
    if config is None:
        return ClientConfig(user_agent_suffix=_PYTHON_UA)
    if config.user_agent_suffix is None:
        config.user_agent_suffix = _PYTHON_UA
    return config


def _number_filter(
    starts_with: _typing.Union[str, _typing.Sequence[str], None],
    country_iso2: _typing.Optional[str],
    number_type: _typing.Optional[PoolNumberType],
    service: _typing.Optional[ServiceType],
) -> NumberFilter:
    """The filter record; one prefix may be given as a plain string."""
    prefixes = [starts_with] if isinstance(starts_with, str) else list(starts_with or [])
    return NumberFilter(starts_with=prefixes, country_iso2=country_iso2, number_type=number_type, service=service)


class NumberPool(_NativeNumberPool):
    """A Powerpack's number pool: its numbers, shortcodes and toll-free numbers.

    ``add_number`` never buys a number (it sends ``"rent": false``); ``buy_and_add_number``
    does. ``remove_number(number)`` keeps the number rented unless ``unrent=True``.
    The list filters are keyword arguments: ``pool.list_numbers(country_iso2="US", limit=5)``.
    """

    def list_numbers(  # type: ignore[override]
        self,
        *,
        starts_with: _typing.Union[str, _typing.Sequence[str], None] = None,
        country_iso2: _typing.Optional[str] = None,
        number_type: _typing.Optional[PoolNumberType] = None,
        service: _typing.Optional[ServiceType] = None,
        limit: _typing.Optional[int] = None,
        offset: _typing.Optional[int] = None,
    ) -> PoolNumberPage:
        """One page of numbers: ``starts_with`` (at most 10 prefixes, needs ``country_iso2``),
        ``number_type``, ``service``; ``limit`` 1..20 (default 20), ``offset`` (default 0)."""
        f = _number_filter(starts_with, country_iso2, number_type, service)
        return super().list_numbers(f, limit, offset)

    async def list_numbers_async(  # type: ignore[override]
        self,
        *,
        starts_with: _typing.Union[str, _typing.Sequence[str], None] = None,
        country_iso2: _typing.Optional[str] = None,
        number_type: _typing.Optional[PoolNumberType] = None,
        service: _typing.Optional[ServiceType] = None,
        limit: _typing.Optional[int] = None,
        offset: _typing.Optional[int] = None,
    ) -> PoolNumberPage:
        """The asyncio twin of :meth:`list_numbers`."""
        f = _number_filter(starts_with, country_iso2, number_type, service)
        return await super().list_numbers_async(f, limit, offset)

    def list_all_numbers(  # type: ignore[override]
        self,
        *,
        starts_with: _typing.Union[str, _typing.Sequence[str], None] = None,
        country_iso2: _typing.Optional[str] = None,
        number_type: _typing.Optional[PoolNumberType] = None,
        service: _typing.Optional[ServiceType] = None,
    ) -> _typing.List[PoolNumber]:
        """Every number matching the filters, all pages."""
        return super().list_all_numbers(_number_filter(starts_with, country_iso2, number_type, service))

    async def list_all_numbers_async(  # type: ignore[override]
        self,
        *,
        starts_with: _typing.Union[str, _typing.Sequence[str], None] = None,
        country_iso2: _typing.Optional[str] = None,
        number_type: _typing.Optional[PoolNumberType] = None,
        service: _typing.Optional[ServiceType] = None,
    ) -> _typing.List[PoolNumber]:
        """The asyncio twin of :meth:`list_all_numbers`."""
        return await super().list_all_numbers_async(_number_filter(starts_with, country_iso2, number_type, service))


# Every NumberPool the native layer returns is made as the class above (same handle, same
# methods, keyword filters added): the generated converter builds instances with this hook.
_generated._UniffiFfiConverterTypeNumberPool.lift = staticmethod(NumberPool._uniffi_make_instance)


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
            return _typing.cast(NumberPool, super().number_pool_of(pool))
        return _typing.cast(NumberPool, super().number_pool(pool))

    # Updates and creates cross the FFI as one record (UpdatePowerpack, CreatePowerpack); Python
    # callers keep keyword arguments. Unset keywords are not sent; False is sent as false.

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
        changes = UpdatePowerpack(name=name, sticky_sender=sticky_sender, local_connect=local_connect,
                                  application=application, number_priority=number_priority)
        return super().update_powerpack(uuid, changes)

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
        changes = UpdatePowerpack(name=name, sticky_sender=sticky_sender, local_connect=local_connect,
                                  application=application, number_priority=number_priority)
        return await super().update_powerpack_async(uuid, changes)

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
        powerpack = CreatePowerpack(name=name, sticky_sender=sticky_sender, local_connect=local_connect,
                                    application=application, number_priority=number_priority)
        return super().create_powerpack(powerpack)

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
        powerpack = CreatePowerpack(name=name, sticky_sender=sticky_sender, local_connect=local_connect,
                                    application=application, number_priority=number_priority)
        return await super().create_powerpack_async(powerpack)


# --- A clean interpreter exit after asyncio calls -------------------------------------------
#
# An async call completes when a Rust runtime thread runs UniFFI's continuation callback, which
# takes the GIL to hand the result to the event loop. If that thread loses the GIL half-way
# (CPython's forced switch) and the main thread meanwhile finishes and starts finalizing,
# CPython < 3.14 ends the callback thread with pthread_exit, whose forced unwind cannot pass the
# Rust frames: the process aborts with "FATAL: exception not rethrown" (seen in about 3% of
# short asyncio scripts on a loaded machine). The callback below is UniFFI's own, plus a count of
# callbacks in progress, and an atexit hook (run before finalization starts) waits for them.

_callbacks_lock = _threading.Lock()
_callbacks_running = 0


@_generated._UNIFFI_RUST_FUTURE_CONTINUATION_CALLBACK
def _counted_continuation_callback(future_ptr, poll_code):
    global _callbacks_running
    with _callbacks_lock:
        _callbacks_running += 1
    try:
        eventloop, future = _generated._UniffiContinuationHandleMap.remove(future_ptr)
        eventloop.call_soon_threadsafe(_generated._uniffi_set_future_result, future, poll_code)
    finally:
        with _callbacks_lock:
            _callbacks_running -= 1


_generated._uniffi_continuation_callback = _counted_continuation_callback


@_atexit.register
def _wait_for_callbacks() -> None:
    deadline = _time.monotonic() + 1.0
    while _callbacks_running and _time.monotonic() < deadline:
        _time.sleep(0.001)
    # A thread past its count still has to leave the callback; give it the GIL once more.
    _time.sleep(0.002)
