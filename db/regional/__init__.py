"""The regional base's schema (PostgreSQL in production, SQLite for one machine or a demo)."""
