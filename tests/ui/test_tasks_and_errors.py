"""The task runner serialises database work on one thread other than the main one and calls back on the main
thread; the error dialog puts IamErrors into words and logs unexpected ones without their message; the passphrase
reset with the recovery key works from the lock screen."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QThread

from iam_desktop.domain.errors import PermissionDeniedError
from iam_desktop.services.desk import Desk
from iam_desktop.ui.dialogs import PassphraseResetDialog
from iam_desktop.ui.errors import ErrorDialog
from iam_desktop.ui.tasks import TaskRunner

from .conftest import PASSPHRASE


def test_database_work_is_serialised_off_the_main_thread_and_reported_on_it(qtbot):
    runner = TaskRunner()
    main = QThread.currentThread()
    order: list[int] = []
    worker_threads: set[int] = set()
    callbacks_on_main: list[bool] = []

    def work(i: int) -> int:
        worker_threads.add(threading.get_ident())
        order.append(i)
        return i * 2

    results: list[int] = []
    for i in range(20):
        runner.run_database(
            lambda i=i: work(i),
            lambda r: (results.append(r), callbacks_on_main.append(QThread.currentThread() is main)),
        )
    errors: list[BaseException] = []
    runner.run_database(lambda: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: len(results) == 20 and bool(errors), timeout=5000)
    assert order == list(range(20))
    assert results == [i * 2 for i in range(20)]
    assert len(worker_threads) == 1 and threading.get_ident() not in worker_threads
    assert all(callbacks_on_main)
    assert isinstance(errors[0], ZeroDivisionError)
    assert runner.wait_idle()


def test_errors_without_handler_reach_the_fallback(qtbot):
    seen: list[BaseException] = []
    runner = TaskRunner(inline=True, fallback_error=seen.append)
    runner.run_database(lambda: (_ for _ in ()).throw(PermissionDeniedError("backup")))
    assert isinstance(seen[0], PermissionDeniedError)


def test_error_dialog_words_and_log(shown, caplog):
    dialog = ErrorDialog(lambda: "it")
    dialog.show(PermissionDeniedError("backup", permission="backup"))
    assert "ruolo non consente" in shown.messages[-1]
    with caplog.at_level(logging.ERROR, logger="iam_desktop"):
        try:
            raise ValueError("Amina Okafor KFRMNA92C41Z335X")
        except ValueError as exc:
            dialog.show(exc)
    assert shown.messages[-1].startswith("Something went wrong")  # no translator installed in this test
    assert "ValueError" in caplog.text
    assert "Okafor" not in caplog.text and "KFRMNA" not in caplog.text


def test_reset_passphrase_with_recovery_key(qtbot, data_dir):
    desk, recovery_key = Desk.initialise(
        data_dir,
        desk_name="Sportello Padova",
        territory="Padova",
        username="a.neri",
        display_name="Anna Neri",
        passphrase=PASSPHRASE,
    )
    desk.lock()
    dialog = PassphraseResetDialog(desk, TaskRunner(inline=True), ErrorDialog(lambda: "it"), "a.neri")
    qtbot.addWidget(dialog)
    dialog.recovery_edit.setText("AAAA-" + recovery_key[5:])
    dialog.passphrase.passphrase.setText("nuova frase segreta 1")
    dialog.passphrase.confirmation.setText("nuova frase segreta 1")
    dialog.submit()
    assert dialog.recovery_message.text()  # said next to the field (English here: no translator installed)
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.recovery_edit.setText(recovery_key)
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert desk.unlock("a.neri", "nuova frase segreta 1").username == "a.neri"
    desk.close()
