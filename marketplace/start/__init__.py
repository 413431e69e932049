"""The start page, one per role."""
