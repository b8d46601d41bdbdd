"""Text a PDF page holds but does not show.

A receipt's visible text is checked through text extraction, which reads every string a
page draws, whether a reader can see it or not. A page edited to show something else
while its text layer still states the receipt (a white box drawn over the amount, an
image laid on a line, the amount drawn in white or invisibly, out of the page or clipped
away, in letters a tenth of a point high) passes that check. So the drawing is followed
too, operator by operator, as text extraction walks it (pypdf's visitors), and each run of
text is checked against what is drawn after it and the state it is drawn in.

sessiond draws text and thin lines only. A copy printed by another tool may fill shapes
(a page background, table borders): only what is painted after a text run, over it and
thicker than a line, hides it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from typing import Any

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in the page's default space
Matrix = list[float]  # a, b, c, d, e, f as pypdf gives them

# Why a run of text does not show.
COVERED, INVISIBLE, OUTSIDE, TINY = "covered", "invisible", "outside", "tiny"

# Bounds that keep a hostile page to a second or so: a receipt has about a hundred strings
# and paints nothing, a print of it a few areas (a background, borders).
_MAX_PIECES = 10_000  # strings shown on a page, kept
_MAX_PAINTS = 200  # painted areas kept; past it, the whole page counts as painted over
_THIN = 1.5  # a painted area narrower than this (a rule, a border) hides no letter
_WHITE = 0.95  # a fill at least this light (gray, each RGB part) on a white page
_MIN_HEIGHT = 1.0  # letters lower than this (in points) cannot be read
_MIN_SCALE = 0.2  # letters squeezed narrower than a fifth of their width neither
_PATH_OPS = frozenset({b"m", b"l", b"c", b"v", b"y"})
_FILLS = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_STROKES = frozenset({b"S", b"s"})
_SHOWS = frozenset({b"Tj", b"TJ", b"'", b'"'})


@dataclass(frozen=True)
class Hidden:
    text: str
    why: str  # COVERED, INVISIBLE, OUTSIDE or TINY


@dataclass
class _State:
    fill_white: bool = False
    stroke_white: bool = False
    fill_clear: bool = False  # transparent fill (ExtGState /ca near 0)
    stroke_clear: bool = False
    render: int = 0  # text rendering mode (Tr)
    line_width: float = 1.0
    clip: Box | None = None  # None: the whole page
    font_size: float = 0.0
    two_bytes: bool = False  # the font's codes are two bytes (Type0, CID)
    scale: float = 1.0  # horizontal scaling (Tz / 100): 0.01 squeezes letters to a line
    rise: float = 0.0  # text rise (Ts), in unscaled text space: lifts text off its line


@dataclass
class _Piece:
    """What one text-showing operator draws: where, and whether it shows."""

    index: int
    box: Box
    why: str | None


@dataclass
class Tracker:
    """Follows one page's drawing through pypdf's extract_text visitors."""

    visible: Box  # the page's crop box within its media box
    resources: Any  # the page's /Resources
    runs: list[tuple[str, list[_Piece]]] = field(default_factory=list)
    paints: list[tuple[int, Box]] = field(default_factory=list)
    _state: _State = field(default_factory=_State)
    _saved: list[_State] = field(default_factory=list)
    _path: list[tuple[float, float]] = field(default_factory=list)
    _clip_pending: bool = False
    _index: int = 0
    _depth: int = 0  # inside a form XObject: its paint is its box, counted at its Do
    _pieces: list[_Piece] = field(default_factory=list)  # shown since the last run
    _count: int = 0  # strings shown on the page
    # Painted areas a reader sees on a white page (not white, at least a line thick):
    # images, forms, shadings, and fills or thick strokes in a colour.
    seen_paints: int = 0

    # --- pypdf's visitors ----------------------------------------------------------

    def before(self, op: bytes, args: list[Any], cm: Matrix, tm: Matrix) -> None:
        self._index += 1
        if self._depth:
            if op == b"Do":
                self._depth += 1  # a form in a form: its own Do has its own "after"
            return
        handler = _HANDLERS.get(op)
        if handler is not None:
            # An operator with odd operands draws nothing a viewer shows.
            with suppress(TypeError, ValueError, IndexError, KeyError, AttributeError,
                          ZeroDivisionError, OverflowError):
                handler(self, args, cm, tm)

    def after(self, op: bytes, _args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
        if op == b"Do" and self._depth:
            self._depth -= 1

    def text(self, text: str, *_args: Any) -> None:
        """A run of text pypdf extracted: made of the strings shown since the last."""
        if not text.strip():
            return  # its pieces go with the next run (pypdf reports line ends apart)
        pieces, self._pieces = self._pieces, []
        self.runs.append((text, pieces))

    # --- the verdict ---------------------------------------------------------------

    def hidden(self) -> list[Hidden]:
        found = []
        for text, pieces in self.runs:
            why = next((p.why for p in pieces if p.why is not None), None)
            if why is None and any(index > p.index and _overlap(box, p.box)
                                   for p in pieces for index, box in self.paints):
                why = COVERED
            if why is not None:
                found.append(Hidden(" ".join(text.split()), why))
        return found

    def _shown(self, args: list[Any], cm: Matrix, tm: Matrix) -> None:
        """One string (or TJ array) shown: its box from the text and current matrices,
        as high as the font, 0.55 em a character wide (pypdf gives no widths), moved by
        a TJ array's offsets."""
        if self._count >= _MAX_PIECES:
            return
        self._count += 1
        state = self._state
        fills = state.render in (0, 2, 4, 6) and not (state.fill_white or state.fill_clear)
        strokes = state.render in (1, 2, 5, 6) and not (state.stroke_white
                                                        or state.stroke_clear)
        em = 0.0
        items = args[-1] if args and isinstance(args[-1], list) else args[-1:]
        for item in items:
            if isinstance(item, (int, float)):
                em -= float(item) / 1000
            elif isinstance(item, (str, bytes)):
                raw = (item.get_original_bytes() if hasattr(item, "get_original_bytes")
                       else item if isinstance(item, bytes)
                       else item.encode("latin-1", "replace"))
                em += 0.55 * len(raw) / (2 if state.two_bytes else 1)
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        x, y = _apply(cm, tm[4] + state.rise * tm[2], tm[5] + state.rise * tm[3])
        size = abs(state.font_size)
        height = size * (math.hypot(c, d) or 1.0)
        width = size * em * (math.hypot(a, b) or 1.0) * state.scale
        box = (min(x, x + width), y - 0.2 * height, max(x, x + width), y + 0.8 * height)
        # Whether it fits is asked of its narrowest likely width (0.3 em a character: a
        # long line of narrow letters ends well before 0.55 em a character would).
        narrow = x + width * 0.3 / 0.55
        within = (min(x, narrow), box[1], max(x, narrow), box[3])
        why = (INVISIBLE if not (fills or strokes)
               else TINY if height < _MIN_HEIGHT or abs(state.scale) < _MIN_SCALE
               else OUTSIDE if not self._inside(within) else None)
        self._pieces.append(_Piece(self._index, box, why))

    # --- state ---------------------------------------------------------------------

    def _inside(self, box: Box) -> bool:
        """Whether a string drawn in `box` lies within what is shown of the page (its
        crop box and the clip)."""
        for area in (self.visible, self._state.clip):
            if area is not None and not (
                    area[0] - 2 <= box[0] and box[2] <= area[2] + 2
                    and area[1] - 2 <= box[1] and box[3] <= area[3] + 2):
                return False
        return True

    def _paint(self, box: Box, *, white: bool = False) -> None:
        clip = self._state.clip
        if clip is not None:
            box = (max(box[0], clip[0]), max(box[1], clip[1]),
                   min(box[2], clip[2]), min(box[3], clip[3]))
        if min(box[2] - box[0], box[3] - box[1]) < _THIN:
            return
        self.seen_paints += not white
        if len(self.paints) < _MAX_PAINTS:
            self.paints.append((self._index, box))
        elif len(self.paints) == _MAX_PAINTS:
            self.paints.append((self._index, self.visible))

    def _path_box(self) -> Box | None:
        if not self._path:
            return None
        xs, ys = [p[0] for p in self._path], [p[1] for p in self._path]
        return min(xs), min(ys), max(xs), max(ys)

    def _end_path(self) -> None:
        if self._clip_pending:
            box = self._path_box()
            if box is not None:
                clip = self._state.clip or self.visible
                self._state.clip = (max(box[0], clip[0]), max(box[1], clip[1]),
                                    min(box[2], clip[2]), min(box[3], clip[3]))
        self._clip_pending = False
        self._path = []


