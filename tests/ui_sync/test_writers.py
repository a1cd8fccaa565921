"""Who did what, on the desk's other computer (offscreen, Italian, 1366×768, a real sync server). Operator ids are
local to a computer: the case file, its history and its timeline must name the writer from the stamp each record
carries — never "?" —, and say "un operatore di un altro computer" for a record written before stamps existed."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from iam_desktop.domain.closure import Outcome
from iam_desktop.domain.diary import DiaryEntry, InterventionType
from iam_desktop.domain.roles import Role
from iam_desktop.domain.timeline import TimelineKind
from iam_desktop.domain.writers import STAMP_PREFIX, Writer, make_stamp, stamp_key, writers
from iam_desktop.vault.paths import DataDir
from sync.server.testing import ServerProcess
from tests.sync_client.helpers import desk_devices, person, sync
from tests.ui_sync.conftest import open_unlocked, shoot

MARCO_PASSPHRASE = "la passphrase di marco 2026"
OLD_WRITER = str(uuid.uuid4())  # an operator of another computer, in a record written before stamps


def test_case_file_history_and_timeline_name_the_writer_of_another_computer(
    qtbot, make_shell, server: ServerProcess, tmp_path: Path, screenshot_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    a, b = desk_devices(server, tmp_path)
    a.add_operator("marco", "Marco Rossi", Role.OPERATOR, MARCO_PASSPHRASE)
    a.lock()
    a.unlock("marco", MARCO_PASSPHRASE)
    marco = a.operator.id  # type: ignore[union-attr]
    case_id = a.cases.intake(person(1))
    assert a.cases.update(case_id, person(1, phone="+39 333 111 2222")) == ["phone"]
    today = dt.date.today()
    a.pathway.add_diary(
        case_id,
        DiaryEntry(str(uuid.uuid4()), case_id, InterventionType.COLLOQUIO, today, 30, marco, dt.datetime.now(dt.UTC)),
    )
    # A history entry as this desk's computers wrote them before stamps: an id and nothing else.
    with a.vault.engine.begin() as conn:
        a.records.put(conn, case_id=case_id, kind="history", record_id=str(uuid.uuid4()), payload={
            "at": "2025-01-02T09:00:00+00:00", "operator": OLD_WRITER, "action": "case.update",
            "changes": {"notes": {"from": None, "to": "x"}}})  # fmt: skip
    sync(a)
    sync(b)
    # B's own coordinator closes the case: a local operator keeps their own name.
    b.pathway.close(case_id, Outcome.ABBANDONO, on=today, note="non più raggiungibile")
    b_root = b.vault.data_dir.root
    b.close()

    _shell, window = open_unlocked(qtbot, make_shell, DataDir(b_root))
    cases = window.workspace.cases
    cases.open_case(case_id)
    view = cases.case_file
    qtbot.waitUntil(lambda: view.case is not None and view.case.case_id == case_id)
    assert "da Marco Rossi ·" in view.meta_label.text(), view.meta_label.text()
    who = [view.history.topLevelItem(i).text(1) for i in range(view.history.topLevelItemCount())]
    assert who == ["Marco Rossi", "Marco Rossi", "un operatore di un altro computer"], who  # newest first
    assert "?" not in who
    shoot(qtbot, window, screenshot_dir / "writers-case-file.png")

    timeline = view.pathway_panels["timeline"]
    view.tabs.setCurrentWidget(timeline)
    qtbot.waitUntil(lambda: any(e.kind is TimelineKind.CHIUSURA for e in timeline.events))
    rows = {timeline.tree.topLevelItem(i).text(1): timeline.tree.topLevelItem(i).text(3)
            for i in range(timeline.tree.topLevelItemCount())}  # fmt: skip
    assert rows["Diario"] == "Marco Rossi", rows
    assert rows["Caso chiuso"] == "Anna Prova", rows
    assert timeline.tree.headerItem().text(3) == "Chi"
    shoot(qtbot, window, screenshot_dir / "writers-timeline.png")


def test_a_stamp_from_another_desk_names_the_desk_and_this_computer_keeps_its_own_names() -> None:
    here = {"local-desk", "enrolled-desk"}
    payloads = [
        {"meta": {stamp_key("op-a"): make_stamp("Marco Rossi", "enrolled-desk", "Sportello Val Trompia")}},
        {"operator": "op-b", stamp_key("op-b"): make_stamp("Giulia Neri", "padova", "Sportello Padova")},
        {"operator": "op-c", stamp_key("op-c"): make_stamp("Nome Falso", "padova", "Sportello Padova")},
        {"operator": "op-old"},  # written before stamps
        {stamp_key("op-d"): "not a stamp", STAMP_PREFIX: {"name": ""}},
    ]
    found = writers(payloads, local={"op-c": "Carla Bianchi"}, here=here)
    assert found == {
        "op-a": Writer("Marco Rossi"),  # another computer of this desk: no desk name
        "op-b": Writer("Giulia Neri", "Sportello Padova"),
        "op-c": Writer("Carla Bianchi"),  # this computer's own operator, by their own name
    }


def test_records_written_here_carry_the_writers_stamp(server: ServerProcess, tmp_path: Path) -> None:
    (desk,) = desk_devices(server, tmp_path, devices=1, name="Sportello Stampo")
    case_id = desk.cases.intake(person(2))
    desk.pathway.close(case_id, Outcome.ABBANDONO, note="non più raggiungibile")
    operator = desk.operator.id  # type: ignore[union-attr]
    enrolled = desk.sync.enrolment().state()
    assert enrolled is not None
    with desk.vault.engine.connect() as conn:
        stored = {r.kind: r.payload for r in desk.records.of_case(conn, case_id)}
    expected = make_stamp("Anna Prova", enrolled.desk_id, "Sportello Stampo")
    assert stored["case"]["meta"][stamp_key(operator)] == expected
    assert stored["history"][stamp_key(operator)] == expected
    assert stored["closure"][stamp_key(operator)] == expected
