"""The object list as a grid of primary thumbnails: lazy like the list, sharing its selection."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt

from catalogue_app.images.attach import attach_files, requests_for_record
from catalogue_app.records import store as records
from catalogue_app.records.blank import blank_record
from tests.image_samples import photo


def test_the_grid_shows_primary_thumbnails_of_the_records_in_view(qtbot, window, tmp_path):
    catalogue = window.catalogue
    with catalogue.writing() as session:
        for n in range(600):
            records.create_record(session, {**blank_record(), "inventory_number": f"2004.1.{n}",
                                            "designation": f"bol {n}"}, "tester")
    shots = [str(photo(tmp_path / f"2004.1.1{suffix}.jpg", (640, 480), artist=suffix))
             for suffix in ("", "_uv")]
    attach_files(catalogue, requests_for_record(catalogue, shots, "2004.1.1"), workers=1)
    shutil.rmtree(catalogue.cache_dir / "thumbs")  # made again, off the GUI thread
    window.model.refresh()
    fetches_before = window.model.page_fetches

    window.grid_action.trigger()
    grid = window.grid
    assert window.list_stack.currentWidget() is grid
    model = grid.grid_model
    first, second = model.index(0, 0), model.index(1, 0)  # 2004.1.0, 2004.1.1
    assert first.data() == "2004.1.0\nbol 0"
    blank = first.data(Qt.ItemDataRole.DecorationRole)

    def centre(index: QModelIndex):
        return index.data(Qt.ItemDataRole.DecorationRole).toImage().pixelColor(64, 64)

    qtbot.waitUntil(lambda: centre(second) != centre(first), timeout=30_000)
    assert (catalogue.cache_dir / "thumbs").is_dir()
    assert first.data(Qt.ItemDataRole.DecorationRole).cacheKey() == blank.cacheKey()
    # Lazy: the tiles in view read their rows and thumbnails, not 600 records'.
    assert model.thumbnails_read < 100
    assert window.model.page_fetches - fetches_before <= 1

    grid.selectionModel().setCurrentIndex(
        second, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert window.form.record_id() == window.model.id_at(1)
    assert window.selected_ids() == [window.model.id_at(1)]
    window.grid_action.trigger()  # back to the list, on the same record
    assert window.list_stack.currentWidget() is window.table
    assert window.table.currentIndex().row() == 1
