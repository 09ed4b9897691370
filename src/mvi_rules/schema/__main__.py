"""``python -m mvi_rules.schema``: write the shipped JSON Schemas again after a model change."""

from __future__ import annotations

from . import write_schemas

if __name__ == "__main__":
    for path in write_schemas():
        print(path)
