"""the search index reads the register's text fields too (issue 14)

A curator types an old number and finds the object: the `inventory` column of the index holds,
after the number, the record's former numbers, its number at a depositor's (deposit_owner_number)
and its Joconde reference, so `inv:10288` finds them as well. The body gains the domains, the
depositor and the deposit's reference, the bibliography, the exhibitions, the ownership history
and the decision of a radiation. The desk's index is the museum's own: nothing here is public
(the regional portal's index is built apart, from public fields only).

The view that says what is indexed (migration 0002) is replaced and every record indexed again,
in this migration's transaction (a few seconds for 70,000 records). The SQL is written out here,
not imported, so that this revision stays what it was when shipped; the downgrade puts back
0002's view as that revision's file defines it.

Revision ID: 0009
Revises: 0008
"""

import importlib.util
from pathlib import Path

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Single-valued text fields searched as plain words (0002's, then the register's).
_BODY_COLUMNS = ("acquisition_mode", "acquisition_source", "acquisition_date", "committee_opinion",
                 "register_date", "inscriptions", "measurements", "condition_at_acquisition",
                 "dating", "function", "origin_place", "observations", "description",
                 "current_location", "credit_line", "depositor", "deposit_reference",
                 "bibliography", "exhibitions", "ownership_history", "deaccession_decision")
# Numbers a curator may type for a record beside its inventory number.
_OTHER_NUMBERS = ("deposit_owner_number", "joconde_ref")


def _values(fields: str) -> str:
    return (f"coalesce((SELECT group_concat(v.value, ' ') FROM record_values v "
            f"WHERE v.record_id = r.id AND v.field IN ({fields})), '')")


_SOURCE_VIEW = f"""
CREATE VIEW record_search_source (record_rowid, record_id, inventory, designation, title,
                                  material, author, theme, body) AS
SELECT r.rowid, r.id,
       r.inventory_number || ' ' || {_values("'former_numbers'")}
       || ' ' || {" || ' ' || ".join(f"r.{name}" for name in _OTHER_NUMBERS)},
       r.designation, r.title,
       {_values("'materials'")},
       {_values("'authors'")},
       coalesce((SELECT group_concat(t.label_fr || ' ' || t.label_en || ' '
                                     || coalesce(p.label_fr || ' ' || p.label_en, '')
                                     || ' t' || replace(t.id, '-', ''), ' ')
                 FROM record_themes rt JOIN themes t ON t.id = rt.theme_id
                 LEFT JOIN themes p ON p.id = t.parent_id
                 WHERE rt.record_id = r.id), ''),
       {" || ' ' || ".join(f"r.{name}" for name in _BODY_COLUMNS)}
       || ' ' || {_values("'techniques', 'subjects', 'domains'")}
FROM records r WHERE r.trashed_at IS NULL"""

_INDEXED = "inventory, designation, title, material, author, theme, body"


def _replace_view(definition: str) -> None:
    op.execute("DROP VIEW record_search_source")
    op.execute(definition)
    op.execute("DELETE FROM record_search")
    op.execute(f"INSERT INTO record_search (rowid, {_INDEXED}) "
               f"SELECT record_rowid, {_INDEXED} FROM record_search_source ORDER BY record_rowid")


def upgrade() -> None:
    _replace_view(_SOURCE_VIEW)


def downgrade() -> None:
    path = Path(__file__).with_name("0002_search.py")
    spec = importlib.util.spec_from_file_location("catalogue_migration_0002", path)
    shipped = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shipped)
    _replace_view(shipped._SOURCE_VIEW)