def _apply(cm: Matrix, x: float, y: float) -> tuple[float, float]:
    return cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5]


def _scale(cm: Matrix) -> float:
    return math.sqrt(abs(cm[0] * cm[3] - cm[1] * cm[2])) or 1.0


def _numbers(args: list[Any]) -> list[float]:
    return [float(a) for a in args if isinstance(a, (int, float))]


def _white(values: list[float]) -> bool | None:
    """Whether a colour given as gray, RGB or CMYK parts is white; None when it is of
    another space (a pattern, a named colour): taken as shown."""
    if len(values) in (1, 3):
        return all(v >= _WHITE for v in values)
    if len(values) == 4:
        return all(v <= 1 - _WHITE for v in values)
    return None


def _box_of(cm: Matrix, x0: float, y0: float, x1: float, y1: float) -> Box:
    corners = [_apply(cm, x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _resource(resources: Any, kind: str, name: Any) -> Any:
    try:
        entries = resources[kind].get_object()
        return entries[name].get_object()
    except (KeyError, TypeError, AttributeError, IndexError):
        return None


# --- operators -------------------------------------------------------------------------

def _q(t: Tracker, _args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    if len(t._saved) < 1000:
        t._saved.append(replace(t._state))


def _restore(t: Tracker, _args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    if t._saved:
        t._state = t._saved.pop()


def _move(t: Tracker, args: list[Any], cm: Matrix, _tm: Matrix) -> None:
    values = _numbers(args)
    for x, y in zip(values[0::2], values[1::2], strict=False):
        if len(t._path) < 100_000:
            t._path.append(_apply(cm, x, y))


def _rect(t: Tracker, args: list[Any], cm: Matrix, _tm: Matrix) -> None:
    x, y, w, h = _numbers(args)[:4]
    box = _box_of(cm, x, y, x + w, y + h)
    t._path += [(box[0], box[1]), (box[2], box[3])]


def _clip(t: Tracker, _args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    t._clip_pending = True


def _fill(t: Tracker, _args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    box = t._path_box()
    if box is not None and not t._state.fill_clear:
        # of any colour: white on a white page hides what it is over too
        t._paint(box, white=t._state.fill_white)
    t._end_path()


def _stroke(t: Tracker, _args: list[Any], cm: Matrix, _tm: Matrix) -> None:
    box = t._path_box()
    half = t._state.line_width * _scale(cm) / 2
    if box is not None and not t._state.stroke_clear and half * 2 >= _THIN:
        t._paint((box[0] - half, box[1] - half, box[2] + half, box[3] + half),
                 white=t._state.stroke_white)
    t._end_path()


def _discard(t: Tracker, _args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    t._end_path()


def _width(t: Tracker, args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    t._state.line_width = abs(_numbers(args)[0])


def _gray(t: Tracker, args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    t._state.fill_white = bool(_white(_numbers(args)))


def _stroke_gray(t: Tracker, args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    t._state.stroke_white = bool(_white(_numbers(args)))


def _space(t: Tracker, _args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    t._state.fill_white = False  # a new colour space starts black


def _stroke_space(t: Tracker, _args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    t._state.stroke_white = False


def _render(t: Tracker, args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    t._state.render = int(_numbers(args)[0])


def _graphics_state(t: Tracker, args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    state = _resource(t.resources, "/ExtGState", args[0])
    if state is None:
        return
    if "/ca" in state:
        t._state.fill_clear = float(state["/ca"]) < 0.1
    if "/CA" in state:
        t._state.stroke_clear = float(state["/CA"]) < 0.1


def _show(t: Tracker, args: list[Any], cm: Matrix, tm: Matrix) -> None:
    t._shown(args, cm, tm)


def _scaling(t: Tracker, args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    t._state.scale = _numbers(args)[0] / 100


def _rise(t: Tracker, args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    t._state.rise = _numbers(args)[0]


def _font(t: Tracker, args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    t._state.font_size = _numbers(args)[-1]
    font = _resource(t.resources, "/Font", args[0])
    t._state.two_bytes = font is not None and font.get("/Subtype") == "/Type0"


def _xobject(t: Tracker, args: list[Any], cm: Matrix, _tm: Matrix) -> None:
    xobject = _resource(t.resources, "/XObject", args[0])
    if xobject is None:
        return
    if xobject.get("/Subtype") == "/Form":
        t._depth = 1
        bbox = [float(v) for v in xobject.get("/BBox") or (0, 0, 0, 0)]
        matrix = [float(v) for v in xobject.get("/Matrix") or (1, 0, 0, 1, 0, 0)]
        a, b, c, d, e, f = matrix
        combined = [a * cm[0] + b * cm[2], a * cm[1] + b * cm[3],
                    c * cm[0] + d * cm[2], c * cm[1] + d * cm[3],
                    e * cm[0] + f * cm[2] + cm[4], e * cm[1] + f * cm[3] + cm[5]]
        t._paint(_box_of(combined, *bbox[:4]))
    else:
        t._paint(_box_of(cm, 0, 0, 1, 1))


def _image(t: Tracker, _args: list[Any], cm: Matrix, _tm: Matrix) -> None:
    t._paint(_box_of(cm, 0, 0, 1, 1))


def _shading(t: Tracker, _args: list[Any], _cm: Matrix, _tm: Matrix) -> None:
    t._paint(t._state.clip or t.visible)


_HANDLERS: dict[bytes, Callable[[Tracker, list[Any], Matrix, Matrix], None]] = {
    b"q": _q, b"Q": _restore, b"re": _rect, b"W": _clip, b"W*": _clip, b"n": _discard,
    b"w": _width, b"g": _gray, b"rg": _gray, b"k": _gray, b"sc": _gray, b"scn": _gray,
    b"G": _stroke_gray, b"RG": _stroke_gray, b"K": _stroke_gray, b"SC": _stroke_gray,
    b"SCN": _stroke_gray, b"cs": _space, b"CS": _stroke_space, b"Tr": _render,
    b"Tf": _font, b"Tz": _scaling, b"Ts": _rise, b"gs": _graphics_state, b"Do": _xobject,
    b"INLINE IMAGE": _image, b"BI": _image, b"sh": _shading,
    **dict.fromkeys(_PATH_OPS, _move), **dict.fromkeys(_FILLS, _fill),
    **dict.fromkeys(_STROKES, _stroke), **dict.fromkeys(_SHOWS, _show),
}


def visible_box(page: Any) -> Box:
    """What a viewer shows of `page`: its crop box, within its media box."""
    try:
        media = [float(v) for v in page.mediabox]
        crop = [float(v) for v in page.cropbox]
    except (TypeError, ValueError, KeyError, AttributeError):
        return (-math.inf, -math.inf, math.inf, math.inf)
    m = (min(media[0], media[2]), min(media[1], media[3]), max(media[0], media[2]),
         max(media[1], media[3]))
    c = (min(crop[0], crop[2]), min(crop[1], crop[3]), max(crop[0], crop[2]),
         max(crop[1], crop[3]))
    return max(m[0], c[0]), max(m[1], c[1]), min(m[2], c[2]), min(m[3], c[3])
