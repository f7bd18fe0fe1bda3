"""Reporting helpers every feature's report uses: print layouts and PDF export, label and alias
styling, the review state of findings, companion layers of an output."""
