"""Counts per region, map indicators, class breaks and small-count suppression.

Everything here works on plain Python values, without QGIS, so the numbers
printed on a map can be tested on their own. A recipient counts in the
village of its ``kode_desa`` only, and the count of a district, regency or
province is the sum of its villages, so every parent's total equals the sum
of its children and a recipient counts once even where polygons overlap.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

# numpy ships with QGIS (Debian's python3-qgis pulls it in through
# python3-gdal, and the Windows and macOS installers bundle it).
import numpy as np

from . import records
from .regions import LEVEL_NAMES, normalize_code
from ..i18n import tr

# Indicator keys. Programme and decile indicators are "program_<name>" and
# "desil_<n>".
RECIPIENTS = "penerima"
HOUSEHOLDS = "kk"
DUPLICATES = "duplikat"
DUPLICATE_SHARE = "persen_duplikat"
PROBLEMS = "bermasalah"
DENSITY = "kepadatan"
RATE = "per_1000_penduduk"
PROGRAMMES = ("PKH", "BPNT", "PBI")
DECILES = tuple(range(1, 11))

# Coordinate statuses that put a placed recipient "in conflict" with its village.
CONFLICT_STATUSES = (records.STATUS_BEDA_DESA, records.STATUS_TERTUKAR, records.STATUS_DI_LUAR)

METHOD_EQUAL = "equal"
METHOD_QUANTILE = "quantile"
METHOD_JENKS = "jenks"
METHOD_MANUAL = "manual"
METHODS = (METHOD_EQUAL, METHOD_QUANTILE, METHOD_JENKS, METHOD_MANUAL)

DEFAULT_THRESHOLD = 3

# Class kinds of a map legend, in legend order.
KIND_NO_DATA = "no_data"
KIND_ZERO = "zero"
KIND_SUPPRESSED = "suppressed"
KIND_RANGE = "range"

# Relative tolerance when comparing squared-deviation sums, so that exact ties
# are broken the same way on every platform (earliest break wins).
_TIE_TOLERANCE = 1e-9

# Cell values that mean "yes" in a programme column (after upper-casing).
_YES_WORDS = {"1", "Y", "YA", "YES", "TRUE", "V", "X", "ADA", "PENERIMA", "AKTIF", "BENAR"}
# Spellings of each programme in a free-text programme column.
_PROGRAMME_WORDS = {
    "PKH": ("PKH",),
    "BPNT": ("BPNT", "SEMBAKO", "KARTU SEMBAKO"),
    "PBI": ("PBI", "PBI JK", "PBIJK", "KIS PBI", "JKN PBI"),
}


# --- region codes and names ------------------------------------------------

def code_at_level(code: str, level: int) -> str:
    """Return the first ``level`` parts of a dotted code, e.g. 17.04.01.2001 at 2 gives 17.04."""
    return ".".join(code.split(".")[:level])


def level_of(code: str) -> int:
    """Return the level of a dotted code: 1 province … 4 village, 0 for an empty code."""
    return len(code.split(".")) if code else 0


def level_word(level: int) -> str:
    """Return the Indonesian name of a level (provinsi, kabupaten, kecamatan, desa)."""
    return LEVEL_NAMES[level]


def region_display_name(code: str, name: str) -> str:
    """Return a region's name with its kind: "Provinsi Bengkulu", "Kabupaten Kaur", "Kecamatan Kinal", "Desa X".

    A name that already starts with its kind is kept. A regency whose code is
    71 or above is a city (Kota), as in the Kemendagri numbering; a village
    whose own code starts with 1 is a Kelurahan.
    """
    name = " ".join((name or "").split())
    level = level_of(code)
    lower = name.lower()
    if level == 1:
        return name if lower.startswith("provinsi") else f"Provinsi {name}"
    if level == 2:
        if lower.startswith(("kabupaten", "kota")):
            return name
        kind = "Kota" if int(code.split(".")[1]) >= 71 else "Kabupaten"
        return f"{kind} {name}"
    if level == 3:
        return name if lower.startswith("kecamatan") else f"Kecamatan {name}"
    if lower.startswith(("desa", "kelurahan")):
        return name
    kind = "Kelurahan" if code.split(".")[3].startswith("1") else "Desa"
    return f"{kind} {name}"


def region_index(village_names) -> dict:
    """Return {code: display name} of every region from the villages up.

    ``village_names`` yields (village code, {"nama", "kecamatan", "kabupaten",
    "provinsi"}). A parent's name is taken from its first village that has it;
    a parent without a name gets its code.
    """
    roles = {1: "provinsi", 2: "kabupaten", 3: "kecamatan", 4: "nama"}
    names = {}
    for code, parts in sorted(village_names):
        for level in (1, 2, 3, 4):
            prefix = code_at_level(code, level)
            if prefix in names and names[prefix] != prefix:
                continue
            raw = (parts or {}).get(roles[level], "")
            names[prefix] = region_display_name(prefix, raw) if raw else prefix
    return names


def search_regions(index: dict, text: str, limit: int = 50) -> list:
    """Return [(code, name)] of regions whose code starts with ``text`` or whose name contains it.

    Name matches ignore case and the kind word; results are sorted by level,
    then code.
    """
    query = " ".join((text or "").split()).lower()
    if not query:
        return []
    code = normalize_code(query) if query[0].isdigit() else None
    hits = []
    for region_code, name in index.items():
        if code and (region_code == code or region_code.startswith(code + ".")):
            hits.append((region_code, name))
        elif query[0].isdigit() and region_code.startswith(query):
            hits.append((region_code, name))
        elif query in name.lower():
            hits.append((region_code, name))
    hits.sort(key=lambda hit: (level_of(hit[0]), hit[0]))
    return hits[:limit]


def children_of(index: dict, region: str, level: int) -> list:
    """Return the sorted codes at ``level`` inside ``region`` ("" means every region)."""
    prefix = region + "." if region else ""
    return sorted(code for code in index
                  if level_of(code) == level and (not prefix or code.startswith(prefix)))


# --- tallies ------------------------------------------------------------------

@dataclass
class Tally:
    """Counts of one region. ``households`` counts each family card once."""

    recipients: int = 0
    households: int = 0
    duplicates: int = 0
    conflicts: int = 0
    unplaced: int = 0
    programmes: Counter = field(default_factory=Counter)
    deciles: Counter = field(default_factory=Counter)

    def add(self, other: "Tally") -> None:
        self.recipients += other.recipients
        self.households += other.households
        self.duplicates += other.duplicates
        self.conflicts += other.conflicts
        self.unplaced += other.unplaced
        self.programmes.update(other.programmes)
        self.deciles.update(other.deciles)

    @property
    def problems(self) -> int:
        """Rows not placed in a village or placed in conflict with their coordinate."""
        return self.conflicts + self.unplaced


@dataclass
class VillageTallies:
    """Tallies per village code and what could not be put on the map."""

    villages: dict = field(default_factory=dict)   # village code → Tally
    # Rows without kode_desa and without a full village code in the source.
    off_map: int = 0


def source_columns(mapping: dict) -> dict:
    """Return the source column positions of the programme, programme list and decile fields."""
    return {name: mapping[name] for name in ("pkh", "bpnt", "pbi", "program", "desil")
            if name in mapping}


def tally_villages(recipients, mapping: dict | None = None) -> VillageTallies:
    """Count recipients, households, programmes, deciles, duplicates and problems per village.

    ``mapping`` ({canonical field: source column index}) finds the PKH, BPNT,
    PBI, programme list and DESIL columns in each recipient's ``values``.
    A recipient without ``kode_desa`` is "not placed": it counts only towards
    the problem indicator, in the village of its source region code when
    that is a full village code, and in ``off_map`` otherwise. A family card
    whose members live in several villages counts once, in the village of
    most of its members (the lowest code on a tie).
    """
    columns = source_columns(mapping or {})
    result = VillageTallies()
    card_villages = {}
    for item in recipients:
        code = item.kode_desa or ""
        if not code:
            source_code = item.kode_wilayah or ""
            if level_of(source_code) == 4:
                result.villages.setdefault(source_code, Tally()).unplaced += 1
            else:
                result.off_map += 1
            continue
        tally = result.villages.setdefault(code, Tally())
        tally.recipients += 1
        if item.kelompok_duplikat:
            tally.duplicates += 1
        if item.status_koordinat in CONFLICT_STATUSES:
            tally.conflicts += 1
        for programme in programmes_of(item.values, columns):
            tally.programmes[programme] += 1
        decile = decile_of(item.values, columns)
        if decile:
            tally.deciles[decile] += 1
        if item.no_kk:
            card_villages.setdefault(item.no_kk, Counter())[code] += 1

    for villages in card_villages.values():
        most = max(villages.values())
        home = min(code for code, count in villages.items() if count == most)
        result.villages[home].households += 1
    return result


def programmes_of(values, columns: dict) -> set:
    """Return the programmes (PKH, BPNT, PBI) a source row marks."""
    found = set()
    for programme in PROGRAMMES:
        position = columns.get(programme.lower())
        if position is not None and position < len(values) and _is_yes(values[position],
                                                                        programme):
            found.add(programme)
    position = columns.get("program")
    if position is not None and position < len(values):
        text = " ".join(re.sub(r"[^0-9A-Z]+", " ", str(values[position]).upper()).split())
        words = f" {text} "
        for programme, spellings in _PROGRAMME_WORDS.items():
            if any(f" {spelling} " in words for spelling in spellings):
                found.add(programme)
    return found


def _is_yes(value, programme: str) -> bool:
    text = str(value or "").strip().upper()
    if not text:
        return False
    if text in _YES_WORDS or text == programme:
        return True
    try:
        return float(text.replace(",", ".")) > 0
    except ValueError:
        return False


def decile_of(values, columns: dict):
    """Return the welfare decile 1–10 of a source row, or None when it has none."""
    position = columns.get("desil")
    if position is None or position >= len(values):
        return None
    digits = re.findall(r"\d+", str(values[position] or ""))
    if not digits:
        return None
    decile = int(digits[0])
    return decile if 1 <= decile <= 10 else None


def aggregate(tallies: VillageTallies, codes, level: int) -> dict:
    """Return {region code: Tally} for ``codes`` (all at ``level``), summed from their villages.

    Every code in ``codes`` gets a Tally, an empty one when no recipient is
    in it, so regions without recipients show 0 on the map.
    """
    result = {code: Tally() for code in codes}
    for village, tally in tallies.villages.items():
        region = code_at_level(village, level)
        if region in result:
            result[region].add(tally)
    return result


# --- indicators -----------------------------------------------------------------

@dataclass(frozen=True)
class Indicator:
    """Quantity a map shows: a count, or a ratio with its base count and precision."""

    key: str
    legend_title: str        # map text, translated
    is_count: bool = True
    decimals: int = 0
    needs_area: bool = False
    needs_population: bool = False


def indicator(key: str) -> Indicator:
    """Return the Indicator of a key; raise ValueError naming the known keys."""
    if key == RECIPIENTS:
        return Indicator(key, tr("Number of recipients"))
    if key == HOUSEHOLDS:
        return Indicator(key, tr("Recipient households (KK)"))
    if key == DUPLICATES:
        return Indicator(key, tr("Suspected duplicates (rows)"))
    if key == DUPLICATE_SHARE:
        return Indicator(key, tr("Suspected duplicates (% of recipients)"), is_count=False,
                         decimals=1)
    if key == PROBLEMS:
        return Indicator(key, tr("Rows not placed or in conflict"))
    if key == DENSITY:
        return Indicator(key, tr("Recipients per km\u00b2"), is_count=False, decimals=1,
                         needs_area=True)
    if key == RATE:
        return Indicator(key, tr("Recipients per 1,000 residents"), is_count=False, decimals=1,
                         needs_population=True)
    match = re.fullmatch(r"program_(\w+)", key)
    if match and match.group(1).upper() in PROGRAMMES:
        return Indicator(key, tr("{programme} recipients").format(
            programme=match.group(1).upper()))
    match = re.fullmatch(r"desil_(\d+)", key)
    if match and int(match.group(1)) in DECILES:
        return Indicator(key, tr("Recipients in decile {n}").format(n=int(match.group(1))))
    raise ValueError(tr("Unknown indicator '{key}'. Known indicators: {keys}.").format(
        key=key, keys=", ".join(indicator_keys())))


def indicator_keys() -> list:
    """Return every indicator key, in the order a user picks from."""
    return ([RECIPIENTS] + [f"program_{name.lower()}" for name in PROGRAMMES]
            + [f"desil_{decile}" for decile in DECILES]
            + [HOUSEHOLDS, DUPLICATES, DUPLICATE_SHARE, PROBLEMS, DENSITY, RATE])


def indicator_value(key: str, tally: Tally, area_km2: float | None = None,
                    population: float | None = None):
    """Return (value, base count) of an indicator for one region.

    The base count is the number of people behind the value, which decides
    whether the value is suppressed. A ratio whose denominator is missing or
    zero returns (None, base).
    """
    if key == RECIPIENTS:
        return tally.recipients, tally.recipients
    if key == HOUSEHOLDS:
        return tally.households, tally.households
    if key == DUPLICATES:
        return tally.duplicates, tally.duplicates
    if key == PROBLEMS:
        return tally.problems, tally.problems
    if key == DUPLICATE_SHARE:
        if not tally.recipients:
            return None, tally.duplicates
        return 100.0 * tally.duplicates / tally.recipients, tally.duplicates
    if key == DENSITY:
        if not area_km2:
            return None, tally.recipients
        return tally.recipients / area_km2, tally.recipients
    if key == RATE:
        if not population:
            return None, tally.recipients
        return 1000.0 * tally.recipients / population, tally.recipients
    if key.startswith("program_"):
        count = tally.programmes.get(key.split("_", 1)[1].upper(), 0)
        return count, count
    if key.startswith("desil_"):
        count = tally.deciles.get(int(key.split("_", 1)[1]), 0)
        return count, count
    raise ValueError(key)


def read_population(rows) -> dict:
    """Return {region code: population} from (code, value) pairs.

    Codes are normalised (dotted or undotted Kemendagri codes); a value that
    is empty, not a number or not positive is skipped.
    """
    population = {}
    for raw_code, raw_value in rows:
        code = normalize_code(str(raw_code or ""))
        text = str(raw_value if raw_value is not None else "").strip().replace(" ", "")
        if not code or not text:
            continue
        # "12.345" and "12,345" are thousands in Indonesian and English tables.
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text):
            text = re.sub(r"[.,]", "", text)
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            continue
        if value > 0:
            population[code] = population.get(code, 0.0) + value
    return population


def population_at_level(population: dict, codes, level: int) -> dict:
    """Return the population of each code at ``level``: its own figure, else the sum of its villages."""
    result = {}
    for code in codes:
        if code in population:
            result[code] = population[code]
            continue
        parts = [value for key, value in population.items()
                 if level_of(key) == 4 and code_at_level(key, level) == code]
        if parts:
            result[code] = sum(parts)
    return result


# --- class breaks on whole numbers ------------------------------------------------

def _as_whole_number(value) -> int:
    if isinstance(value, bool):
        raise ValueError(tr("Counts must be whole numbers, not {value}.").format(value=repr(value)))
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise ValueError(tr("Counts must be whole numbers, not {value}.").format(value=repr(value)))


def _check_classes(classes: int) -> None:
    if classes < 1:
        raise ValueError(tr("The number of classes must be at least 1, not {n}.").format(n=classes))


def _ranges_from_highs(low: int, highs) -> list:
    ranges = []
    for high in highs:
        if high < low:
            continue
        ranges.append((low, high))
        low = high + 1
    return ranges


def jenks_breaks(values, classes: int = 5) -> list:
    """Return Jenks natural-break classes of whole numbers as contiguous (low, high) ranges.

    Each high bound is a value from the data and the next low bound is that
    high bound + 1, so no two labels share a number. With fewer distinct
    values than ``classes``, each distinct value gets its own class. An empty
    list gives []. Raises ValueError if ``classes`` < 1 or a value is not a
    whole number.
    """
    _check_classes(classes)
    if not values:
        return []
    counts = Counter(_as_whole_number(value) for value in values)
    distinct = sorted(counts)
    if len(distinct) <= classes:
        highs = distinct
    else:
        highs = _jenks_class_highs(distinct, [counts[value] for value in distinct], classes)
    return _ranges_from_highs(distinct[0], highs)


def _jenks_class_highs(distinct: list, weights: list, classes: int) -> list:
    """Return the highest value of each class of the optimal Fisher-Jenks partition.

    Works on the sorted distinct values weighted by how often each occurs, which
    gives the same partition as the full list because an optimal break never
    splits equal values. Cost is O(classes * d^2) for d distinct values, with the
    inner minimum vectorised by numpy.
    """
    # Centring the values keeps the squared sums small, which limits the
    # cancellation error of sum(w*x*x) - sum(w*x)^2 / sum(w).
    x = np.asarray(distinct, dtype=np.float64)
    x = x - x[len(x) // 2]
    w = np.asarray(weights, dtype=np.float64)
    d = len(distinct)

    # Prefix sums, with a leading 0 so that the segment i..j (inclusive) is
    # prefix[j + 1] - prefix[i].
    sum_w = np.concatenate(([0.0], np.cumsum(w)))
    sum_wx = np.concatenate(([0.0], np.cumsum(w * x)))
    sum_wxx = np.concatenate(([0.0], np.cumsum(w * x * x)))

    def segment_cost(starts: np.ndarray, end) -> np.ndarray:
        total_w = sum_w[end + 1] - sum_w[starts]
        total_wx = sum_wx[end + 1] - sum_wx[starts]
        total_wxx = sum_wxx[end + 1] - sum_wxx[starts]
        return np.maximum(total_wxx - total_wx * total_wx / total_w, 0.0)

    # cost[k][j]: minimal cost of splitting values 0..j into k + 1 classes.
    # first_index[k][j]: index of the first value in the last of those classes.
    cost = np.full((classes, d), np.inf)
    first_index = np.zeros((classes, d), dtype=np.int64)
    cost[0] = segment_cost(np.zeros(d, dtype=np.int64), np.arange(d))
    for k in range(1, classes):
        for j in range(k, d):
            starts = np.arange(k, j + 1)
            candidates = cost[k - 1][starts - 1] + segment_cost(starts, j)
            best = candidates.min()
            tolerance = _TIE_TOLERANCE * max(abs(best), 1.0)
            chosen = int(np.flatnonzero(candidates <= best + tolerance)[0])
            cost[k][j] = candidates[chosen]
            first_index[k][j] = starts[chosen]

    highs = []
    end = d - 1
    for k in range(classes - 1, -1, -1):
        highs.append(distinct[end])
        end = int(first_index[k][end]) - 1
    highs.reverse()
    return highs


def equal_interval_breaks(values, classes: int = 5) -> list:
    """Return ``classes`` whole-number ranges of (nearly) equal width from min to max.

    The span max - min + 1 is cut at min + ceil(span * i / classes) - 1, so
    widths differ by at most one. A span shorter than ``classes`` gives one
    class per value. Empty classes are kept, because an equal-interval legend
    shows the whole scale.
    """
    _check_classes(classes)
    if not values:
        return []
    whole = [_as_whole_number(value) for value in values]
    low, high = min(whole), max(whole)
    span = high - low + 1
    highs = [low + math.ceil(span * i / classes) - 1 for i in range(1, classes + 1)]
    return _ranges_from_highs(low, highs)


def quantile_breaks(values, classes: int = 5) -> list:
    """Return whole-number ranges holding about the same number of values each.

    The high bound of class i is the value at rank ceil(n * i / classes) in
    the sorted data. Equal values never split across classes, so ties can
    give fewer classes.
    """
    _check_classes(classes)
    if not values:
        return []
    ordered = sorted(_as_whole_number(value) for value in values)
    n = len(ordered)
    highs = []
    for i in range(1, classes + 1):
        high = ordered[max(math.ceil(n * i / classes) - 1, 0)]
        if not highs or high > highs[-1]:
            highs.append(high)
    return _ranges_from_highs(ordered[0], highs)


def manual_breaks(values, upper_bounds) -> list:
    """Return ranges from the user's upper class bounds, e.g. [10, 50] gives min–10, 11–50, 51–max.

    Bounds must be whole numbers in increasing order. Bounds below the
    smallest value are dropped, and a last class up to the largest value is
    added when the bounds stop short of it.
    """
    bounds = [_as_whole_number(bound) for bound in upper_bounds]
    if any(later <= earlier for earlier, later in zip(bounds, bounds[1:])):
        raise ValueError(tr("Manual class bounds must increase: {bounds}.").format(
            bounds=", ".join(str(bound) for bound in bounds)))
    if not values:
        return []
    whole = [_as_whole_number(value) for value in values]
    low, high = min(whole), max(whole)
    highs = [bound for bound in bounds if low <= bound < high] + [high]
    return _ranges_from_highs(low, highs)


def parse_manual_breaks(text: str, decimals: int = 0) -> list:
    """Read manual upper bounds such as "10, 50, 100" or "2,5; 7,5" into numbers.

    Counts (``decimals`` 0) need whole numbers. Raises ValueError with a
    message for the user.
    """
    parts = [part for part in re.split(r"[;\s]+" if decimals else r"[;,\s]+", text or "") if part]
    bounds = []
    for part in parts:
        try:
            number = float(part.replace(",", ".")) if decimals else int(part.replace(".", ""))
        except ValueError:
            raise ValueError(tr(
                "Invalid manual class bound '{value}'. Write numbers separated by commas or "
                "spaces, e.g. 10, 50, 100.").format(value=part)) from None
        bounds.append(number)
    if not bounds:
        raise ValueError(tr("Manual classes need at least one bound, e.g. 10, 50, 100."))
    return bounds


def class_ranges(values, method: str, classes: int = 5, upper_bounds=None) -> list:
    """Return whole-number class ranges of ``values`` by ``method`` (equal, quantile, jenks, manual)."""
    if method == METHOD_JENKS:
        return jenks_breaks(values, classes)
    if method == METHOD_EQUAL:
        return equal_interval_breaks(values, classes)
    if method == METHOD_QUANTILE:
        return quantile_breaks(values, classes)
    if method == METHOD_MANUAL:
        return manual_breaks(values, upper_bounds or [])
    raise ValueError(tr("Unknown classification method '{method}'. Use one of: {methods}.").format(
        method=method, methods=", ".join(METHODS)))


# --- labels, suppression and the class plan ---------------------------------------

def format_number(value, decimals: int = 0) -> str:
    """Format a number the Indonesian way: "." between thousands, "," before decimals."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def range_label(low, high, decimals: int = 0) -> str:
    """Return a legend label such as "13 – 40" (en dash), or "7" for a one-value class."""
    if low == high:
        return format_number(low, decimals)
    return f"{format_number(low, decimals)} \u2013 {format_number(high, decimals)}"


