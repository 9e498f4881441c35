"""The Qt-free core stays Qt-free (design.md §2): headless commands never load PySide6."""

from __future__ import annotations

import subprocess
import sys

from tests.support import REPO

IMPORT_EVERYTHING = """
import importlib, pkgutil, sys
import catalogue_app, db
for package in (catalogue_app, db):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if ".migrations" in module.name or module.name.endswith("__main__"):
            continue  # Alembic scripts run only inside Alembic; __main__ would start the app
        importlib.import_module(module.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "ui", "shiboken6"))
print(",".join(loaded))
"""


def test_core_and_db_never_import_qt():
    result = subprocess.run([sys.executable, "-c", IMPORT_EVERYTHING], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


# The entry point opens the window and hands the commands that print their PDF renderer: it
# alone imports ui, lazily, inside the functions that need it.
SANCTIONED = {"catalogue_app/cli.py"}
GUI_PACKAGES = ("ui", "PySide6", "shiboken6")


def _imported_modules(path) -> list[tuple[int, str]]:
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def test_no_core_module_imports_the_gui_even_inside_a_function():
    offences = []
    for package in ("catalogue_app", "db"):
        for path in sorted((REPO / package).rglob("*.py")):
            relative = path.relative_to(REPO).as_posix()
            if relative in SANCTIONED:
                continue
            offences += [f"{relative}:{line} imports {name}"
                         for line, name in _imported_modules(path)
                         if name.split(".")[0] in GUI_PACKAGES]
    assert not offences, "\n".join(offences)


def test_the_entry_point_imports_the_gui_only_inside_functions():
    import ast

    tree = ast.parse((REPO / "catalogue_app" / "cli.py").read_text(encoding="utf-8"))
    top_level = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    names = [alias.name for node in top_level if isinstance(node, ast.Import)
             for alias in node.names]
    names += [node.module for node in top_level if isinstance(node, ast.ImportFrom)]
    assert not [n for n in names if n and n.split(".")[0] in GUI_PACKAGES]


# --- ui talks to the Catalogue's verbs, never to the database --------------------------------
DATABASE_MODULES = ("sqlalchemy", "db")
SESSION_CALLS = ("reading", "writing")


def _ui_modules():
    import ast

    for path in sorted((REPO / "ui").rglob("*.py")):
        yield path.relative_to(REPO).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def test_no_ui_module_opens_a_session_or_reaches_the_database():
    import ast

    offences = []
    for relative, tree in _ui_modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in SESSION_CALLS:
                offences.append(f"{relative}:{node.lineno} calls {node.func.attr}()")
            elif isinstance(node, ast.Name) and node.id in ("Session", "sessionmaker"):
                offences.append(f"{relative}:{node.lineno} uses {node.id}")
            elif isinstance(node, ast.Import | ast.ImportFrom):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                         else [node.module or ""])
                offences += [f"{relative}:{node.lineno} imports {name}" for name in names
                             if name.split(".")[0] in DATABASE_MODULES]
    assert not offences, "\n".join(offences)


def test_ui_modules_use_only_the_public_side_of_each_other():
    """window._select() from an action class would tie it to the window's insides: a private
    name is used only in the module that defines it (or through self)."""
    import ast

    offences = []
    for relative, tree in _ui_modules():
        defined = {node.name for node in ast.walk(tree)
                   if isinstance(node, ast.FunctionDef | ast.ClassDef)}
        defined |= {node.attr for node in ast.walk(tree)
                    if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") \
                    and not node.attr.startswith("__") and node.attr not in defined \
                    and not (isinstance(node.value, ast.Name) and node.value.id == "self"):
                offences.append(f"{relative}:{node.lineno} uses {ast.unparse(node)}")
    assert not offences, "\n".join(offences)
