"""Images in the main window: the Images section of the form, files dropped on the form (this
record) or on the object list (matched by file name, with a preview), the Images menu, the
viewer, and moving the image store to another volume."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog

from catalogue_app.errors import CatalogueError
from catalogue_app.settings import IMAGE_TEMPLATE
from ui import messages
from ui.images.drops import FileDrops, start_workers_early
from ui.images.strip import ImageStrip
from ui.operations import run_in_background

if TYPE_CHECKING:
    from catalogue_app.images.gallery import ImageInfo
    from ui.images.import_dialog import ImportDialog
    from ui.images.viewer import ImageViewer
    from ui.main_window import MainWindow

IMAGE_FILTER = ("*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.heif *.dng *.cr2 *.cr3 *.nef "
                "*.arw *.orf *.rw2 *.raf *.pdf")


class ImageActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.catalogue = window, window.catalogue
        self.viewers: set[ImageViewer] = set()  # open viewers, kept alive until closed
        self.import_dialog: ImportDialog | None = None
        self.strip = ImageStrip(self.catalogue)
        self.strip.changed.connect(window.apply)
        window.catalogueChanged.connect(self.strip.show_changes)
        section = window.form.add_section("images", self.tr("Images"), self.strip)
        window.form.recordLoaded.connect(self.strip.show_record)
        self.strip.attachRequested.connect(self.pick_files)
        self.strip.filesDropped.connect(self.attach_to_current)
        self.strip.viewRequested.connect(self.view)
        FileDrops(section, self.attach_to_current)
        FileDrops(window.table.viewport(), self.attach_by_file_name)

        menu = window.menuBar().addMenu(self.tr("&Images"))
        for text, slot, shortcut in (
                (self.tr("&Attach images to this record…"), self.pick_files, "Ctrl+Shift+I"),
                (self.tr("Attach a &folder to this record…"), self.pick_folder, None),
                (self.tr("Attach images by &file name…"), self.pick_for_matching, None),
                (self.tr("&Details for new images…"), self.edit_template, None),
                (self.tr("&Move the image store…"), self.move_store, None)):
            action = QAction(text, window)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.addAction(action)

    # --- choosing files -----------------------------------------------------------------
    def pick_files(self) -> None:
        start_workers_early()
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Attach images"), "",
            self.tr("Images and documents ({patterns});;All files (*)").format(
                patterns=IMAGE_FILTER))
        if paths:
            self.attach_to_current(paths)

    def pick_folder(self) -> None:
        start_workers_early()
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Attach a folder"))
        if folder:
            self.attach_to_current([folder])

    def pick_for_matching(self) -> None:
        start_workers_early()
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Folder of images named after inventory numbers"))
        if folder:
            self.attach_by_file_name([folder])

    # --- attaching ----------------------------------------------------------------------
    def attach_to_current(self, paths: list[str]) -> None:
        record_id = self.window.form.record_id()
        if record_id is None:
            messages.show_error(self.window, self.tr("Images not attached"), self.tr(
                "Save the new record first, then attach its images."))
            return
        from catalogue_app.images.attach import expand_paths, requests_for_record

        try:
            number = self.catalogue.load(record_id)["inventory_number"]
            requests = requests_for_record(self.catalogue, expand_paths(paths), number)
        except CatalogueError as exc:
            messages.show_error(self.window, self.tr("Images not attached"), str(exc))
            return
        self._import(requests)

    def attach_by_file_name(self, paths: list[str]) -> None:
        from ui.images.match_dialog import MatchPreviewDialog

        dialog = MatchPreviewDialog(self.catalogue, paths, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._import(dialog.matched_requests())

    def _import(self, requests) -> None:
        # The attach pipeline (worker processes, decoders) loads when first used.
        from ui.images.import_dialog import import_images

        if not requests:
            return
        from catalogue_app.images.attach import with_template

        requests = with_template(requests, self.window.preferences.get(IMAGE_TEMPLATE))
        if self.import_dialog is not None and self.import_dialog.is_running():
            messages.show_error(self.window, self.tr("Images not attached"), self.tr(
                "Another import is still running; wait for it to end."))
            return
        self.import_dialog = import_images(self.catalogue, requests, self.window,
                                           self.window.apply)

    def edit_template(self) -> None:
        from ui.images.template_dialog import ImageTemplateDialog

        ImageTemplateDialog(self.window.preferences, self.window).exec()

    # --- viewing and the store ----------------------------------------------------------
    def view(self, images: list[ImageInfo], album: list[ImageInfo]) -> None:
        from ui.images.viewer import open_viewer

        viewer = open_viewer(self.catalogue, images, album)
        self.viewers.add(viewer)
        # Forgotten when Qt deletes it on close: a closed viewer is never touched again.
        viewer.destroyed.connect(lambda _object=None: self.viewers.discard(viewer))

    def move_store(self) -> None:
        from catalogue_app.images.location import move_image_store

        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("New folder for the image store (an empty folder)"))
        if not folder:
            return
        progress = QProgressDialog(self.tr("Copying and checking every original…"),
                                   "", 0, 0, self.window)
        progress.setCancelButton(None)
        progress.setMinimumDuration(300)

        def done(count: int) -> None:
            progress.close()
            self.window.statusBar().showMessage(self.tr(
                "{n} original(s) moved to {folder}.").format(n=count, folder=folder), 8000)

        def failed(exc: Exception) -> None:
            progress.close()
            messages.show_error(self.window, self.tr("Image store not moved"), str(exc))

        run_in_background(
            lambda job: move_image_store(self.catalogue, folder,
                                         lambda d, t: job.progress(d, t)),
            on_progress=lambda d, t, _text: (progress.setMaximum(t), progress.setValue(d)),
            on_success=done, on_failure=failed, parent=self.window)
