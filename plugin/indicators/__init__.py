"""Binding plan indicators (约束性指标) per admin unit: measured from land use, compared with
the targets of the higher-level plan, styled and tabled (SPEC §12)."""
