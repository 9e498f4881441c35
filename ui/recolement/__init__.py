"""The récolement at the shelf (catalogue_app.recolement): a window driven from the keyboard,
the campaign dialog, and the Récolement menu of the main window."""
