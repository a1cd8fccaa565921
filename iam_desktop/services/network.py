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
from iam_desktop.vault.database import translate_errors
from iam_desktop.vault.merge import dropped_partitions, forget_dropped
from iam_desktop.vault.tables import case_keys

from .catalogue import Catalogue
from .data_rights import DataRights, forget_cached_keys
from .enrolment import Enrolment
from .matching import Matching
from .methodology import Methodology
from .referrals import Referrals
from .sync_client import SyncReport
from .sync_http import Transport
from .sync_repair import PartitionRepair

if TYPE_CHECKING:
    from .desk import Desk

# The run's central key check fetched the directory moments before the network step: that copy is used.
DIRECTORY_FRESH_S = 120.0


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
        self._rebuild_granted_again(transport)  # before anything reads the referrals of such a partition
        self.referrals.settle()  # a transfer's move undone when it ended otherwise, before anything reads meta.desk
        self.catalogue.directory(transport, fresh_s=DIRECTORY_FRESH_S)
        erasures = self.rights.flush(transport)
        catalogue = self.catalogue.publish(transport)
        referrals = self.referrals.deliver(transport)
        if self.referrals.released:
            # The copies given up go with the `revoked` notices, which come after everything written to them
            # before: one more run pulls them now rather than at the next sync.
            self._desk.sync.client(session=session).run_once()
        for case_id in self.referrals.expire_transfers(transport):
            forget_cached_keys(self._desk, case_id)
        return NetworkSyncReport(report, catalogue, referrals, erasures)

    def _rebuild_granted_again(self, transport: Transport) -> list[str]:
        """A partition dropped here (access revoked, a referral over) and granted again since — a case referred
        here again — is rebuilt from the server's whole history: the pull skipped that history as already applied
        (``vault.merge.note_dropped``). Returns the partitions rebuilt."""
        with self._desk.vault.engine.connect() as conn:
            again = sorted(dropped_partitions(conn) & self._keyed_cases())
        for case_id in again:
            PartitionRepair(self._desk, transport).repair(case_id, None)
            with translate_errors(), self._desk.vault.engine.begin() as conn:
                forget_dropped(conn, case_id)
        return again

    def referral_letter(self, referral_id: str, target: Path, language: str = "en") -> Path:
        """Print the referral letter, on either side. The sender (or the receiver of a transfer, which holds the
        case) takes the person's name from the case; the receiver of a housing, job or training referral holds
        only the shared extract, so the letter is printed from it (the name only if the identity was shared)."""
        from iam_desktop.domain.errors import ValidationError
        from iam_desktop.printing.referral_letter import write_referral_letter

        self._desk.require(Permission.PRINT)
        view = next((v for v in self.referrals.all() if v.referral_id == referral_id), None)
        if view is None:
            raise ValidationError("referral", "referral_unknown", value=referral_id[:40])
        names = {d["desk_id"]: d["name"] for d in self.catalogue.directory()}
        if view.incoming and view.extract_id:
            extract = self.referrals.extract(referral_id)
            person_data = extract.sections.get("identity", {}).get("person", {})
            sender = extract.from_name or names.get(view.from_desk, "")
        elif view.incoming and view.extract_id is None and view.purpose != "transfer":
            raise ValidationError("referral", "referral_not_pending")  # an extract already dropped here
        else:
            person_data = self._desk.cases.open(view.case_id).person
            sender = self._desk.profile.desk_name if not view.incoming else names.get(view.from_desk, "")
        given = person_data.get("given_names", [])
        person = " ".join([*given, str(person_data.get("family_name", ""))]).strip()
        opportunity = ""
        if view.opportunity:
            opportunity = self.catalogue.entry(view.opportunity).title
        write_referral_letter(
            target, language=language, desk_name=sender, to_name=names.get(view.to_desk, ""),
            person_name=person, purpose=view.purpose, opportunity=opportunity, share=view.share,
            case_ref=view.case_id[:8], on=date.today(),
        )  # fmt: skip
        return target
