"""An object's loans and condition reports in the window: their groups in the record form,
the dialogs that add and edit them, and the printed condition report."""
