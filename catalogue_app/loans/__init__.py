"""Loans out and in (temporary entries) of an object: kept in its record's `loans` field
(design.md §3), never published (§8)."""
