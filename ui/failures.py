"""No failure goes unseen: an exception nobody caught (on the GUI thread, in a slot, in any
thread) or a background job that failed without a handler is written to the log with its
traceback and shown in a dialog that says, in the user's language, what happened, with a
"Copy details" button (traceback, versions, log path) for whoever supports them."""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from catalogue_app.failures import UNEXPECTED, explain
from catalogue_app.logs import failure_details
from ui import messages

log = logging.getLogger("catalogue_app.ui")


def report_failure(parent: QWidget | None, title: str, error: BaseException,
                   logged: bool = False) -> None:
    """Log the failure with its traceback, then tell the user (on the GUI thread): a reason
    the user can act on (disk full, catalogue locked...) as a plain message, anything
    unexpected in the failure dialog with its details."""
    message = explain(error)
    parent = parent or QApplication.activeWindow()
    unexpected = message.code == UNEXPECTED.code
    if not logged:
        log.log(logging.ERROR if unexpected else logging.WARNING, "%s: %s", title, error,
                exc_info=_exc_info(error))
    if unexpected:
        messages.show_failure(parent, title, str(message), failure_details(error))
    else:
        messages.show_error(parent, title, str(message))


def _exc_info(error: BaseException):
    return (type(error), error, error.__traceback__)


class _Reporter(QObject):
    """Carries uncaught exceptions from any thread to the GUI thread."""

    caught = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.caught.connect(self._show)

    @Slot(object)
    def _show(self, error: BaseException) -> None:
        report_failure(None, QApplication.translate("failures", "Unexpected error"), error,
                       logged=True)


_reporter: _Reporter | None = None


def install_failure_reporting() -> None:
    """Route sys.excepthook and threading.excepthook to the log and the failure dialog.
    Call once, on the GUI thread, after the QApplication exists."""
    global _reporter
    if _reporter is None:
        _reporter = _Reporter()
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


def _excepthook(kind: type[BaseException], error: BaseException,
                trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    if error.__traceback__ is None:
        error = error.with_traceback(trace)
    # Logged here, on the thread that failed, so the log has it even if the GUI is stuck.
    log.error("uncaught exception in thread %s: %s", threading.current_thread().name, error,
              exc_info=(kind, error, trace))
    if _reporter is not None:
        _reporter.caught.emit(error)  # queued when emitted off the GUI thread


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    _excepthook(args.exc_type, args.exc_value, args.exc_traceback)
