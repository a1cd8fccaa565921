"""The network as the desk facade offers it (``desk.network``): the shared catalogue, matching, referrals and the
person's data rights, plus the one network sync that ties them to the server — a normal sync run (push, pull),
then, online only, what the plain sync cannot carry: the catalogue key to desks that lack it, the case keys that
pending referrals need (grants to the receiving desk), and the queued server erasures. Offline, every write still
lands in the vault and waits; the next network sync delivers it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import requests
from sqlalchemy import select

from iam_desktop.domain.roles import Permission
from iam_desktop.vault.tables import case_keys

from .catalogue import Catalogue
from .data_rights import DataRights, forget_cached_keys
from .enrolment import Enrolment
from .matching import Matching
from .methodology import Methodology
from .referrals import Referrals
from .sync_client import SyncReport

if TYPE_CHECKING:
    from .desk import Desk


@dataclass(frozen=True)
class NetworkSyncReport:
    sync: SyncReport
    catalogue_grants: int = 0
    referral_grants: int = 0
    erasures: int = 0

    @property
    def ok(self) -> bool:
        return self.sync.ok


class Network:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self.catalogue = Catalogue(desk)
        self.matching = Matching(desk)
        self.referrals = Referrals(desk)
        self.rights = DataRights(desk)
        self.methodology = Methodology(desk)

    def _keyed_cases(self) -> set[str]:
        with self._desk.vault.engine.connect() as conn:
            return set(conn.execute(select(case_keys.c.case_id).distinct()).scalars())

    def sync(self, session: requests.Session | None = None, **options: Any) -> NetworkSyncReport:
        """A sync run followed by the network's own steps (see ``after_sync``)."""
        return self.after_sync(self._desk.sync.client(session=session, **options).run_once(), session)

    def after_sync(self, report: SyncReport, session: requests.Session | None = None) -> NetworkSyncReport:
        """What follows every successful sync run — the background scheduler's, ``sync --once``'s: the desk
        directory, erasures requested here, the catalogue key for new desks, referral grants, transfer expiries."""
        # Erased here by another session or network-wide by this pull: no copy stays in this session's memory.
        cached = {case_id for case_id, _ in self._desk.vault.keyring._case_keys}
        for case_id in cached - self._keyed_cases():
            forget_cached_keys(self._desk, case_id)
        if not report.ok:
            return NetworkSyncReport(report)
        transport = Enrolment(self._desk, session).transport()
        self.catalogue.directory(transport)
        erasures = self.rights.flush(transport)
        catalogue = self.catalogue.publish(transport)
        referrals = self.referrals.deliver(transport)
        for case_id in self.referrals.expire_transfers(transport):
            forget_cached_keys(self._desk, case_id)
        return NetworkSyncReport(report, catalogue, referrals, erasures)

    def referral_letter(self, referral_id: str, target: Path, language: str = "en") -> Path:
        from iam_desktop.printing.referral_letter import write_referral_letter

        self._desk.require(Permission.PRINT)
        view = next((v for v in self.referrals.all() if v.referral_id == referral_id), None)
        if view is None:
            from iam_desktop.domain.errors import ValidationError

            raise ValidationError("referral", "referral_unknown", value=referral_id[:40])
        case = self._desk.cases.open(view.case_id)
        names = {d["desk_id"]: d["name"] for d in self.catalogue.directory()}
        person = " ".join([*case.person.get("given_names", []), case.person.get("family_name", "")]).strip()
        opportunity = ""
        if view.opportunity:
            opportunity = self.catalogue.entry(view.opportunity).title
        write_referral_letter(
            target, language=language, desk_name=self._desk.profile.desk_name, to_name=names.get(view.to_desk, ""),
            person_name=person, purpose=view.purpose, opportunity=opportunity, share=view.share,
            case_ref=view.case_id[:8], on=date.today(),
        )  # fmt: skip
        return target
