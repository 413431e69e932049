"""Vacancies: list, detail, create and edit."""
