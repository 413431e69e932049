"""Plain functions that own the transaction: no request, no flash."""
