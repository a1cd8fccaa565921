"""Use cases the UI and the CLI call. The one facade is :class:`iam_desktop.services.desk.Desk`."""
