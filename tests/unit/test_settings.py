"""Settings declared once (catalogue_app/settings): the catalogue's travel with its file, the
person's stay in their preferences file, and the two that were never settable are now."""

from __future__ import annotations

import json
import sqlite3

import pytest

from catalogue_app.catalogue import DB_FILE_NAME, Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.records.inventory_numbers import DEFAULT_PATTERN
from catalogue_app.settings import (
    AUTO_SYNC_MINUTES,
    IMPORT_MAPPINGS,
    LANGUAGE,
    SETTINGS,
    USER_NAME,
    Preferences,
    Store,
)
from catalogue_app.settings.preferences import preferences_file
from catalogue_app.settings.registry import declare


def test_every_setting_is_declared_once_with_a_store_and_a_default_of_its_type():
    assert {s.store for s in SETTINGS.values()} == set(Store)
    for setting in SETTINGS.values():
        default = setting.default_value()
        assert default is None or isinstance(default, setting.type), setting.name
    with pytest.raises(ValueError, match="declared twice"):
        declare("language", Store.PREFERENCES, str, "")


def test_a_catalogue_setting_travels_with_the_catalogue_file(catalogue_dir):
    first = Catalogue.open(catalogue_dir)
    first.change_setting(AUTO_SYNC_MINUTES, 15)
    first.close()
    again = Catalogue.open(catalogue_dir)
    assert again.setting(AUTO_SYNC_MINUTES) == 15
    again.change_setting(AUTO_SYNC_MINUTES, 0)  # back to the default: no row of its own
    again.close()
    with sqlite3.connect(catalogue_dir / DB_FILE_NAME) as db:
        assert db.execute("SELECT count(*) FROM sync_meta").fetchone() == (0,)


def test_a_value_of_the_wrong_type_is_refused_before_anything_is_stored(catalogue):
    with pytest.raises(TypeError, match="auto_sync_minutes takes a int"):
        catalogue.change_setting(AUTO_SYNC_MINUTES, "15")
    assert catalogue.setting(AUTO_SYNC_MINUTES) == 0


def test_preferences_live_in_one_file_in_the_config_folder(tmp_path):
    preferences = Preferences()
    assert preferences.path == tmp_path / "config" / "catalogue-app" / "preferences.json"
    preferences.set(LANGUAGE, "fr")
    preferences.set(IMPORT_MAPPINGS, {"abc": "{}"})
    assert json.loads(preferences_file().read_text(encoding="utf-8")) == {
        "language": "fr", "import_mappings": {"abc": "{}"}}
    assert Preferences().get(LANGUAGE) == "fr"
    preferences.set(LANGUAGE, None)
    assert Preferences().get(LANGUAGE) == ""


def test_a_damaged_preferences_file_falls_back_to_the_defaults():
    path = preferences_file()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    assert Preferences().get(LANGUAGE) == ""
    Preferences().set(LANGUAGE, "en")  # and the next change writes a good file again
    assert Preferences().get(LANGUAGE) == "en"


def test_the_name_in_the_preferences_is_the_one_the_history_records(catalogue_dir):
    Preferences().set(USER_NAME, "Marie Curie")
    catalogue = Catalogue.open(catalogue_dir)
    record_id = catalogue.save({"inventory_number": "2004.12.3"}).focus
    assert catalogue.history(record_id)[0].user == "Marie Curie"
    catalogue.close()


def test_the_museum_pattern_is_a_setting_the_number_check_follows(catalogue):
    assert catalogue.check_number("MHN.2004.1", None).warnings  # off the default pattern
    catalogue.set_inventory_pattern(r"MHN\.\d{4}\.\d+", "MHN.year.item")
    assert not catalogue.check_number("MHN.2004.1", None).warnings
    assert catalogue.check_number("2004.12.3", None).warnings[0].code == "pattern"


def test_an_invalid_pattern_is_refused_in_words_and_the_old_one_stays(catalogue):
    with pytest.raises(CatalogueError) as refused:
        catalogue.set_inventory_pattern(r"(\d", "broken")
    assert refused.value.code == "settings.invalid_inventory_pattern"
    assert "(\\d is not a valid regular expression (the problem is at character 1)" in \
        str(refused.value)
    assert catalogue.inventory_pattern() == DEFAULT_PATTERN
