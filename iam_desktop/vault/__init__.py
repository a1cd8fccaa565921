"""The local store: SQLite through SQLAlchemy, Alembic migrations, encryption, key store and audit chain.

Everything personal is stored as AES-256-GCM ciphertext; this package never writes a plaintext case field."""
