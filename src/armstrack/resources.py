"""Where the bundled seeds and data catalogs are, installed or in a checkout.

A wheel carries them inside the package (``armstrack/_bundled``); a source checkout or an
editable install has them at the top of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def bundled_dir(name: str) -> Path:
    """The folder ``name`` ("seeds" or "data") shipped with armstrack."""
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"armstrack is installed without its {name}/ folder")
