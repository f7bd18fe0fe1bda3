"""Cross-city border conflicts (三下三上): the check, styles, review state and pair reports."""
