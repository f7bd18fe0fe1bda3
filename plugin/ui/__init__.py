"""Widgets and docks of the plugin (forms in the ui/ folder)."""
