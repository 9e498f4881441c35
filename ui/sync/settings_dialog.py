"""Where this desk syncs: the regional base's address and the token, with a connection test,
and how often it syncs by itself (never, by default)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.errors import CatalogueError
from catalogue_app.failures import explain
from catalogue_app.sync import tokens
from catalogue_app.sync.client import RegionalClient, SyncError
from ui import messages
from ui.operations import run_in_background
from ui.sync.insecure_http_box import InsecureHttpBox


class SyncSettingsDialog(QDialog):
    def __init__(self, server_url: str, auto_sync_minutes: int = 0,
                 parent: QWidget | None = None, insecure_allowed: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync settings"))
        self.url_edit = QLineEdit(server_url)
        self.url_edit.setPlaceholderText("https://base.example.org")
        self.insecure_box = InsecureHttpBox(self.url_edit, self, insecure_allowed)
        self.token_edit = QLineEdit(self._saved_token(server_url))
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.auto_sync = QSpinBox()
        self.auto_sync.setRange(0, 24 * 60)
        self.auto_sync.setSpecialValueText(self.tr("never"))
        self.auto_sync.setSuffix(self.tr(" min"))
        self.auto_sync.setValue(auto_sync_minutes)
        self.auto_sync.setToolTip(self.tr("Sync by itself this often, while you are not typing"
                                          " or clicking."))
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Regional base address:"), self.url_edit)
        form.addRow("", self.insecure_box)
        form.addRow(self.tr("Token:"), self.token_edit)
        form.addRow("", self.test_button)
        form.addRow(self.tr("Sync automatically every:"), self.auto_sync)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        # Wide enough for a whole address beside the labels, which are long in French.
        self.resize(620, self.sizeHint().height())

    def server_url(self) -> str:
        return self.url_edit.text().strip().rstrip("/")

    def insecure_allowed(self) -> str:
        """The address the user allowed to sync unencrypted ("" for none)."""
        return self.insecure_box.allowed()

    def _saved_token(self, server_url: str) -> str:
        if not server_url:
            return ""
        try:
            return tokens.load_token(server_url) or ""
        except CatalogueError as error:  # a locked keyring: said, and the token can be retyped
            messages.show_error(self, self.tr("Sync settings"), str(error))
            return ""

    def token(self) -> str:
        return self.token_edit.text().strip()

    def auto_sync_minutes(self) -> int:
        return self.auto_sync.value()

    def save_token(self) -> str:
        """Keep the token; return a note for the user ("" when the keyring holds it)."""
        note = tokens.save_token(self.server_url(), self.token()).note
        return str(note) if note else ""

    def test_connection(self) -> None:
        url, token = self.server_url(), self.token()
        if not url.startswith(("https://", "http://")) or not token:
            self.result_label.setText(self.tr("Give the address (https://…) and the token."))
            return
        self.test_button.setEnabled(False)
        self.result_label.setText(self.tr("Connecting…"))

        allow_insecure_http = bool(self.insecure_allowed())

        def work(_job):
            with RegionalClient(url, token, allow_insecure_http=allow_insecure_http) as client:
                return client.whoami()

        def done(answer) -> None:
            self.test_button.setEnabled(True)
            museum = answer["museum"]
            self.result_label.setText(self.tr(
                "Connected: museum {code} ({name}), user {user} ({role}).").format(
                code=museum["code"], name=museum["name"], user=answer["user"],
                role=answer["role"]))

        def failed(error: Exception) -> None:
            self.test_button.setEnabled(True)
            text = str(error) if isinstance(error, SyncError) else str(explain(error))
            self.result_label.setText(self.tr("Connection failed: {error}").format(error=text))
            # What the network or the server said exactly, for whoever helps.
            self.result_label.setToolTip(getattr(error, "technical", ""))

        run_in_background(work, on_success=done, on_failure=failed, parent=self)
