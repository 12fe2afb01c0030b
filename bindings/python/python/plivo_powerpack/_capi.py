"""The blocking Powerpack calls through the C ABI linked into the same native library.

A call through UniFFI's generated ctypes code crosses into Rust five times for one JSON call
(a handle clone, two argument buffers, the call, the result's free), each through Python-level
machinery (about 11 µs apiece, BENCHMARKS.md). ``plivo_call`` takes the client's C handle and two
C strings and returns one: a call is one crossing and a free, and ctypes releases the GIL while
Rust works. Errors come back as the C ABI's envelope and are raised as the typed
``PowerpackError`` by the Rust side (``raise_envelope_error``), so the mapping lives once, in
Rust. The async calls stay on UniFFI's futures, whose completions stop cleanly at interpreter
exit (``prepare_for_exit``).
"""

import ctypes as _ctypes
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


def call(client: _typing.Any, operation: bytes, arguments: str) -> bytes:
    """Runs one operation of the core's table and waits: the result's JSON, or the typed error."""
    answer = _plivo_call(_handle(client), operation, arguments.encode())
    try:
        envelope = _ctypes.string_at(answer)
    finally:
        _string_free(answer)
    if envelope.startswith(_OK):
        return envelope[len(_OK):-1]
    _raise_envelope_error(envelope.decode())
    raise _PowerpackError.Internal(reason="the C ABI answered neither a result nor an error")
