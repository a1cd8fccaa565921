"""Every role × every desktop operation, checked in the service layer (not only by hiding buttons). The expected
table is written here once; the test prints the observed table so a reviewer can read it in the test output."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from iam_desktop.domain.closure import Outcome
from iam_desktop.domain.errors import PermissionDeniedError
from iam_desktop.domain.roles import Role
from iam_desktop.services.desk import Desk
from iam_desktop.services.settings import Settings
from tests.services.test_cases import AMADOU, FATOU

PASS = {Role.OPERATOR: "operatore 2026 segreto", Role.CENTRAL_MONITOR: "centrale 2026 segreto"}

Operation = Callable[[Desk, str, Path], object]
OPERATIONS: dict[str, Operation] = {
    "view case": lambda d, c, t: d.cases.open(c),
    "search cases": lambda d, c, t: d.cases.search("traor"),
    "intake": lambda d, c, t: d.cases.intake(FATOU),
    "edit case": lambda d, c, t: d.cases.update(c, {**AMADOU, "notes": "aggiornato"}),
    "print intake": lambda d, c, t: d.documents.intake(c, "en", t / "i.pdf"),
    "export cases": lambda d, c, t: d.cases.export(),
    "move step": lambda d, c, t: d.pathway.tick(c, "patto_firmato"),
    "close case": lambda d, c, t: d.pathway.close(c, Outcome.ABBANDONO, on=dt.date.today()),
    "add operator": lambda d, c, t: d.add_operator("nuovo", "Nuovo", Role.OPERATOR, "una passphrase nuova"),
    "desk policy settings": lambda d, c, t: d.update_settings(Settings(auto_lock_minutes=3)),
    "backup": lambda d, c, t: d.backup(t / "b.iambak"),
    "verify audit": lambda d, c, t: d.recent_audit(),
}
ALLOWED = {
    Role.COORDINATOR: set(OPERATIONS),
    Role.OPERATOR: {"view case", "search cases", "intake", "edit case", "print intake", "move step", "verify audit"},
    Role.CENTRAL_MONITOR: {"view case", "search cases", "print intake", "export cases", "verify audit"},
}


def _observe(desk: Desk, role: Role, tmp_path: Path) -> dict[str, bool]:
    case_id = desk.cases.intake(AMADOU)
    if role is not Role.COORDINATOR:
        desk.add_operator(role.value, role.value, role, PASS[role])
        desk.lock()
        desk.unlock(role.value, PASS[role])
    observed = {}
    for name, operation in OPERATIONS.items():
        try:
            operation(desk, case_id, tmp_path)
            observed[name] = True
        except PermissionDeniedError:
            observed[name] = False
    return observed


@pytest.mark.parametrize("role", list(Role))
def test_role_matrix(desk: Desk, tmp_path: Path, role: Role) -> None:
    observed = _observe(desk, role, tmp_path)
    print(f"\n{role.value:16} " + "  ".join(f"{n}={'yes' if ok else 'NO'}" for n, ok in observed.items()))
    assert {n for n, ok in observed.items() if ok} == ALLOWED[role]
