"""Finding rows that probably belong to the same person.

The engine works in four steps:

1. Blocking. Rows are compared only inside blocks that share a key: the
   NIK, the KK number, the birth date, the normalised name with the birth
   year or the village, and each half of the NIK with the village. Names
   in large birth-date blocks are pre-screened with rapidfuzz's
   ``process.cdist``, and a NIK typo leaves one half of the NIK whole. The
   work grows with the table and the block sizes, never with the square
   of the table.
2. Scoring. Each candidate pair gets a match weight in bits, the sum of
   Fellegi-Sunter log-odds ``log2(m / u)`` for the agreement level of each
   field (NIK, name, birth date, sex, KK, village) plus a prior. The m and
   u probabilities in ``WEIGHTS`` are set by reasoning about DTKS data,
   not fitted to labelled rows. An exact name match weighs less the more
   often the name occurs in the table, so MUHAMMAD RIZKI or SITI AMINAH
   count for less than a rare name. Region codes one typo apart weigh
   what such codes are worth in the table at hand (see _near_codes).
   The score shown to users is
   ``100 / (1 + 2 ** -weight)``: 50 means even odds under these weights.
3. Grouping. Pairs at or above the threshold are joined into connected
   components. A component larger than ``MAX_GROUP_SIZE`` rows, or one in
   which fewer than ``MIN_GROUP_DENSITY`` of the member pairs are linked,
   loses its weakest link until every part passes, so one weak link
   cannot chain unrelated people into one large group.
4. Decisions. An analyst's ``bukan_duplikat`` decision removes the links
   among the members of that group on later runs, and a ``simpan`` or
   ``hapus`` choice keeps the members linked and is reported again.

Group ids are ``D00001``, ``D00002`` … numbered by each group's first row,
so the same table and decisions give the same ids on every run.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from . import records
from .bulk import gc_paused

try:  # numpy speeds up the name pre-screen in large blocks; it ships with QGIS.
    import numpy
except ImportError:  # pragma: no cover (QGIS always has numpy)
    numpy = None

# Minimum name similarity (0-100, see name_similarity) kept for callers of
# the earlier rule-based engine.
NAME_CUTOFF_NIK_TYPO = 80.0
NAME_CUTOFF_SAME_PERSON = 90.0

# Default threshold on the pair score (0-100); the user can move it.
DEFAULT_THRESHOLD = 50.0
# Chaining guard: largest group, and the least share of linked member pairs.
MAX_GROUP_SIZE = 10
MIN_GROUP_DENSITY = 0.5
# Blocks larger than these are not compared pair by pair. A NIK or KK
# shared by more rows is a placeholder (such as 0000000000000000), not a
# person or a family. NOTE: a birth date shared by more than MAX_DATE_BLOCK
# rows of one district (a placeholder date such as 01-01-1900) is skipped.
MAX_ID_BLOCK = 50
MAX_DATE_BLOCK = 5000
MAX_NAME_BLOCK = 12
# Birth-date blocks this small are compared whole (see _blocks).
SMALL_DATE_BLOCK = 8
# Blocks larger than SCREEN_BLOCK are pre-screened by name with
# process.cdist (fuzz.ratio of the names with their words sorted, at least
# NAME_SCREEN); pairs below it are not scored.
SCREEN_BLOCK = 30
NAME_SCREEN = 60

_TITLES = {"H", "HJ", "HAJI", "HAJJAH", "DR", "IR", "DRS", "DRA", "PROF", "USTADZ", "KH"}
_DEGREES = {"SH", "SE", "SPD", "SAG", "AMD", "ST", "SKM", "SKOM", "MM", "MPD", "SSOS"}
_ABBREVIATIONS = {"M": "MUHAMMAD", "MOH": "MUHAMMAD", "MUH": "MUHAMMAD", "MUHAMAD": "MUHAMMAD",
                  "MOHAMMAD": "MUHAMMAD", "MOHAMAD": "MUHAMMAD", "MHD": "MUHAMMAD",
                  "MOHAMMED": "MUHAMMAD", "MUHAMMED": "MUHAMMAD", "MUHD": "MUHAMMAD",
                  "ABD": "ABDUL", "ST": "SITI", "STI": "SITI", "SITTI": "SITI", "NURUL": "NURUL"}

# Agreement levels of the fields.
NIK_EQUAL = "nik_equal"
NIK_TYPO = "nik_typo"
NIK_TYPO_REGION = "nik_typo_region"
NIK_SERIAL_NEAR = "nik_serial_near"
NIK_SAME_PREFIX = "nik_same_prefix"
NIK_OTHER = "nik_other"
NAME_EXACT = "name_exact"
NAME_HIGH = "name_high"
NAME_MEDIUM = "name_medium"
NAME_LOW = "name_low"
NAME_OTHER = "name_other"
NAME_PART = "name_part"
DATE_EQUAL = "date_equal"
DATE_NEAR = "date_near"
DATE_OTHER = "date_other"
SEX_EQUAL = "sex_equal"
SEX_OTHER = "sex_other"
KK_EQUAL = "kk_equal"
KK_OTHER = "kk_other"
FAMILY_NIK_CLOSE = "family_nik_close"
FAMILY_NIK_OTHER = "family_nik_other"
FAMILY_NAME_EXACT = "family_name_exact"
FAMILY_NAME_HIGH = "family_name_high"
FAMILY_NAME_MEDIUM = "family_name_medium"
FAMILY_NAME_LOW = "family_name_low"
FAMILY_NAME_OTHER = "family_name_other"
AREA_VILLAGE = "area_village"
AREA_DISTRICT = "area_district"
AREA_REGENCY = "area_regency"
AREA_NEAR = "area_near"
AREA_OTHER = "area_other"
NEW_NIK_VILLAGE = "new_nik_village"
NEW_NIK_DISTRICT = "new_nik_district"
NEW_NIK_REGENCY = "new_nik_regency"
NEW_NIK_OTHER = "new_nik_other"

# (m, u): the probability of the level for two rows of one person (m) and
# for two rows of different people (u). Reasoning behind each:
# - NIK equal: duplicates keep their NIK nine times in ten; two people
#   share a NIK only by a clerk's error. A one-digit typo or swap is the
#   usual NIK error. The same first 12 digits (district and birth date)
#   with serials at most 2 apart is how Dukcapil numbers different people
#   born on one day in one district, so it counts strongly against a match;
#   a serial further away is also how a NIK is re-issued. A typo in the
#   six region digits is weak evidence, because two people born on one
#   day in neighbouring districts (codes one digit apart) both often get
#   serial 0001. The u of these levels is taken among pairs that already
#   share the birth date and district, because the NIK encodes both.
# - Names: "exact" is equality after normalisation; its u is the name's
#   frequency in the table (see _Table.exact_name_bits), not this table's
#   value. "Part" is a name whose words are all among the other name's
#   words (ASEP and ASEP SUPRIATNA), a name recorded without one of its
#   words. Its u is the chance that a random person's name is a single
#   word found in another random person's name, an estimate of 4e-3 for
#   Indonesian names. It stays below "high" because a parent and child
#   can share a word.
# - Family levels replace the NIK, name, KK and village levels when two
#   rows share a KK number but not the NIK. The rows are then either one
#   person entered twice with a NIK typo, or two members of one family
#   born on one day: twins, who get serials one apart and share a
#   surname. Siblings' names are alike more often than strangers', so the
#   name levels have a higher u there, and twins never share the whole
#   name.
# - Village levels: the code's parts (village, district, regency). A person
#   registered again under another NIK is registered where they live, so
#   for pairs whose NIKs are unrelated the NEW_NIK levels replace them;
#   people who moved away keep their NIK.
# - Near region codes (one part one typo apart, such as a district digit or
#   a postcode typed wrong) rank between the district and the regency. Its
#   m is about 3 % of duplicate pairs, the share of code typos; its u is
#   estimated from the table (see _near_codes).
WEIGHTS = {
    NIK_EQUAL: (0.88, 1e-8),
    NIK_TYPO: (0.05, 3e-4),
    NIK_TYPO_REGION: (0.02, 0.02),
    NIK_SERIAL_NEAR: (0.0005, 0.5),
    NIK_SAME_PREFIX: (0.05, 0.3),
    NIK_OTHER: (0.1, 0.92),
    NAME_EXACT: (0.75, None),
    NAME_HIGH: (0.15, 1e-3),
    NAME_MEDIUM: (0.06, 1e-2),
    NAME_LOW: (0.02, 0.04),
    NAME_OTHER: (0.02, 0.95),
    NAME_PART: (0.03, 4e-3),
    DATE_EQUAL: (0.95, 4e-5),
    DATE_NEAR: (0.03, 2e-3),
    DATE_OTHER: (0.02, 0.998),
    SEX_EQUAL: (0.98, 0.5),
    SEX_OTHER: (0.02, 0.5),
    KK_EQUAL: (0.6, 0.15),
    KK_OTHER: (0.5, 0.85),
    FAMILY_NIK_CLOSE: (0.05, 3e-4),
    FAMILY_NIK_OTHER: (0.06, 0.92),
    FAMILY_NAME_EXACT: (0.75, 1e-3),
    FAMILY_NAME_HIGH: (0.15, 5e-3),
    FAMILY_NAME_MEDIUM: (0.06, 8e-3),
    FAMILY_NAME_LOW: (0.02, 0.16),
    FAMILY_NAME_OTHER: (0.02, 0.8),
    AREA_VILLAGE: (0.55, 2e-4),
    AREA_DISTRICT: (0.3, 2e-3),
    AREA_REGENCY: (0.1, 0.08),
    AREA_OTHER: (0.15, 0.96),
    NEW_NIK_VILLAGE: (0.4, 2e-4),
    NEW_NIK_DISTRICT: (0.55, 2e-3),
    NEW_NIK_REGENCY: (0.03, 0.08),
    NEW_NIK_OTHER: (0.02, 0.92),
    AREA_NEAR: (0.03, None),
}
# Prior log-odds that two rows are one person: about one true pair per
# 2 ** 24 (17 million) pairs of rows, which is a register of a million rows
# with a few percent of its people entered twice.
PRIOR_BITS = -24.0
# Floor of the exact-name u, so that a name seen once does not outweigh
# every other field.
MIN_NAME_U = 1e-5
# Tables smaller than this take their name frequencies over this many rows.
MIN_NAME_ROWS = 10000

_AREA = (AREA_VILLAGE, AREA_DISTRICT, AREA_REGENCY, AREA_OTHER)
_NEW_NIK_AREA = (NEW_NIK_VILLAGE, NEW_NIK_DISTRICT, NEW_NIK_REGENCY, NEW_NIK_OTHER)
# A word seen at least this many times (and at least once per
# COMMON_WORD_RATE rows) is a name in its own right, not a typo.
COMMON_WORD_MIN = 5
COMMON_WORD_RATE = 20000
_BITS = {level: math.log2(m / u) for level, (m, u) in WEIGHTS.items() if u is not None}
# Floor of the AREA_NEAR u, so that a table with few region codes does not
# make a one-character difference weigh more than the same district.
MIN_NEAR_U = 2e-3


@dataclass
class Person:
    """The fields of one row that the duplicate rules read.

    ``key`` identifies the row across runs (see member_key); it defaults to
    the index.
    """

    index: int
    nik: str
    no_kk: str
    nama: str
    tgl_lahir: object
    jenis_kelamin: str
    kode_desa: str
    key: str = ""


@dataclass
class DuplicateGroup:
    """One suspected group: its id, member indexes, reason codes and score."""

    group_id: str
    members: list
    reasons: list
    score: float
    villages: list = field(default_factory=list)


@dataclass
class DuplicateResult:
    """Everything a duplicate search produced.

    ``rows`` maps a row index to (group id, reason text, group score);
    ``pairs`` lists (i, j, score, reason codes) for the links kept inside
    groups; ``decisions`` maps a row index to the analyst's keputusan.
    """

    rows: dict = field(default_factory=dict)
    groups: list = field(default_factory=list)
    pairs: list = field(default_factory=list)
    decisions: dict = field(default_factory=dict)
    candidate_pairs: int = 0


def member_key(baris, nik: str) -> str:
    """Return the key that ties a decision to a row: ``"<baris>:<nik>"``.

    ``baris`` is the row number in the source sheet. The NIK is part of the
    key so that a decision does not move to another person when rows are
    inserted into the sheet between runs.
    """
    return f"{baris}:{nik or ''}"


def normalize_person_name(name: str) -> str:
    """Upper-case a name, drop titles and spell out Muhammad's and Siti's abbreviations.

    Titles are dropped at the front (H., Hj., Dr.) and degrees after a comma
    or at the end (S.H., SPd), so a one-letter initial such as the H of
    "Jamal H." stays.
    """
    name = (name or "").split(",")[0]
    words = re.sub(r"[^A-Z ]+", " ", name.upper().replace(".", ". ")).split()
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _DEGREES:
        words = words[:-1]
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


# Old (pre-1972) and regional spellings mapped to one form: SOEKARNO and
# SUKARNO, NOORUL and NURUL, DJUNAEDI and JUNAEDI, TJITJIH and CICIH,
# ACHMAD, AKHMAD and AHMAD; doubled consonants (EFFENDI, EFENDI) count once.
_SPELLINGS = (("OE", "U"), ("OO", "U"), ("DJ", "J"), ("TJ", "C"), ("SJ", "SY"), ("CH", "H"),
              ("KH", "H"))
_DOUBLED = re.compile(r"([B-DF-HJ-NP-TV-Z])\1+")


def spelling_key(name: str) -> str:
    """Return a normalised name with old spellings replaced, for comparisons only."""
    for old, new in _SPELLINGS:
        if old in name:
            name = name.replace(old, new)
    return _DOUBLED.sub(r"\1", name)


def name_similarity(first: str, second: str) -> float:
    """Score two normalised names 0-100, letting an initial stand for a word.

    "IRWAN S" and "IRWAN SETIAWAN" score 100: each one-letter word is
    replaced by the other name's word in the same place when it starts with
    that letter. Names whose words were run together ("NURHAYATI" and
    "NUR HAYATI") also score 100.
    """
    first_words, second_words = first.split(), second.split()
    if len(first_words) == len(second_words):
        for position, (a, b) in enumerate(zip(first_words, second_words)):
            if len(a) == 1 and b.startswith(a):
                first_words[position] = b
            elif len(b) == 1 and a.startswith(b):
                second_words[position] = a
    first_text, second_text = " ".join(first_words), " ".join(second_words)
    if first_text.replace(" ", "") == second_text.replace(" ", ""):
        return 100.0
    return max(fuzz.ratio(first_text, second_text), fuzz.token_sort_ratio(first_text, second_text))


def words_correspond(first: str, second: str) -> bool:
    """Tell whether each word of the shorter name is close to some word of the other.

    Words are close when fuzz.ratio is at least 75 or one is the other's
    initial. Twins such as NANI SETIADI and WASTI SETIADI share a surname
    and score high on the whole name, but their first words differ.
    """
    first_words, second_words = first.split(), second.split()
    if len(first_words) > len(second_words):
        first_words, second_words = second_words, first_words
    for word in first_words:
        if not any(other.startswith(word) if len(word) == 1 else
                   word.startswith(other) if len(other) == 1 else
                   fuzz.ratio(word, other) >= 75 for other in second_words):
            return False
    return True


def nik_one_typo(first: str, second: str) -> bool:
    """Tell whether two numbers of one length differ by one digit or one adjacent swap."""
    if len(first) != len(second) or first == second:
        return False
    diffs = [i for i, (a, b) in enumerate(zip(first, second)) if a != b]
    if len(diffs) == 1:
        return True
    return (len(diffs) == 2 and diffs[1] == diffs[0] + 1
            and first[diffs[0]] == second[diffs[1]] and first[diffs[1]] == second[diffs[0]])


def _valid_id(number: str) -> bool:
    return len(number) >= 6 and number.isdigit() and number.strip("0") != ""


def _date_key(value) -> str:
    """Return a birth date as YYYYMMDD text (dates, datetimes or text), or ''."""
    if value is None or value == "":
        return ""
    if hasattr(value, "year"):
        return f"{value.year:04d}{value.month:02d}{value.day:02d}"
    digits = re.sub(r"\D", "", str(value))
    return digits if len(digits) == 8 else ""


def _dates_near(first: str, second: str) -> bool:
    """Tell whether two YYYYMMDD dates differ by one typo or by day and month swapped."""
    if nik_one_typo(first, second):
        return True
    return first[:4] == second[:4] and first[4:6] == second[6:8] and first[6:8] == second[4:6]


def _area_parts(code: str):
    """Return (village, district, regency) keys of a dotted region code."""
    if not code:
        return "", "", ""
    parts = code.split(".")
    return code, ".".join(parts[:3]), ".".join(parts[:2])


def _one_edit(first: str, second: str) -> bool:
    """Tell whether two texts differ by one changed, inserted or deleted character or one swap."""
    if len(first) == len(second):
        return nik_one_typo(first, second)
    if abs(len(first) - len(second)) != 1:
        return False
    if len(first) < len(second):
        first, second = second, first
    return any(first[:k] + first[k + 1:] == second for k in range(len(first)))


def _near_codes(code_rows, rows: int):
    """Return (set of near code pairs, weight in bits of AREA_NEAR) for a table's region codes.

    Two codes are near when they have the same parts but one, and that
    part differs by one typo (see _one_edit): 17.04.07.2015 and
    17.04.01.2015, or a postcode or place name one typo apart. Codes of
    one district are left out, because the district level already covers
    them. The u of AREA_NEAR is the share of row pairs in the table whose
    codes are near, as u is estimated from random pairs. Numeric codes of
    neighbouring districts are often near by chance and weigh little.
    Typed place names seldom are, so they weigh more.
    """
    buckets = defaultdict(set)
    for code in code_rows:
        if not code:
            continue
        parts = code.split(".")
        for position, part in enumerate(parts):
            head, tail = ".".join(parts[:position]), ".".join(parts[position + 1:])
            # Two parts one typo apart share one of these variants: the part
            # itself or the part with one character deleted.
            for variant in {part} | {part[:k] + part[k + 1:] for k in range(len(part))}:
                buckets[(position, head, tail, variant)].add(code)
    near = set()
    for codes in buckets.values():
        codes = sorted(codes)
        for a, first in enumerate(codes):
            for second in codes[a + 1:]:
                if (first, second) in near or _area_parts(first)[1] == _area_parts(second)[1]:
                    continue
                differing = [(x, y) for x, y in zip(first.split("."), second.split("."))
                             if x != y]
                if len(differing) == 1 and _one_edit(*differing[0]):
                    near.add((first, second))
    # Small tables take the share over MIN_NAME_ROWS rows, like names.
    rows = max(rows, MIN_NAME_ROWS)
    pairs = rows * (rows - 1) / 2
    share = sum(code_rows[a] * code_rows[b] for a, b in near) / pairs if pairs else 0.0
    return near, math.log2(WEIGHTS[AREA_NEAR][0] / max(share, MIN_NEAR_U))


class _Table:
    """Column arrays of the rows, with interned normalised names and keys."""

    def __init__(self, people):
        self.count = len(people)
        name_cache, date_cache, area_cache = {}, {}, {}
        self.nik, self.kk, self.name, self.sorted_name = [], [], [], []
        self.date, self.sex, self.village, self.district, self.regency = [], [], [], [], []
        self.keys = []
        sorted_cache = {}
        for person in people:
            raw = person.nama or ""
            name = name_cache.get(raw)
            if name is None:
                name = name_cache[raw] = spelling_key(normalize_person_name(raw))
                if name not in sorted_cache:
                    sorted_cache[name] = " ".join(sorted(name.split()))
            self.name.append(name)
            self.sorted_name.append(sorted_cache[name])
            nik = person.nik or ""
            self.nik.append(nik if _valid_id(nik) else "")
            kk = person.no_kk or ""
            self.kk.append(kk if _valid_id(kk) else "")
            date = date_cache.get(person.tgl_lahir)
            if date is None:
                date = date_cache[person.tgl_lahir] = _date_key(person.tgl_lahir)
            self.date.append(date)
            self.sex.append(person.jenis_kelamin or "")
            code = person.kode_desa or ""
            parts = area_cache.get(code)
            if parts is None:
                parts = area_cache[code] = _area_parts(code)
            village, district, regency = parts
            self.village.append(village)
            self.district.append(district)
            self.regency.append(regency)
            self.keys.append(person.key or str(person.index))
        self.indexes = [person.index for person in people]
        self.name_count = Counter(self.name)
        self.name_rows = max(self.count, MIN_NAME_ROWS)
        self.word_count = Counter()
        for name, number in self.name_count.items():
            for word in set(name.split()):
                self.word_count[word] += number
        self.common_word = max(COMMON_WORD_MIN, self.count // COMMON_WORD_RATE)
        self.near_codes, self.near_bits = _near_codes(Counter(self.village), self.count)

    def different_names(self, first: str, second: str) -> bool:
        """Tell whether the words in which two names differ are all common names.

        BUDI and RUDI KURNIAWAN are two people (twins, often): both BUDI
        and RUDI are frequent words. A typo (FATIMAH typed FATIMH) makes a
        rare word.
        """
        first_words, second_words = set(first.split()), set(second.split())
        only_first, only_second = first_words - second_words, second_words - first_words
        if not only_first or not only_second:
            return False
        return all(len(word) > 1 and self.word_count[word] >= self.common_word
                   for word in only_first | only_second)

    def exact_name_bits(self, name: str) -> float:
        """Return the weight of an exact name match, lower for frequent names.

        u is the name's share of the rows. A name seen fewer than
        COMMON_WORD_MIN times, often only in the rows of one duplicate, has
        no reliable share, so u is then at most the product of its words'
        shares, the chance that a random name has these words.
        """
        m = WEIGHTS[NAME_EXACT][0]
        count = self.name_count[name]
        u = count / self.name_rows
        if count < COMMON_WORD_MIN:
            product = 1.0
            for word in name.split():
                product *= self.word_count[word] / self.count
            u = min(u, product)
        return math.log2(m / max(u, MIN_NAME_U))


def _blocks(table, feedback=None):
    """Yield lists of row positions whose pairs are candidates, one list per block.

    Passes, in order:
    - the NIK, and the KK number with the name's first two letters;
    - the normalised name and regency with the birth year and month, and
      with the birth year and day (a typo in the other date part);
    - the normalised name and village (a typo anywhere in the date);
    - the NIK's first half with the village and birth year, and its second
      half with the village, because a NIK typo leaves one half whole. The
      first half of a Dukcapil NIK is the district and birth day, which
      many people of one village share, so that pass adds the birth year;
    - the birth date with the district of residence, and with the six
      region digits of the NIK.
    Birth-date blocks of at most SMALL_DATE_BLOCK rows are compared whole,
    which matters for small tables and rows without a region code. A pair
    found by several passes is scored once.
    """
    count = table.count
    nik, kk, name, date = table.nik, table.kk, table.sorted_name, table.date
    regency = table.regency
    passes = (
        (lambda: nik, MAX_ID_BLOCK),
        (lambda: [k and n and f"{k}|{n[:2]}" for k, n in zip(kk, name)], MAX_ID_BLOCK),
        (lambda: [n and d and f"{n}|{d[:6]}|{r}" for n, d, r in zip(name, date, regency)],
         MAX_NAME_BLOCK),
        (lambda: [n and d and f"{n}|{d[:4]}|{d[6:]}|{r}" for n, d, r in zip(name, date, regency)],
         MAX_NAME_BLOCK),
        (lambda: [n and v and f"{n}|{v}" for n, v in zip(name, table.village)], MAX_NAME_BLOCK),
        (lambda: [k and v and d and f"{k[:len(k) // 2]}|{v}|{d[:4]}"
                  for k, v, d in zip(nik, table.village, date)], MAX_ID_BLOCK),
        (lambda: [k and v and f"{k[len(k) // 2:]}|{v}" for k, v in zip(nik, table.village)],
         MAX_ID_BLOCK),
        (lambda: [d and a and f"{d}|{a}" for d, a in zip(date, table.district)], MAX_DATE_BLOCK),
        (lambda: [d and k and f"{d}|{k[:6]}" for d, k in zip(date, nik)], MAX_DATE_BLOCK),
    )
    for number, (make_keys, limit) in enumerate(passes):
        yield from _group(make_keys(), limit)
        if feedback is not None:
            if feedback.isCanceled():
                return
            feedback.setProgress(60.0 * (number + 1) / len(passes))
    for members in _group(date, SMALL_DATE_BLOCK):
        yield members


def _group(keys, limit: int) -> list:
    """Return the positions sharing each non-empty key, for keys held by 2 to ``limit`` rows."""
    blocks = {}
    for position, key in enumerate(keys):
        if key:
            block = blocks.get(key)
            if block is None:
                blocks[key] = [position]
            else:
                block.append(position)
    return [members for members in blocks.values() if 1 < len(members) <= limit]


def _candidate_pairs(table, feedback=None):
    """Return the distinct candidate pairs as a sorted list of ``i * count + j`` codes (i < j)."""
    count = table.count
    codes = []
    for members in _blocks(table, feedback):
        size = len(members)
        if size > SCREEN_BLOCK:
            codes.extend(_screened_codes(table, members, count))
            continue
        members = sorted(members)
        for a in range(size):
            base = members[a] * count
            for b in range(a + 1, size):
                codes.append(base + members[b])
    if numpy is not None:
        return numpy.unique(numpy.array(codes, dtype=numpy.int64)).tolist()
    return sorted(set(codes))


def _screened_codes(table, members, count):
    """Return pair codes of a large block whose names pass the NAME_SCREEN pre-screen."""
    members = sorted(members)
    names = [table.sorted_name[position] for position in members]
    if numpy is None:
        return [members[a] * count + members[b] for a in range(len(members))
                for b in range(a + 1, len(members))
                if fuzz.ratio(names[a], names[b], score_cutoff=NAME_SCREEN)]
    matrix = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=NAME_SCREEN,
                           dtype=numpy.uint8)
    rows, columns = numpy.nonzero(numpy.triu(matrix, 1))
    positions = numpy.array(members, dtype=numpy.int64)
    return (positions[rows] * count + positions[columns]).tolist()


def _nik_date_part(date: str, sex: str) -> str:
    """Return the DDMMYY part that Dukcapil writes into a NIK, day + 40 for women."""
    if len(date) != 8:
        return ""
    day = int(date[6:8]) + (40 if sex == "P" else 0)
    return f"{day:02d}{date[4:6]}{date[2:4]}"


def _nik_level(table, i: int, j: int):
    """Return the NIK agreement level of rows i and j, or None when one has no NIK."""
    first, second = table.nik[i], table.nik[j]
    if not first or not second:
        return None
    if first == second:
        return NIK_EQUAL
    if len(first) != 16 or len(second) != 16:
        return NIK_TYPO if nik_one_typo(first, second) else NIK_OTHER
    if first[:12] == second[:12]:
        # Serials at most 2 apart (0001 and 0002) are what Dukcapil gives
        # two people of one district born on one day.
        if abs(int(first[12:]) - int(second[12:])) <= 2:
            return NIK_SERIAL_NEAR
        return NIK_TYPO if nik_one_typo(first, second) else NIK_SAME_PREFIX
    if not nik_one_typo(first, second):
        return NIK_OTHER
    if first[6:12] != second[6:12]:
        # Two NIKs that each agree with their own row's birth date and sex
        # belong to two people; a typo leaves one NIK disagreeing.
        if (first[6:12] == _nik_date_part(table.date[i], table.sex[i])
                and second[6:12] == _nik_date_part(table.date[j], table.sex[j])):
            return NIK_OTHER
        return NIK_TYPO
    if first[:6] != second[:6]:
        # Each NIK carrying its own row's district is two people registered
        # in neighbouring districts, not a typo.
        if (first[:6] == table.district[i].replace(".", "")
                and second[:6] == table.district[j].replace(".", "")):
            return NIK_OTHER
        return NIK_TYPO_REGION
    return NIK_TYPO


def _nik_confirms_dates(table, i: int, j: int) -> bool:
    """Tell whether each row's NIK carries that row's own birth date and sex.

    Two dates one typo apart are then two people's dates, not a typo.
    """
    first, second = table.nik[i], table.nik[j]
    return (len(first) == 16 and len(second) == 16
            and first[6:12] == _nik_date_part(table.date[i], table.sex[i])
            and second[6:12] == _nik_date_part(table.date[j], table.sex[j]))


def _name_part(first: str, second: str) -> bool:
    """Tell whether the words of one name are some of the other's words (ASEP, ASEP SUPRIATNA)."""
    first_words, second_words = set(first.split()), set(second.split())
    return first_words < second_words or second_words < first_words


