"""The image viewer: opens at once on the ~2048 px preview, swaps in the full resolution when it
is decoded (off the GUI thread), zooms from the wheel or the keyboard, pans by dragging, steps
to the record's next or previous image, and compares two views: side by side with zoom and pan
kept in step, or one laid over the other (swipe or overlay)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSizePolicy,
    QSlider,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue
from catalogue_app.images.decode import DEFAULT_MAX_PIXELS, register_extra_formats, render
from catalogue_app.images.derived import ensure_derived
from catalogue_app.images.gallery import ImageInfo
from catalogue_app.images.store import ImageStore
from ui.images.image_view import ZOOM_STEP, ImageView
from ui.images.labels import view_type_labels
from ui.operations import Job, run_in_background

# Longest side decoded for "full resolution": beyond it (200+ megapixel scans) the viewer
# shows a reduced picture, still placed in the original's pixel coordinates.
FULL_RESOLUTION_LIMIT = 12_000
MODES = ("side", "swipe", "overlay")


class ImageViewer(QWidget):
    """One image, or two compared; `album` is the record's images, for next and previous."""

    def __init__(self, catalogue: Catalogue, images: list[ImageInfo],
                 album: list[ImageInfo] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("imageViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1200, 800)
        self._store = ImageStore(catalogue.images_dir)
        self._cache = catalogue.cache_dir
        self.album = list(album or images)
        ids = [image.id for image in self.album]
        self.images = [self.album[ids.index(i.id)] if i.id in ids else i for i in images]
        self._pictures: list[QImage | None] = [None] * len(self.images)
        self._jobs: list[Job | None] = [None] * len(self.images)
        self._closed = False

        self.views = [ImageView() for _ in self.images]
        self.captions = [QLabel() for _ in self.images]
        splitter = QSplitter()
        self.panes = []
        for view, caption in zip(self.views, self.captions, strict=True):
            pane = QWidget()
            pane_layout = QVBoxLayout(pane)
            pane_layout.setContentsMargins(0, 0, 0, 0)
            caption.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            pane_layout.addWidget(caption)
            pane_layout.addWidget(view, 1)
            splitter.addWidget(pane)
            self.panes.append(pane)
            splitter.setStretchFactor(len(self.panes) - 1, 1)
        splitter.setSizes([1000] * len(self.panes))  # equal panes: equal regions in step
        if len(self.views) == 2:
            left, right = self.views
            left.viewChanged.connect(lambda: right.follow(left))
            right.viewChanged.connect(lambda: left.follow(right))

        self.toolbar = QToolBar()
        self.mode = QComboBox()
        self.blend = QSlider(Qt.Orientation.Horizontal)
        self._fill_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)  # the picture takes the space
        for pane in range(len(self.images)):
            self._show(pane)

    def _fill_toolbar(self) -> None:
        for text, slot, keys in (
                (self.tr("Fit"), self.fit, ["F", "0"]),
                (self.tr("100 %"), self.actual_size, ["1"]),
                (self.tr("Zoom in"), lambda: self.zoom_by(ZOOM_STEP),
                 [QKeySequence.StandardKey.ZoomIn, "+", "="]),
                (self.tr("Zoom out"), lambda: self.zoom_by(1 / ZOOM_STEP),
                 [QKeySequence.StandardKey.ZoomOut, "-"]),
                (self.tr("Previous image"), lambda: self.step(-1), ["Left", "PgUp"]),
                (self.tr("Next image"), lambda: self.step(1), ["Right", "PgDown"])):
            action = QAction(text, self)
            action.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k)
                                 for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({native})")
            action.triggered.connect(slot)
            self.toolbar.addAction(action)
            self.addAction(action)
        if len(self.images) == 2:
            self.toolbar.addSeparator()
            for name, label in zip(MODES, (self.tr("Side by side"), self.tr("Swipe"),
                                           self.tr("Overlay")), strict=True):
                self.mode.addItem(label, name)
            self.mode.currentIndexChanged.connect(lambda _i: self._apply_mode())
            self.blend.setRange(0, 100)
            self.blend.setValue(50)
            self.blend.setMaximumWidth(240)
            self.blend.valueChanged.connect(lambda _v: self._apply_mode())
            self.toolbar.addWidget(self.mode)
            # A toolbar shows or hides its widgets through their actions.
            self._blend_action = self.toolbar.addWidget(self.blend)
            self._blend_action.setVisible(False)
        self.zoom_label = QLabel()
        self.zoom_label.setContentsMargins(0, 0, 8, 0)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.zoom_label)
        self.views[0].viewChanged.connect(self._show_zoom)

    # --- zoom ---------------------------------------------------------------------------
    def fit(self) -> None:
        self.views[0].fit()

    def actual_size(self) -> None:
        self.views[0].actual_size()

    def zoom_by(self, factor: float) -> None:
        self.views[0].zoom_by(factor)

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{self.views[0].zoom() * 100:.0f} %")

    # --- which images -------------------------------------------------------------------
    def step(self, delta: int) -> None:
        """Next or previous image of the record, in the last pane (the one compared)."""
        if len(self.album) < 2:
            return
        pane = len(self.images) - 1
        ids = [image.id for image in self.album]
        shown = self.images[pane].id
        position = ids.index(shown) if shown in ids else 0
        self.images[pane] = self.album[(position + delta) % len(self.album)]
        self._show(pane)

    def set_mode(self, mode: str) -> None:
        self.mode.setCurrentIndex(MODES.index(mode))

    def _apply_mode(self) -> None:
        mode = self.mode.currentData() or "side"
        laid_over = mode != "side"
        self._blend_action.setVisible(laid_over)
        self.panes[1].setVisible(not laid_over)
        self.views[0].set_overlay(self._pictures[1] if laid_over else None)
        self.views[0].set_blend(mode, self.blend.value() / 100)
        self._update_titles()

    def _update_titles(self) -> None:
        labels = view_type_labels()
        names = [f"{labels[i.view_type]} — {i.file_name}" for i in self.images]
        self.setWindowTitle(" | ".join(names))
        for caption, name in zip(self.captions, names, strict=True):
            caption.setText(name)
        if len(self.images) == 2 and self.mode.currentData() in ("swipe", "overlay"):
            self.captions[0].setText(" ◂▸ ".join(names))

    # --- loading ------------------------------------------------------------------------
    def _show(self, pane: int) -> None:
        self._update_titles()
        if self._jobs[pane] is not None:
            self._jobs[pane].cancel()
        image, store, cache = self.images[pane], self._store, self._cache

        def load(job) -> None:
            register_extra_formats()
            path = ensure_derived(store, cache, "previews", image.sha256, image.file_name)
            if path is not None and not job.cancelled:
                job.report((pane, image.id, QImage(str(path)), "preview"))
            if job.cancelled or not store.contains(image.sha256):
                return
            rendered = render(store.path_for(image.sha256), image.file_name,
                              FULL_RESOLUTION_LIMIT, DEFAULT_MAX_PIXELS)
            if not rendered.placeholder and not job.cancelled:
                job.report((pane, image.id, _qimage(rendered.picture), "full"))

        # Not parented to the window: the job may outlive it by a moment after a close.
        self._jobs[pane] = run_in_background(load, on_report=self._picture_ready)

    def _picture_ready(self, item: tuple[int, int, QImage, str]) -> None:
        pane, image_id, picture, resolution = item
        if self._closed or self.images[pane].id != image_id:
            return  # closed, or stepped to another image meanwhile
        image = self.images[pane]
        width = image.width or picture.width()
        height = image.height or picture.height()
        if image.width and image.height and _turned(picture, image):
            width, height = height, width  # orientation applied: the picture stands turned
        self._pictures[pane] = picture
        self.views[pane].set_picture(picture, width, height, resolution)
        if pane == 1:
            self.views[1].follow(self.views[0])
            if self.mode.currentData() in ("swipe", "overlay"):
                self._apply_mode()
        self._show_zoom()

    def closeEvent(self, event) -> None:
        self._closed = True
        for job in self._jobs:
            if job is not None:
                job.cancel()
        super().closeEvent(event)


def _turned(picture: QImage, image: ImageInfo) -> bool:
    return (picture.width() > picture.height()) != (image.width > image.height)


def _qimage(picture) -> QImage:
    """A Pillow RGB picture as a QImage that owns its pixels."""
    data = picture.tobytes()
    return QImage(data, picture.width, picture.height, picture.width * 3,
                  QImage.Format.Format_RGB888).copy()


def open_viewer(catalogue: Catalogue, images: list[ImageInfo],
                album: list[ImageInfo] | None = None) -> ImageViewer:
    viewer = ImageViewer(catalogue, images, album)
    viewer.show()
    viewer.activateWindow()
    return viewer
