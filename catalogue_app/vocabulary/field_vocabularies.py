"""Which vocabulary offers values to which record field (the form's completion)."""

FIELD_VOCABULARIES: dict[str, str] = {
    "designation": "designation",
    "materials": "material",
    "techniques": "technique",
    "origin_place": "place",
    "authors": "person",
    "acquisition_source": "person",
    "dating": "period",
}
