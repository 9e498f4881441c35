"""The filter panel narrowing the object list (images, public, years, designation)."""
