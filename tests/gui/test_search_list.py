"""The object list with search: typing narrows it through the full-text index, sorting keeps
the selection, filters narrow it, and a large catalogue opens reading only the first pages."""

from PySide6.QtCore import Qt

from catalogue_app.records.store import create_record, insert_records
from ui.object_list_model import PAGE_SIZE


def _add(catalogue, *records):
    with catalogue.writing() as session:
        return [create_record(session, record, "t") for record in records]


def _shown_numbers(window) -> list[str]:
    return [window.model.row_at(row).inventory_number for row in range(window.model.rowCount())]


def test_typing_searches_accent_free_after_a_pause_and_shows_the_count(qtbot, catalogue,
                                                                        window):
    _add(catalogue, {"inventory_number": "1", "designation": "Plat", "materials": ["Céramique"]},
         {"inventory_number": "2", "designation": "Coiffe"},
         {"inventory_number": "3", "designation": "Bol", "materials": ["céramique"]})
    window.model.refresh()
    qtbot.keyClicks(window.search_box, "CERAMIQUE")
    assert window.model.rowCount() == 3  # not yet: the search waits for a pause in typing
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert _shown_numbers(window) == ["1", "3"]
    assert window.count_label.text() == "2 of 3 records"
    window.search_box.setText('NEAR( "')
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.count_label.text() == "0 of 3 records"


def test_a_search_lists_the_best_match_first_until_a_column_is_chosen(qtbot, catalogue,
                                                                     window):
    _add(catalogue, {"inventory_number": "1", "designation": "Assiette",
                     "description": "assiette peinte d'une coiffe"},
         {"inventory_number": "2", "designation": "Coiffe", "title": "Coiffe de Caen"},
         {"inventory_number": "1978.3.20", "description": "voir 1978.3.2 et 1978.3.2 bis"},
         {"inventory_number": "1978.3.2", "designation": "Plat"})
    window.model.refresh()
    header = window.table.horizontalHeader()
    window.search_box.setText("coiffe")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert _shown_numbers(window) == ["2", "1"]  # by relevance, not inventory order
    assert header.sortIndicatorSection() == -1
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _shown_numbers(window) == ["1", "2"]
    window.search_box.setText("coiffe OR assiette")  # refining keeps the column chosen
    qtbot.waitUntil(lambda: window.model.rowCount() == 2 and header.sortIndicatorSection() == 0)
    window.search_box.setText("")
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)
    window.search_box.setText("1978.3.2")  # a new search: the number typed comes first
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert _shown_numbers(window) == ["1978.3.2", "1978.3.20"]
    assert header.sortIndicatorSection() == -1
    window.search_box.setText("")  # the search ends: inventory order, and its indicator
    qtbot.waitUntil(lambda: window.model.rowCount() == 4)
    assert _shown_numbers(window) == ["1", "2", "1978.3.2", "1978.3.20"]
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) \
        == (0, Qt.SortOrder.AscendingOrder)


def test_sorting_on_a_column_keeps_the_selected_record(qtbot, catalogue, window):
    ids = _add(catalogue, {"inventory_number": "1", "designation": "Zinc"},
               {"inventory_number": "2", "designation": "Argent"},
               {"inventory_number": "3", "designation": "Marbre"})
    window.model.refresh()
    window.table.selectRow(window.model.row_of(ids[0]))
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [window.model.row_at(r).designation for r in range(3)] == ["Argent", "Marbre", "Zinc"]
    assert window.selected_ids() == [ids[0]]
    window.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert window.selected_ids() == [ids[0]]
    assert window.model.row_of(ids[0]) == 0


def test_filter_panel_narrows_the_list(qtbot, catalogue, window):
    _add(catalogue, {"inventory_number": "1", "designation": "Plat", "public": True,
                     "acquisition_date": "1902-05-01"},
         {"inventory_number": "2", "designation": "Plat", "acquisition_date": "1990"},
         {"inventory_number": "3", "designation": "Bol", "acquisition_date": "1995"})
    window.model.refresh()
    panel = window.filter_panel
    panel.refresh()
    assert [panel.designations.item(n).text() for n in range(panel.designations.count())][1:] \
        == ["Plat (2)", "Bol (1)"]
    panel.designations.setCurrentRow(1)
    assert _shown_numbers(window) == ["1", "2"]
    panel.year_from.setValue(1950)
    assert _shown_numbers(window) == ["2"]
    panel.designations.setCurrentRow(0)
    panel.public.setCurrentIndex(2)  # not public
    assert _shown_numbers(window) == ["2", "3"]
    panel.images.setChecked(True)
    assert _shown_numbers(window) == []


def test_opening_a_large_catalogue_reads_only_the_first_page(qtbot, catalogue):
    from ui.main_window import MainWindow

    with catalogue.writing() as session:
        insert_records(session, ({"inventory_number": f"2001.{n}", "designation": "Assiette"}
                                 for n in range(PAGE_SIZE * 15)), "t")
    window = MainWindow(catalogue)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.model.rowCount() == PAGE_SIZE * 15
    qtbot.waitUntil(lambda: window.model.page_fetches >= 1)  # rows painted
    qtbot.wait(50)
    assert window.model.page_fetches == 1
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.model.page_fetches >= 2)
    qtbot.wait(50)
    assert window.model.page_fetches == 2  # the last page, not the ones in between


def test_a_large_list_counts_first_and_reads_the_other_ids_after_painting(qtbot, catalogue,
                                                                          window):
    from ui.object_list_model import FIRST_IDS

    with catalogue.writing() as session:
        ids = insert_records(session, ({"inventory_number": f"2001.{n:05}"}
                                       for n in range(FIRST_IDS + 300)), "t")
    window.model.refresh()
    assert window.model.rowCount() == FIRST_IDS + 300
    assert window.model.id_at(FIRST_IDS + 299) == ids[-1]  # read on demand if asked early
    assert window.model.row_of(ids[-1]) == FIRST_IDS + 299
