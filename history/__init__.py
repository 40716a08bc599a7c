"""Audit history in a database (SQLAlchemy): runs, agencies, site audits, item verdicts with reason codes,
evidence URLs with their content hash and fetch time, and the regressions found after each run.

A SQLite file by default, PostgreSQL by URL; the schema is created and upgraded by Alembic migrations
(history/migrations), run automatically when a database is opened.
"""
