"""Where sessiond's directories are, as plain strings (config.Paths wraps them in Path).

Everything lives under `$SESSIOND_HOME` when it is set (tests, demos); otherwise the data
goes to the XDG data directory and the settings to the XDG config directory. `sessiond
status` finds its files from here without importing pathlib (with urllib.parse and
ipaddress, a tenth of its start-up).
"""

from __future__ import annotations

import os
import sys

APP = "sessiond"
DATABASE = "sessiond.sqlite3"  # in the data directory
CONFIG_FILE = "config.toml"  # in the config directory


def roots() -> tuple[str, str]:
    """The data directory and the config directory."""
    home = os.environ.get("SESSIOND_HOME")
    if home:
        root = os.path.expanduser(home)
        return root, root
    if sys.platform == "linux":
        return _xdg_dir("XDG_DATA_HOME", ".local/share"), _xdg_dir("XDG_CONFIG_HOME", ".config")
    import platformdirs

    return platformdirs.user_data_dir(APP), platformdirs.user_config_dir(APP)


def _xdg_dir(variable: str, under_home: str) -> str:
    """sessiond's directory in the XDG base directory `variable` names when it is absolute,
    else in `under_home` of the home directory (an absolute $HOME, else the account's):
    platformdirs' answer on Linux, without importing it (with tempfile and shutil, a fifth
    of every command's start-up). tests/unit/test_config.py checks the two agree."""
    base = os.environ.get(variable, "")
    if not os.path.isabs(base):
        home = os.environ.get("HOME", "")
        if not os.path.isabs(home):
            import pwd

            home = pwd.getpwuid(os.getuid()).pw_dir
        base = f"{home.rstrip('/')}/{under_home}"
    return os.path.join(base, APP)
