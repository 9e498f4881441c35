"""The image viewer as a curator uses it: it opens from the record every time, the picture takes
the window, zoom from the wheel and the keyboard, next and previous image, and comparison of two
views of different pixel sizes (side by side in step, swipe, overlay)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from catalogue_app.images.attach import attach_files, requests_for_record
from catalogue_app.records.blank import blank_record
from tests.gui.conftest import show_active
from tests.image_samples import photo
from ui.images.viewer import ImageViewer


def record_with_files(catalogue, files: list[Path]) -> str:
    record_id = catalogue.save({**blank_record(), "inventory_number": "2004.12.3"}).focus
    attach_files(catalogue, requests_for_record(catalogue, [str(f) for f in files], "2004.12.3"))
    return record_id


@pytest.fixture
def visible_and_uv(catalogue, tmp_path):
    """A 1200 px visible-light view and a 4000 px UV view of the same object."""
    record_id = record_with_files(catalogue, [
        photo(tmp_path / "2004.12.3_visible.jpg", (1200, 800)),
        photo(tmp_path / "2004.12.3_uv.jpg", (4000, 2667), colour=(20, 20, 200))])
    return catalogue.images(record_id)


def wait_full(qtbot, viewer: ImageViewer) -> None:
    qtbot.waitUntil(lambda: all(v.shown_resolution == "full" for v in viewer.views
                                if v.isVisible()), timeout=30_000)


def opened(qtbot, viewer: ImageViewer) -> ImageViewer:
    qtbot.addWidget(viewer)
    show_active(qtbot, viewer)
    wait_full(qtbot, viewer)
    return viewer


def test_the_viewer_opens_every_time_from_the_record(qtbot, request, catalogue, tmp_path):
    record_id = record_with_files(catalogue, [photo(tmp_path / "a.jpg", (900, 600))])
    window = request.getfixturevalue("window")
    window.select(record_id)
    strip = window.image_actions.strip
    qtbot.waitUntil(lambda: strip.thumbnails.count() == 1)
    strip.thumbnails.item(0).setSelected(True)
    for _ in range(3):
        strip.view_selected()
        (viewer,) = window.image_actions.viewers
        qtbot.waitUntil(viewer.isVisible)
        viewer.close()
        qtbot.waitUntil(lambda: not window.image_actions.viewers)


def test_the_picture_takes_the_window(qtbot, catalogue, visible_and_uv):
    viewer = opened(qtbot, ImageViewer(catalogue, visible_and_uv[:1]))
    assert viewer.views[0].height() > 0.85 * viewer.height()
    assert viewer.toolbar.height() < 0.1 * viewer.height()


def test_wheel_and_keyboard_zoom(qtbot, catalogue, visible_and_uv):
    viewer = opened(qtbot, ImageViewer(catalogue, visible_and_uv[1:]))
    view = viewer.views[0]
    assert view.item.pixmap().width() == 4000
    assert view.zoom() < 1  # fitted in the window
    QTest.keyClick(viewer, Qt.Key.Key_1)
    assert view.zoom() == pytest.approx(1.0)
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, view.mapToGlobal(centre.toPoint()), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(1.25)
    QTest.keyClick(viewer, Qt.Key.Key_Plus)
    assert view.zoom() == pytest.approx(1.25 ** 2)
    QTest.keyClick(viewer, Qt.Key.Key_Minus)
    assert view.zoom() == pytest.approx(1.25)
    QTest.keyClick(viewer, Qt.Key.Key_F)
    assert view.zoom() < 1
    assert viewer.zoom_label.text() == f"{view.zoom() * 100:.0f} %"


def test_next_and_previous_image_from_the_keyboard(qtbot, catalogue, visible_and_uv):
    viewer = opened(qtbot, ImageViewer(catalogue, visible_and_uv[:1], visible_and_uv))
    assert "visible" in viewer.windowTitle()
    QTest.keyClick(viewer, Qt.Key.Key_Right)
    assert "uv" in viewer.windowTitle()
    qtbot.waitUntil(lambda: viewer.views[0].sceneRect().width() == 4000, timeout=30_000)
    QTest.keyClick(viewer, Qt.Key.Key_PageDown)  # round to the first again
    assert "visible" in viewer.windowTitle()
    QTest.keyClick(viewer, Qt.Key.Key_Left)
    assert "uv" in viewer.windowTitle()


def test_compare_shows_the_same_region_of_a_1200_and_a_4000_px_view(qtbot, catalogue,
                                                                     visible_and_uv):
    viewer = opened(qtbot, ImageViewer(catalogue, visible_and_uv))
    left, right = viewer.views
    assert _edges(left.region()) == pytest.approx(_edges(right.region()))  # both fitted
    left.actual_size()
    left.zoom_by(2)
    left.horizontalScrollBar().setValue(700)
    left.verticalScrollBar().setValue(300)
    seen = left.region()
    assert seen.width() < 0.5  # zoomed in on a part of the object
    assert right.zoom() == pytest.approx(2.0 * 1200 / 4000)
    for got, want in zip(_edges(right.region()), _edges(seen), strict=True):
        assert got == pytest.approx(want, abs=0.005)
    right.horizontalScrollBar().setValue(right.horizontalScrollBar().value() + 600)
    for got, want in zip(_edges(left.region()), _edges(right.region()), strict=True):
        assert got == pytest.approx(want, abs=0.005)


def _edges(rect) -> tuple[float, float, float, float]:
    return rect.left(), rect.top(), rect.right(), rect.bottom()


def test_swipe_and_overlay_lay_the_uv_over_the_visible(qtbot, catalogue, visible_and_uv):
    viewer = opened(qtbot, ImageViewer(catalogue, visible_and_uv))
    view = viewer.views[0]
    viewer.set_mode("swipe")
    assert not viewer.panes[1].isVisible()
    qtbot.waitUntil(viewer.blend.isVisible)  # the toolbar lays it out on its next pass
    viewer.blend.setValue(30)
    assert view.overlay_frame.isVisible()
    # The UV (4000 px) covers the left 30 % of the visible view (1200 px), whole height.
    assert view.overlay_frame.rect().width() == pytest.approx(0.3 * 1200)
    assert view.overlay.sceneBoundingRect().size().toSize() == view.sceneRect().size().toSize()
    viewer.set_mode("overlay")
    viewer.blend.setValue(40)
    assert view.overlay_frame.rect().width() == pytest.approx(1200)
    assert view.overlay.opacity() == pytest.approx(0.4)
    viewer.set_mode("side")
    assert viewer.panes[1].isVisible() and not view.overlay_frame.isVisible()
