"""bench.generate: copies of a period written through the service make a log that verifies,
reads back, and looks like the period it copies (the figure scripts in bench/ rely on it)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bench import generate as gen

from sessiond.config import Paths
from sessiond.sessions import Sessiond


@pytest.fixture
def svc(tmp_path: Path) -> Sessiond:
    service = Sessiond(Paths(data=tmp_path / "data", config=tmp_path / "data"))
    yield service
    service.close()


def test_copies_verify_read_back_and_follow_each_other(
        svc: Sessiond, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gen, "TEMPLATE", 4)
    monkeypatch.setattr(gen, "_BATCH", 7)  # copies span several transactions
    ids = gen.generate(svc, 10, 30)
    assert len(ids) == len(set(ids)) == 10 == len(svc.store.session_ids())
    report = svc.verify()
    assert report.ok, report.problems[:3]
    assert report.checkpoints == 10  # one per stop, as the service signs them
    sessions = svc.sessions()
    assert [s.id for s in sessions] == ids and all(s.stopped_at for s in sessions)
    planned = [s.planned_at for s in sessions]
    assert planned == sorted(planned)  # each copy later than the one before
    kinds = Counter(e.kind for e in svc.events())
    assert kinds["session-stopped"] == kinds["check-completed"] == 10
    clients = svc.clients()
    assert len({c.id for c in clients}) == len(clients)
    assert all(c.name and c.name.startswith("Client ") for c in clients)  # sealed again
    notes = [e for e in svc.events() if e.kind == "note-added"]
    assert {n.personal["text"] for n in notes if n.personal} == {
        "Pilote réinstallé, test d'impression correct"}
    for s in sessions:  # a session's events stay within its own copy's period
        assert all(abs((e.at - s.planned_at).days) < 2 for e in s.events)


def test_a_small_log_goes_through_the_service_alone(
        svc: Sessiond, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gen, "TEMPLATE", 4)
    ids = gen.generate(svc, 3, 5)
    assert len(ids) == 3 and svc.verify().ok
    recorded = [e.recorded_at for e in svc.events()]
    assert max(recorded) - min(recorded) < (max(e.at for e in svc.events())
                                            - min(e.at for e in svc.events()))
