"""The Catalogue's verbs on a record's images (the originals stay in the image store).

An image change is a change of its record: it travels with it to the regional base, so each
verb also moves the record's modification time and author. Mixed into Catalogue (facade.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from catalogue_app.catalogue.changes import Changes


class ImageVerbs:
    def images(self, record_id: str) -> list:
        """The record's images (ImageInfo) in the curator's order."""
        from catalogue_app.images.gallery import record_images

        with self.reading() as session:
            return record_images(session, record_id)

    def attach(self, requests: list, **options: Any) -> Changes:
        """Attach files to their records (images/attach.py: worker processes read them, each
        file settles on its own); result: one AttachResult per request, in order."""
        from catalogue_app.images.attach import attach_files

        results = attach_files(self, requests, user=self.user, **options)
        return Changes.of(images={request.record_id for request, result
                                  in zip(requests, results, strict=True)
                                  if result.status == "attached"}, result=results)

    def edit_image(self, record_id: str, image_id: int, values: dict[str, Any]) -> Changes:
        from catalogue_app.images.gallery import update_image

        return self._change_images(record_id, lambda s: update_image(s, image_id, values))

    def edit_images(self, image_ids: list[int], values: dict[str, Any]) -> Changes:
        """The same details on several images (a photographer's batch), in one transaction;
        result: the ImageEdit that undo_images_edit takes back."""
        from catalogue_app.images.gallery import record_changed, update_images

        with self.writing() as session:
            edit = update_images(session, image_ids, values)
            for record_id in edit.record_ids:
                record_changed(session, record_id, self.user)
        return Changes.of(images=edit.record_ids, result=edit)

    def undo_images_edit(self, edit) -> Changes:
        from catalogue_app.images.gallery import record_changed, undo_images_edit

        with self.writing() as session:
            records = undo_images_edit(session, edit)
            for record_id in records:
                record_changed(session, record_id, self.user)
        return Changes.of(images=records)

    def make_primary(self, record_id: str, image_id: int) -> Changes:
        from catalogue_app.images.gallery import set_primary

        return self._change_images(record_id, lambda s: set_primary(s, image_id))

    def reorder_images(self, record_id: str, image_ids: list[int]) -> Changes:
        from catalogue_app.images.gallery import reorder

        return self._change_images(record_id, lambda s: reorder(s, record_id, image_ids))

    def detach(self, record_id: str, image_ids: list[int]) -> Changes:
        from catalogue_app.images.gallery import detach_image

        def detach_all(session) -> None:
            for image_id in image_ids:
                detach_image(session, image_id)

        return self._change_images(record_id, detach_all)

    def _change_images(self, record_id: str, work: Callable[[Any], None]) -> Changes:
        from catalogue_app.images.gallery import record_changed

        with self.writing() as session:
            work(session)
            record_changed(session, record_id, self.user)
        return Changes.of(images=[record_id])
