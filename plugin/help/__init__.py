"""The plugin's help: a guide page built from the algorithms' own descriptions."""
