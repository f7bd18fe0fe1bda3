"""Processing provider of the plugin: one algorithm per module."""
