"""The public portal of the regional base (design.md §12): server-rendered pages, the public
JSON API and the public images, all reading what catalogue_app.publication publishes."""
