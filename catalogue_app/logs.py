"""Where the application writes what happened: a rotating log file for the desk app and its
command line (the frozen build has no console: this file is where errors go), JSON lines for
the regional base (one object per event, for a log collector).

The desk's file is catalogue-app.log in the platformdirs log folder (CATALOGUE_APP_LOG_DIR
overrides it), kept to five files of 5 MB; a hard crash (a fault inside Qt or SQLite, where
Python's own handlers never run) leaves its stack in faults.log beside it."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import traceback
from pathlib import Path

LOG_FILE_NAME = "catalogue-app.log"
FAULTS_FILE_NAME = "faults.log"
_MAX_BYTES, _BACKUPS = 5 * 1024 * 1024, 4
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("catalogue_app")


def log_dir() -> Path:
    chosen = os.environ.get("CATALOGUE_APP_LOG_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_log_dir

    return Path(user_log_dir("catalogue-app", appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


def configure_desk_logging(level: int = logging.INFO) -> Path | None:
    """Send the application's records to the rotating log file; return its path (None when
    the folder cannot be written: the app still runs, and says so on stderr)."""
    path = log_file()
    root = logging.getLogger()
    for earlier in [h for h in root.handlers if getattr(h, "catalogue_desk_log", False)]:
        root.removeHandler(earlier)
        earlier.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _RotatingOnFirstRecord(path)
    except OSError as error:
        if sys.stderr is not None:  # None in the frozen build, which has no console
            print(f"catalogue-app: cannot write the log file {path}: {error}", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.catalogue_desk_log = True
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its set-up chatter, each start
    logging.captureWarnings(True)
    return path


class _RotatingOnFirstRecord(logging.Handler):
    """A RotatingFileHandler made when the first record arrives: logging.handlers (socket,
    pickle, queue...) costs the window's start-up 12 ms, and most runs log nothing."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            self._file = RotatingFileHandler(self.path, maxBytes=_MAX_BYTES,
                                             backupCount=_BACKUPS, encoding="utf-8",
                                             delay=True)
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


_faults_file = None  # kept open for the life of the process: faulthandler writes to its fd


def record_hard_crashes() -> None:
    """Have a fatal fault (inside Qt, SQLite...) write every thread's stack to faults.log."""
    global _faults_file
    if _faults_file is not None:
        return
    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        _faults_file = (log_dir() / FAULTS_FILE_NAME).open("a", encoding="utf-8")
    except OSError:
        return
    faulthandler.enable(file=_faults_file, all_threads=True)


def server_log_config(level: str = "INFO") -> dict:
    """logging.dictConfig for the regional base: JSON lines on stderr, Uvicorn's loggers and
    ours alike. Given to Uvicorn, which applies it in every worker process too."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json",
                                "stream": "ext://sys.stderr"}},
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {name: {"handlers": [], "propagate": True, "level": level}
                    for name in ("uvicorn", "uvicorn.error", "uvicorn.access")},
    }


def versions() -> str:
    import platform
    from importlib.metadata import PackageNotFoundError, version

    try:
        app = version("catalogue-app")
    except PackageNotFoundError:
        app = "unknown"
    return (f"catalogue-app {app}; Python {platform.python_version()}; "
            f"{platform.platform()}")


def failure_details(error: BaseException, extra: str = "") -> str:
    """What a user copies for whoever supports them: the traceback, the versions and where
    the log is."""
    trace = getattr(error, "details", None) or "".join(
        traceback.format_exception(type(error), error, error.__traceback__))
    lines = [trace.rstrip(), "", versions()]
    if extra:
        lines.append(extra)
    lines.append(f"Log: {log_file()}")
    return "\n".join(lines)
