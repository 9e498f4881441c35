"""What the Linux build leaves out of PySide6's plugins, and the libraries only they needed.

PySide6's PyInstaller hook bundles every plugin of the Qt modules in use (QtGui pulls in EGL
device integrations, evdev input, VNC and framebuffer platforms, the GTK 3 theme...), and
with them their libraries: the GTK 3 theme alone brings GTK, GDK, cairo, pango and ATK, about
20 MB. A desk shows its window on X11 or Wayland and prints headless with `offscreen`; file
dialogs are then Qt's own, the same on every desktop.

Only a library that a dropped plugin needed and nothing kept needs is removed, so a library
loaded some other way (ctypes) is never touched. scripts/build.sh then checks that every kept
binary finds all the libraries it links to."""

from __future__ import annotations

from pathlib import PurePosixPath

PLUGINS = "PySide6/Qt/plugins/"
# Plugin folders kept whole, and the platforms kept among platforms/.
KEPT_PLUGIN_FOLDERS = {"iconengines", "imageformats", "platforminputcontexts", "platforms",
                       "wayland-decoration-client", "wayland-graphics-integration-client",
                       "wayland-shell-integration", "xcbglintegrations"}
KEPT_PLATFORMS = {"libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqminimal.so"}


def unused_plugin(destination: str) -> bool:
    if not destination.startswith(PLUGINS):
        return False
    folder, _, name = destination[len(PLUGINS):].partition("/")
    if folder not in KEPT_PLUGIN_FOLDERS:
        return True
    return folder == "platforms" and name not in KEPT_PLATFORMS


def prune(binaries: list[tuple], linked_libraries) -> list[tuple]:
    """binaries without the unused plugins and the libraries only they link to.
    linked_libraries(path) -> the names of the libraries a binary file links to."""
    dropped = [entry for entry in binaries if unused_plugin(entry[0])]
    kept = [entry for entry in binaries if not unused_plugin(entry[0])]
    by_name = {PurePosixPath(entry[0]).name: entry[1] for entry in binaries}

    def reachable(entries: list[tuple]) -> set[str]:
        seen: set[str] = {PurePosixPath(entry[0]).name for entry in entries}
        queue = list(seen)
        while queue:
            source = by_name.get(queue.pop())
            for name in linked_libraries(source) if source else ():
                if name in by_name and name not in seen:
                    seen.add(name)
                    queue.append(name)
        return seen

    needed_by_dropped = reachable(dropped)
    others = [entry for entry in kept if PurePosixPath(entry[0]).name not in needed_by_dropped]
    orphans = needed_by_dropped - reachable(others)
    return [entry for entry in kept if PurePosixPath(entry[0]).name not in orphans]
