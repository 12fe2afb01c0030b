# Types for the two generated classes whose runtime shape mypy cannot read: the error (its
# variants are attached to the class after it is defined) and the application choice (its
# variants become subclasses only at import time). Stub only: nothing here runs.
# `__init__.py` imports these names from here under `TYPE_CHECKING` and from the generated
# module otherwise; tests/test_typing.py checks every declaration against the runtime classes.

import datetime
from typing import Optional

class PowerpackError(Exception):
    """Everything that can go wrong; `Validation` is raised before any network I/O."""

    class Validation(PowerpackError):
        field: str
        reason: str
        def __init__(self, field: str, reason: str) -> None: ...

    class Authentication(PowerpackError):
        status: int
        api_id: Optional[str]
        reason: str
        body_excerpt: str
        def __init__(self, status: int, api_id: Optional[str], reason: str, body_excerpt: str) -> None: ...

    class Forbidden(PowerpackError):
        status: int
        api_id: Optional[str]
        reason: str
        body_excerpt: str
        def __init__(self, status: int, api_id: Optional[str], reason: str, body_excerpt: str) -> None: ...

    class NotFound(PowerpackError):
        status: int
        api_id: Optional[str]
        reason: str
        body_excerpt: str
        def __init__(self, status: int, api_id: Optional[str], reason: str, body_excerpt: str) -> None: ...

    class InvalidRequest(PowerpackError):
        status: int
        api_id: Optional[str]
        reason: str
        body_excerpt: str
        def __init__(self, status: int, api_id: Optional[str], reason: str, body_excerpt: str) -> None: ...

    class RateLimited(PowerpackError):
        status: int
        api_id: Optional[str]
        reason: str
        body_excerpt: str
        retry_after: Optional[datetime.timedelta]
        def __init__(
            self, status: int, api_id: Optional[str], reason: str, body_excerpt: str,
            retry_after: Optional[datetime.timedelta],
        ) -> None: ...

    class Server(PowerpackError):
        status: int
        api_id: Optional[str]
        reason: str
        body_excerpt: str
        def __init__(self, status: int, api_id: Optional[str], reason: str, body_excerpt: str) -> None: ...

    class Timeout(PowerpackError):
        reason: str
        def __init__(self, reason: str) -> None: ...

    class Network(PowerpackError):
        reason: str
        def __init__(self, reason: str) -> None: ...

    class Decode(PowerpackError):
        path: str
        reason: str
        body_excerpt: str
        def __init__(self, path: str, reason: str, body_excerpt: str) -> None: ...

    class Tls(PowerpackError):
        reason: str
        def __init__(self, reason: str) -> None: ...

    class Internal(PowerpackError):
        reason: str
        def __init__(self, reason: str) -> None: ...

class Application:
    """Which application the Powerpack's numbers are attached to."""

    class XML(Application):
        app_id: str
        def __init__(self, app_id: str) -> None: ...

    class PHLO(Application):
        phlo_id: str
        def __init__(self, phlo_id: str) -> None: ...

    class DETACH(Application):
        def __init__(self) -> None: ...

    def is_XML(self) -> bool: ...
    def is_xml(self) -> bool: ...
    def is_PHLO(self) -> bool: ...
    def is_phlo(self) -> bool: ...
    def is_DETACH(self) -> bool: ...
    def is_detach(self) -> bool: ...
