"""The pieces of the object form: field editors, vocabulary completion, form undo, drafts,
the history panel and the record dialogs (batch edit, deaccession, trash)."""
