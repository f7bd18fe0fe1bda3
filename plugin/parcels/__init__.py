"""Rectification parcels of land consolidation (整治地块): the check, its tables, styles,
review and village reports."""
