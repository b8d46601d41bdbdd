"""Reading a file a user names, within bounds; writing a private file atomically.

Files given to sessiond (a receipt or an export to verify, a policy, config.toml) may be
anything: a FIFO that never ends, /dev/zero, a 60 MB file renamed `.pdf`. They are read
only if they are regular files, and only up to a size no genuine file of that kind
reaches; the file is opened non-blocking, so a FIFO is refused instead of waiting for a
writer.
"""

from __future__ import annotations

import errno
import os
import stat

from sessiond.errors import InputError, system_problem
from sessiond.i18n import _

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:  # `sessiond status` reads its own files (read_own) without pathlib
    from pathlib import Path
    from typing import Any

MB = 1024 * 1024
# A receipt is some 100 kB; an export covers at most three years (exports.export.MAX_DAYS),
# a few MB of CSV or JSON for the busiest technician.
DOCUMENT_LIMIT = 16 * MB


def read_regular(path: Path, limit: int, *, missing_ok: bool = False) -> bytes | None:
    """The bytes of the regular file `path` if it holds at most `limit` bytes.

    InputError for anything else (missing unless `missing_ok`, which returns None; a
    directory, FIFO, socket or device; too large; unreadable).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if missing_ok:
            return None
        raise InputError(_("{path}: no such file.", path=path)) from None
    except (OSError, ValueError) as e:  # ValueError: a NUL byte in the name
        raise InputError(_("{path}: cannot be read ({problem}).", path=path,
                           problem=system_problem(e) if isinstance(e, OSError) else e)) from e
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(_("{path} is not a regular file (a directory, a pipe or a "
                               "device): give the file itself.", path=path))
        if st.st_size > limit:
            raise InputError(_("{path} is too large ({size}; at most {limit}): it is not a "
                               "file sessiond wrote.", path=path,
                               size=size_text(st.st_size), limit=size_text(limit)))
        data = _read_bounded(fd, limit)  # the file may grow while it is read
        if len(data) > limit:
            raise InputError(_("{path} is too large (at most {limit}): it is not a file "
                               "sessiond wrote.", path=path, limit=size_text(limit)))
        return data
    except OSError as e:
        raise InputError(_("{path}: cannot be read ({problem}).", path=path,
                           problem=system_problem(e))) from e
    finally:
        os.close(fd)


def read_own(path: str | os.PathLike[str], limit: int) -> bytes | None:
    """What one of sessiond's own small files in its directories holds (a key, the
    daemon's pid and status, a damage mark), read on a command's way: None when there is
    none, b"" when the name is no regular file (a directory, a FIFO, a device, a link to
    one), at most `limit` + 1 bytes of a larger one (the caller sees it is too large);
    OSError when it cannot be read (no permission).

    Opened non-blocking, so a FIFO put in its place is never waited on, and bounded, so a
    link to /dev/zero or a file grown huge is never read to the end: `sessiond status`
    hung on a daemon.lock that was a FIFO, as it would on config.toml (read_regular)."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return _read_bounded(fd, limit)
    finally:
        os.close(fd)


def _read_bounded(fd: int, limit: int) -> bytes:
    """At most `limit` + 1 bytes of `fd`: one more than allowed says it is too large."""
    chunks, left = [], limit + 1
    while left > 0:
        chunk = os.read(fd, min(left, MB))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


# A TOML key of more parts than this is refused before tomllib reads it: tomllib takes
# time in the square of a key's parts (a config.toml of 40 kB holding one key of 20,000
# parts, `a.a.a...`, took 24 s to read, one of 1 MB would take hours, on every command).
# sessiond's own keys have three parts at most (rules.ID.level).
TOML_KEY_PARTS = 16
# A key's parts as TOML writes them (bare, "basic" or 'literal'), each with its dot, as
# many as make a key too long; a bare part is looked for from its first character only,
# and nothing is given back once matched (possessive), so the search is linear on any text.
_LONG_KEY = (r"(?:(?:(?<![A-Za-z0-9_-])[A-Za-z0-9_-]++|\"(?:[^\"\\\n]|\\.)*+\"|'[^'\n]*+')"
             rf"[ \t]*+\.[ \t]*+){{{TOML_KEY_PARTS}}}")


