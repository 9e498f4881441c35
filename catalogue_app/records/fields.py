"""The canonical record fields (design.md §11): a stable contract shared by the form, CSV, the
API and the register. Names never change; new fields are only ever added."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    label_fr: str
    label_en: str
    # text | longtext | date | integer | boolean | list | authors | measurements | dating | themes
    type: str
    regulatory_column: int | None = None
    # False for what never leaves the museum: donors, prices, opinions, location, internal notes.
    public: bool = True

    @property
    def multi_valued(self) -> bool:
        return self.type in ("list", "authors", "themes")

    def label(self, language: str | None = None) -> str:
        """The field's name in the given language (default: the process's, as messages)."""
        from catalogue_app.messages import current_language

        return self.label_fr if (language or current_language()) == "fr" else self.label_en


FIELDS: tuple[Field, ...] = (
    Field("inventory_number", "Numéro d'inventaire", "Inventory number", "text", 1),
    Field("acquisition_mode", "Mode d'acquisition", "Acquisition method", "text", 2),
    Field("acquisition_source", "Donateur, testateur ou vendeur",
          "Donor, testator or vendor", "text", 3, public=False),
    Field("acquisition_date", "Date de l'acte d'acquisition et d'affectation",
          "Date of acquisition deed and assignment", "date", 4),
    Field("committee_opinion", "Avis des instances scientifiques",
          "Opinion of the scientific committees", "longtext", 5, public=False),
    Field("acquisition_price", "Prix d'achat, subventions publiques",
          "Purchase price, public grants", "text", 6, public=False),
    Field("register_date", "Date d'inscription au registre",
          "Date of entry in the register", "date", 7),
    Field("designation", "Désignation du bien", "Object name", "text", 8),
    Field("inscriptions", "Marques et inscriptions", "Marks and inscriptions", "longtext", 9),
    Field("materials", "Matières ou matériaux", "Materials", "list", 10),
    Field("techniques", "Techniques de réalisation", "Techniques", "list", 11),
    Field("measurements", "Mesures", "Measurements", "measurements", 12),
    Field("condition_at_acquisition", "État du bien au moment de l'acquisition",
          "Condition at acquisition", "longtext", 13),
    Field("authors", "Auteur, collecteur, fabricant, commanditaire",
          "Author, collector, maker, commissioner", "authors", 14),
    Field("dating", "Époque, datation ou date d'utilisation",
          "Period, dating or date of use", "dating", 15),
    Field("function", "Fonction d'usage", "Function", "text", 16),
    Field("origin_place", "Provenance géographique", "Place of origin", "text", 17),
    Field("observations", "Observations", "Observations", "longtext", 18, public=False),
    Field("title", "Titre", "Title", "text"),
    Field("description", "Description", "Description", "longtext"),
    Field("subjects", "Sujet représenté", "Subjects depicted", "list"),
    Field("number_of_parts", "Nombre d'éléments", "Number of parts", "integer"),
    Field("current_location", "Localisation", "Current location", "text", public=False),
    Field("credit_line", "Mention de crédit", "Credit line", "text"),
    Field("public", "Diffusable", "Public", "boolean"),
    Field("themes", "Thèmes", "Themes", "themes"),
)

FIELDS_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}

# Derived structure stored beside the text it comes from (design.md §3); exported as extra columns.
DERIVED_KEYS = ("date_earliest", "date_latest", "measurement_rows")

# The type of value each type of field holds in a record (catalogue_app.records.record): the
# text of a date, a dating, a number of parts or measurements is kept exactly as entered.
_VALUE_TYPES = {"text": "text", "longtext": "text", "date": "text", "integer": "text",
                "measurements": "text", "dating": "text", "boolean": "boolean", "list": "list",
                "authors": "authors", "themes": "themes"}
# Every key a record holds and the type of its value: the fields, what is derived from them,
# the register status, who changed the record when, and its images. The desk's store and the
# regional base both check a record against it (Record.from_fields).
KEY_TYPES: dict[str, str] = {
    **{f.name: _VALUE_TYPES[f.type] for f in FIELDS},
    "date_earliest": "year", "date_latest": "year", "measurement_rows": "measurement_rows",
    "id": "text", "status": "status", "deaccession_date": "text", "deaccession_reason": "text",
    "trashed_at": "text", "created_at": "text", "created_by": "text", "modified_at": "text",
    "modified_by": "text", "images": "images",
}
