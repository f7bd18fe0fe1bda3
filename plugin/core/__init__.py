"""Plugin logic that does not depend on the GUI: the C binding and the tally runner."""
