"""The PySide6 desktop client: the only package that imports Qt. It calls the services through one facade
(:class:`iam_desktop.services.desk.Desk`) and never touches SQL or keys itself."""
