"""Tables as columns of Python values until someone asks for a DataFrame.

Building a pandas DataFrame costs about 40 microseconds per column whatever its length, so an
article's eight small tables cost more than finding the quotes in it. The pipeline steps therefore
store ``Columns`` (column name -> list, plus a dtype per column) in ``Analysis.tables``; a
``Tables`` mapping turns one into a DataFrame the first time it is read, and later steps and the
corpus runner read the lists directly (``Tables.raw``, ``column``). The corpus runner concatenates
the columns of a whole batch and builds one DataFrame per table per batch.

Dtypes: ``int64``, ``float64`` and ``bool`` (NumPy), ``Int64`` (nullable integers), ``str``
(pandas' string dtype, missing values as NaN) and ``object`` (Python values kept as they are: None,
lists). A table's dtypes are the same whether it has rows or not.

>>> t = Tables()
>>> t["demo"] = Columns({"word": ["a", "b"], "n": [1, 2]}, {"word": "str", "n": "int64"})
>>> t.raw("demo").column("n"), t["demo"].n.tolist(), type(t.raw("demo")).__name__
([1, 2], [1, 2], 'DataFrame')
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from typing import Any, Union

import numpy as np
import pandas as pd

__all__ = ["Columns", "Tables", "column", "as_columns", "DTYPES"]

#: The dtypes a ``Columns`` schema may name.
DTYPES = ("int64", "float64", "bool", "Int64", "str", "object")


def _array(values: list, dtype: str) -> Any:
    if dtype in ("int64", "float64", "bool"):
        return np.array(values, dtype=dtype) if values else np.empty(0, dtype=dtype)
    if dtype == "Int64":
        return pd.array(values, dtype="Int64")
    if dtype == "str":
        return pd.array(values, dtype="str")
    arr = np.empty(len(values), dtype=object)  # element by element: lists stay lists
    arr[:] = values
    return pd.Series(arr, dtype=object, copy=False)


class Columns:
    """A table as ``{column: list}`` with a dtype per column (``schema``, in column order)."""

    __slots__ = ("data", "schema")

    def __init__(self, data: Mapping[str, list], schema: Mapping[str, str]) -> None:
        missing = [c for c in schema if c not in data]
        if missing or any(d not in DTYPES for d in schema.values()):
            raise ValueError(f"columns {missing} missing or an unknown dtype in {dict(schema)}")
        self.schema = dict(schema)
        self.data = {c: list(data[c]) if not isinstance(data[c], list) else data[c] for c in schema}
        lengths = {len(v) for v in self.data.values()}
        if len(lengths) > 1:
            raise ValueError(f"columns of different lengths: { {c: len(v) for c, v in self.data.items()} }")

    @classmethod
    def empty(cls, schema: Mapping[str, str]) -> "Columns":
        """A table with no rows."""
        return cls({c: [] for c in schema}, schema)

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[Any]], schema: Mapping[str, str]) -> "Columns":
        """From row tuples in schema order."""
        if not rows:
            return cls.empty(schema)
        return cls(dict(zip(schema, map(list, zip(*rows)))), schema)

    @classmethod
    def from_frame(cls, df: pd.DataFrame) -> "Columns":
        """From a DataFrame (its dtypes kept where they are ones of ``DTYPES``, else ``object``)."""
        schema = {}
        for c, d in df.dtypes.items():
            name = str(d)
            schema[str(c)] = name if name in DTYPES else ("str" if isinstance(d, pd.StringDtype) else "object")
        return cls({str(c): df[c].tolist() for c in df.columns}, schema)

    def __len__(self) -> int:
        return len(next(iter(self.data.values()))) if self.data else 0

    def __contains__(self, name: object) -> bool:
        return name in self.data

    @property
    def columns(self) -> list[str]:
        return list(self.schema)

    def column(self, name: str) -> list:
        """One column's values (the stored list: do not modify it)."""
        return self.data[name]

    def set(self, name: str, values: list, dtype: str | None = None) -> None:
        """Replace (or add, with its dtype) a column."""
        if len(values) != len(self) and self.data:
            raise ValueError(f"column {name!r} has {len(values)} values for {len(self)} rows")
        self.data[name] = list(values)
        self.schema[name] = dtype or self.schema.get(name, "object")

    def to_frame(self) -> pd.DataFrame:
        """The DataFrame (built column by column with the schema's dtypes)."""
        return pd.DataFrame({c: _array(self.data[c], d) for c, d in self.schema.items()}, copy=False)

    @staticmethod
    def concat(parts: Sequence["Columns"]) -> "Columns":
        """Rows of several tables with the same columns, in order."""
        if len(parts) == 1:
            return parts[0]
        schema = dict(parts[0].schema)
        for p in parts[1:]:  # a column whose dtype differs between parts is kept as Python objects
            schema.update({c: "object" for c, d in p.schema.items() if schema.get(c, d) != d})
        data: dict[str, list] = {c: [] for c in schema}
        for p in parts:
            for c in schema:
                data[c].extend(p.data[c])
        return Columns(data, schema)

    def __repr__(self) -> str:
        return f"Columns({len(self)} rows: {', '.join(self.schema)})"


Table = Union[pd.DataFrame, Columns]


def as_columns(table: Table | None) -> Columns | None:
    """``table`` as ``Columns`` (None stays None)."""
    if table is None or isinstance(table, Columns):
        return table
    return Columns.from_frame(table)


def column(table: Table | None, name: str, default: Any = None) -> list:
    """One column of a DataFrame or ``Columns`` as a list (``default`` repeated when it is absent)."""
    if table is None:
        return []
    if name in (table.data if isinstance(table, Columns) else table.columns):
        return table.column(name) if isinstance(table, Columns) else table[name].tolist()
    return [default] * len(table)


class Tables(MutableMapping):
    """``Analysis.tables``: name -> DataFrame, each built on first access from stored ``Columns``."""

    def __init__(self, tables: Mapping[str, Table] | None = None) -> None:
        self._store: dict[str, Table] = dict(tables or {})

    def __getitem__(self, name: str) -> pd.DataFrame:
        value = self._store[name]
        if isinstance(value, Columns):
            value = self._store[name] = value.to_frame()
        return value

    def __setitem__(self, name: str, value: Table) -> None:
        self._store[name] = value

    def __delitem__(self, name: str) -> None:
        del self._store[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._store)

    def __len__(self) -> int:
        return len(self._store)

    def raw(self, name: str, default: Any = None) -> Table | Any:
        """The stored table, DataFrame or ``Columns``, without building a DataFrame."""
        return self._store.get(name, default)

    def rows(self, name: str) -> int:
        """Number of rows of a table (0 when it is absent), without building a DataFrame."""
        value = self._store.get(name)
        return 0 if value is None else len(value)

    def __repr__(self) -> str:
        return f"Tables({', '.join(f'{k}: {len(v)} rows' for k, v in self._store.items())})"
