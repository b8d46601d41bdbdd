"""The daemon: scheduled jobs, global hotkeys, idle and sleep detection, systemd glue.

Front-end layer (DESIGN.md "Layers"): it uses the service (`sessiond.sessions`) and meets
the TUI and the CLI only through the store (heartbeats, notifications, events). APScheduler
and pynput are imported here and nowhere else, pynput lazily (it needs an X server at import
time). The job logic takes the instant `now` as an argument so that tests drive it with a
controlled clock; `host` wires it to APScheduler, `main` runs it as a process.
"""