def _name_level(similarity: float, family: bool):
    if similarity >= 92:
        return FAMILY_NAME_HIGH if family else NAME_HIGH
    if similarity >= 80:
        return FAMILY_NAME_MEDIUM if family else NAME_MEDIUM
    if similarity >= 70:
        return FAMILY_NAME_LOW if family else NAME_LOW
    return FAMILY_NAME_OTHER if family else NAME_OTHER


def _near(table, i: int, j: int) -> bool:
    """Tell whether the region codes of rows i and j are near and may carry a typo.

    When both rows have a 16-digit NIK, the codes count as near only if one
    row's NIK carries the other row's district: a mistyped code leaves the
    NIK pointing at the true district. Otherwise the two codes are two
    districts of one regency whose numbers happen to be one digit apart.
    """
    first, second = table.village[i], table.village[j]
    if (first, second) not in table.near_codes and (second, first) not in table.near_codes:
        return False
    nik_i, nik_j = table.nik[i], table.nik[j]
    if len(nik_i) != 16 or len(nik_j) != 16:
        return True
    return (nik_i[:6] == table.district[j].replace(".", "")
            or nik_j[:6] == table.district[i].replace(".", ""))


def score_pair(table, i: int, j: int):
    """Return (weight in bits, reason codes) of rows i and j of a _Table."""
    bits = PRIOR_BITS
    nik = _nik_level(table, i, j)
    kk_i, kk_j = table.kk[i], table.kk[j]
    same_kk = bool(kk_i) and kk_i == kk_j
    family = same_kk and nik is not None and nik != NIK_EQUAL

    name_i, name_j = table.name[i], table.name[j]
    similarity = 0.0
    exact_name = False
    if name_i and name_j:
        # Only the same words count as exact: "AHMAD S" is as close to
        # AHMAD SETIAWAN as to AHMAD SUTRISNO, so initials score high.
        exact_name = name_i == name_j or table.sorted_name[i] == table.sorted_name[j]
        similarity = 100.0 if exact_name else name_similarity(name_i, name_j)
        if exact_name:
            bits += _BITS[FAMILY_NAME_EXACT] if family else table.exact_name_bits(name_i)
        else:
            if 70 <= similarity < 100 and (not words_correspond(name_i, name_j)
                                            or table.different_names(name_i, name_j)):
                similarity = min(similarity, 79.0)
            level = _name_level(similarity, family)
            if level in (NAME_LOW, NAME_OTHER) and _name_part(name_i, name_j):
                level = NAME_PART
            bits += _BITS[level]

    if family:
        bits += _BITS[FAMILY_NIK_OTHER if nik in (NIK_SAME_PREFIX, NIK_OTHER)
                      else FAMILY_NIK_CLOSE]
    elif nik is not None:
        bits += _BITS[nik]

    date_i, date_j = table.date[i], table.date[j]
    same_date = bool(date_i) and date_i == date_j
    if date_i and date_j:
        if same_date:
            bits += _BITS[DATE_EQUAL]
        elif _dates_near(date_i, date_j) and not _nik_confirms_dates(table, i, j):
            bits += _BITS[DATE_NEAR]
        else:
            bits += _BITS[DATE_OTHER]

    sex_i, sex_j = table.sex[i], table.sex[j]
    same_sex = bool(sex_i) and sex_i == sex_j
    if sex_i and sex_j:
        bits += _BITS[SEX_EQUAL if same_sex else SEX_OTHER]

    if kk_i and kk_j and not family:
        bits += _BITS[KK_EQUAL if same_kk else KK_OTHER]

    same_village = bool(table.village[i]) and table.village[i] == table.village[j]
    same_district = bool(table.district[i]) and table.district[i] == table.district[j]
    # One KK is one household, so its village is not counted again.
    if table.village[i] and table.village[j] and not same_kk:
        levels = _NEW_NIK_AREA if nik in (NIK_SAME_PREFIX, NIK_OTHER) else _AREA
        if same_village:
            bits += _BITS[levels[0]]
        elif same_district:
            bits += _BITS[levels[1]]
        elif _near(table, i, j):
            bits += table.near_bits
        elif table.regency[i] == table.regency[j]:
            bits += _BITS[levels[2]]
        else:
            bits += _BITS[levels[3]]

    reasons = []
    different_village = bool(table.village[i]) and bool(table.village[j]) and not same_village
    if nik == NIK_EQUAL:
        reasons.append(records.DUP_SAME_NIK_MOVED if different_village else records.DUP_SAME_NIK)
    elif nik in (NIK_TYPO, NIK_TYPO_REGION) or (family and nik == NIK_SERIAL_NEAR):
        reasons.append(records.DUP_NIK_TYPO)
    elif similarity >= NAME_CUTOFF_SAME_PERSON - 10 and same_date:
        reasons.append(records.DUP_SAME_PERSON if same_district and same_sex
                       else records.DUP_SAME_NAME_DATE)
    else:
        reasons.append(records.DUP_OTHER_EVIDENCE)
    if kk_i and kk_j and not same_kk:
        reasons.append(records.DUP_TWO_KK)
    if same_kk and different_village:
        reasons.append(records.DUP_KK_TWO_VILLAGES)
    return bits, reasons


