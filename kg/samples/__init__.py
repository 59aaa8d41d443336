"""Sample Kamerstukken written for kg, in the style of real ones: the default build input."""
