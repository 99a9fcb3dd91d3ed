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
        if not candidates:
            return None, 0.0
        names = [candidate[0] for candidate in candidates]
        found = process.extractOne(name, names, scorer=_village_score, score_cutoff=0)
        if not found:
            return None, 0.0
        _, score, position = found
        if score < cutoff:
            return None, float(score)
        return candidates[position][1], float(score)

    def by_name(self, desa: str, kecamatan: str = "", kabupaten: str = ""):
        """Return (code, score) for a village name within its named parents.

        The code is None when no village scores above the cutoff; the score
        is then the best one seen (0 when there was no candidate).
        """
        key = (normalize_name(desa), normalize_name(kecamatan), normalize_name(kabupaten))
        if key in self._cache:
            return self._cache[key]
        name, district, regency = key
        result = (None, 0.0)
        if name:
            best_score = 0.0
            for regency_key in self._best_parent(regency, self._regencies):
                districts = self._regencies[regency_key]
                for district_key in self._best_parent(district, districts) if district else []:
                    code, score = self._best_village(name, districts[district_key], DISTRICT_CUTOFF)
                    if code:
                        result = (code, score)
                        break
                    best_score = max(best_score, score)
                if result[0]:
                    break
                everywhere = [item for items in districts.values() for item in items]
                code, score = self._best_village(name, everywhere, REGENCY_CUTOFF)
                if code:
                    result = (code, score)
                    break
                best_score = max(best_score, score)
            if not result[0]:
                result = (None, best_score)
        self._cache[key] = result
        return result
