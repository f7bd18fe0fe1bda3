"""Guotu (国土): territorial spatial planning tools backed by libguotu."""


def classFactory(iface):  # noqa: N802 — name required by QGIS
    """Called by QGIS (iface is None under qgis_process)."""
    from .guotu_plugin import GuotuPlugin

    return GuotuPlugin(iface)
