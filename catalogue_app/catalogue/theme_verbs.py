"""The Catalogue's verbs on themes and vocabulary terms.

Mixed into Catalogue (facade.py), whose reading(), writing() and user they use."""

from __future__ import annotations

from collections.abc import Sequence

from catalogue_app.catalogue.changes import Changes


class ThemeVerbs:
    def theme_tree(self, *, counts: bool = True) -> list:
        from catalogue_app.vocabulary.themes import theme_tree

        with self.reading() as session:
            return theme_tree(session, counts=counts)

    def theme_count(self) -> int:
        from catalogue_app.vocabulary.themes import theme_count

        with self.reading() as session:
            return theme_count(session)

    def tag(self, record_ids: Sequence[str], theme_id: str) -> Changes:
        """Result: the Tagging that undo_tagging reverses."""
        from catalogue_app.vocabulary.themes import tag

        with self.writing() as session:
            return _tagged(tag(session, record_ids, theme_id, self.user))

    def untag(self, record_ids: Sequence[str], theme_id: str) -> Changes:
        from catalogue_app.vocabulary.themes import untag

        with self.writing() as session:
            return _tagged(untag(session, record_ids, theme_id, self.user))

    def undo_tagging(self, tagging) -> Changes:
        """Result: the Tagging that redoes it."""
        from catalogue_app.vocabulary.themes import undo

        with self.writing() as session:
            return _tagged(undo(session, tagging, self.user))

    def add_local_theme(self, label: str, parent_id: str | None = None) -> Changes:
        from catalogue_app.vocabulary.themes import add_local_theme

        with self.writing() as session:
            add_local_theme(session, label, parent_id=parent_id)
        return Changes(themes=True)

    def suggest_terms(self, vocabulary: str, typed: str, limit: int) -> list:
        from catalogue_app.vocabulary.terms import suggest

        with self.reading() as session:
            return suggest(session, vocabulary, typed, limit)

    def add_terms(self, vocabulary: str, labels: Sequence[str]) -> Changes:
        """The museum's own terms, offered from now on; result: the terms."""
        from catalogue_app.vocabulary.terms import add_local_term

        with self.writing() as session:
            terms = [add_local_term(session, vocabulary, label) for label in labels]
        return Changes(vocabulary=True, result=terms)


def _tagged(tagging) -> Changes:
    return Changes.of(changed=tagging.record_ids, themes=True, result=tagging)
