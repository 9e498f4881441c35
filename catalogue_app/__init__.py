"""The desk application's core (Qt-free) and the regional base."""

# The one place the release is written: pyproject.toml reads it, --version and the About
# dialog show it, the build names its packages after it.
__version__ = "0.1.0"
