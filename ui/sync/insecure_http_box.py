"""The user's consent to sync over plain http:// with another computer: a check box beside the
regional base's address, shown only while that address is http:// to a non-loopback host. The
sync settings dialog and the first-run wizard both ask with it; what it gives back is stored as
the INSECURE_HTTP_ALLOWED setting (the address allowed, "" for none)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from catalogue_app.sync.client import is_insecure
from ui.language import Retranslating


class InsecureHttpBox(Retranslating, QCheckBox):
    def __init__(self, url_edit: QLineEdit, parent: QWidget, allowed_url: str = "") -> None:
        super().__init__(parent)  # shown with its parent: parentless, it would open as a window
        self.setObjectName("allowInsecureHttp")
        self.url_edit = url_edit
        # Consent is for one address: the one allowed before, when the dialog opens on it.
        self.setChecked(bool(allowed_url) and allowed_url == self._url())
        url_edit.textChanged.connect(self._show_for_address)
        self.retranslate()
        self._show_for_address()

    def retranslate(self) -> None:
        self.setText(self.tr("Allow unencrypted http:// (the token can be read on the way)"))

    def _url(self) -> str:
        return self.url_edit.text().strip().rstrip("/")

    def _show_for_address(self) -> None:
        self.setVisible(is_insecure(self._url()))

    def allowed(self) -> str:
        """The address the user allowed to sync unencrypted ("" for none)."""
        url = self._url()
        return url if is_insecure(url) and self.isChecked() else ""