def suppressed_text(threshold: int) -> str:
    """Return the text printed instead of a count from 1 to ``threshold``, e.g. "< 4"."""
    return tr("< {n}").format(n=threshold + 1)


def is_suppressed(base_count, threshold: int) -> bool:
    """Tell whether a value resting on ``base_count`` people is too small to print exactly."""
    return base_count is not None and 1 <= base_count <= threshold


# Printed instead of a count that is hidden only so that a small count
# cannot be worked out by subtraction.
SECONDARY_TEXT = "*"


def hidden_counts(counts: dict, threshold: int, groups: dict | None = None) -> tuple:
    """Return (small, extra): the codes whose counts are hidden, and why.

    ``counts`` is {code: count}. ``small`` contains the counts from 1 to
    ``threshold``. ``extra`` contains larger counts hidden as well, so that
    no small count can be worked out as a printed total minus the other
    regions. ``groups`` is {code: parent code} for parents whose totals
    are printed elsewhere, such as the districts of a village map (None:
    the map's own total only).

    A parent, or the whole map, with exactly one hidden region would give
    that region's count by subtraction. Each such parent, then the map,
    gets its smallest printed positive count hidden too (the lowest code
    on a tie), until each hides none or at least two.
    """
    small = {code for code, count in counts.items() if is_suppressed(count, threshold)}
    extra = set()
    if not small:
        return small, extra
    members = {}
    for code in sorted(counts):
        members.setdefault((groups or {}).get(code, ""), []).append(code)
    while True:
        hidden = small | extra
        added = None
        for _parent, codes in sorted(members.items()):
            added = _second_to_hide(counts, codes, hidden)
            if added is not None:
                break
        if added is None:
            added = _second_to_hide(counts, sorted(counts), hidden)
        if added is None:
            return small, extra
        extra.add(added)