def parse_toml(data: bytes, path: Path) -> dict[str, Any]:
    """The TOML document in `data`, the bytes of the file `path` (config.toml, a policy),
    read as every TOML file sessiond reads is: UTF-8 with or without the byte order mark
    Windows' Notepad writes; InputError naming the file for anything else, never tomllib's
    own exception (a number of 5000 digits raised a ValueError that ended every command
    with an internal error) nor a wait of minutes (a key of thousands of parts)."""
    import re
    import tomllib  # only when there is a file: its import costs a CLI call ~10 ms

    from sessiond.errors import toml_problem

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(_("{path} is not UTF-8 text (byte {position}): save it as UTF-8.",
                           path=path, position=e.start)) from e
    long_key = re.search(_LONG_KEY, text)
    if long_key is not None:
        raise InputError(_("{path}: a key of more than {limit} parts (line {line}): "
                           "sessiond's keys have three at most.", path=path,
                           limit=TOML_KEY_PARTS,
                           line=text.count("\n", 0, long_key.start()) + 1))
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise InputError(_("{path} is not valid TOML: {problem}", path=path,
                           problem=toml_problem(e))) from e
    except RecursionError as e:  # tomllib recurses once per level of nesting
        raise InputError(_("{path}: values are nested too deeply.", path=path)) from e
    except ValueError as e:  # int(): more digits than Python converts (4300)
        raise InputError(_("{path} is not valid TOML: {problem}", path=path,
                           problem=_("a whole number far too long (TOML's have 19 digits "
                                     "at most)"))) from e


def size_text(size: int) -> str:
    """A size to a tenth with its unit, as the interface writes numbers: megabytes from
    one ("1,9 Mo", "2 Mo"), kilobytes below ("9,8 ko", "4 ko"; a passphrase's limit was
    "0 Mo")."""
    from sessiond.i18n import number

    unit, message = (MB, _("{n} MB")) if size >= MB else (1024, _("{n} kB"))
    return message.format(n=number(size / unit, 1).rstrip("0").rstrip(".,"))


def make_dirs(path: Path) -> Path:
    """`path` as a directory: made if missing, with its missing parents, each 0700
    whatever the umask (mkdir's `parents=True` makes the parents with the umask's mode,
    0777 under umask 000: a folder others could write documents into). One that exists is
    left as it is, the technician's choice. One that cannot be made (a file in the way,
    no permission) is an InputError naming it, never an OSError that ends the terminal
    interface; so is a file of that name (documents written "into" notes.txt replaced
    it)."""
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    try:
        for directory in reversed(missing):  # 0700: the umask only takes bits away
            directory.mkdir(mode=0o700, exist_ok=True)  # another process may make it
        if not path.is_dir():
            raise FileExistsError(errno.EEXIST, "not a directory", str(path))
    except (OSError, ValueError) as e:  # ValueError: a NUL in the name
        problem = system_problem(e) if isinstance(e, OSError) else str(e)
        raise InputError(_("Cannot make the folder {path}: {problem}.", path=path,
                           problem=problem)) from e
    return path


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> Path:
    """Write `path` readable by the owner only (0600; `mode` for what others must read, a
    systemd unit), through a temporary file in the same directory then a rename: a
    failure (a full disk) leaves neither a partial file nor a temporary one. The
    directory must exist."""
    tmp, fd = _new_temporary(path)
    try:
        os.fchmod(fd, mode)  # O_CREAT honours the umask only
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    return path


def _new_temporary(path: Path) -> tuple[Path, int]:
    """A new file beside `path` (".NAME.RANDOM.tmp"), open for writing, that nobody could
    have prepared: the directory may be one others write to (a shared folder), and a
    symbolic link planted at a name known in advance would have had the document
    written over the file it points at. O_EXCL makes the file new, O_NOFOLLOW refuses a
    link even so, the random name makes a collision a mere retry."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for _attempt in range(100):
        tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
        try:
            return tmp, os.open(tmp, flags, 0o600)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no new temporary file name", str(path.parent))
