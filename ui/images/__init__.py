"""Image widgets: thumbnails strip, import and matching dialogs, viewer."""
