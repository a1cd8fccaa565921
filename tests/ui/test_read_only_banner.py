"""The case file of a case this desk transferred to another desk: a read-only banner names the desk and the day,
the edit and refer buttons and the pathway panels (all but the timeline) are disabled, and no attachment can be
added; a case of this desk has none of that. The "refer" dialog: one checkbox per shareable section, pre-filled by
purpose, all ticked and locked for a transfer. Screenshots land in ``screenshot_dir`` to be looked at."""

from __future__ import annotations

import pytest

from iam_desktop.domain.referral import Purpose
from iam_desktop.services.referrals import share_rules
from iam_desktop.ui.i18n import UiLanguage
from iam_desktop.ui.network.propose import ProposeReferralDialog, ReferralChoices

from .cases_data import open_workspace_with_cases

OTHER_DESK = "7d0c8a6e-2f59-4f7e-9f39-3a0d7e1b2c44"


def _transfer_away(desk, case_id: str) -> None:  # type: ignore[no-untyped-def]
    """What an accepted transfer leaves in the sender's copy once synced (meta.desk is the receiver's)."""
    with desk.vault.engine.begin() as conn:
        desk.vault.set_meta(conn, "network.directory",
                            f'[{{"desk_id": "{OTHER_DESK}", "name": "Sportello Reggio Emilia", "kind": "desk", '
                            f'"public_key": null}}]')  # fmt: skip
        desk.cases.set_meta(conn, case_id, desk=OTHER_DESK, transferred_from=desk.profile.desk_id,
                            transferred_at="2026-03-02T10:00:00+00:00")  # fmt: skip


def test_a_transferred_case_shows_the_banner_and_no_edit_action(qtbot, make_shell, prepared_desk, screenshot_dir):  # type: ignore[no-untyped-def]
    shell, window, ids = open_workspace_with_cases(qtbot, make_shell, prepared_desk, 2)
    _transfer_away(shell.desk, ids[0])
    cases = window.workspace.cases
    cases.open_case(ids[0])
    view = cases.case_file
    window.resize(1280, 800)
    assert view.read_only_banner.isVisible()
    text = view.read_only_banner.text()
    assert "trasferito a Sportello Reggio Emilia il 02/03/2026" in text and "solo lettura" in text
    assert not view.edit_button.isEnabled() and not view.refer_button.isEnabled()
    assert not view.attachments.add_button.isEnabled()
    assert all(p.isEnabled() for p in view.pathway_panels.values())  # readable: tests/ui_pathway/test_read_only_case.py
    assert not view.pathway_panels["diary"].new_button.isEnabled()
    assert view.print_button.isEnabled()  # reading and printing stay
    assert view.summary.values["family_name"].text()
    view.grab().save(str(screenshot_dir / "case_file_read_only.png"))

    cases.open_case(ids[1])  # a case of this desk: nothing of the above
    assert not view.read_only_banner.isVisible()
    assert view.edit_button.isEnabled() and view.refer_button.isEnabled()
    assert all(p.isEnabled() for p in view.pathway_panels.values())


@pytest.fixture
def italian(qapp):  # type: ignore[no-untyped-def]
    language = UiLanguage(qapp)
    language.switch("it")
    yield
    language.close()


def test_the_refer_dialog_prefills_the_sections_by_purpose(qtbot, italian, screenshot_dir) -> None:  # type: ignore[no-untyped-def]
    rules = share_rules()
    offer = ReferralChoices([(OTHER_DESK, "Sportello Reggio Emilia"), ("partner:coop", "Cooperativa Brescia")],
                            [("casa-re-1", "housing", "Co-housing Reggio Emilia"),
                             ("lavoro-pd-1", "job", "Saldatore Padova")], rules, False)  # fmt: skip
    dialog = ProposeReferralDialog(offer, "it")
    qtbot.addWidget(dialog)
    dialog.show()
    ticked = lambda: [s for s, b in dialog.boxes.items() if b.isChecked()]  # noqa: E731
    assert list(dialog.boxes) == list(rules.ids())
    assert dialog.boxes["household"].text() == "Nucleo familiare"
    assert ticked() == list(rules.default_for(Purpose.HOUSING))
    assert [dialog.opportunity.itemText(i) for i in range(dialog.opportunity.count())] == [
        "(nessuna)", "Co-housing Reggio Emilia"
    ]  # fmt: skip
    assert not dialog.basis.isEnabled()  # an operator cannot record a lawful basis
    dialog.boxes["contact"].setChecked(False)
    dialog.opportunity.setCurrentIndex(1)
    assert dialog.values() == {
        "to_desk": OTHER_DESK, "purpose": "housing", "opportunity": "casa-re-1",
        "share": [s for s in rules.default_for(Purpose.HOUSING) if s != "contact"], "lawful_basis": "",
    }  # fmt: skip
    dialog.grab().save(str(screenshot_dir / "referral_propose_housing.png"))
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("job"))
    assert ticked() == list(rules.default_for(Purpose.JOB))
    for box in dialog.boxes.values():
        box.setChecked(False)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing to share: refused before the service would
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("transfer"))
    assert ticked() == list(rules.ids()) and not any(b.isEnabled() for b in dialog.boxes.values())
    assert ok.isEnabled() and "intero" in dialog.note.text()
    dialog.grab().save(str(screenshot_dir / "referral_propose_transfer.png"))
