"""Administration: the audit log."""
