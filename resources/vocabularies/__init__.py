"""Seed vocabularies (one JSON file per vocabulary); a package so the files ship as package data."""
