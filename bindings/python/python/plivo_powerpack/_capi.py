"""The Powerpack calls through the C ABI linked into the same native library.

A call through UniFFI's generated ctypes code crosses into Rust five times for one JSON call
(a handle clone, two argument buffers, the call, the result's free), each through Python-level
machinery (about 11 µs apiece, BENCHMARKS.md). ``plivo_call`` takes the client's C handle and two
C strings and returns one: a call is one crossing and a free, and ctypes releases the GIL while
Rust works. Errors come back as the C ABI's envelope and are raised as the typed
``PowerpackError`` by the Rust side (``raise_envelope_error``), so the mapping lives once, in
Rust. The async calls start with ``plivo_call_async`` and complete through one ctypes callback,
on a Rust thread, which hands the answer to the caller's event loop; their completions pass the
library's exit gate, which the package's ``atexit`` hook shuts (``prepare_for_exit``).
"""

import asyncio as _asyncio
import ctypes as _ctypes
import itertools as _itertools
import threading as _threading
import typing as _typing
import weakref as _weakref

from ._native import PowerpackError as _PowerpackError
from ._native import raise_envelope_error as _raise_envelope_error
from ._native.plivo_powerpack import _UniffiLib

# The same library the generated module loaded (dlopen hands back the loaded copy).
_lib = _ctypes.CDLL(_UniffiLib._name)
_plivo_call = _lib.plivo_call
_plivo_call.argtypes = (_ctypes.c_void_p, _ctypes.c_char_p, _ctypes.c_char_p)
_plivo_call.restype = _ctypes.c_void_p
_string_free = _lib.plivo_string_free
_string_free.argtypes = (_ctypes.c_void_p,)
_string_free.restype = None
_plivo_call_async = _lib.plivo_call_async
_COMPLETION = _ctypes.CFUNCTYPE(None, _ctypes.c_void_p, _ctypes.c_char_p)
_plivo_call_async.argtypes = (_ctypes.c_void_p, _ctypes.c_char_p, _ctypes.c_char_p, _ctypes.c_void_p,
                              _COMPLETION, _ctypes.c_void_p)
_plivo_call_async.restype = None
_cancel_new = _lib.plivo_cancel_new
_cancel_new.argtypes = ()
_cancel_new.restype = _ctypes.c_void_p
_cancel_cancel = _lib.plivo_cancel_cancel
_cancel_cancel.argtypes = (_ctypes.c_void_p,)
_cancel_cancel.restype = None
_cancel_free = _lib.plivo_cancel_free
_cancel_free.argtypes = (_ctypes.c_void_p,)
_cancel_free.restype = None
_client_free = _lib.plivo_client_free
_client_free.argtypes = (_ctypes.c_void_p,)
_client_free.restype = None

_OK = b'{"ok":true,"result":'
_handles_lock = _threading.Lock()


def _handle(client: _typing.Any) -> int:
    """The client's C handle, made on first use and freed when the client is collected."""
    handle = client.__dict__.get("_c_handle")
    if handle is None:
        with _handles_lock:
            handle = client.__dict__.get("_c_handle")
            if handle is None:
                handle = client.c_client()
                client._c_handle = handle
                _weakref.finalize(client, _client_free, handle)
    return handle


def _result(envelope: bytes) -> bytes:
    """The result's JSON of an envelope, or the typed error it describes, raised."""
    if envelope.startswith(_OK):
        return envelope[len(_OK):-1]
    _raise_envelope_error(envelope.decode())
    raise _PowerpackError.Internal(reason="the C ABI answered neither a result nor an error")


def call(client: _typing.Any, operation: bytes, arguments: str) -> bytes:
    """Runs one operation of the core's table and waits: the result's JSON, or the typed error."""
    answer = _plivo_call(_handle(client), operation, arguments.encode())
    try:
        envelope = _ctypes.string_at(answer)
    finally:
        _string_free(answer)
    return _result(envelope)


# The calls in flight, by the id that travels as user_data: the loop and the future to resolve.
_pending: _typing.Dict[int, _typing.Tuple[_asyncio.AbstractEventLoop, "_asyncio.Future[bytes]"]] = {}
_ids = _itertools.count(1)


def _resolve(future: "_asyncio.Future[bytes]", envelope: bytes) -> None:
    if not future.done():  # a cancelled caller has stopped waiting
        future.set_result(envelope)


@_COMPLETION
def _complete(user_data: _typing.Optional[int], envelope: bytes) -> None:
    """Runs on a Rust thread, holding the GIL (ctypes takes it): hands the answer to the loop."""
    waiting = _pending.pop(user_data or 0, None)
    if waiting is not None:
        loop, future = waiting
        try:
            loop.call_soon_threadsafe(_resolve, future, envelope)
        except RuntimeError:  # the loop was closed with the call in flight: nobody waits
            pass


async def call_async(client: _typing.Any, operation: bytes, arguments: str) -> bytes:
    """The asyncio twin of :func:`call`. Cancelling the awaiting task cancels the Rust call."""
    loop = _asyncio.get_running_loop()
    future: "_asyncio.Future[bytes]" = loop.create_future()
    call_id = next(_ids)
    _pending[call_id] = (loop, future)
    token = _cancel_new()
    try:
        _plivo_call_async(_handle(client), operation, arguments.encode(), token, _complete, call_id)
        envelope = await future
    except BaseException:
        _pending.pop(call_id, None)
        _cancel_cancel(token)
        raise
    finally:
        _cancel_free(token)  # the call holds its own reference
    return _result(envelope)