def score_from_bits(bits: float) -> float:
    """Return the 0-100 score of a match weight in bits."""
    if bits > 60:
        return 100.0
    if bits < -60:
        return 0.0
    return 100.0 / (1.0 + 2.0 ** -bits)


def bits_from_score(score: float) -> float:
    """Return the match weight in bits of a 0-100 score."""
    score = min(max(score, 1e-9), 100.0 - 1e-9)
    return -math.log2(100.0 / score - 1.0)


def find_duplicates(people, threshold: float = DEFAULT_THRESHOLD, decisions=None,
                    feedback=None) -> DuplicateResult:
    """Score candidate pairs, group those at or above ``threshold`` (0-100) and apply decisions.

    ``decisions`` is a list of Decision rows (see read_decision_rows); rows
    are matched to them by Person.key. Returns an empty result when
    ``feedback`` reports a cancel.
    """
    with gc_paused():
        return _find_duplicates(list(people), threshold, decisions, feedback)


def _find_duplicates(people, threshold, decisions, feedback) -> DuplicateResult:
    table = _Table(people)
    cut = bits_from_score(threshold)
    count = table.count
    candidates = _candidate_pairs(table, feedback)
    edges = {}
    for code in candidates:
        i, j = divmod(code, count)
        bits, reasons = score_pair(table, i, j)
        if bits >= cut:
            edges[(i, j)] = (bits, reasons)
    if feedback is not None and feedback.isCanceled():
        return DuplicateResult()

    position_of_key = {key: position for position, key in enumerate(table.keys)}
    not_duplicates, kept_choices = _parse_decisions(decisions or (), position_of_key)
    for members in not_duplicates:
        for a in members:
            for b in members:
                if a < b:
                    edges.pop((a, b), None)
    for members in kept_choices:
        for a in members:
            for b in members:
                if a < b and (a, b) not in edges:
                    edges[(a, b)] = (bits_from_score(100.0 - 1e-6), [records.DUP_CONFIRMED])

    links_of = defaultdict(list)
    for pair in edges:
        links_of[pair[0]].append(pair)
    groups = []
    for component in _components(edges):
        links = [pair for node in component for pair in links_of[node]]
        groups.extend(split_weak_links(component, links, edges))
    result = _number(table, groups, edges, people)
    result.candidate_pairs = len(candidates)
    choice = {}
    for members in kept_choices:
        for position, value in members.items():
            choice[position] = value
    result.decisions = {table.indexes[position]: value for position, value in choice.items()
                        if table.indexes[position] in result.rows}
    if feedback is not None:
        feedback.setProgress(100.0)
    return result


