"""The review web app: the page, and a JSON API over the findings and the decision store.

:func:`create_app` takes everything from outside (the store, the token, a
``load_report`` provider, the seeds folder), so tests give it a temporary store
and hand-made reports, and the CLI gives it ``checker.pipeline.compare``.

Routes (all behind :class:`~checker.review.security.LocalOnly`):

- ``GET /?token=...`` sets the session cookie and redirects to ``/``; ``GET /``
  serves the page when the cookie is set.
- ``GET /api/findings``, ``GET /api/findings/{fingerprint}``, ``POST /api/decisions``,
  ``GET /api/openapi.json``: token required (Bearer header or the cookie).
- ``/static/...``: the page's own CSS and JavaScript (no CDN, nothing secret).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from filelock import Timeout
from jinja2 import Environment, FileSystemLoader, select_autoescape

from checker.errors import CheckerError
from checker.review.context import SeedTexts
from checker.review.security import (
    LocalOnly,
    allowed_hosts,
    cookie_name,
    token_matches,
)
from checker.review.store import DecisionStore
from checker.review.views import (
    FLAGGED,
    DecisionResult,
    FindingDetail,
    FindingList,
    finding_detail,
    finding_list,
    next_undecided,
)
from checker.schema import DecisionRequest, Report, Verdict
from checker.version import CHECKER_VERSION

PACKAGE = Path(__file__).resolve().parent
# Largest request body accepted: a note is at most 10,000 characters.
MAX_BODY = 256 * 1024

_bearer = HTTPBearer(auto_error=False, description="The token printed by `checker review`.")


def _templates() -> Environment:
    return Environment(
        loader=FileSystemLoader(PACKAGE / "templates"),
        autoescape=select_autoescape(("html",), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def create_app(
    store: DecisionStore,
    token: str,
    load_report: Callable[[], Report],
    *,
    seeds_dir: Path | None = None,
    host: str = "127.0.0.1",
    extra_hosts: Iterable[str] = (),
    title: str = "checker review",
    flagged: Collection[Verdict] = FLAGGED,
) -> FastAPI:
    """The review app for one decision store.

    ``load_report`` is called on every request that needs findings (so the page
    follows a re-run of ``checker extract``); a :class:`CheckerError` it raises
    becomes a 503 naming the problem. ``host`` is the address the server binds;
    requests must name it, ``localhost`` or one of ``extra_hosts`` in ``Host``.
    ``seeds_dir`` is where the page reads each quote's paragraph (None: sentences only).
    ``flagged``: the verdicts the queue holds for a decision (contradictions; the CLI
    adds variances when the gate blocks on them).
    """
    flagged = frozenset(flagged)
    texts = SeedTexts(seeds_dir)
    cookie = cookie_name(token)
    templates = _templates()

    def require_token(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> None:
        given = credentials.credentials if credentials else request.cookies.get(cookie)
        if not token_matches(given, token):
            raise HTTPException(
                status_code=401,
                detail="missing or wrong token: open the URL printed by `checker review`",
                headers={"WWW-Authenticate": "Bearer"},
            )

    def report() -> Report:
        try:
            return load_report()
        except CheckerError as exc:
            raise HTTPException(status_code=503, detail=f"cannot load findings: {exc}") from None

    app = FastAPI(
        title=title,
        version=CHECKER_VERSION,
        description="Editors' review of the findings of `checker`: decisions go to "
        "reports/review.jsonl.",
        openapi_url=None,  # served below, behind the token
        docs_url=None,  # Swagger UI and ReDoc load their assets from a CDN
        redoc_url=None,
        max_body_size=MAX_BODY,
    )
    app.add_exception_handler(RequestValidationError, _invalid_request)
    api = APIRouter(prefix="/api", dependencies=[Depends(require_token)], tags=["review"])

    @api.get("/findings", response_model=FindingList)
    def list_findings() -> FindingList:
        """Every finding, queue order (contradictions: confident first by confidence,
        uncertain last; then updates, variances, agreements), with its current decision;
        only the flagged ones (contradictions) are the queue to decide and are counted.
        ``problems`` lists lines of review.jsonl that were skipped."""
        with _store_errors("read the decisions"):
            loaded = store.load()
        current = {d.fingerprint: d for d in loaded.decisions}
        return finding_list(report(), current, [str(p) for p in loaded.problems], flagged)

    @api.get(
        "/findings/{fingerprint}",
        response_model=FindingDetail,
        responses={404: {"description": "No finding has this fingerprint."}},
    )
    def get_finding(fingerprint: str) -> FindingDetail:
        """One finding: its sources grouped by value, each quote in its paragraph, and
        the history of decisions on it."""
        current_report = report()
        finding = next((f for f in current_report.findings if f.fingerprint == fingerprint), None)
        if finding is None:
            raise HTTPException(status_code=404, detail=f"no finding {fingerprint!r}")
        with _store_errors("read the decisions"):
            history = store.history(fingerprint)
        return finding_detail(current_report, finding, history, texts, flagged)

    @api.post(
        "/decisions",
        response_model=DecisionResult,
        status_code=201,
        responses={404: {"description": "No finding has this fingerprint."}},
    )
    def post_decision(request: DecisionRequest) -> DecisionResult:
        """Record a decision (``accepted`` needs a note). Returns it, and the next finding
        still to decide."""
        current_report = report()
        finding = next(
            (f for f in current_report.findings if f.fingerprint == request.fingerprint), None
        )
        if finding is None:
            raise HTTPException(status_code=404, detail=f"no finding {request.fingerprint!r}")
        with _store_errors("record the decision"):
            decision = store.append(request, finding)
            current = store.current()
        following = next_undecided(current_report, current, request.fingerprint, flagged)
        return DecisionResult(decision=decision, next=following)

    @api.get("/openapi.json", include_in_schema=False)
    def openapi() -> JSONResponse:
        return JSONResponse(app.openapi())

    app.include_router(api)

    @app.get("/", include_in_schema=False, response_model=None)
    def page(request: Request) -> Response:
        given = request.query_params.get("token")
        if given is not None:
            if not token_matches(given, token):
                return _refused(templates, title)
            # Drop the token from the address bar (and from history and bookmarks).
            response: Response = RedirectResponse("/", status_code=303)
            response.set_cookie(cookie, token, httponly=True, samesite="strict", path="/")
            return response
        if not token_matches(request.cookies.get(cookie), token):
            return _refused(templates, title)
        html = templates.get_template("index.html").render(title=title, version=CHECKER_VERSION)
        return HTMLResponse(html, headers=_PAGE_HEADERS)

    app.mount("/static", StaticFiles(directory=PACKAGE / "static"), name="static")
    app.add_middleware(LocalOnly, hosts=allowed_hosts(host, extra_hosts))
    return app


# The page runs only its own script and style: no inline script, no other origin.
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


@contextmanager
def _store_errors(action: str) -> Iterator[None]:
    """The decisions file cannot be read or written (a read-only ``reports/``, a full
    disk, a folder where the file belongs, another writer holding the lock): a 503
    whose detail, shown on the page, says why, instead of a bare 500."""
    try:
        yield
    except Timeout:
        raise HTTPException(
            status_code=503,
            detail=f"cannot {action}: another writer holds the lock on the decisions file; "
            "try again",
        ) from None
    except CheckerError as exc:
        detail = str(exc) if exc.message.startswith("cannot") else f"cannot {action}: {exc}"
        raise HTTPException(status_code=503, detail=detail) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise HTTPException(status_code=503, detail=f"cannot {action}: {reason}") from None


async def _invalid_request(request: Request, exc: Exception) -> JSONResponse:
    """422 with where and why, but without echoing the input (it may not even encode)."""
    assert isinstance(exc, RequestValidationError)
    detail = [
        {"loc": [str(part) for part in error["loc"]], "msg": error["msg"], "type": error["type"]}
        for error in exc.errors()
    ]
    return JSONResponse({"detail": detail}, status_code=422)


def _refused(templates: Environment, title: str) -> HTMLResponse:
    html = templates.get_template("token.html").render(title=title)
    return HTMLResponse(html, status_code=401, headers=_PAGE_HEADERS)
