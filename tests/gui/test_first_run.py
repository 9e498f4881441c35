"""The first-run wizard a new desk opens on: language, museum (new, or joined on a real
regional base on loopback with a token tried first), the user's name, how to begin."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtWidgets import QApplication, QWizard

from catalogue_app.catalogue import Catalogue
from catalogue_app.settings import (
    INSECURE_HTTP_ALLOWED,
    LANGUAGE,
    SERVER_URL,
    USER_NAME,
    Preferences,
)
from catalogue_app.sync import tokens
from tests.gui.keyboard import type_text
from tests.integration.conftest import serving
from ui.first_run.wizard import DEMO, EMPTY, IMPORT, FirstRunWizard
from ui.language import current_language, install_translator


@pytest.fixture
def new_catalogue(catalogue_dir):
    cat = Catalogue.open(catalogue_dir)
    yield cat
    cat.close()


@pytest.fixture
def wizard(qtbot, new_catalogue, qapp):
    language = current_language()
    shown = FirstRunWizard(new_catalogue, Preferences())
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    install_translator(qapp, language)  # the language page may have switched it


def _next(wizard: QWizard) -> None:
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()


def _type(editor, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    type_text(editor, text)


def test_a_new_museum_is_named_and_nothing_is_stored_before_finish(wizard, new_catalogue):
    _next(wizard)  # language
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # no code, no name
    _type(wizard.museum_page.code, "M0725")
    assert not next_button.isEnabled()
    _type(wizard.museum_page.name, "Musée de la Coiffe")
    _next(wizard)
    _type(wizard.name_page.user_name, "Claire Martin")
    _next(wizard)
    assert wizard.start_page.start() == EMPTY
    assert new_catalogue.museum().code == ""  # not yet

    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.result.start == EMPTY and not wizard.result.joined
    assert (new_catalogue.museum().code, new_catalogue.museum().name) == (
        "M0725", "Musée de la Coiffe")
    assert Preferences().get(USER_NAME) == "Claire Martin"
    assert new_catalogue.user == "Claire Martin"


def test_the_name_cannot_be_left_empty_and_the_start_is_remembered(wizard):
    _next(wizard)
    _type(wizard.museum_page.code, "M0725")
    _type(wizard.museum_page.name, "Musée")
    _next(wizard)
    wizard.name_page.user_name.clear()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _type(wizard.name_page.user_name, "Léa")
    _next(wizard)
    wizard.start_page.choices[IMPORT].click()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result.start == IMPORT


def test_choosing_a_language_switches_the_wizard_at_once_and_is_kept(wizard, qapp):
    page = wizard.language_page
    page.choice.setCurrentIndex(page.choice.findData("en"))
    assert wizard.windowTitle() == "Welcome to Catalogue"
    page.choice.setCurrentIndex(page.choice.findData("fr"))
    QApplication.processEvents()  # LanguageChange is posted
    assert wizard.windowTitle() == "Bienvenue dans Catalogue"
    assert wizard.museum_page.title() == "Votre musée"
    _next(wizard)
    _type(wizard.museum_page.code, "M0725")
    _type(wizard.museum_page.name, "Musée")
    _next(wizard)
    _next(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert Preferences().get(LANGUAGE) == "fr"


@pytest.mark.parametrize("regional_config", ["sqlite"], indirect=True)
def test_joining_a_regional_base_tries_the_token_before_going_on(
        qtbot, wizard, new_catalogue, regional_server):
    regional_server.add_museum("M0725", "Musée de la Coiffe")
    token = regional_server.token("M0725", user="claire")
    _next(wizard)
    page = wizard.museum_page
    page.join_choice.click()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    _type(page.url, regional_server.url)
    _type(page.token, "not-a-token")
    page.test_button.click()
    qtbot.waitUntil(lambda: "failed" in page.result.text(), timeout=15_000)
    assert "refused the token" in page.result.text()
    assert not next_button.isEnabled()

    _type(page.token, token)
    assert not next_button.isEnabled()  # a new token is tried before going on
    page.test_button.click()
    qtbot.waitUntil(lambda: page.result.text().startswith("Connected"), timeout=15_000)
    assert "M0725" in page.result.text() and "claire" in page.result.text()
    _next(wizard)
    assert wizard.name_page.user_name.text() == "claire"  # as the base knows the user
    _next(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.result.joined
    assert new_catalogue.museum().code == "M0725"
    assert new_catalogue.setting(SERVER_URL) == regional_server.url
    assert tokens.load_token(regional_server.url) == token


def _network_address() -> str:
    """This computer's address on its network (not loopback): where another desk would reach
    a base served here. The UDP socket only picks the route; nothing is sent."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            pytest.skip("this computer has no network address other than loopback")
        return probe.getsockname()[0]


@pytest.mark.parametrize("regional_config", ["sqlite"], indirect=True)
def test_joining_over_http_to_another_computer_needs_the_users_consent(
        qtbot, wizard, new_catalogue, regional_config):
    with serving(regional_config, host=_network_address()) as base:
        base.add_museum("M0725", "Musée de la Coiffe")
        token = base.token("M0725", user="claire")
        _next(wizard)
        page = wizard.museum_page
        page.join_choice.click()
        _type(page.url, "http://127.0.0.1:8765")
        assert not page.insecure_box.isVisibleTo(page)  # this computer: no consent asked
        _type(page.url, base.url)
        assert page.insecure_box.isVisibleTo(page)
        _type(page.token, token)
        page.test_button.click()  # refused before any connection is made
        qtbot.waitUntil(lambda: "failed" in page.result.text(), timeout=15_000)
        assert "is not encrypted" in page.result.text()
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

        page.insecure_box.click()
        page.test_button.click()
        qtbot.waitUntil(lambda: page.result.text().startswith("Connected"), timeout=15_000)
        page.insecure_box.click()  # consent taken back: the test no longer holds
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        page.insecure_box.click()
        page.test_button.click()
        qtbot.waitUntil(lambda: page.result.text().startswith("Connected"), timeout=15_000)
        _next(wizard)
        _next(wizard)
        wizard.button(QWizard.WizardButton.FinishButton).click()

    assert new_catalogue.setting(SERVER_URL) == base.url
    assert new_catalogue.setting(INSECURE_HTTP_ALLOWED) == base.url  # as the settings keep it


def test_the_consent_reads_as_in_the_sync_settings_in_french(french, wizard):
    from ui.sync.settings_dialog import SyncSettingsDialog

    _next(wizard)
    wizard.museum_page.join_choice.click()
    _type(wizard.museum_page.url, "http://192.0.2.10:8765")
    wording = "Autoriser http:// sans chiffrement (le jeton peut être lu en chemin)"
    assert wizard.museum_page.insecure_box.text() == wording
    assert SyncSettingsDialog("http://192.0.2.10:8765", 0, wizard).insecure_box.text() == wording


def test_the_demo_choice_is_given_back_to_the_start(wizard):
    _next(wizard)
    _type(wizard.museum_page.code, "M0725")
    _type(wizard.museum_page.name, "Musée")
    _next(wizard)
    _next(wizard)
    wizard.start_page.choices[DEMO].click()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result.start == DEMO


def test_import_as_the_start_opens_the_import_wizard_on_the_window(qtbot, window):
    from tests.gui.form_helpers import on_next_dialog
    from ui.exchange.import_wizard import ImportWizard
    from ui.first_run.wizard import FirstRun

    opened = []

    def look(dialog) -> None:
        opened.append(type(dialog))
        dialog.reject()

    on_next_dialog(qtbot, look)
    FirstRun(IMPORT, joined=False).begin(window)
    assert opened == [ImportWizard]
