"""The first-run wizard: the language, the museum (a new one, or the museum of a regional base
the desk joins), the user's name, then how to begin: an empty catalogue, a spreadsheet to
import, or the demo. Nothing is stored before Finish; Cancel leaves the catalogue unnamed and
the wizard comes back at the next start."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.settings import (
    INSECURE_HTTP_ALLOWED,
    LANGUAGE,
    SERVER_URL,
    USER_NAME,
    Preferences,
)
from catalogue_app.sync import tokens
from ui.first_run.museum_page import MuseumPage
from ui.labelled_form import error_label
from ui.language import Retranslating, current_language, install_translator

EMPTY, IMPORT, DEMO = "empty", "import", "demo"


@dataclass(frozen=True)
class FirstRun:
    """What the wizard decided, for the window to act on once it is open."""

    start: str  # EMPTY, IMPORT or DEMO
    joined: bool  # the catalogue syncs with a regional base: fetch the museum's records
    note: str = ""  # said in the status bar (where the token was kept, without a keyring)

    def begin(self, window) -> None:
        if self.note:
            window.show_status(self.note, 15_000)
        if self.joined:
            window.sync_actions.sync_now()
        if self.start == IMPORT:
            window.exchange_actions.import_file()


class FirstRunWizard(Retranslating, QWizard):
    def __init__(self, catalogue: Catalogue, preferences: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue, self.preferences = catalogue, preferences
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.language_page = LanguagePage()
        self.museum_page = MuseumPage()
        self.name_page = NamePage(preferences)
        self.start_page = StartPage()
        for page in (self.language_page, self.museum_page, self.name_page, self.start_page):
            self.addPage(page)
        self.error = error_label()
        self.error.setObjectName("firstRunError")
        self.start_page.layout().addWidget(self.error)
        self.result: FirstRun | None = None
        self.retranslate()
        self.resize(760, 560)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Catalogue"))

    def initializePage(self, page_id: int) -> None:  # noqa: N802 - Qt's name
        if self.page(page_id) is self.name_page and self.museum_page.joined:
            self.name_page.suggest(self.museum_page.joined["user"])
        super().initializePage(page_id)

    def accept(self) -> None:
        """Store every choice; a refused museum (bound meanwhile, say) is said, nothing is
        kept, and the wizard stays open."""
        museum = self.museum_page
        try:
            if museum.joining():
                joined = museum.joined["museum"]
                self.catalogue.set_museum(joined["code"], joined["name"])
            else:
                self.catalogue.set_museum(museum.code.text(), museum.name.text())
        except CatalogueError as exc:
            self.error.setText(str(exc))
            return
        note = ""
        if museum.joining():
            saved = tokens.save_token(museum.server_url(), museum.token.text().strip())
            note = str(saved.note) if saved.note else ""
            self.catalogue.change_setting(SERVER_URL, museum.server_url())
            self.catalogue.change_setting(INSECURE_HTTP_ALLOWED, museum.insecure_allowed())
        self.preferences.set(LANGUAGE, self.language_page.language())
        self.preferences.set(USER_NAME, self.name_page.user_name.text().strip())
        self.catalogue.user = self.preferences.get(USER_NAME)
        self.result = FirstRun(self.start_page.start(), museum.joining(), note)
        super().accept()


class LanguagePage(Retranslating, QWizardPage):
    """Switches the interface at once, so the next pages read in the language chosen."""

    def __init__(self) -> None:
        super().__init__()
        self.choice = QComboBox()
        self.choice.setObjectName("language")
        self.choice.addItem("Français", "fr")
        self.choice.addItem("English", "en")
        self.choice.setCurrentIndex(self.choice.findData(current_language()))
        self.choice.currentIndexChanged.connect(
            lambda _index: install_translator(QApplication.instance(), self.language()))
        self.label = QLabel()
        self.label.setBuddy(self.choice)
        form = QFormLayout(self)
        form.addRow(self.label, self.choice)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr("A few questions to set up this computer's catalogue. "
                                 "Everything can be changed later in the settings."))
        self.label.setText(self.tr("&Language:"))

    def language(self) -> str:
        return self.choice.currentData()


class NamePage(Retranslating, QWizardPage):
    def __init__(self, preferences: Preferences) -> None:
        super().__init__()
        self.user_name = QLineEdit(preferences.get(USER_NAME))
        self.user_name.setObjectName("userName")
        self.user_name.textChanged.connect(self.completeChanged)
        self.label, self.note = QLabel(), QLabel()
        self.label.setBuddy(self.user_name)
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.label, self.user_name)
        form.addRow(self.note)
        self._suggested = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("You"))
        self.setSubTitle(self.tr("Your name is written in each record's history beside your "
                                 "changes."))
        self.label.setText(self.tr("Your &name:"))
        self.note.setText(self.tr("Several people can share this computer's catalogue; each "
                                  "one sets their own name in the settings."))

    def suggest(self, name: str) -> None:
        """The name the regional base knows the user by, once, unless one was typed."""
        if not self._suggested and name:
            self._suggested = True
            self.user_name.setText(name)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.user_name.text().strip())


class StartPage(Retranslating, QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.choices = {EMPTY: QRadioButton(), IMPORT: QRadioButton(), DEMO: QRadioButton()}
        self.notes = {key: QLabel() for key in self.choices}
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for key, button in self.choices.items():
            button.setObjectName(f"start_{key}")
            group.addButton(button)
            self.notes[key].setWordWrap(True)
            self.notes[key].setIndent(24)
            layout.addWidget(button)
            layout.addWidget(self.notes[key])
        self.choices[EMPTY].setChecked(True)
        layout.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("How to begin"))
        self.setSubTitle(self.tr("Choose how the catalogue opens."))
        texts = {
            EMPTY: (self.tr("&Start with an empty catalogue"),
                    self.tr("Describe a first object with Record > New record (Ctrl+N).")),
            IMPORT: (self.tr("&Import a spreadsheet"),
                     self.tr("An inventory kept in Excel, LibreOffice or CSV: the import "
                             "wizard opens, checks every row and imports nothing before you "
                             "agree.")),
            DEMO: (self.tr("Open the &demo"),
                   self.tr("A separate catalogue of sample objects and images, to try "
                           "everything without touching yours; your catalogue opens at the "
                           "next start.")),
        }
        for key, (label, note) in texts.items():
            self.choices[key].setText(label)
            self.notes[key].setText(note)

    def start(self) -> str:
        return next(key for key, button in self.choices.items() if button.isChecked())


def run_first_run(catalogue: Catalogue, preferences: Preferences) -> FirstRun | None:
    """The wizard's decision, or None when the user cancelled it."""
    wizard = FirstRunWizard(catalogue, preferences)
    wizard.exec()
    return wizard.result
