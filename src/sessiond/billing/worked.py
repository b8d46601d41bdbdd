"""Worked time: the spans when the clock ran, minus what the technician said was not work.

Durations come from UTC instants, never from wall-clock arithmetic, so a session across a
DST change or midnight is measured right. Pauses are already outside the running spans;
spans the daemon could not see (idle, suspend, a crash) and that the technician reviewed
as "paused" (`span-reviewed` events) are cut out of them too. When one span was reviewed
twice, the later decision wins: a correcting event, as everywhere else in the log.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sessiond import clock
from sessiond.model import Session

Span = tuple[datetime, datetime]
SECOND = timedelta(seconds=1)


def running_spans(session: Session, now: datetime) -> list[Span]:
    """The spans when the clock ran; an open one ends `now` (and never before it began)."""
    spans = []
    for interval in session.running:
        end = interval.end if interval.end is not None else now
        if end > interval.start:
            spans.append((interval.start, end))
    return spans


def reviewed_pauses(session: Session) -> list[Span]:
    """Spans reviewed as not worked, merged so that an overlap is not subtracted twice."""
    decisions: dict[Span, str] = {}
    for event in session.events:
        if event.kind != "span-reviewed":
            continue
        body = event.body
        span = (clock.from_text(body["start"]), clock.from_text(body["end"]))
        decisions.pop(span, None)  # re-insert so the latest decision keeps its place
        decisions[span] = body["decision"]
    paused = sorted(s for s, d in decisions.items() if d == "paused" and s[1] > s[0])
    merged: list[Span] = []
    for start, end in paused:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def worked_spans(session: Session, now: datetime) -> list[Span]:
    """The spans worked: those the clock ran, with the reviewed pauses cut out of them
    (what `worked_seconds` adds up), in order."""
    spans = running_spans(session, now)
    for p_start, p_end in reviewed_pauses(session):
        cut: list[Span] = []
        for start, end in spans:
            if p_end <= start or end <= p_start:
                cut.append((start, end))
                continue
            if start < p_start:
                cut.append((start, p_start))
            if p_end < end:
                cut.append((p_end, end))
        spans = cut
    return spans


def worked_seconds(session: Session, now: datetime) -> int:
    """Whole seconds worked so far: running spans minus reviewed pauses."""
    pauses = reviewed_pauses(session)
    total = timedelta(0)
    for start, end in running_spans(session, now):
        total += end - start
        for p_start, p_end in pauses:
            overlap = min(end, p_end) - max(start, p_start)
            if overlap > timedelta(0):
                total -= overlap
    return max(0, total // SECOND)
