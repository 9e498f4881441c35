"""What each publication channel may show of a record (design.md §8, §12).

One function per channel, used by every route of that channel (pages, facets and counts, JSON,
sitemap, images, harvesting): it takes a record as the regional base stores it and returns the
document the public may see, or None when the record is not published there. The rule is an
allow-list: only fields declared public (catalogue_app.records.fields), their derived structure,
and the images marked publishable, each with its public metadata only. A field a newer desk
adds is therefore never published until it is declared here.

The rule: a record is published when the curator marked it public (a record not marked is a
draft as far as the public is concerned), it is `active`, not in the trash, not deleted, and
not a deposit returned to its owner. Joconde also takes `missing` records (flagged MANQUANT by
the Joconde export); a radiated record goes nowhere public. The Joconde document also names the
legal status and, for a deposit, the depositor (STAT says whose the object is)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from catalogue_app.records.fields import FIELDS

# Public by their declaration, except the register's own bookkeeping and the flag itself.
PUBLIC_FIELDS: tuple[str, ...] = tuple(
    f.name for f in FIELDS if f.public and f.name not in ("register_date", "public")
) + ("date_earliest", "date_latest", "measurement_rows")
# What the public may know of an image: never its file name, EXIF (GPS) or internal note.
PUBLIC_IMAGE_FIELDS = ("sha256", "width", "height", "view_type", "photographer", "licence",
                       "credit", "caption", "position", "is_primary")
PUBLISHED_STATUSES = frozenset({"active"})
JOCONDE_STATUSES = frozenset({"active", "missing"})


def portal(fields: Mapping[str, Any], deleted: bool = False) -> dict[str, Any] | None:
    """The public document of a record on the portal and its JSON API, or None."""
    return _published(fields, deleted, PUBLISHED_STATUSES)


def oai(fields: Mapping[str, Any], deleted: bool = False) -> dict[str, Any] | None:
    """What OAI-PMH harvesters receive (LIDO, Dublin Core): the portal's rule."""
    return _published(fields, deleted, PUBLISHED_STATUSES)


def iiif(fields: Mapping[str, Any], deleted: bool = False) -> dict[str, Any] | None:
    """What IIIF manifests and image services show: the portal's rule."""
    return _published(fields, deleted, PUBLISHED_STATUSES)


def joconde(fields: Mapping[str, Any], deleted: bool = False) -> dict[str, Any] | None:
    """What the Joconde/POP export carries: public records, active or missing (with `status`,
    so the export can flag MANQUANT)."""
    document = _published(fields, deleted, JOCONDE_STATUSES)
    if document is not None:
        document["status"] = fields.get("status") or "active"
        if fields.get("legal_status") == "deposit":
            document["depositor"] = fields.get("depositor") or ""
    return document


CHANNELS = {"portal": portal, "oai": oai, "iiif": iiif, "joconde": joconde}


def publishes(channel: str, fields: Mapping[str, Any], deleted: bool = False) -> bool:
    """Whether the channel shows the record at all (the desk's exports choose with it)."""
    return CHANNELS[channel](fields, deleted) is not None


def public_images(fields: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The publishable images of a record, primary first then in their order."""
    images = fields.get("images")
    if not isinstance(images, list):
        return []
    shown = [
        {name: image.get(name) for name in PUBLIC_IMAGE_FIELDS}
        for image in images
        if isinstance(image, dict) and image.get("publishable") is True
        and isinstance(image.get("sha256"), str)
    ]
    shown.sort(key=lambda i: (not i["is_primary"], _position(i["position"])))
    return shown


def _published(
    fields: Mapping[str, Any], deleted: bool, statuses: frozenset[str]
) -> dict[str, Any] | None:
    if deleted or fields.get("public") is not True or fields.get("trashed_at"):
        return None
    if fields.get("legal_status") == "deposit" and str(fields.get("deposit_returned") or ""):
        return None  # gone back to its owner
    if (fields.get("status") or "active") not in statuses:
        return None
    document = {name: fields[name] for name in PUBLIC_FIELDS if name in fields}
    document["images"] = public_images(fields)
    return document


def _position(value: Any) -> int:
    return value if isinstance(value, int) else 0
