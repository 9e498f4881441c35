"""The canonical record fields (design.md §11): a stable contract shared by the form, CSV, the
API and the register. Names never change; new fields are only ever added."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    """One value of an enumeration: its code (stored, exported, on the wire) and its labels."""

    code: str
    label_fr: str
    label_en: str


@dataclass(frozen=True)
class Field:
    name: str
    label_fr: str
    label_en: str
    # text | longtext | date | integer | boolean | list | authors | measurements | dating |
    # themes | choice (one of `values`) | one of ENTRY_TYPES (dated entries, each with a
    # client-generated id, oldest first)
    type: str
    regulatory_column: int | None = None
    # False for what never leaves the museum: donors, prices, opinions, location, internal notes.
    public: bool = True
    # A choice's codes, the default (or "" for none) first; for a list of entries, the codes
    # of its entries' enumeration (a movement's reason, a loan's direction, a condition
    # report's state).
    values: tuple[Choice, ...] = ()

    @property
    def multi_valued(self) -> bool:
        return self.type in ("list", "authors", "themes")

    def label(self, language: str | None = None) -> str:
        """The field's name in the given language (default: the process's, as messages)."""
        from catalogue_app.messages import current_language

        return self.label_fr if (language or current_language()) == "fr" else self.label_en


# The state of an object as a condition report or a récolement check finds it.
CONDITION_STATES: tuple[Choice, ...] = (
    Choice("", "", ""),
    Choice("good", "Bon", "Good"),
    Choice("fair", "Moyen", "Fair"),
    Choice("poor", "Mauvais", "Poor"),
    Choice("to_restore", "À restaurer", "To restore"))
# Which way a loan goes: lent by the museum, or lent to it (a temporary entry).
LOAN_DIRECTIONS: tuple[Choice, ...] = (
    Choice("out", "Prêt", "Loan out"),
    Choice("in", "Entrée temporaire", "Loan in (temporary entry)"))
# Fields holding a list of dated entries, each an object of its own (the app's CSV writes them
# as a JSON array; they are never copied to a template or edited in a batch).
ENTRY_TYPES = ("rectifications", "movements", "loans", "condition_reports", "recolement_checks")

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
    # Which register the record belongs to: never the number's prefix (design.md §3).
    Field("legal_status", "Statut juridique", "Legal status", "choice", values=(
        Choice("inventory", "Inventaire", "Inventory"),
        Choice("deposit", "Dépôt", "Deposit"),
        Choice("outside", "Hors inventaire", "Outside the inventory"))),
    Field("depositor", "Déposant", "Depositor", "text", public=False),
    Field("deposit_owner_number", "N° chez le propriétaire", "Owner's number", "text",
          public=False),
    Field("deposit_reference", "Référence du dépôt", "Deposit reference", "text", public=False),
    Field("deposit_term", "Échéance", "Deposit term", "date", public=False),
    Field("deposit_returned", "Date de restitution du dépôt", "Deposit returned on", "date",
          public=False),
    Field("former_numbers", "Anciens numéros", "Former numbers", "list"),
    Field("status", "Statut", "Status", "choice", public=False, values=(
        Choice("active", "Présent", "Active"),
        Choice("missing", "Manquant", "Missing"),
        Choice("deaccessioned", "Radié", "Deaccessioned"))),
    Field("deaccession_case", "Motif de radiation", "Deaccession case", "choice", public=False,
          values=(
              Choice("", "", ""),
              Choice("undue_inscription", "Inscription indue", "Undue inscription"),
              Choice("double_inscription", "Double inscription", "Double inscription"),
              Choice("destroyed", "Bien détruit", "Destroyed"),
              Choice("transferred_public_person",
                     "Transfert de propriété à une personne publique",
                     "Transferred to a public person"),
              Choice("declassified", "Déclassement", "Declassified"),
              Choice("reassigned", "Changement d'affectation", "Reassigned"),
              Choice("restituted", "Restitution", "Restituted"))),
    Field("deaccession_date", "Date de radiation", "Deaccession date", "date", public=False),
    Field("deaccession_decision", "Décision", "Decision", "longtext", public=False),
    # Set once the record is in the register (a register date, or imported from an inventory);
    # never cleared. Its locked columns then change only by a rectification.
    Field("inscribed", "Inscrit", "Inscribed", "boolean", public=False),
    Field("rectifications", "Rectifications", "Rectifications", "rectifications", public=False),
    Field("domains", "Domaines", "Domains", "list"),
    Field("joconde_ref", "Référence Joconde", "Joconde reference", "text"),
    Field("bibliography", "Bibliographie", "Bibliography", "longtext"),
    Field("exhibitions", "Expositions", "Exhibitions", "longtext"),
    Field("ownership_history", "Historique de propriété", "Ownership history", "longtext"),
    # Where the object went, when and why (design.md §3): the current location is the last
    # movement by date; `current_location` is rewritten to its path (catalogue_app.locations).
    Field("movements", "Mouvements", "Movements", "movements", public=False, values=(
        Choice("other", "Autre", "Other"),
        Choice("recolement", "Récolement", "Inventory check"),
        Choice("exhibition", "Exposition", "Exhibition"),
        Choice("loan", "Prêt", "Loan"),
        Choice("restoration", "Restauration", "Restoration"),
        Choice("storage", "Rangement en réserve", "Storage"))),
    # Loans out and in, oldest first (catalogue_app.loans): its values are the directions.
    Field("loans", "Prêts et entrées temporaires", "Loans out and in", "loans", public=False,
          values=LOAN_DIRECTIONS),
    # Condition reports, oldest first: its values are the states a report notes.
    Field("condition_reports", "Constats d'état", "Condition reports", "condition_reports",
          public=False, values=CONDITION_STATES),
    # What each récolement found of the object, oldest first (catalogue_app.recolement); its
    # values are the states a check notes.
    Field("recolement_checks", "Récolements", "Inventory checks", "recolement_checks",
          public=False, values=CONDITION_STATES),
)

FIELDS_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}


@dataclass(frozen=True)
class FieldLabel:
    """A field named in a message (catalogue_app.messages): said as its label in the message's
    language, and sent to a desk as the field's canonical name (catalogue_app.protocol)."""

    name: str

    def text(self, language: str | None = None) -> str:
        return FIELDS_BY_NAME[self.name].label(language)

