"""Writes wodc/dataclass_methods.py (`make tables`, or `python -m wodc.dataclass_codegen`):
for every `@frozen` and `@mutable` class (wodc/frozen.py), the __init__, __repr__, __eq__ and
__hash__ that CPython 3.11's dataclasses would compile for it, as source, so that they load
compiled from the module's bytecode. Each does what dataclasses' does (3.11's
dataclasses.py: _init_fn, _repr_fn, _cmp_fn, _hash_fn), and tests/test_frozen.py compares
them with dataclasses' on every class."""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path

PACKAGE = Path(__file__).parent
TARGET = PACKAGE / "dataclass_methods.py"

HEADER = '''"""The methods of wodc's dataclasses (wodc/frozen.py), written by `make tables`
(wodc/dataclass_codegen.py): do not edit. tests/test_frozen.py checks this is what the classes
give, and that the methods do what dataclasses' do."""

# A field's default when the caller gave none and it has a default_factory (dataclasses'
# own sentinel of that name, and the same repr in a signature).


class _HasDefaultFactory:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HasDefaultFactory()
'''


def decorated_modules() -> list[str]:
    """The modules whose source has a class decorated @frozen or @mutable, by name."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "\n@frozen\n" in text or "\n@mutable\n" in text:
            parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def classes() -> list[tuple[type, bool, str]]:
    """Every @frozen and @mutable class of wodc, whether it is hashable and its _shape, by
    name."""
    from . import frozen

    for name in decorated_modules():
        importlib.import_module(name)
    made = {_key(cls): (cls, hashable, shape) for cls, hashable, shape in frozen.MADE}
    return [made[key] for key in sorted(made)]


def _key(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _function_name(cls: type) -> str:
    return "_" + _key(cls).replace(".", "_")


def methods_source(cls: type, hashable: bool) -> str:
    """The function that makes `cls`'s methods from its fields (name -> dataclasses.Field)."""
    fields = dataclasses.fields(cls)
    for f in fields:
        if (not f.init or f.kw_only or f.name in ("self", "other", "_HAS_DEFAULT_FACTORY")
                or f.name.startswith("_dflt_")):
            raise SystemExit(f"{_key(cls)}.{f.name}: a field wodc/dataclass_codegen.py does "
                             "not write (init=False, kw_only, or a reserved name)")
    names = [f.name for f in fields]
    lines = [f"def {_function_name(cls)}(fields):"]
    for f in fields:
        if f.default is not dataclasses.MISSING:
            lines.append(f"    _dflt_{f.name} = fields[{f.name!r}].default")
        elif f.default_factory is not dataclasses.MISSING:
            lines.append(f"    _dflt_{f.name} = fields[{f.name!r}].default_factory")

    def parameter(f) -> str:
        if f.default is not dataclasses.MISSING:
            return f"{f.name}=_dflt_{f.name}"
        if f.default_factory is not dataclasses.MISSING:
            return f"{f.name}=_HAS_DEFAULT_FACTORY"
        return f.name

    lines.append("")
    lines.append(f"    def __init__({', '.join(['self'] + [parameter(f) for f in fields])}):")
    for f in fields:
        if f.default_factory is not dataclasses.MISSING:
            lines.append(f"        self.{f.name} = (_dflt_{f.name}() if {f.name} is "
                         f"_HAS_DEFAULT_FACTORY else {f.name})")
        else:
            lines.append(f"        self.{f.name} = {f.name}")
    if not names:
        lines.append("        pass")
    shown = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in fields if f.repr)
    lines += ["", "    def __repr__(self):",
              f'        return f"{{self.__class__.__qualname__}}({shown})"']
    compared = [f.name for f in fields if f.compare]
    lines += ["", "    def __eq__(self, other):",
              "        if other.__class__ is self.__class__:",
              f"            return {_tuple('self', compared)} == {_tuple('other', compared)}",
              "        return NotImplemented"]
    made = ["__init__", "__repr__", "__eq__"]
    if hashable:
        hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
        lines += ["", "    def __hash__(self):", f"        return hash({_tuple('self', hashed)})"]
        made.append("__hash__")
    lines += ["", f"    return {', '.join(made)}"]
    return "\n".join(lines) + "\n"


def _tuple(name: str, fields: list[str]) -> str:
    return "(" + "".join(f"{name}.{f}, " for f in fields).rstrip(" ") + ")"


def module_text() -> str:
    made = classes()
    parts = [HEADER]
    for cls, hashable, _ in made:
        parts.append("\n\n" + methods_source(cls, hashable))
    parts.append("\n\n# The class (module.qualname) -> (the _shape its methods are written for,"
                 " their maker).\nWRITTEN = {\n")
    for cls, _, shape in made:
        parts.append(f"    {_key(cls)!r}: (\n        {shape!r},\n"
                     f"        {_function_name(cls)}),\n")
    parts.append("}\n")
    return "".join(parts)


def write() -> str:
    text = module_text()
    TARGET.write_text(text, encoding="utf-8")
    return str(TARGET)


if __name__ == "__main__":
    print(write())
