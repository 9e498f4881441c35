"""Subcommands of `catalogue-app`. Each module declares NAME, HELP, configure(parser) and
run(args) -> exit status, and imports what it needs inside run(), so that building the
parser stays cheap."""

from catalogue_app.commands import (
    attach,
    backup,
    check,
    export,
    fields,
    import_csv,
    licences,
    location,
    move,
    museum,
    recolement,
    rectify,
    restore,
    search,
    sync,
)

COMMANDS = (fields, check, backup, restore, attach, import_csv, export, search, sync, rectify,
            licences, museum, location, move, recolement)
