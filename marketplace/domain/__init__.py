"""Pure rules of the marketplace: no database, no requests."""
