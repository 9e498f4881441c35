"""The portal's Jinja2 environments, one per language (autoescaped, gettext installed).

Templates live in resources/portal/templates: `base.html`, one template per page, and
`_`-prefixed partials. Links are made with `url(path, **params)`, which keeps `lang=en` for an
English visitor, so the whole visit stays in the language chosen."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2

from catalogue_app.records.fields import FIELDS_BY_NAME
from catalogue_app.regional.portal import i18n

PORTAL_RESOURCES = Path(__file__).resolve().parents[3] / "resources" / "portal"
TEMPLATES_DIR = PORTAL_RESOURCES / "templates"
STATIC_DIR = PORTAL_RESOURCES / "static"


def environment(lang: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=jinja2.select_autoescape(["html", "xml"], default=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True, lstrip_blocks=True,
    )
    translations = i18n.translations(lang)
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(
        lang=lang,
        url=lambda path, **params: link(path, lang, **params),
        number=lambda value: i18n.number(value, lang),
        century=lambda value: i18n.century(int(value), lang),
        field_label=lambda name: field_label(name, lang),
        image=image_path,
    )
    return env


def link(path: str, lang: str, **params: Any) -> str:
    """A portal address keeping the visitor's language; empty parameters and the first page
    are left out, so each page has one address."""
    kept = {k: v for k, v in params.items()
            if v not in (None, "") and not (k == "page" and v == 1)}
    if lang != i18n.DEFAULT:
        kept["lang"] = lang
    return path + ("?" + urlencode(kept) if kept else "")


def image_path(record_id: str, sha256: str, kind: str) -> str:
    """Where a public derivative is served (only through the publication rule)."""
    return f"/images/{record_id}/{sha256}/{kind}.jpg"


def field_label(name: str, lang: str) -> str:
    found = FIELDS_BY_NAME.get(name)
    if found is None:
        return name
    return found.label_en if lang == "en" else found.label_fr
