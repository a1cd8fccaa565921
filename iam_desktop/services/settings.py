"""Desk settings, declared once with their types and defaults, stored in the vault's clear metadata (they hold no
personal data and some are needed before unlocking, such as the language of the lock screen)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from iam_desktop.domain.errors import ValidationError

SETTINGS_VERSION = 1
LANGUAGES = ("it", "en")


@dataclass(frozen=True)
class Settings:
    language: str = "it"
    auto_lock_minutes: int = 10
    permit_alert_days: int = 60
    # Printed on the privacy notice and the forms: the data controller (titolare del trattamento) and contacts.
    controller: str = ""
    controller_address: str = ""
    contact: str = ""
    dpo: str = ""

    def validated(self) -> Settings:
        if self.language not in LANGUAGES:
            raise ValidationError("language", "unsupported")
        if not 1 <= self.auto_lock_minutes <= 240:
            raise ValidationError("auto_lock_minutes", "out_of_range", minimum=1, maximum=240)
        if not 1 <= self.permit_alert_days <= 365:
            raise ValidationError("permit_alert_days", "out_of_range", minimum=1, maximum=365)
        return self

    def to_json(self) -> str:
        return json.dumps({"version": SETTINGS_VERSION, **asdict(self)})

    @classmethod
    def from_json(cls, text: str | None) -> Settings:
        if not text:
            return cls()
        raw: dict[str, Any] = json.loads(text)
        known = {f.name for f in fields(cls)}
        return replace(cls(), **{k: v for k, v in raw.items() if k in known})
