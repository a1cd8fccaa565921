"""Turning the domain's frozen dataclasses into JSON-ready values and back, driven by their type hints: enums by
value, dates ISO, tuples as lists, unions of dataclasses tagged with ``"_type"``. The vault stores these values
sealed; the domain stays free of any persistence code."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


def to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        out["_type"] = type(value).__name__
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list | frozenset | set):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(to_json(k)): to_json(v) for k, v in value.items()}
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def from_json(kind: Any, data: Any) -> Any:
    """The value of type ``kind`` (a class or a typing expression) that ``to_json`` turned into ``data``."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        if data is None:
            return None
        if isinstance(data, dict) and "_type" in data:
            for option in options:
                if isinstance(option, type) and option.__name__ == data["_type"]:
                    return from_json(option, data)
        return from_json(options[0], data)
    if origin in (tuple, list, frozenset, set):
        args = get_args(kind)
        item = args[0] if args else Any
        values = [from_json(item, v) for v in data]
        return origin(values)
    if origin is dict:
        key_type, value_type = get_args(kind)
        return {from_json(key_type, k): from_json(value_type, v) for k, v in data.items()}
    if origin is typing.Literal or kind is Any:
        return data
    if isinstance(kind, type):
        if dataclasses.is_dataclass(kind):
            hints = _hints(kind)
            names = {f.name for f in dataclasses.fields(kind) if f.init}
            return kind(**{k: from_json(hints[k], v) for k, v in data.items() if k in names})
        if issubclass(kind, Enum):
            return kind(data)
        if kind is dt.datetime:
            return dt.datetime.fromisoformat(data)
        if kind is dt.date:
            return dt.date.fromisoformat(data)
        if kind is Decimal:
            return Decimal(str(data))
    return data


def decode(cls: type[T], data: Any) -> T:
    value: T = from_json(cls, data)
    return value
