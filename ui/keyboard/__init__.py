"""Working from the keyboard: moving between the window's panes (F6) and the list of shortcuts
(Help > Keyboard shortcuts)."""
