"""Synthetic people for the case views' tests and screenshots (invented names, valid codes), and a helper that
opens the workspace on a desk holding them."""

from __future__ import annotations

from datetime import date, timedelta

from .test_lock import open_lock_screen, select_coordinator, unlock

FAMILY = ["Okafor", "Hassan", "Diallo", "Gebremedhin", "Rahimi", "Traoré", "Mensah", "Bangura", "Kamara", "Haile",
          "Ndiaye", "Sow", "Osman", "Yusuf", "Conteh", "Abebe", "Sesay", "Jalloh", "Koroma", "Barry"]  # fmt: skip
GIVEN = ["Amina", "Mohammed Abdi", "Fatoumata", "Tesfay", "Ahmad", "Amadou", "Kwame", "Mariama", "Ibrahim", "Selam"]


def person(n: int, today: date) -> dict:
    """The n-th synthetic person; every third one has a permit, some expiring soon or already expired."""
    data: dict = {
        "family_name": FAMILY[n % len(FAMILY)],
        "given_names": GIVEN[(n * 7) % len(GIVEN)].split(),
        "sex": "F" if n % 2 else "M",
        "birth_date": f"{1975 + n % 25}",
        "birth_country": ["NG", "SO", "GN", "ER", "AF", "ML", "GH", "SL"][n % 8],
        "languages": [["en"], ["so", "ar"], ["fr"], ["ti"], ["fa"], ["bm", "fr"], ["en"], ["en"]][n % 8],
        "phone": f"+39 3{n % 10}0 555 {1000 + n:04d}",
    }
    if n % 3 == 0:
        expires = today + timedelta(days=[-12, 20, 45, 200, 400][n % 5])
        data["protection_status"] = "protezione_sussidiaria"
        issued = expires - timedelta(days=5 * 365)
        data["permit"] = {"type": "protezione_sussidiaria", "number": f"I{n:08d}", "questura": "Brescia",
                          "issued": issued.isoformat(), "expires": expires.isoformat()}  # fmt: skip
    return data


def open_workspace_with_cases(qtbot, make_shell, data_dir, count: int):
    shell, window = open_lock_screen(qtbot, make_shell, data_dir)
    select_coordinator(window)
    unlock(qtbot, window)
    today = date.today()
    ids = [shell.desk.cases.intake(person(n, today)) for n in range(count)]
    window.workspace.cases.reload()
    window.workspace.agenda.reload()
    qtbot.waitUntil(lambda: window.workspace.cases.model.rowCount() == count)
    return shell, window, ids
