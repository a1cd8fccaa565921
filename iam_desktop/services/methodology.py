"""The methodology library's files (issue 7: "documents and templates the desks share: files with title, version,
language"), reached as ``desk.network.methodology``. A catalogue entry of kind ``methodology`` carries the title,
version and language; its files are attachments of the catalogue partition (``CATALOGUE_ID``) whose ``subject`` is
the entry's id — sealed with the partition's key, and synced by the same mechanism as a case's scans (an
``attachment_record`` through the outbox, the content as a resumable blob), so a file attached at one desk opens at
every desk that holds the catalogue. Attaching needs ``MANAGE_CATALOGUE`` (coordinators, the central office);
listing and opening need only ``VIEW_CASE`` (any operator). No personal data belongs here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from iam_desktop.domain.catalogue import EntryKind
from iam_desktop.domain.errors import ValidationError
from iam_desktop.domain.roles import Permission
from iam_desktop.vault import audit, lookup
from iam_desktop.vault.database import translate_errors

from .catalogue import CATALOGUE_ID

if TYPE_CHECKING:
    from .desk import Desk

METHODOLOGY_KIND = "methodology"
MAX_FILE_BYTES = 20 * 1024 * 1024
_ZIP = (b"PK\x03\x04",)  # Office Open XML and OpenDocument files are zip archives
FILE_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ZIP),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", _ZIP),
    ".odt": ("application/vnd.oasis.opendocument.text", _ZIP),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", _ZIP),
    ".odp": ("application/vnd.oasis.opendocument.presentation", _ZIP),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".txt": ("text/plain", ()),
}


def check_file(path: Path) -> tuple[str, bytes]:
    """(media type, content) of a file fit for the library, or the ValidationError that says why not."""
    known = FILE_TYPES.get(path.suffix.lower())
    if known is None:
        raise ValidationError("attachment", "methodology_file_unsupported", extension=path.suffix[:12])
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValidationError("attachment", "attachment_too_large", size_mb=round(size / 2**20, 1),
                                  maximum_mb=MAX_FILE_BYTES // 2**20)  # fmt: skip
        data = path.read_bytes()
    except OSError:
        raise ValidationError("attachment", "file_unreadable") from None
    media_type, magic = known
    if magic and not data.startswith(magic):
        raise ValidationError("attachment", "attachment_type_mismatch", extension=path.suffix)
    if media_type == "text/plain":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError("attachment", "attachment_type_mismatch", extension=path.suffix) from None
    if not data:
        raise ValidationError("attachment", "file_empty")
    return media_type, data


class Methodology:
    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    def _entry(self, entry_id: str) -> None:
        entry = self._desk.network.catalogue.entry(entry_id)  # unknown: catalogue_entry_unknown
        if entry.kind is not EntryKind.METHODOLOGY:
            raise ValidationError("entry", "methodology_entry_required", value=entry_id[:64])

    def attach(self, entry_id: str, path: Path) -> lookup.AttachmentInfo:
        """Add a file to a methodology entry (sealed with the catalogue's key; it syncs to every desk)."""
        actor = self._desk.require(Permission.MANAGE_CATALOGUE)
        self._entry(entry_id)
        media_type, data = check_file(path)
        with translate_errors(), self._desk.vault.engine.begin() as conn:
            info = lookup.put_attachment(
                conn, self._desk.records, CATALOGUE_ID, filename=path.name[:200], media_type=media_type,
                kind=METHODOLOGY_KIND, data=data, subject=entry_id,
            )  # fmt: skip
            audit.append(conn, operator_id=actor.id, action="methodology.attach",
                         detail={"entry": entry_id[:64], "file": info.attachment_id})  # fmt: skip
        return info

    def files(self, entry_id: str | None = None) -> list[lookup.AttachmentInfo]:
        """The library's files (of one entry, or all), oldest first — those still on their way included."""
        self._desk.require(Permission.VIEW_CASE)
        if not self._desk.network.catalogue.joined():
            return []
        with self._desk.vault.engine.connect() as conn:
            listed = lookup.list_attachments(conn, self._desk.records, CATALOGUE_ID)
        return [f for f in listed if f.kind == METHODOLOGY_KIND and entry_id in (None, f.subject)]

    def file(self, file_id: str) -> lookup.AttachmentInfo:
        for info in self.files():
            if info.attachment_id == file_id:
                return info
        raise ValidationError("file", "unknown", value=file_id[:64])

    def read(self, file_id: str) -> tuple[lookup.AttachmentInfo, bytes]:
        """A file's description and content; a file whose content has not arrived yet is a clear error."""
        self._desk.require(Permission.VIEW_CASE)
        info = self.file(file_id)
        if not info.available:
            raise ValidationError("file", "attachment_not_arrived", state=info.state, reason=info.reason)
        with translate_errors(), self._desk.vault.engine.connect() as conn:
            found = lookup.read_attachment(conn, self._desk.records, file_id)
        if found is None:
            raise ValidationError("file", "attachment_not_arrived", state=info.state, reason=info.reason)
        return info, found[1]

    def save(self, file_id: str, target: Path) -> Path:
        """Write a file's content to ``target`` (a folder: under the file's own name). Returns the path written."""
        info, data = self.read(file_id)
        path = target / Path(info.filename).name if target.is_dir() else target
        try:
            path.write_bytes(data)
        except OSError:
            raise ValidationError("output", "file_unwritable") from None
        return path
