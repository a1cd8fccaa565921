"""Printing the recovery key sheet at set-up (the key is shown once and never stored in clear)."""

from __future__ import annotations

from pathlib import Path

from iam_desktop.vault.vault import DeskProfile

from .messages import text

_KEYS = ("title", "desk", "territory", "created", "vault", "key", "instructions", "signature")


def print_recovery_sheet(profile: DeskProfile, recovery_key: str, target: Path) -> Path:
    from iam_desktop.printing.recovery_sheet import write_recovery_sheet  # reportlab only when printing

    texts = {k: (text(f"recovery.{k}", "it"), text(f"recovery.{k}", "en")) for k in _KEYS}
    write_recovery_sheet(
        target,
        texts=texts,
        desk_name=profile.desk_name,
        territory=profile.territory,
        vault_id=profile.vault_id,
        created_at=profile.created_at,
        recovery_key=recovery_key,
    )
    return target
