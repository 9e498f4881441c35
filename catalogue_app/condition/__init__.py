"""Condition reports (constats d'état) of an object: kept in its record's
`condition_reports` field (design.md §3), never published (§8)."""
