"""Kemendagri region codes and the normalisation of region names."""

import functools
import re

# Lengths of the undotted code per level: province, regency, district, village.
_LEVEL_SPLITS = {2: (2,), 4: (2, 2), 6: (2, 2, 2), 10: (2, 2, 2, 4)}
_PART_WIDTHS = (2, 2, 2, 4)
LEVEL_NAMES = {1: "provinsi", 2: "kabupaten", 3: "kecamatan", 4: "desa"}


@functools.lru_cache(maxsize=1 << 16)
def normalize_code(raw: str):
    """Return a Kemendagri code in dotted form (``17.04.01.2001``) or None.

    Accepts dotted and undotted codes. Leading zeros of the parts are
    restored only when that is certain: in a code with three or four parts
    (``17.4.1.2001``). A two-part ``17.4`` may be the number 17.40 that lost
    its trailing zero, and an undotted code whose length fits no level may
    have lost any digit, so neither is guessed at.
    """
    text = (raw or "").strip()
    if not text:
        return None
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    parts = [part for part in re.split(r"[\s.\-]+", text) if part]
    if not parts or not all(part.isdigit() for part in parts):
        return None
    if len(parts) == 1:
        split = _LEVEL_SPLITS.get(len(parts[0]))
        if split is None:
            return None
        pieces, start = [], 0
        for size in split:
            pieces.append(parts[0][start:start + size])
            start += size
        return ".".join(pieces)
    if len(parts) > 4:
        return None
    widths = _PART_WIDTHS[:len(parts)]
    if any(len(part) > width for part, width in zip(parts, widths)):
        return None
    if len(parts) == 2 and len(parts[1]) < widths[1]:
        return None
    return ".".join(part.zfill(width) for part, width in zip(parts, widths))


def code_level(code: str) -> int:
    """Return the level of a dotted code: 1 province … 4 village."""
    return len(code.split(".")) if code else 0


_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5", "VI": "6",
          "VII": "7", "VIII": "8", "IX": "9", "X": "10", "XI": "11", "XII": "12",
          "XIII": "13", "XIV": "14", "XV": "15", "XVI": "16", "XVII": "17", "XVIII": "18",
          "XIX": "19", "XX": "20"}
# Names of the village-level units of the regions (desa, kelurahan, gampong
# in Aceh, nagari in West Sumatra, pekon in Lampung, nagori in Simalungun,
# lembang in Toraja, negeri in Maluku, kampung in Papua ...), then the
# names of the upper levels.
_PREFIXES = (
    "DESA", "DS", "KELURAHAN", "KEL", "KAMPUNG", "KAMPONG", "KP", "GAMPONG", "GP", "NAGARI",
    "PEKON", "NAGORI", "LEMBANG", "NEGERI", "MUKIM", "KECAMATAN", "KEC", "DISTRIK",
    "KABUPATEN", "KAB", "KOTA", "KOTAMADYA", "ADM", "ADMINISTRASI", "PROVINSI", "PROV",
)


_GLUED_ROMAN = re.compile(r"([a-z])(?=[IVX])(X{0,2}(?:IX|IV|V?I{0,3}))\b")


@functools.lru_cache(maxsize=1 << 16)
def normalize_name(raw: str) -> str:
    """Normalise a region name for matching.

    Upper case, punctuation to spaces, single spaces, administrative prefixes
    (DESA, DS., KEL., KECAMATAN, KABUPATEN …) removed from the front, and
    roman numerals written as arabic ones, so that ``Desa Sukamaju II`` and
    ``SUKAMAJU 2`` give the same text.
    """
    # A roman numeral typed onto the word before it ("Air KeringII") is split
    # off where the case changes, which upper case would hide.
    text = _GLUED_ROMAN.sub(r"\1 \2", raw or "")
    text = re.sub(r"[^0-9A-Z]+", " ", text.upper()).split()
    while len(text) > 1 and text[0] in _PREFIXES:
        text = text[1:]
    return " ".join(_ROMAN.get(word, word) for word in text)


# Abbreviations written out (whole words only).
_WORDS = {
    "SEI": "SUNGAI", "SGI": "SUNGAI", "SG": "SUNGAI", "SUNGEI": "SUNGAI",
    "TJ": "TANJUNG", "TG": "TANJUNG", "TANJONG": "TANJUNG",
    "SP": "SIMPANG", "SMP": "SIMPANG", "PSR": "PASAR", "BKT": "BUKIT", "KR": "KARANG",
    "KRG": "KARANG", "PD": "PONDOK", "PDK": "PONDOK", "LB": "LUBUK", "LBK": "LUBUK",
    "MA": "MUARA", "MR": "MUARA", "TL": "TALANG", "TLG": "TALANG", "AIE": "AIR", "AEK": "AIR",
}
# Numbers as words, for names that write a number one way and its word the
# other (``Sukamaju 2`` and ``Sukamaju Dua``).
NUMBER_WORDS = {
    "1": "SATU", "2": "DUA", "3": "TIGA", "4": "EMPAT", "5": "LIMA", "6": "ENAM",
    "7": "TUJUH", "8": "DELAPAN", "9": "SEMBILAN", "10": "SEPULUH", "11": "SEBELAS",
    "12": "DUA BELAS",
}
# Spellings from before the 1972 reform (Soekamadjoe = Sukamaju), folded
# together with today's spelling on both sides of a comparison.
_OLD_SPELLINGS = (("OE", "U"), ("DJ", "J"), ("TJ", "C"), ("SJ", "SY"), ("NJ", "NY"),
                  ("CH", "KH"), ("J", "Y"))


@functools.lru_cache(maxsize=1 << 16)
def match_key(raw: str) -> str:
    """Return the text two spellings of one region name share.

    On top of :func:`normalize_name`: common abbreviations (SEI, TJ, SP,
    PSR …) written out, old spellings folded (OE/U, DJ/J, TJ/C, J/Y …) and
    doubled letters made single, so that ``Ds. Soekamadjoe II`` and
    ``Sukamaju 2`` give the same key.
    """
    words = [_WORDS.get(word, word) for word in normalize_name(raw).split()]
    text = " ".join(words)
    for old, new in _OLD_SPELLINGS:
        text = text.replace(old, new)
    return re.sub(r"([A-Z])\1+", r"\1", text)


@functools.lru_cache(maxsize=1 << 16)
def numbers_as_words(key: str) -> str:
    """Return a match key with its numbers written as (folded) words."""
    words = [NUMBER_WORDS.get(word, word) for word in key.split()]
    return match_key(" ".join(words))


class CodeList:
    """The national list of Kemendagri codes (``kode,nama,tingkat`` CSV)."""

    def __init__(self, codes=()):
        self.codes = set(codes)

    @classmethod
    def from_csv(cls, path: str) -> "CodeList":
        """Read a code list whose first column is the dotted code."""
        import csv

        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            next(reader, None)
            return cls(row[0].strip() for row in reader if row and row[0].strip())

    def __len__(self):
        return len(self.codes)

    def __contains__(self, code):
        return code in self.codes

    def knows_nik_district(self, nik: str) -> bool:
        """Tell whether a NIK's first six digits are a known district code.

        NOTE: a district that was split keeps its code in the current list,
        so older NIKs still match it. A code retired altogether would need a
        history of past codes, which this list does not have.
        """
        district = f"{nik[0:2]}.{nik[2:4]}.{nik[4:6]}"
        return district in self.codes
