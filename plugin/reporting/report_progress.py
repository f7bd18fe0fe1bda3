"""Progress and Cancel for the reports written from a dock.

Print layouts are drawn in the main thread (as the report algorithms run, FlagNoThreading),
so a report cannot run in a QgsTask's thread: it runs in the main thread with a progress
dialog, fed by a QgsFeedback as every long job of the plugin is, and the dialog's events are
handled at each step of the job so that Cancel is heard. Cancelling raises GuotuCancelled
from the job at its next step; the report being written is then removed, never left half
written.
"""

from pathlib import Path
from typing import Callable, List, Optional, Tuple, TypeVar

from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QProgressDialog, QWidget
from qgis.core import QgsFeedback, QgsProject

from ..binding.errors import GuotuCancelled
from ..i18n import tr

T = TypeVar("T")
DIALOG_NAME = "guotuReportProgress"


def run_with_progress(parent: Optional[QWidget], title: str, label: str, job: Callable[[QgsFeedback], T]) -> T:
    """``job(feedback)`` with a progress dialog (0–100 %) and a Cancel button that cancels
    ``feedback``. GuotuCancelled from the job is passed on."""
    feedback = QgsFeedback()
    dialog = QProgressDialog(label, tr("Cancel"), 0, 100, parent)
    dialog.setObjectName(DIALOG_NAME)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(feedback.cancel)

    def show_progress(percent: float) -> None:
        dialog.setValue(int(round(percent)))
        QCoreApplication.processEvents()  # paints the bar and hears Cancel
        if dialog.wasCanceled():
            feedback.cancel()

    feedback.progressChanged.connect(show_progress)
    dialog.show()
    QCoreApplication.processEvents()
    if dialog.wasCanceled():
        feedback.cancel()
    try:
        return job(feedback)
    finally:
        feedback.progressChanged.disconnect(show_progress)
        dialog.close()
        dialog.deleteLater()


def village_reports_with_progress(parent: Optional[QWidget], title: str, layers, folder: Path,
                                  project: QgsProject) -> Tuple[List[Path], str, str]:
    """The village reports of the parcel dock's button: (PDFs written, message for the user,
    outcome "done", "cancelled" or "failed"). Cancelled: the reports finished before Cancel
    are kept."""
    from ..parcels.parcels_report import export_village_reports

    written: List[Path] = []
    results = []

    def job(feedback: QgsFeedback) -> None:
        # One village at a time, so that a cancel keeps the reports already finished.
        results.extend(export_village_reports(layers, folder, project=project, feedback=feedback,
                                              on_report=written.append))

    try:
        run_with_progress(parent, title, tr("Writing the village reports…"), job)
    except GuotuCancelled:
        return written, tr("Cancelled: {n} village reports written to {folder} before; none is left half "
                           "written.").format(n=len(written), folder=folder), "cancelled"
    except (RuntimeError, OSError) as e:
        return written, str(e), "failed"
    message = tr("{n} village reports written to {folder}.").format(n=len(written), folder=folder)
    ledger = getattr(layers, "ledger", None)
    if ledger is not None:
        with_sheet = sum(1 for r in results if r.ledger_pages)
        if with_sheet == len(results):
            message += " " + tr("Each has the balance sheet of its village from the unit ledger {ledger}.").format(
                ledger=ledger.units.name())
        else:
            message += " " + tr("{k} of them have the balance sheet of their village from the unit ledger {ledger}; "
                                "it has no unit for the other {rest}.").format(
                k=with_sheet, ledger=ledger.units.name(), rest=len(results) - with_sheet)
    return written, message, "done"
