"""The image viewer: opens at once on the ~2048 px preview, swaps in the full resolution when it
is decoded (off the GUI thread), zooms with the wheel around the pointer, pans by dragging,
fits or shows 100 %, and compares two views side by side with zoom and pan kept in step
(visible light beside UV).

Scene coordinates are the original's pixels whatever picture is shown (a preview is scaled up
to the original's size), so zoom levels and positions stay true while pictures are swapped."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue
from catalogue_app.images.decode import DEFAULT_MAX_PIXELS, register_extra_formats, render
from catalogue_app.images.derived import ensure_derived
from catalogue_app.images.gallery import ImageInfo
from catalogue_app.images.store import ImageStore
from ui.images.labels import view_type_labels
from ui.operations import run_in_background

ZOOM_STEP = 1.25
# Longest side decoded for "full resolution": beyond it (200+ megapixel scans) the viewer
# shows a reduced picture, still placed in the original's pixel coordinates.
FULL_RESOLUTION_LIMIT = 12_000


class ImageView(QGraphicsView):
    viewChanged = Signal()  # zoom or pan changed by the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.shown_resolution = ""  # "preview" or "full"
        self._fitted = True
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.valueChanged.connect(lambda _v: self.viewChanged.emit())

    def set_picture(self, picture: QImage, width: int, height: int, resolution: str) -> None:
        """Show picture standing for an original of width x height pixels."""
        self.item.setPixmap(QPixmap.fromImage(picture))
        self.item.setScale(width / picture.width() if picture.width() else 1.0)
        self.scene().setSceneRect(QRectF(0, 0, width, height))
        self.shown_resolution = resolution
        if self._fitted:
            self.fit()

    def zoom(self) -> float:
        """Screen pixels per original pixel (1.0 is 100 %)."""
        return self.transform().m11()

    def fit(self) -> None:
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True
        self.viewChanged.emit()

    def actual_size(self) -> None:
        self.setTransform(QTransform())
        self._fitted = False
        self.viewChanged.emit()

    def zoom_by(self, factor: float) -> None:
        self.scale(factor, factor)
        self._fitted = False
        self.viewChanged.emit()

    def follow(self, other: ImageView) -> None:
        """Take the other view's zoom and position (compare mode)."""
        self.blockSignals(True)
        self.setTransform(other.transform())
        self.horizontalScrollBar().setValue(other.horizontalScrollBar().value())
        self.verticalScrollBar().setValue(other.verticalScrollBar().value())
        self._fitted = other._fitted
        self.blockSignals(False)

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP ** steps)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()


class ImageViewer(QWidget):
    """One image, or two side by side in step."""

    def __init__(self, catalogue: Catalogue, images: list[ImageInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("imageViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        labels = view_type_labels()
        self.setWindowTitle(" | ".join(f"{labels[i.view_type]} — {i.file_name}" for i in images))
        self.resize(1200, 800)
        self.images = images
        self._closed = False
        self.views = [ImageView() for _ in images]
        splitter = QSplitter()
        for image, view in zip(images, self.views, strict=True):
            pane = QWidget()
            pane_layout = QVBoxLayout(pane)
            pane_layout.setContentsMargins(0, 0, 0, 0)
            pane_layout.addWidget(QLabel(f"{labels[image.view_type]} — {image.file_name}"))
            pane_layout.addWidget(view)
            splitter.addWidget(pane)
        if len(self.views) == 2:
            left, right = self.views
            left.viewChanged.connect(lambda: right.follow(left))
            right.viewChanged.connect(lambda: left.follow(right))

        tools = QHBoxLayout()
        self.zoom_label = QLabel()
        for text, slot, shortcut in ((self.tr("Fit"), self.fit, "F"),
                                     (self.tr("100 %"), self.actual_size, "1"),
                                     (self.tr("Zoom in"), lambda: self.zoom_by(ZOOM_STEP), "+"),
                                     (self.tr("Zoom out"), lambda: self.zoom_by(1 / ZOOM_STEP),
                                      "-")):
            button = QPushButton(text)
            button.setShortcut(QKeySequence(shortcut))
            button.clicked.connect(slot)
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.zoom_label)
        self.views[0].viewChanged.connect(self._show_zoom)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(splitter)
        self._load(catalogue)

    def fit(self) -> None:
        self.views[0].fit()

    def actual_size(self) -> None:
        self.views[0].actual_size()

    def zoom_by(self, factor: float) -> None:
        self.views[0].zoom_by(factor)

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{self.views[0].zoom() * 100:.0f} %")

    def _load(self, catalogue: Catalogue) -> None:
        store, cache = ImageStore(catalogue.images_dir), catalogue.cache_dir
        images = self.images

        def load(job) -> None:
            register_extra_formats()
            for index, image in enumerate(images):  # every preview first, then full pictures
                path = ensure_derived(store, cache, "previews", image.sha256, image.file_name)
                if path is not None and not job.cancelled:
                    job.report((index, QImage(str(path)), "preview"))
            for index, image in enumerate(images):
                if job.cancelled or not store.contains(image.sha256):
                    return
                rendered = render(store.path_for(image.sha256), image.file_name,
                                  FULL_RESOLUTION_LIMIT, DEFAULT_MAX_PIXELS)
                if not rendered.placeholder:
                    job.report((index, _qimage(rendered.picture), "full"))

        # Not parented to the window: the job may outlive it by a moment after a close.
        self._job = run_in_background(load, on_report=self._picture_ready)

    def _picture_ready(self, item: tuple[int, QImage, str]) -> None:
        if self._closed:
            return
        index, picture, resolution = item
        image = self.images[index]
        width = image.width or picture.width()
        height = image.height or picture.height()
        if image.width and image.height and _turned(picture, image):
            width, height = height, width  # orientation applied: the picture stands turned
        self.views[index].set_picture(picture, width, height, resolution)
        self._show_zoom()

    def closeEvent(self, event) -> None:
        self._closed = True
        self._job.cancel()
        super().closeEvent(event)


def _turned(picture: QImage, image: ImageInfo) -> bool:
    return (picture.width() > picture.height()) != (image.width > image.height)


def _qimage(picture) -> QImage:
    """A Pillow RGB picture as a QImage that owns its pixels."""
    data = picture.tobytes()
    return QImage(data, picture.width, picture.height, picture.width * 3,
                  QImage.Format.Format_RGB888).copy()


def open_viewer(catalogue: Catalogue, images: list[ImageInfo],
                parent: QWidget | None = None) -> ImageViewer:
    viewer = ImageViewer(catalogue, images, parent)
    viewer.show()
    return viewer