def _second_to_hide(counts: dict, codes: list, hidden: set):
    """Return the code to hide next to a lone hidden region among ``codes``, or None."""
    if sum(1 for code in codes if code in hidden) != 1:
        return None
    printed = [(counts[code], code) for code in codes
               if code not in hidden and counts[code] is not None and counts[code] > 0]
    return min(printed)[1] if printed else None


@dataclass
class MapClass:
    """One legend entry: its kind, its range (in indicator units) and its label."""

    kind: str
    low: float = 0
    high: float = 0
    label: str = ""


@dataclass
class ClassPlan:
    """The classes of a map and the class and label text of each region."""

    classes: list = field(default_factory=list)       # [MapClass] in legend order
    region_class: dict = field(default_factory=dict)  # code → index into classes
    region_text: dict = field(default_factory=dict)   # code → label printed on the map
    suppressed: int = 0                               # regions hidden, for either reason

    def range_classes(self) -> list:
        return [(item.low, item.high) for item in self.classes if item.kind == KIND_RANGE]


def plan_classes(values: dict, bases: dict, method: str = METHOD_JENKS, classes: int = 5,
                 upper_bounds=None, threshold: int = DEFAULT_THRESHOLD,
                 decimals: int = 0, groups: dict | None = None,
                 additive: bool = True) -> ClassPlan:
    """Classify ``values`` ({code: value or None}) for a map, hiding small counts.

    A region whose base count is from 1 to ``threshold`` goes into one
    hatched class labelled "< threshold + 1" and its label never shows the
    value. When the values are ``additive`` counts, regions hidden as well
    so that no small count can be worked out by subtraction (see
    ``hidden_counts``, with ``groups``) go into a second hatched class
    printed "*". Zero and missing values get classes
    of their own. The other
    values are classified by ``method`` on whole numbers: values with
    ``decimals`` are scaled by 10^decimals, rounded, classified and scaled
    back, so class bounds never overlap at the printed precision.
    A ``threshold`` of 0 suppresses nothing.
    """
    if threshold < 0:
        raise ValueError(tr("The suppression threshold must be 0 or more, not {n}.").format(
            n=threshold))
    scale = 10 ** decimals
    plan = ClassPlan()
    small, extra = hidden_counts({code: bases.get(code) for code, value in values.items()
                                  if value is not None}, threshold, groups)
    if not additive:
        extra = set()
    zero, missing, hidden, also_hidden, shown = [], [], [], [], {}
    for code, value in values.items():
        if value is None:
            missing.append(code)
        elif code in small:
            hidden.append(code)
        elif code in extra:
            also_hidden.append(code)
        elif round(value * scale) == 0:
            zero.append(code)
        else:
            shown[code] = int(round(value * scale))

    if missing:
        _add_class(plan, MapClass(KIND_NO_DATA, label=tr("No data")), missing, "")
    if zero:
        _add_class(plan, MapClass(KIND_ZERO, 0, 0, format_number(0, decimals)), zero,
                   format_number(0, decimals))
    if hidden:
        label = suppressed_text(threshold)
        if decimals:
            label = tr("Hidden ({text} people)").format(text=suppressed_text(threshold))
        _add_class(plan, MapClass(KIND_SUPPRESSED, 1, threshold, label), hidden,
                   suppressed_text(threshold) if not decimals else "*")
    if also_hidden:
        label = tr("{mark} also hidden, to protect {text}").format(
            mark=SECONDARY_TEXT, text=suppressed_text(threshold))
        _add_class(plan, MapClass(KIND_SUPPRESSED, label=label), also_hidden, SECONDARY_TEXT)
    plan.suppressed = len(hidden) + len(also_hidden)

    scaled_bounds = None
    if method == METHOD_MANUAL:
        scaled_bounds = [int(round(bound * scale)) for bound in (upper_bounds or [])]
    ranges = class_ranges(list(shown.values()), method, classes, scaled_bounds)
    first_range = len(plan.classes)
    for low, high in ranges:
        if decimals:
            low, high = low / scale, high / scale
        plan.classes.append(MapClass(KIND_RANGE, low, high, range_label(low, high, decimals)))
    for code, scaled in shown.items():
        for offset, (low, high) in enumerate(ranges):
            if low <= scaled <= high:
                plan.region_class[code] = first_range + offset
                break
        plan.region_text[code] = format_number(scaled / scale, decimals)
    return plan


def _add_class(plan: ClassPlan, item: MapClass, codes, text: str) -> None:
    plan.classes.append(item)
    for code in codes:
        plan.region_class[code] = len(plan.classes) - 1
        plan.region_text[code] = text
