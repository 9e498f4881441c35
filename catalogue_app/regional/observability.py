"""What museum IT watches: `GET /healthz` (the database and the blob store answer) and
Prometheus metrics at `GET /metrics` (requests by route and status, and their duration).

Both are outside `/api/`, need no token and show no museum's data. With `--workers N` each
worker process counts its own requests: the scraper sees the worker that answered."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Request
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from sqlalchemy import text
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send

from catalogue_app.regional.asgi import HttpMiddleware, on_response_start
from catalogue_app.regional.json_bodies import FastJSONResponse

REQUESTS = Counter(
    "catalogue_base_requests", "HTTP requests answered", ["method", "route", "status"]
)
DURATION = Histogram(
    "catalogue_base_request_seconds", "Time to answer an HTTP request", ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)

probes = APIRouter(include_in_schema=True)


@probes.get("/healthz", tags=["operations"])
def healthz(request: Request) -> FastJSONResponse:
    """200 when the database and the blob store answer, 503 (and which one) otherwise."""
    services = request.app.state.services
    checks: dict[str, Any] = {}
    try:
        with services.database.read_session() as session:
            session.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as error:  # any failure is the answer: the probe says which part failed
        checks["database"] = f"unavailable: {type(error).__name__}"
    try:
        services.blobs.check_reachable()
        checks["blobs"] = "ok"
    except Exception as error:
        checks["blobs"] = f"unavailable: {type(error).__name__}"
    healthy = all(value == "ok" for value in checks.values())
    return FastJSONResponse(checks, status_code=200 if healthy else 503)


@probes.get("/metrics", tags=["operations"], response_class=Response)
async def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


class RequestMetrics(HttpMiddleware):
    """Counts every answer by route template (never the raw path: ids would be labels), and
    tells each answer's time to its start in a `Server-Timing` header: a browser's developer
    tools, or a benchmark, then see the server's part of a wait apart from the network's."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        status = 500

        def note(start: Message) -> None:
            nonlocal status
            status = start["status"]
            spent = b"app;dur=%.1f" % ((time.perf_counter() - started) * 1000)
            start["headers"] = [*start.get("headers", []), (b"server-timing", spent)]

        try:
            await self.app(scope, receive, on_response_start(send, note))
        finally:
            route = getattr(scope.get("route"), "path", "unmatched")
            REQUESTS.labels(scope["method"], route, str(status)).inc()
            DURATION.labels(scope["method"], route).observe(time.perf_counter() - started)
