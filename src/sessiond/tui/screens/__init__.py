"""The TUI's screens, one module per screen."""
