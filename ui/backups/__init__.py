"""Automatic backups and restore, from the window."""