def find_groups(people, feedback=None, threshold: float = DEFAULT_THRESHOLD,
                decisions=None) -> dict:
    """Return {row index: (group id, reason text)} for rows in a suspected group."""
    result = find_duplicates(people, threshold, decisions, feedback)
    return {index: (group_id, text) for index, (group_id, text, _) in result.rows.items()}


def _components(edges):
    parent = {}

    def find(item):
        root = item
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(item, item) != root:
            parent[item], item = root, parent[item]
        return root

    for a, b in edges:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)
    members = defaultdict(list)
    for item in {node for pair in edges for node in pair}:
        members[find(item)].append(item)
    return [sorted(items) for items in members.values()]


def split_weak_links(members, links, edges):
    """Split a component at its weakest links until each part passes the chaining guard.

    ``links`` are the (i, j) pairs inside ``members`` and ``edges`` maps each
    pair to (weight in bits, reasons). A part passes when it has two rows,
    or at most MAX_GROUP_SIZE rows of which at least MIN_GROUP_DENSITY of
    the pairs are linked. Returns [(member positions, links inside them)].
    """
    pending = [(members, links)]
    done = []
    while pending:
        part, part_links = pending.pop()
        size = len(part)
        if size < 2:
            continue
        density = len(part_links) / (size * (size - 1) / 2)
        if size <= 2 or (size <= MAX_GROUP_SIZE and density >= MIN_GROUP_DENSITY):
            done.append((part, part_links))
            continue
        weakest = min(part_links, key=lambda pair: (edges[pair][0], pair))
        remaining = [pair for pair in part_links if pair != weakest]
        for piece in _components({pair: None for pair in remaining}):
            inside = set(piece)
            pending.append((piece, [pair for pair in remaining if pair[0] in inside]))
    return done


