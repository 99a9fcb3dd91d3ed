"""Finding a recipient's registered village by code or by name.

The coordinate step (point in polygon) needs geometry and lives in
``plugin.gis.placement``; this module needs no QGIS.
"""

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .regions import normalize_name

# Minimum rapidfuzz ratio (0-100) for a name match. A village is searched
# inside the matched district first, then in the whole regency, where more
# similar names compete, so the bar is higher there.
DISTRICT_CUTOFF = 80.0
REGENCY_CUTOFF = 90.0
PARENT_CUTOFF = 85.0

_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Village:
    """A village of the boundary layer, with the names of its parents."""

    code: str
    name: str
    kecamatan: str = ""
    kabupaten: str = ""


def _village_score(query: str, choice: str, **_kwargs) -> float:
    """Score two normalised village names; numbers in them must agree."""
    if _NUMBER.findall(query) != _NUMBER.findall(choice):
        return 0.0
    return fuzz.ratio(query, choice)


class VillageIndex:
    """Lookup of villages by code and by (regency, district, village) name."""

    def __init__(self, villages):
        self.villages = {village.code: village for village in villages}
        self._regencies = {}
        for village in self.villages.values():
            regency = normalize_name(village.kabupaten)
            district = normalize_name(village.kecamatan)
            districts = self._regencies.setdefault(regency, {})
            districts.setdefault(district, []).append((normalize_name(village.name), village.code))
        self._cache = {}

    def __len__(self):
        return len(self.villages)

    def by_code(self, code: str):
        """Return the Village with this dotted code, or None."""
        return self.villages.get(code) if code else None

    def _best_parent(self, name, choices):
        if not name:
            return list(choices)
        if name in choices:
            return [name]
        found = process.extractOne(name, list(choices), scorer=fuzz.ratio,
                                   score_cutoff=PARENT_CUTOFF)
        return [found[0]] if found else []

    def _best_village(self, name, candidates, cutoff):
        """Return (code, score) of the best candidate, or (None, best score).

        Two different villages sharing the best score are ambiguous, so the
        result is then no match.
        """
        if not candidates:
            return None, 0.0
        names = [candidate[0] for candidate in candidates]
        found = process.extract(name, names, scorer=_village_score, limit=2, score_cutoff=0)
        if not found:
            return None, 0.0
        _, score, position = found[0]
        tied = len(found) > 1 and found[1][1] == score and found[1][0] != found[0][0]
        if score < cutoff or tied:
            return None, float(score)
        return candidates[position][1], float(score)

    def by_name(self, desa: str, kecamatan: str = "", kabupaten: str = ""):
        """Return (code, score) for a village name within its named parents.

        The village is looked for in the named district first. When that
        gives nothing, it is looked for in the whole named regency (or everywhere, without a
        regency) with a higher cutoff. The code is None when no village
        scores above the cutoff; the score is then the best one seen.
        """
        key = (normalize_name(desa), normalize_name(kecamatan), normalize_name(kabupaten))
        if key not in self._cache:
            self._cache[key] = self._search(*key)
        return self._cache[key]

    def _search(self, name, district, regency):
        if not name:
            return None, 0.0
        regencies = self._best_parent(regency, self._regencies)
        best_score = 0.0
        if district:
            candidates = []
            for regency_key in regencies:
                districts = self._regencies[regency_key]
                for district_key in self._best_parent(district, districts):
                    candidates.extend(districts[district_key])
            code, score = self._best_village(name, candidates, DISTRICT_CUTOFF)
            if code:
                return code, score
            best_score = score
        everywhere = [item for regency_key in regencies
                      for items in self._regencies[regency_key].values() for item in items]
        code, score = self._best_village(name, everywhere, REGENCY_CUTOFF)
        if code:
            return code, score
        return None, max(best_score, score)
