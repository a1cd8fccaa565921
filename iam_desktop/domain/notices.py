"""Non-blocking findings: what a rule noticed but must not refuse (a codice fiscale that does not match the declared
birth date, a permit about to expire). A blocking finding is a ``ValidationError``; a ``Notice`` carries the same
``field`` + ``code`` + ``params`` shape so the UI and the import report can show both the same way."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Notice:
    """A warning about one field. ``code`` is looked up in the message catalogue (``warning.<code>``)."""

    field: str
    code: str
    params: dict[str, object] = dataclasses.field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class FieldError:
    """A refusal of one field of one record (import report, form validation): the data of a ``ValidationError``
    kept as a value so that every problem of a row can be reported at once, not only the first."""

    field: str
    code: str
    params: dict[str, object] = dataclasses.field(default_factory=dict, compare=False, hash=False)
