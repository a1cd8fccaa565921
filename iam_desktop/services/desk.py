"""The one facade the UI and the CLI use (as Anki's Collection): a desk's vault opened on a data directory, the
session of the operator who unlocked it, and the use cases of the foundation — operators, settings, drafts of
unsaved forms, audit, backup —, with cases (``desk.cases``), the pathway and the other use cases one attribute away.
Permissions are checked here, on every call, not only by hiding buttons. Every write returns the :class:`Changes`
it made, so views refresh from one signal and decide themselves.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iam_desktop import __version__
from iam_desktop.domain.errors import LockedError, PermissionDeniedError, ValidationError
from iam_desktop.domain.roles import Permission, Role, allows
from iam_desktop.vault import audit
from iam_desktop.vault import backup as backups
from iam_desktop.vault.crypto import KdfParams
from iam_desktop.vault.database import integrity_check, translate_errors
from iam_desktop.vault.paths import DataDir, resolve_data_dir
from iam_desktop.vault.records import RecordStore
from iam_desktop.vault.vault import DeskProfile, OperatorInfo, Vault

from .cases import CaseBook
from .pathway import PathwayBook, load_ladder
from .settings import Settings

if TYPE_CHECKING:
    from .documents import Documents
    from .monitoring import Monitoring
    from .network import Network
    from .sync_desk import DeskSync

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Changes:
    """What a write changed; views refresh on the parts they show."""

    cases: bool = False
    operators: bool = False
    settings: bool = False
    session: bool = False


class Desk:
    """A desk's vault and the operator session on it."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._records = RecordStore(vault)
        self._operator: OperatorInfo | None = None
        self.cases = CaseBook(self)
        self.pathway = PathwayBook(self)

    @property
    def vault(self) -> Vault:
        """For the use-case modules of this package (cases, printing …), not for the UI."""
        return self._vault

    @property
    def records(self) -> RecordStore:
        return self._records

    # The use cases below pull in reportlab, requests and pydantic: imported on first use, so the lock screen
    # appears without them (start-up budget, bench/startup.py).

    @cached_property
    def documents(self) -> Documents:
        from .documents import Documents

        return Documents(self)

    @cached_property
    def sync(self) -> DeskSync:
        from .sync_desk import DeskSync

        return DeskSync(self)

    @cached_property
    def monitoring(self) -> Monitoring:
        from .monitoring import Monitoring

        return Monitoring(self)

    @cached_property
    def network(self) -> Network:
        from .network import Network

        return Network(self)

    # -- opening -------------------------------------------------------------------------------------------

    @staticmethod
    def data_dir(explicit: str | Path | None = None) -> DataDir:
        return DataDir(resolve_data_dir(explicit))

    @staticmethod
    def is_initialised(data_dir: DataDir) -> bool:
        return Vault.exists(data_dir)

    @classmethod
    def open(cls, data_dir: DataDir) -> Desk:
        # A broken ladder stops the desk from opening, with the file and line named, never silently.
        load_ladder()
        return cls(Vault.open(data_dir))

    @classmethod
    def initialise(
        cls,
        data_dir: DataDir,
        *,
        desk_name: str,
        territory: str,
        username: str,
        display_name: str,
        passphrase: str,
        kdf: KdfParams | None = None,
    ) -> tuple[Desk, str]:
        """Create the desk and its first coordinator, already unlocked. Returns the desk and the recovery key."""
        vault, recovery = Vault.create(
            data_dir,
            desk_name=desk_name,
            territory=territory,
            username=username,
            display_name=display_name,
            passphrase=passphrase,
            kdf=kdf,
        )
        desk = cls(vault)
        desk._operator = next(op for op in vault.operators() if op.username == username)
        with translate_errors(), vault.engine.begin() as conn:
            audit.append(conn, operator_id=desk._operator.id, action="desk.initialise")
        log.info("desk initialised: vault %s", vault.profile().vault_id)
        return desk, recovery

    def close(self) -> None:
        self._operator = None
        self._vault.close()

    # -- session -------------------------------------------------------------------------------------------

    @property
    def profile(self) -> DeskProfile:
        return self._vault.profile()

    @property
    def operator(self) -> OperatorInfo | None:
        return self._operator

    @property
    def unlocked(self) -> bool:
        return self._operator is not None and self._vault.unlocked

    def operators(self) -> list[OperatorInfo]:
        return self._vault.operators()

    def retry_after(self, username: str) -> float:
        return self._vault.retry_after(username)

    def unlock(self, username: str, passphrase: str) -> OperatorInfo:
        try:
            operator = self._vault.unlock(username, passphrase)
        except Exception:
            with translate_errors(), self._vault.engine.begin() as conn:
                audit.append(conn, operator_id=None, action="session.unlock_failed")
            raise
        self._operator = operator
        with translate_errors(), self._vault.engine.begin() as conn:
            audit.append(conn, operator_id=operator.id, action="session.unlock")
        log.info("unlocked by operator %s", operator.id)
        return operator

    def lock(self) -> Changes:
        if self._operator is not None:
            with translate_errors(), self._vault.engine.begin() as conn:
                audit.append(conn, operator_id=self._operator.id, action="session.lock")
        self._vault.lock()
        self.cases.forget()
        if "monitoring" in self.__dict__:  # only if it was ever used: no import just to forget nothing
            self.monitoring.forget()
        self._operator = None
        log.info("locked")
        return Changes(session=True)

    def require(self, permission: Permission) -> OperatorInfo:
        if self._operator is None or not self._vault.unlocked:
            raise LockedError("vault is locked")
        if not allows(self._operator.role, permission):
            raise PermissionDeniedError(permission.value, permission=permission.value)
        return self._operator

    def can(self, permission: Permission) -> bool:
        return self._operator is not None and allows(self._operator.role, permission)

    # -- operators -----------------------------------------------------------------------------------------

    def add_operator(self, username: str, display_name: str, role: Role, passphrase: str) -> Changes:
        actor = self.require(Permission.MANAGE_OPERATORS)
        created = self._vault.add_operator(username, display_name, role, passphrase)
        with translate_errors(), self._vault.engine.begin() as conn:
            audit.append(
                conn,
                operator_id=actor.id,
                action="operator.add",
                detail={"operator": created.id, "role": role.value},
            )
        return Changes(operators=True)

    def change_passphrase(self, current: str, new: str) -> Changes:
        if self._operator is None:
            raise LockedError("vault is locked")
        # Re-check the current passphrase: an unlocked, unattended screen must not let anyone change it.
        self._vault.unlock(self._operator.username, current)
        if current == new:
            raise ValidationError("passphrase", "invalid")
        self._vault.change_passphrase(self._operator.id, new)
        with translate_errors(), self._vault.engine.begin() as conn:
            audit.append(conn, operator_id=self._operator.id, action="operator.change_passphrase")
        return Changes(operators=True)

    def reset_passphrase(self, recovery_key: str, username: str, new_passphrase: str) -> Changes:
        """Reset an operator's passphrase with the desk's recovery key (works while locked)."""
        target = self._vault.reset_passphrase_with_recovery(recovery_key, username, new_passphrase)
        with translate_errors(), self._vault.engine.begin() as conn:
            audit.append(conn, operator_id=None, action="operator.reset_passphrase", detail={"operator": target.id})
        return Changes(operators=True)

    # -- settings ------------------------------------------------------------------------------------------

    def settings(self) -> Settings:
        return Settings.from_json(self._vault.meta("settings", ""))

    def update_settings(self, settings: Settings) -> Changes:
        actor = self._operator
        current = self.settings()
        # Language is a personal preference; everything else is desk policy for the coordinator.
        policy_changed = replace(settings, language=current.language) != current
        if policy_changed:
            actor = self.require(Permission.CHANGE_SETTINGS)
        settings.validated()
        with translate_errors(), self._vault.engine.begin() as conn:
            self._vault.set_meta(conn, "settings", settings.to_json())
            audit.append(conn, operator_id=actor.id if actor else None, action="settings.update")
        return Changes(settings=True)

    # -- drafts of unsaved forms ---------------------------------------------------------------------------

    def save_draft(self, form_id: str, data: dict[str, Any]) -> None:
        operator = self.require(Permission.VIEW_CASE)
        self._records.save_draft(operator.id, form_id, data)

    def load_draft(self, form_id: str) -> dict[str, Any] | None:
        operator = self.require(Permission.VIEW_CASE)
        return self._records.load_draft(operator.id, form_id)

    def discard_draft(self, form_id: str) -> None:
        operator = self.require(Permission.VIEW_CASE)
        self._records.discard_draft(operator.id, form_id)

    # -- audit, integrity, backup --------------------------------------------------------------------------

    def record_print(self, document: str, case_id: str | None = None) -> None:
        actor = self.require(Permission.PRINT)
        with translate_errors(), self._vault.engine.begin() as conn:
            audit.append(conn, operator_id=actor.id, action="print", case_id=case_id, detail={"document": document})

    def verify_audit(self) -> audit.AuditReport:
        return audit.verify(self._vault.engine)

    def recent_audit(self, limit: int = 200) -> list[dict[str, object]]:
        self.require(Permission.VERIFY_AUDIT)
        return audit.recent(self._vault.engine, limit)

    def integrity(self) -> str:
        return integrity_check(self._vault.engine)

    def backup(self, target: Path) -> backups.BackupInfo:
        actor = self.require(Permission.BACKUP)
        with translate_errors(), self._vault.engine.begin() as conn:
            audit.append(conn, operator_id=actor.id, action="vault.backup")
        return backups.write_backup(self._vault, target, __version__)

    @staticmethod
    def restore(
        data_dir: DataDir, source: Path, *, username: str | None, secret: str, recovery: bool = False
    ) -> backups.BackupInfo:
        """Replace the vault of ``data_dir`` with a backup; checks everything first, keeps the old vault aside."""
        current_id: str | None = None
        if Vault.exists(data_dir):
            current = Vault.open(data_dir)
            try:
                current_id = current.meta("vault_id")
            finally:
                current.close()
        info = backups.restore_backup(
            data_dir, source, username=username, secret=secret, recovery=recovery, current_vault_id=current_id
        )
        restored = Vault.open(data_dir)
        try:
            with translate_errors(), restored.engine.begin() as conn:
                audit.append(conn, operator_id=None, action="vault.restore")
        finally:
            restored.close()
        return info
