"""The first-run wizard a new desk opens on."""
