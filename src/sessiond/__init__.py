"""sessiond: the technician's side of a remote-assistance session."""

__version__ = "0.1.0"
