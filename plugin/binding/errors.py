"""Exceptions raised by the plugin's core; the Processing layer turns them into
QgsProcessingException so that users see one clear message."""

from typing import Optional


class GuotuInputError(ValueError):
    """The QGIS inputs are unusable (missing field, empty layer, bad CRS...).

    Raised before the C core is called; the message names layer, field and
    feature and is already translated.
    """


class GuotuLibraryError(RuntimeError):
    """libguotu could not be found or is not the ABI this binding speaks."""


class GuotuError(RuntimeError):
    """A libguotu call returned a status other than GUOTU_OK.

    ``status_name`` is the library's own name for the code (e.g. ``GUOTU_ERR_CRS``)
    and ``message`` the context's last error, both as the library wrote them.
    """

    def __init__(self, status: int, status_name: str, message: str) -> None:
        self.status = status
        self.status_name = status_name
        self.message = message
        super().__init__(f"{status_name}: {message}" if message else status_name)


class GuotuCancelled(GuotuError):
    """The user cancelled; raised from the Python side or from the core's
    GUOTU_ERR_CANCELLED."""

    def __init__(self, status: int = 7, status_name: str = "GUOTU_ERR_CANCELLED",
                 message: Optional[str] = None) -> None:
        super().__init__(status, status_name, message or "cancelled")
