"""Kemendagri region codes and the normalisation of region names."""

import re

# Lengths of the undotted code per level: province, regency, district, village.
_LEVEL_SPLITS = {2: (2,), 4: (2, 2), 6: (2, 2, 2), 10: (2, 2, 2, 4)}
LEVEL_NAMES = {1: "provinsi", 2: "kabupaten", 3: "kecamatan", 4: "desa"}


def normalize_code(raw: str):
    """Return a Kemendagri code in dotted form (``17.04.01.2001``) or None.

    Accepts dotted and undotted codes. An undotted code whose length fits no
    level is not guessed at.
    """
    text = (raw or "").strip()
    if not text:
        return None
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    digits = re.sub(r"[\s.\-]", "", text)
    if not digits.isdigit():
        return None
    parts = text.replace(" ", "").replace("-", ".").split(".")
    if len(parts) > 1 and all(part.isdigit() for part in parts):
        lengths = tuple(len(part) for part in parts)
        if lengths in _LEVEL_SPLITS.values():
            return ".".join(parts)
    split = _LEVEL_SPLITS.get(len(digits))
    if split is None:
        return None
    pieces, start = [], 0
    for size in split:
        pieces.append(digits[start:start + size])
        start += size
    return ".".join(pieces)


def code_level(code: str) -> int:
    """Return the level of a dotted code: 1 province … 4 village."""
    return len(code.split(".")) if code else 0


_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5", "VI": "6",
          "VII": "7", "VIII": "8", "IX": "9", "X": "10", "XI": "11", "XII": "12"}
_PREFIXES = (
    "DESA", "DS", "KELURAHAN", "KEL", "KAMPUNG", "KP", "GAMPONG", "NAGARI",
    "KECAMATAN", "KEC", "KABUPATEN", "KAB", "KOTA", "PROVINSI", "PROV",
)


def normalize_name(raw: str) -> str:
    """Normalise a region name for matching.

    Upper case, punctuation to spaces, single spaces, administrative prefixes
    (DESA, DS., KEL., KECAMATAN, KABUPATEN …) removed from the front, and
    roman numerals written as arabic ones, so that ``Desa Sukamaju II`` and
    ``SUKAMAJU 2`` give the same text.
    """
    text = re.sub(r"[^0-9A-Z]+", " ", (raw or "").upper()).split()
    while len(text) > 1 and text[0] in _PREFIXES:
        text = text[1:]
    return " ".join(_ROMAN.get(word, word) for word in text)
