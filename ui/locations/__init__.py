"""The window's locations: the hierarchy (locations_dialog.py), moving records (move_dialog.py),
placing free-text locations in the hierarchy (free_locations_dialog.py), labels; the menu that
leads to them (window_actions.py)."""
