"""The first-run wizard's museum page: a new museum catalogue (its Muséofile code and name),
or the museum of a regional base the desk joins with the base's address and a token, which is
tried (whoami) before the wizard lets the user go on. An http:// address to another computer is
tried, and kept, only once the user allows it, as in the sync settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from catalogue_app.failures import explain
from catalogue_app.sync.client import RegionalClient, SyncError
from ui.language import Retranslating
from ui.operations import run_in_background
from ui.sync.insecure_http_box import InsecureHttpBox


class MuseumPage(Retranslating, QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.new_choice, self.join_choice = QRadioButton(), QRadioButton()
        self.new_choice.setObjectName("newMuseum")
        self.join_choice.setObjectName("joinMuseum")
        self.new_choice.setChecked(True)
        choices = QButtonGroup(self)
        for button in (self.new_choice, self.join_choice):
            choices.addButton(button)
            button.toggled.connect(self._choice_changed)

        self.code, self.name = QLineEdit(), QLineEdit()
        self.code.setObjectName("museumCode")
        self.name.setObjectName("museumName")
        self.new_form = QWidget()
        new_form = QFormLayout(self.new_form)
        self.code_label, self.name_label = QLabel(), QLabel()
        new_form.addRow(self.code_label, self.code)
        new_form.addRow(self.name_label, self.name)

        self.url, self.token = QLineEdit(), QLineEdit()
        self.url.setObjectName("serverUrl")
        self.token.setObjectName("token")
        self.url.setPlaceholderText("https://base.example.org")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.join_form = QWidget()
        self.insecure_box = InsecureHttpBox(self.url, self.join_form)
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self.test_connection)
        self.result = QLabel()
        self.result.setObjectName("connectionResult")
        self.result.setWordWrap(True)
        join_form = QFormLayout(self.join_form)
        self.url_label, self.token_label = QLabel(), QLabel()
        join_form.addRow(self.url_label, self.url)
        join_form.addRow("", self.insecure_box)
        join_form.addRow(self.token_label, self.token)
        join_form.addRow("", self.test_button)
        join_form.addRow(self.result)

        for editor in (self.code, self.name):
            editor.textChanged.connect(self.completeChanged)
        for editor in (self.url, self.token):
            editor.textChanged.connect(self._connection_changed)
        self.insecure_box.toggled.connect(self._connection_changed)
        # What whoami answered for the address and token tried last, if it accepted them.
        self.joined: dict | None = None
        self._tested: tuple[str, str, str] | None = None

        layout = QVBoxLayout(self)
        for widget in (self.new_choice, self.new_form, self.join_choice, self.join_form):
            layout.addWidget(widget)
        layout.addStretch()
        self.retranslate()
        self._choice_changed()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your museum"))
        self.setSubTitle(self.tr("Which museum's collection does this catalogue hold?"))
        self.new_choice.setText(self.tr("A new catalogue for my museum"))
        self.code_label.setText(self.tr("Muséofile &code:"))
        self.code_label.setBuddy(self.code)
        self.code.setPlaceholderText(self.tr("e.g. M0123 (given by the regional network)"))
        self.name_label.setText(self.tr("Museum &name:"))
        self.name_label.setBuddy(self.name)
        self.join_choice.setText(self.tr("Join my museum on the regional base (its records "
                                         "come to this computer at the first sync)"))
        self.url_label.setText(self.tr("Regional base &address:"))
        self.url_label.setBuddy(self.url)
        self.token_label.setText(self.tr("&Token:"))
        self.token_label.setBuddy(self.token)
        self.test_button.setText(self.tr("T&est the connection"))
        if self.joined is not None:
            self._say_connected()

    def joining(self) -> bool:
        return self.join_choice.isChecked()

    def server_url(self) -> str:
        return self.url.text().strip().rstrip("/")

    def insecure_allowed(self) -> str:
        """The address the user allowed to sync unencrypted ("" for none)."""
        return self.insecure_box.allowed()

    def _connection(self) -> tuple[str, str, str]:
        """What a test tries: the address, the token and the address allowed unencrypted."""
        return self.server_url(), self.token.text().strip(), self.insecure_allowed()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        if self.joining():
            return self.joined is not None and self._tested == self._connection()
        return bool(self.code.text().strip() and self.name.text().strip())

    def _choice_changed(self) -> None:
        self.new_form.setEnabled(not self.joining())
        self.join_form.setEnabled(self.joining())
        self.completeChanged.emit()

    def _connection_changed(self) -> None:
        """Another address, token or consent: the last test no longer says anything about it."""
        self.joined, self._tested = None, None
        self.result.clear()
        self.completeChanged.emit()

    def test_connection(self) -> None:
        tried = url, token, insecure_allowed = self._connection()
        if not url.startswith(("https://", "http://")) or not token:
            self.result.setText(self.tr("Give the address (https://…) and the token."))
            return
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Connecting…"))

        def work(_job):
            with RegionalClient(url, token, allow_insecure_http=bool(insecure_allowed)) as client:
                return client.whoami()

        def done(answer: dict) -> None:
            self.test_button.setEnabled(True)
            if tried != self._connection():
                return  # edited meanwhile: the answer is about another address or token
            self.joined, self._tested = answer, tried
            self._say_connected()
            self.completeChanged.emit()

        def failed(error: Exception) -> None:
            self.test_button.setEnabled(True)
            text = str(error) if isinstance(error, SyncError) else str(explain(error))
            self.result.setText(self.tr("Connection failed: {error}").format(error=text))
            # What the network or the server said exactly, for whoever helps.
            self.result.setToolTip(getattr(error, "technical", ""))

        run_in_background(work, on_success=done, on_failure=failed, parent=self)

    def _say_connected(self) -> None:
        museum = self.joined["museum"]
        self.result.setText(self.tr(
            "Connected: museum {code} ({name}), user {user} ({role}).").format(
            code=museum["code"], name=museum["name"], user=self.joined["user"],
            role=self.joined["role"]))
        self.result.setToolTip("")
