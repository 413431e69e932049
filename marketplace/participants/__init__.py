"""Participants: the coach's caseload."""
