"""The shared regional base: the server every member museum syncs to (design.md §7, §8).

Qt-free. `api.create_app` builds the FastAPI application, `cli.main` is `catalogue-base`; the
wire format is described in PROTOCOL.md next to this file."""
