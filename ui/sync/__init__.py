"""Sync with the regional base in the window: menu, status, error banner, settings, conflicts."""
