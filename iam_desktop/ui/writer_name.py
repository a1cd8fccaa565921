"""How the UI names who wrote something in a case: the operator's display name, with their desk's name when they
work at another desk, or "another computer's operator" for a record written on another computer before records
carried their writer's stamp (``iam_desktop.domain.writers``). Never a bare id, never a question mark."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from iam_desktop.domain.writers import Writer


def writer_name(writer: Writer | None) -> str:
    if writer is None:
        return QCoreApplication.translate("Writers", "another computer's operator")
    return f"{writer.name} ({writer.desk_name})" if writer.desk_name else writer.name


def operator_name(writers: Mapping[str, Writer], operator_id: object) -> str:
    """The name of the operator with this id among a case's writers ("" when nobody wrote it: no id)."""
    return writer_name(writers.get(str(operator_id))) if operator_id else ""