def _number(table, groups, edges, people) -> DuplicateResult:
    result = DuplicateResult()
    indexes = table.indexes
    ordered = sorted(((sorted(members, key=indexes.__getitem__), links)
                      for members, links in groups),
                     key=lambda group: indexes[group[0][0]])
    order = records.DUP_REASON_ORDER
    for number, (members, pairs) in enumerate(ordered, start=1):
        group_id = f"D{number:05d}"
        links = [(pair, edges[pair]) for pair in sorted(pairs)]
        codes = sorted({code for _, (_, reasons) in links for code in reasons}, key=order.index)
        # The group score is that of its weakest kept link.
        score = round(score_from_bits(min(bits for _, (bits, _) in links)), 1)
        text = "; ".join(records.DUP_REASON_TEXT[code] for code in codes)
        villages = sorted({table.village[position] for position in members
                           if table.village[position]})
        indexes = [table.indexes[position] for position in members]
        result.groups.append(DuplicateGroup(group_id, indexes, codes, score, villages))
        for index in indexes:
            result.rows[index] = (group_id, text, score)
        for (a, b), (bits, reasons) in links:
            result.pairs.append((table.indexes[a], table.indexes[b],
                                 round(score_from_bits(bits), 1), list(reasons)))
    return result


# Decisions of the analyst, one row per member of a decided group.
KEPUTUSAN_BUKAN_DUPLIKAT = "bukan_duplikat"
KEPUTUSAN_SIMPAN = "simpan"
KEPUTUSAN_HAPUS = "hapus"
KEPUTUSAN_VALUES = (KEPUTUSAN_BUKAN_DUPLIKAT, KEPUTUSAN_SIMPAN, KEPUTUSAN_HAPUS)
# Fields of the decision table (GeoPackage table keputusan_duplikat).
DECISION_FIELDS = ("kelompok_duplikat", "kunci_anggota", "keputusan_duplikat", "waktu")


