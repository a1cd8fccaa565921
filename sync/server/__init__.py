"""The central sync server: FastAPI app (`create_app`), storage, migrations and the `iam-sync-server` CLI.

It stores ciphertext and routing metadata only and never imports the desktop client.
"""

from __future__ import annotations

__all__: list[str] = []
