"""Monitoring for the municipality (aggregates only)."""
