"""Modules a library imports up front but a Coach summary never uses, imported only if used.

fpdf2 imports, as it loads, fontTools' variable-font instancer (for variable fonts; Coach's
DejaVu fonts are not) and cryptography's PKCS#12 support (for signing PDFs, which Coach does
not do): together about a tenth of a second of every PDF summary. ``defer`` puts a
placeholder in their place, which imports the real module the first time anything asks it for
an attribute, so nothing behaves differently, and a module already imported is left alone.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

FPDF_UNUSED = (
    "fontTools.varLib.instancer",
    "cryptography.hazmat.primitives.serialization.pkcs12",
)


class Deferred(types.ModuleType):
    """Stands in for a module until it is first used, then hands every attribute over to it."""

    def __getattr__(self, name: str) -> Any:
        real = self.__dict__.get("_real")
        if real is None:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
            self.__dict__["_real"] = real
        return getattr(real, name)


def defer(names: tuple[str, ...]) -> None:
    for name in names:
        if name not in sys.modules:
            sys.modules[name] = Deferred(name)
