"""Where objects are (design.md §3, issue 18): the museum's hierarchy of locations (paths.py,
tree.py), each record's movements and the current location they give (movements.py), moving
records (moving.py), and locations as documents synced with the regional base (documents.py)."""
