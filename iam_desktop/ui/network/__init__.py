"""The "Rete" section: the shared catalogue and the referral inbox (see ``view``)."""

from .view import NetworkView

__all__ = ["NetworkView"]
