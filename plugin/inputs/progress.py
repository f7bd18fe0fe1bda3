"""One QgsFeedback progress bar shared by the successive phases of a run
(zones, mask, prepare, land use, finish) and by the core's own reports.

A run made of several tallies (the voucher account) gives each tally a
``span`` of the bar, inside which the tally's phases are laid out as usual.
"""

from typing import Optional, Tuple

from qgis.core import QgsFeedback

from ..binding.errors import GuotuCancelled


class PhasedProgress:
    """Maps a fraction of the current phase onto its share of 0–100 %
    (of ``span``, when the run is one part of a longer one)."""

    def __init__(self, feedback: Optional[QgsFeedback], span: Tuple[float, float] = (0.0, 100.0)) -> None:
        self.feedback = feedback if feedback is not None else QgsFeedback()
        self._span = span
        self._start, self._end = span
        self._fraction = 0.0
        self._last = -1.0

    def phase(self, start: float, end: float) -> None:
        low, high = self._span
        scale = (high - low) / 100.0
        self._start, self._end = low + start * scale, low + end * scale
        self._fraction = 0.0
        self.report(0.0)

    def report(self, fraction: float) -> None:
        # Both the Python loop and the core report within a phase, and the core
        # says 0 when it does not know the total: never move the bar backwards.
        self._fraction = max(self._fraction, min(1.0, fraction))
        percent = self._start + self._fraction * (self._end - self._start)
        # Per-feature loops call this constantly; a signal per 0.1 % is plenty
        # (feedback signals cross threads when the algorithm runs in a task).
        if abs(percent - self._last) >= 0.1:
            self._last = percent
            self.feedback.setProgress(percent)

    def check_cancel(self) -> None:
        if self.feedback.isCanceled():
            raise GuotuCancelled()

    def native_callback(self, fraction: float, _message: Optional[str]) -> bool:
        """Progress callback for native.Context: True asks the core to stop."""
        self.report(fraction)
        return self.feedback.isCanceled()
