"""Récolement (design.md §3, issue 18): the legal check, at least every ten years, that each
object of the inventory is there, where, in what state and marked.

A campaign (campaigns.py) names a scope: the records a search finds, in some locations and
below, deposits or not. Each object seen at the shelf gets a check in its record's synced field
`recolement_checks` (checks.py), so two desks checking different rooms of one campaign both see
the whole progress (progress.py) once synced. Not found at the shelf is not yet missing: closing
the campaign after review marks `missing` what stayed not found, and a later "found" reverts
it. The campaign itself is a museum-level document synced on its own (documents.py)."""
