"""Security for a server on the editor's own machine.

- A fresh random token per server (as Jupyter does): every API call carries it
  as ``Authorization: Bearer <token>`` or in the cookie set when the page is
  opened with ``?token=``.
- :class:`LocalOnly` refuses (403) a request whose ``Host`` is not the bound
  address or ``localhost`` (DNS rebinding: a hostile site whose name resolves to
  127.0.0.1), and one whose ``Origin`` or ``Sec-Fetch-Site`` says it comes from
  another site (cross-site posts).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def new_token() -> str:
    """A fresh random token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def token_matches(given: str | None, token: str) -> bool:
    """Constant-time comparison; hashing first accepts any text (headers may hold anything)."""
    if not given:
        return False
    given_hash = hashlib.sha256(given.encode("utf-8", "surrogatepass")).digest()
    return hmac.compare_digest(given_hash, hashlib.sha256(token.encode("utf-8")).digest())


def cookie_name(token: str) -> str:
    """Cookies are not scoped by port: name the cookie after the token, so two servers on
    one machine do not overwrite each other's cookie."""
    return "checker_review_" + hashlib.sha256(token.encode("utf-8")).hexdigest()[:12]


def allowed_hosts(bound_host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """Host names a request may name: the bound address, ``localhost`` and ``extra``.

    Loopback names are interchangeable (a browser may say ``localhost`` for
    ``127.0.0.1``); any other name, and the wildcard ``0.0.0.0``, must be given.
    """
    names = {_normalise_host(bound_host), "localhost", *(_normalise_host(h) for h in extra)}
    if names & set(LOOPBACK_NAMES):
        names.update(LOOPBACK_NAMES)
    names.discard("0.0.0.0")
    names.discard("::")
    return frozenset(names)


def _normalise_host(host: str) -> str:
    return host.strip().strip("[]").lower().rstrip(".")


def host_name(host_header: str) -> str | None:
    """The host name of a ``Host`` header without its port; None when malformed."""
    try:
        parts = urlsplit(f"//{host_header}")
        name = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    return _normalise_host(name) if name else None


def same_origin(origin: str, scheme: str, host_header: str) -> bool:
    """``Origin`` names this very server (scheme, host and port as the request's ``Host``)."""
    return origin.strip().lower() == f"{scheme}://{host_header}".lower()


class LocalOnly:
    """ASGI middleware: 403 for a foreign ``Host``, ``Origin`` or ``Sec-Fetch-Site``."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        reason = self.refusal(scope)
        if reason is not None:
            response = PlainTextResponse(f"forbidden: {reason}\n", status_code=403)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def refusal(self, scope: Scope) -> str | None:
        """Why the request is refused, or None when it may go on."""
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        name = host_name(host)
        if name is None or name not in self.hosts:
            return "Host header names another server"
        origin = headers.get("origin")
        scheme = "https" if scope.get("scheme") in ("https", "wss") else "http"
        if origin is not None and not same_origin(origin, scheme, host):
            return "request from another origin"
        if headers.get("sec-fetch-site", "").lower() == "cross-site":
            return "cross-site request"
        return None
