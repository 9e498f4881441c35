"""The theme panel: counts in the tree, batch tagging of the selected records undone in one
step, and filtering the list by a theme with its sub-themes."""

from PySide6.QtCore import QItemSelectionModel

from catalogue_app.records.store import create_record, load_record
from ui.themes.theme_panel import ID_ROLE


def _item(panel, label: str):
    found = [i for i in panel._items() if i.text(0) == label]
    assert found, label
    return found[0]


def _select_rows(window, rows):
    selection = window.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(window.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def test_batch_tag_shows_in_counts_and_one_undo_reverts_it(qtbot, catalogue, window):
    with catalogue.writing() as session:
        ids = [create_record(session, {"inventory_number": str(n)}, "t") for n in range(3)]
    window.model.refresh()
    panel = window.theme_panel
    panel.refresh()
    _select_rows(window, [0, 1, 2])
    panel.tree.setCurrentItem(_item(panel, "Lace"))
    lace = _item(panel, "Lace").data(0, ID_ROLE)
    panel.apply_to_selection(add=True)
    assert _item(panel, "Lace").text(1) == "3"
    assert _item(panel, "Textiles").text(1) == "3"
    with catalogue.reading() as session:
        assert all(load_record(session, i)["themes"] == [lace] for i in ids)
    panel.undo_stack.undo()
    assert _item(panel, "Lace").text(1) == "0"
    with catalogue.reading() as session:
        assert all(load_record(session, i)["themes"] == [] for i in ids)
    panel.undo_stack.redo()
    assert _item(panel, "Lace").text(1) == "3"


def test_selecting_a_theme_filters_the_list_with_its_sub_themes(qtbot, catalogue, window):
    panel = window.theme_panel
    panel.refresh()
    lace, ivory = _item(panel, "Lace").data(0, ID_ROLE), _item(panel, "Ivory").data(0, ID_ROLE)
    with catalogue.writing() as session:
        create_record(session, {"inventory_number": "1", "themes": [lace]}, "t")
        create_record(session, {"inventory_number": "2", "themes": [ivory]}, "t")
        create_record(session, {"inventory_number": "3"}, "t")
    window.model.refresh()
    _item(panel, "Textiles").setSelected(True)
    assert window.model.rowCount() == 3  # selecting a theme alone does not filter
    panel.filter_box.setChecked(True)
    assert [window.model.row_at(r).inventory_number for r in range(window.model.rowCount())] \
        == ["1"]
    panel.filter_box.setChecked(False)
    assert window.model.rowCount() == 3


def test_tagging_without_a_selection_says_what_to_do(qtbot, window, shown_errors):
    window.theme_panel.apply_to_selection(add=True)
    assert shown_errors and "Select one or more records" in shown_errors[0][1]


def test_the_form_shows_and_saves_the_record_themes(qtbot, catalogue, window):
    panel = window.theme_panel
    panel.refresh()
    lace = _item(panel, "Lace").data(0, ID_ROLE)
    with catalogue.writing() as session:
        record_id = create_record(session, {"inventory_number": "1", "themes": [lace]}, "t")
    window.model.refresh()
    window.table.selectRow(0)
    editor = window.form.editors["themes"]
    assert [editor.list.item(n).text() for n in range(editor.list.count())] \
        == ["Textiles > Lace"]
    editor.add_theme(_item(panel, "Ivory").data(0, ID_ROLE))
    assert window.save_record()
    with catalogue.reading() as session:
        assert len(load_record(session, record_id)["themes"]) == 2