# Derived structure stored beside the text it comes from (design.md §3); exported as extra columns.
DERIVED_KEYS = ("date_earliest", "date_latest", "measurement_rows")

# The type of value each type of field holds in a record (catalogue_app.records.record): the
# text of a date, a dating, a number of parts or measurements is kept exactly as entered.
_VALUE_TYPES = {"text": "text", "longtext": "text", "date": "text", "integer": "text",
                "measurements": "text", "dating": "text", "boolean": "boolean", "list": "list",
                "authors": "authors", "themes": "themes", "choice": "choice",
                **{kind: kind for kind in ENTRY_TYPES}}
# Every key a record holds and the type of its value: the fields, what is derived from them,
# who changed the record when, and its images. The desk's store and the
# regional base both check a record against it (Record.from_fields).
KEY_TYPES: dict[str, str] = {
    **{f.name: _VALUE_TYPES[f.type] for f in FIELDS},
    "date_earliest": "year", "date_latest": "year", "measurement_rows": "measurement_rows",
    "id": "text", "trashed_at": "text", "created_at": "text", "created_by": "text",
    "modified_at": "text", "modified_by": "text", "images": "images",
}


def choice_codes(name: str) -> tuple[str, ...]:
    """The codes a choice field takes ("" among them when it may be left empty)."""
    return tuple(choice.code for choice in FIELDS_BY_NAME[name].values)
