"""Plivo Powerpack API client: one validated, retrying Rust core, used from Python.

    from plivo_powerpack import PowerpackClient

    client = PowerpackClient("MAXXXXXXXXXXXXXXXXXX", "auth_token")
    powerpack = client.get_powerpack("powerpack_uuid")
    updated = client.update_powerpack(powerpack.uuid, name="powerpack_name", sticky_sender=False)

Every call has an ``_async`` twin for asyncio (``await client.update_powerpack_async(...)``).
Errors are subclasses of :class:`PowerpackError` (``PowerpackError.NotFound``,
``PowerpackError.RateLimited``...), carrying ``status``, ``api_id``, ``reason`` and more.
"""

import platform as _platform
import typing as _typing

from ._native import *  # noqa: F401,F403  (the generated UniFFI module)
from ._native import ClientConfig, PowerpackClient as _NativeClient

_PYTHON_UA = f"python/{_platform.python_version()}"


def _with_python_user_agent(config: _typing.Optional[ClientConfig]) -> ClientConfig:
    """Appends ``python/X.Y.Z`` to the User-Agent unless the caller chose a suffix."""
    if config is None:
        return ClientConfig(user_agent_suffix=_PYTHON_UA)
    if config.user_agent_suffix is None:
        config.user_agent_suffix = _PYTHON_UA
    return config


class PowerpackClient(_NativeClient):
    __doc__ = _NativeClient.__doc__

    def __init__(self, auth_id: str, auth_token: str, config: _typing.Optional[ClientConfig] = None):
        super().__init__(auth_id, auth_token, _with_python_user_agent(config))

    @classmethod
    def from_env(cls, config: _typing.Optional[ClientConfig] = None) -> "PowerpackClient":
        """A client with credentials from ``PLIVO_AUTH_ID`` and ``PLIVO_AUTH_TOKEN``."""
        return super().from_env(_with_python_user_agent(config))

    def __repr__(self) -> str:  # never shows the token
        return f"PowerpackClient(auth_id={self.auth_id()!r})"