@dataclass
class Decision:
    """One row of the decision table.

    ``kelompok_duplikat`` is the group id when the analyst decided (it only
    ties the rows of one decision together), ``kunci_anggota`` the member
    key, ``keputusan_duplikat`` one of KEPUTUSAN_VALUES and ``waktu`` an
    ISO 8601 time stamp.
    """

    kelompok_duplikat: str
    kunci_anggota: str
    keputusan_duplikat: str
    waktu: str = ""


def decide_group(group_id: str, member_keys, decision: str, keep_key: str = "",
                 timestamp: str = "") -> list:
    """Return the Decision rows of one group.

    ``decision`` is ``bukan_duplikat`` for the whole group, or ``simpan``,
    in which case ``keep_key`` names the member to keep and the others get
    ``hapus``.
    """
    if decision == KEPUTUSAN_BUKAN_DUPLIKAT:
        return [Decision(group_id, key, decision, timestamp) for key in member_keys]
    if decision != KEPUTUSAN_SIMPAN or keep_key not in member_keys:
        raise ValueError(f"Invalid decision '{decision}' for group {group_id}: use "
                         f"bukan_duplikat, or simpan with the key of one member.")
    return [Decision(group_id, key, KEPUTUSAN_SIMPAN if key == keep_key else KEPUTUSAN_HAPUS,
                     timestamp) for key in member_keys]


