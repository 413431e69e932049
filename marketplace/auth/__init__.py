"""Logging in and out, and the access helpers every blueprint uses."""
