"""Roles of the people who use a desk (DESIGN.md §2) and what each may do. The service layer checks these
permissions on every call; the UI only hides what a role cannot use."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OPERATOR = "operator"
    COORDINATOR = "coordinator"
    CENTRAL_MONITOR = "central_monitor"


class Permission(StrEnum):
    VIEW_CASE = "view_case"
    EDIT_CASE = "edit_case"
    PRINT = "print"
    EXPORT = "export"
    MANAGE_OPERATORS = "manage_operators"
    CHANGE_SETTINGS = "change_settings"
    BACKUP = "backup"
    VERIFY_AUDIT = "verify_audit"
    CLOSE_CASE = "close_case"
    ERASE_CASE = "erase_case"
    MANAGE_CATALOGUE = "manage_catalogue"  # the network's shared catalogue (coordinators, central office)
    ANSWER_REFERRAL = "answer_referral"  # accept or decline a referral addressed to the desk
    RECORD_LAWFUL_BASIS = "record_lawful_basis"  # a referral without consent, on a recorded lawful basis


_OPERATOR = frozenset(
    {
        Permission.VIEW_CASE,
        Permission.EDIT_CASE,
        Permission.PRINT,
        Permission.VERIFY_AUDIT,
    }
)
_COORDINATOR = _OPERATOR | {
    Permission.EXPORT,
    Permission.MANAGE_OPERATORS,
    Permission.CHANGE_SETTINGS,
    Permission.BACKUP,
    Permission.CLOSE_CASE,
    Permission.ERASE_CASE,
    Permission.MANAGE_CATALOGUE,
    Permission.ANSWER_REFERRAL,
    Permission.RECORD_LAWFUL_BASIS,
}
_CENTRAL = frozenset(
    {Permission.VIEW_CASE, Permission.PRINT, Permission.EXPORT, Permission.VERIFY_AUDIT, Permission.MANAGE_CATALOGUE}
)

PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OPERATOR: _OPERATOR,
    Role.COORDINATOR: frozenset(_COORDINATOR),
    Role.CENTRAL_MONITOR: _CENTRAL,
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[role]