def merge_decisions(existing, new_rows) -> list:
    """Return the decision rows with ``new_rows`` replacing earlier rows of the same members."""
    replaced = {row.kunci_anggota for row in new_rows}
    return [row for row in existing if row.kunci_anggota not in replaced] + list(new_rows)


def decision_rows(decisions) -> list:
    """Return decisions as lists of values in DECISION_FIELDS order, for a table writer."""
    return [[row.kelompok_duplikat, row.kunci_anggota, row.keputusan_duplikat, row.waktu]
            for row in decisions]


def read_decision_rows(rows) -> list:
    """Return Decision objects from mappings with DECISION_FIELDS keys, skipping invalid rows."""
    result = []
    for row in rows:
        decision = str(row.get("keputusan_duplikat") or "")
        key = str(row.get("kunci_anggota") or "")
        if decision in KEPUTUSAN_VALUES and key:
            result.append(Decision(str(row.get("kelompok_duplikat") or ""), key, decision,
                                   str(row.get("waktu") or "")))
    return result


def _parse_decisions(decisions, position_of_key):
    """Return ([member positions not duplicates], [{position: simpan/hapus}]) per decided group."""
    # Group ids are numbered again on every run, so two decisions taken on
    # different runs may carry one id. Their time stamps keep them apart.
    by_group = defaultdict(list)
    for row in decisions:
        rejected = row.keputusan_duplikat == KEPUTUSAN_BUKAN_DUPLIKAT
        by_group[(row.kelompok_duplikat, row.waktu, rejected)].append(row)
    not_duplicates, kept = [], []
    for (_, _, rejected), rows in sorted(by_group.items()):
        positions = {position_of_key[row.kunci_anggota]: row.keputusan_duplikat
                     for row in rows if row.kunci_anggota in position_of_key}
        if len(positions) < 2:
            continue
        if rejected:
            not_duplicates.append(sorted(positions))
        else:
            kept.append(positions)
    return not_duplicates, kept
