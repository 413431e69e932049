"""Organisations: the volunteer centre's overview."""
