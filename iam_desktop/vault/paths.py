"""Where a desk's files live: the platform's user data directory (platformdirs), overridable by ``--data-dir`` or
the ``IAM_DATA_DIR`` environment variable, so tests, demos and a second operator profile never collide."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "iam-desk"
APP_AUTHOR = "iam"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("IAM_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


@dataclass(frozen=True)
class DataDir:
    """The files of one installation."""

    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root))

    @property
    def vault(self) -> Path:
        return self.root / "vault.db"

    @property
    def binding(self) -> Path:
        # Records which vault this installation created; a vault.db copied in from elsewhere will not match.
        return self.root / "device.json"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def ensure(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.logs.mkdir(parents=True, exist_ok=True, mode=0o700)
