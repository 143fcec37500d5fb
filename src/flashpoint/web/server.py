"""Run the dashboard with uvicorn (what ``flashpoint serve`` calls)."""

from __future__ import annotations

from pathlib import Path

from ..settings import Settings
from .app import check_bind, create_app, served_hosts


def serve(
    db: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    settings: Settings | None = None,
    log_level: str = "info",
    cache_size: int = 512,
) -> None:
    """Serve the database at ``db`` read-only on ``host:port`` until interrupted.

    Binding beyond loopback needs a ``token`` (see :func:`check_bind`); on loopback only
    loopback Host names are answered (:func:`served_hosts`); ``cache_size`` as in
    :func:`create_app`; the database must exist (checked here so a typo
    fails at start, not on the first request).
    """
    import uvicorn

    from .. import store

    check_bind(host, token)
    if not Path(db).exists():
        raise store.missing_database(str(db))
    app = create_app(db, token=token, settings=settings, cache_size=cache_size,
                     allowed_hosts=served_hosts(host))
    # One worker: DuckDB readers share one process-wide instance; requests run in its threadpool.
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
