"""The theme panel: the theme tree with counts, tagging, filtering by theme."""
