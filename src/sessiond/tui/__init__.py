"""The Textual front end. Only this package (and daemon/) may import Textual."""
