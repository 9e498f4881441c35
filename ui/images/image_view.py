"""One picture on screen: wheel zoom around the pointer, pan by dragging, fit or 100 %, and a
second picture laid over it (swipe or overlay, as conservation imaging tools compare visible
light with UV or IR).

Scene coordinates are the original's pixels whatever picture is shown (a preview is scaled up
to the original's size), so zoom levels and positions stay true while pictures are swapped.
Two views follow each other by proportion (the same fraction of each picture), so a 1200 px
view and a 4000 px UV show the same area of the object."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

ZOOM_STEP = 1.25


class ImageView(QGraphicsView):
    viewChanged = Signal()  # zoom or pan changed by the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        # The laid-over picture is cut to its frame: the frame's width is the swipe's position.
        self.overlay_frame = QGraphicsRectItem()
        self.overlay_frame.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        self.overlay_frame.setPen(Qt.PenStyle.NoPen)
        self.overlay = QGraphicsPixmapItem(self.overlay_frame)
        self.overlay.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.overlay_frame)
        self.overlay_frame.hide()
        self.blend_mode, self.blend_amount = "swipe", 0.5
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
        self._place_overlay()
        if self._fitted:
            self.fit()

    def set_overlay(self, picture: QImage | None) -> None:
        """Lay picture over the shown one, stretched to the same frame (by proportion)."""
        if picture is None:
            self.overlay_frame.hide()
            return
        self.overlay.setPixmap(QPixmap.fromImage(picture))
        self.overlay_frame.show()
        self._place_overlay()

    def set_blend(self, mode: str, amount: float) -> None:
        """mode "swipe": the overlay covers the left `amount` of the picture; "overlay": it
        covers all of it with opacity `amount`."""
        self.blend_mode, self.blend_amount = mode, amount
        self._place_overlay()

    def _place_overlay(self) -> None:
        frame, pixmap = self.sceneRect(), self.overlay.pixmap()
        if pixmap.isNull() or frame.isEmpty():
            return
        self.overlay.setTransform(QTransform.fromScale(frame.width() / pixmap.width(),
                                                       frame.height() / pixmap.height()))
        swipe = self.blend_mode == "swipe"
        self.overlay_frame.setRect(QRectF(0, 0, frame.width() * (self.blend_amount if swipe
                                                                  else 1), frame.height()))
        self.overlay.setOpacity(1.0 if swipe else self.blend_amount)

    def zoom(self) -> float:
        """Screen pixels per original pixel (1.0 is 100 %)."""
        return self.transform().m11()

    def fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True
        self.viewChanged.emit()

    def actual_size(self) -> None:
        self.setTransform(QTransform())
        self._fitted = False
        self.viewChanged.emit()

    def zoom_by(self, factor: float) -> None:
        # From the keyboard the pointer may be anywhere: keep the middle of the view still.
        anchor = self.transformationAnchor()
        if not self.underMouse():
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(factor, factor)
        self.setTransformationAnchor(anchor)
        self._fitted = False
        self.viewChanged.emit()

    def region(self) -> QRectF:
        """The visible part of the picture, in fractions of its width and height."""
        frame = self.sceneRect()
        if frame.isEmpty():
            return QRectF()
        seen = self.mapToScene(self.viewport().rect()).boundingRect() & frame
        return QRectF(seen.x() / frame.width(), seen.y() / frame.height(),
                      seen.width() / frame.width(), seen.height() / frame.height())

    def follow(self, other: ImageView) -> None:
        """Show the same part of the object as the other view: the same fraction of the
        picture at the same size on screen, whatever the two pictures' pixel sizes."""
        if self.sceneRect().isEmpty() or other.sceneRect().isEmpty():
            return
        self.blockSignals(True)
        if other._fitted:
            self.fit()
        else:
            scale = other.zoom() * other.sceneRect().width() / self.sceneRect().width()
            self.setTransform(QTransform.fromScale(scale, scale))
            centre = other.mapToScene(other.viewport().rect().center())
            theirs, mine = other.sceneRect(), self.sceneRect()
            self.centerOn(QPointF(centre.x() / theirs.width() * mine.width(),
                                  centre.y() / theirs.height() * mine.height()))
            self._fitted = False
        self.blockSignals(False)

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP ** steps)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()
