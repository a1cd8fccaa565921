"""The one exception tree of I.Am Desk. Every error carries a machine-readable ``kind``; the UI and the CLI turn
kinds into sentences (``iam_desktop.services.messages``), lower layers never write sentences.

    IamError
    ├── VaultError            the local store cannot be opened, read or written
    │   ├── NotInitialisedError      no vault in this data directory yet
    │   ├── AlreadyInitialisedError  init on a directory that already holds a vault
    │   ├── NewerSchemaError         the vault was written by a newer version of the app
    │   ├── ForeignVaultError        the vault file belongs to another device / installation
    │   ├── StorageFullError         the disk is full or the file-size limit is reached
    │   └── CorruptVaultError        SQLite reports the file is damaged
    ├── CryptoError
    │   ├── WrongPassphraseError     (carries ``retry_after`` seconds before the next attempt is allowed)
    │   ├── TooManyAttemptsError     a new attempt came before the back-off ran out (``retry_after``)
    │   ├── WrongRecoveryKeyError
    │   ├── TamperedError            a ciphertext failed authentication (names the record)
    │   └── LockedError              keys are needed but the vault is locked
    ├── PermissionDeniedError  the current operator's role does not allow the operation
    ├── CaseReadOnlyError      the case was transferred to another desk: this desk may only read it
    ├── ValidationError        input refused by a domain rule (``field`` and ``code``)
    ├── BackupError            a backup file is damaged, truncated, foreign or unreadable
    └── SyncError              (services.sync_http) the sync server or the network: kinds ``sync_*``
"""

from __future__ import annotations

from enum import StrEnum


class ErrorKind(StrEnum):
    NOT_INITIALISED = "not_initialised"
    ALREADY_INITIALISED = "already_initialised"
    NEWER_SCHEMA = "newer_schema"
    FOREIGN_VAULT = "foreign_vault"
    STORAGE_FULL = "storage_full"
    CORRUPT_VAULT = "corrupt_vault"
    WRONG_PASSPHRASE = "wrong_passphrase"
    TOO_MANY_ATTEMPTS = "too_many_attempts"
    WRONG_RECOVERY_KEY = "wrong_recovery_key"
    TAMPERED = "tampered"
    LOCKED = "locked"
    PERMISSION_DENIED = "permission_denied"
    VALIDATION = "validation"
    BACKUP_DAMAGED = "backup_damaged"
    BACKUP_FOREIGN = "backup_foreign"
    BACKUP_NOT_A_BACKUP = "backup_not_a_backup"
    UNKNOWN_OPERATOR = "unknown_operator"
    CASE_READ_ONLY = "case_read_only"
    # Sync (raised by ``iam_desktop.services.sync_http.SyncError``): the server and the network in words.
    SYNC_OFFLINE = "sync_offline"
    SYNC_UNAUTHORISED = "sync_unauthorised"
    SYNC_REVOKED = "sync_revoked"
    SYNC_PENDING = "sync_pending"
    SYNC_NOT_ENROLLED = "sync_not_enrolled"
    SYNC_ALREADY_ENROLLED = "sync_already_enrolled"
    SYNC_HAS_CASES = "sync_has_cases"
    SYNC_ENROL_CODE = "sync_enrol_code"
    SYNC_SHORT_CODE = "sync_short_code"
    SYNC_DESK_KEY = "sync_desk_key"
    SYNC_RATE_LIMITED = "sync_rate_limited"
    SYNC_SERVER = "sync_server"
    SYNC_CENTRAL_KEY = "sync_central_key"
    SYNC_NO_RECOVERY_COPY = "sync_no_recovery_copy"


class IamError(Exception):
    """Base of every error the app raises on purpose. ``params`` fill the message template of ``kind``."""

    kind: ErrorKind = ErrorKind.VALIDATION

    def __init__(self, detail: str = "", **params: object) -> None:
        super().__init__(detail or self.kind.value)
        self.detail = detail
        self.params: dict[str, object] = params


class VaultError(IamError):
    kind = ErrorKind.CORRUPT_VAULT


class NotInitialisedError(VaultError):
    kind = ErrorKind.NOT_INITIALISED


class AlreadyInitialisedError(VaultError):
    kind = ErrorKind.ALREADY_INITIALISED


class NewerSchemaError(VaultError):
    kind = ErrorKind.NEWER_SCHEMA


class ForeignVaultError(VaultError):
    kind = ErrorKind.FOREIGN_VAULT


class StorageFullError(VaultError):
    kind = ErrorKind.STORAGE_FULL


class CorruptVaultError(VaultError):
    kind = ErrorKind.CORRUPT_VAULT


class CryptoError(IamError):
    kind = ErrorKind.TAMPERED


class WrongPassphraseError(CryptoError):
    kind = ErrorKind.WRONG_PASSPHRASE

    def __init__(self, retry_after: float = 0.0, failures: int = 1) -> None:
        super().__init__("wrong passphrase", retry_after=retry_after, failures=failures)
        self.retry_after = retry_after
        self.failures = failures


class TooManyAttemptsError(CryptoError):
    kind = ErrorKind.TOO_MANY_ATTEMPTS

    def __init__(self, retry_after: float) -> None:
        super().__init__("too many attempts", retry_after=round(retry_after))
        self.retry_after = retry_after


class WrongRecoveryKeyError(CryptoError):
    kind = ErrorKind.WRONG_RECOVERY_KEY


class TamperedError(CryptoError):
    kind = ErrorKind.TAMPERED

    def __init__(self, record: str) -> None:
        super().__init__(f"ciphertext of {record} failed authentication", record=record)
        self.record = record


class LockedError(CryptoError):
    kind = ErrorKind.LOCKED


class UnknownOperatorError(IamError):
    kind = ErrorKind.UNKNOWN_OPERATOR


class PermissionDeniedError(IamError):
    kind = ErrorKind.PERMISSION_DENIED


class CaseReadOnlyError(IamError):
    """A write to a case this desk transferred away (``to_desk``: the receiving desk's name, ``on``: the day)."""

    kind = ErrorKind.CASE_READ_ONLY

    def __init__(self, case_id: str, to_desk: str, on: str) -> None:
        super().__init__("case transferred: read only", case_id=case_id, to_desk=to_desk, on=on)
        self.case_id = case_id


class ValidationError(IamError):
    kind = ErrorKind.VALIDATION

    def __init__(self, field: str, code: str, **params: object) -> None:
        super().__init__(f"{field}: {code}", field=field, code=code, **params)
        self.field = field
        self.code = code


class BackupError(IamError):
    kind = ErrorKind.BACKUP_DAMAGED


class BackupForeignError(BackupError):
    kind = ErrorKind.BACKUP_FOREIGN


class NotABackupError(BackupError):
    kind = ErrorKind.BACKUP_NOT_A_BACKUP
