"""OAI-PMH 2.0 at /oai (design.md §12): the six verbs over the publication log
(catalogue_app.regional.publication_log), metadata formats oai_dc and lido, sets by museum and by
theme, resumption tokens that stand for a position in the log."""
