"""The types every layer shares: page records, verdicts, the results model, failures and errors.

This is the lowest layer. It imports nothing of ours, so the crawler, the rules engine, the scorer, the
report writers and the CLI all speak the same typed language without importing one another upwards:
crawl → :mod:`model.records` → match → :mod:`model.verdicts` → scores → :mod:`model.results` → reports.
"""
