"""Who reviewed, and when: the stamp an accepted exception or a reviewed conflict carries."""

import getpass
from datetime import datetime, timezone

from qgis.core import QgsApplication


def reviewer_name() -> str:
    """QGIS's user full name, else the login name, else ""."""
    name = ""
    full = getattr(QgsApplication, "userFullName", None)
    if full is not None:
        name = full() or ""
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # noqa: BLE001 — no user name is not an error
            name = ""
    return name


def utc_now() -> str:
    """The time now in UTC, ISO 8601 to the second: 2026-11-21T07:30:00Z."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
