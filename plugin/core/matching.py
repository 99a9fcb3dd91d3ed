"""Finding a recipient's registered village by code or by name.

The coordinate step (point in polygon) needs geometry and lives in
``plugin.gis.placement``; this module needs no QGIS.
"""

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from . import records
from .regions import NUMBER_WORDS, match_key, numbers_as_words

# Minimum score (0-100) for a name match. A village is searched inside the
# named district first, then in the whole regency, where more similar names
# compete, so the bar is higher there.
DISTRICT_CUTOFF = 80.0
REGENCY_MARGIN = 10.0
PARENT_CUTOFF = 85.0
# A code match whose given village name scores below this against the
# village of the code is flagged, so the disagreement can be reviewed.
NAME_DISAGREES_BELOW = 60.0
CANDIDATE_COUNT = 3
# Names scoring below this are too far off to be offered as candidates.
CANDIDATE_MIN_SCORE = 50.0

_NUMBER = re.compile(r"\d+")
_NUMBER_WORD_KEYS = frozenset(
    word for text in NUMBER_WORDS.values() for word in match_key(text).split())


@dataclass(frozen=True)
class Village:
    """A village of the boundary layer, with the names of its parents."""

    code: str
    name: str
    kecamatan: str = ""
    kabupaten: str = ""
    bps_code: str = ""


@dataclass(frozen=True)
class Match:
    """Outcome of the search for a recipient's registered village.

    ``code`` is None when nothing matched. ``candidates`` then contains up
    to three (code, name, score) of the closest names for review.
    """

    code: object
    method: str
    score: object = None
    candidates: tuple = ()
    name_disagrees: bool = False


NO_MATCH = Match(None, records.METODE_TIDAK_COCOK)


def _village_score(query: str, choice: str, **_kwargs) -> float:
    """Score two name keys; the numbers in them must agree.

    Spaces are left out of the comparison, so ``SUKA MAJU`` and
    ``SUKAMAJU`` score 100. When only one name has numbers, they are
    compared as words (``SUKAMAJU 2`` and ``SUKAMAJU DUA``). Names whose
    numbers differ are different villages, and so are a numbered name and
    a name without a number word.
    """
    query_numbers, choice_numbers = _NUMBER.findall(query), _NUMBER.findall(choice)
    if query_numbers != choice_numbers:
        wordy = choice if query_numbers else query
        if query_numbers and choice_numbers or _NUMBER_WORD_KEYS.isdisjoint(wordy.split()):
            return 0.0
        query, choice = numbers_as_words(query), numbers_as_words(choice)
    return fuzz.ratio(query.replace(" ", ""), choice.replace(" ", ""))


def format_candidates(candidates) -> str:
    """Return candidates as ``kode nama (skor); ...`` for the kandidat_desa field."""
    return "; ".join(f"{code} {name} ({score:.0f})" for code, name, score in candidates)


def parse_candidates(text: str) -> list:
    """Return [(code, name, score)] from a kandidat_desa text."""
    result = []
    for part in (text or "").split(";"):
        found = re.match(r"\s*(\S+)\s+(.*?)\s+\((\d+(?:\.\d+)?)\)\s*$", part)
        if found:
            result.append((found.group(1), found.group(2), float(found.group(3))))
    return result


class VillageIndex:
    """Lookup of villages by code and by (regency, district, village) name.

    ``min_score`` is the lowest name score accepted inside the named
    district; in the whole regency it is ``min_score`` + 10 (at most 100).
    """

    def __init__(self, villages, min_score: float = DISTRICT_CUTOFF):
        self.villages = {village.code: village for village in villages}
        self.min_score = float(min_score)
        self.regency_score = min(100.0, self.min_score + REGENCY_MARGIN)
        self._bps = {village.bps_code: village.code
                     for village in self.villages.values() if village.bps_code}
        self._regencies = {}
        self._regency_of_code = {}
        for village in self.villages.values():
            regency = match_key(village.kabupaten)
            district = match_key(village.kecamatan)
            districts = self._regencies.setdefault(regency, {})
            districts.setdefault(district, []).append((match_key(village.name), village.code))
            self._regency_of_code.setdefault(village.code[:5], regency)
        # A boundary layer without parent names cannot narrow a search by them.
        self._has_regencies = any(self._regencies)
        self._has_districts = any(district for districts in self._regencies.values()
                                  for district in districts)
        self._cache = {}

    def __len__(self):
        return len(self.villages)

    def by_code(self, code: str):
        """Return the Village with this dotted code, or None."""
        return self.villages.get(code) if code else None

    def by_bps_code(self, code: str):
        """Return the Kemendagri code of the village with this BPS code, or None.

        BPS village codes have ten digits like undotted Kemendagri codes
        (2-2-3-3 instead of 2-2-2-4), so dots are ignored.
        """
        digits = (code or "").replace(".", "")
        return self._bps.get(digits) if len(digits) == 10 else None

    def resolve(self, kode: str, desa: str = "", kecamatan: str = "", kabupaten: str = "") -> Match:
        """Return the Match for a recipient's region code and names.

        The Kemendagri code wins, then the BPS code, then the village name
        within its named district and regency. The result is cached, as
        many recipients share the same region columns.
        """
        key = (kode, desa, kecamatan, kabupaten)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._resolve(*key)
        return found

    def _resolve(self, kode, desa, kecamatan, kabupaten) -> Match:
        code = kode if kode in self.villages else self.by_bps_code(kode)
        if code:
            disagrees = False
            if desa:
                score = _village_score(match_key(desa), match_key(self.villages[code].name))
                disagrees = score < NAME_DISAGREES_BELOW
            return Match(code, records.METODE_KODE, 100.0, (), disagrees)
        regency_hint = self._regency_of_code.get((kode or "")[:5], "")
        code, score, candidates = self._search(
            match_key(desa), match_key(kecamatan), match_key(kabupaten), regency_hint)
        if code:
            return Match(code, records.METODE_NAMA, round(score, 1))
        return Match(None, records.METODE_TIDAK_COCOK, round(score, 1) if score else None,
                     tuple(candidates))

    def by_name(self, desa: str, kecamatan: str = "", kabupaten: str = ""):
        """Return (code, score) for a village name within its named parents.

        The village is looked for in the named district first. When that
        gives nothing, it is looked for in the whole named regency (or
        everywhere, without a regency) with a higher cutoff. The code is
        None when no village scores above the cutoff; the score is then
        the best one seen.
        """
        code, score, _ = self._search(match_key(desa), match_key(kecamatan), match_key(kabupaten))
        return code, score

    def _best_parent(self, name, choices):
        if not name:
            return list(choices)
        if name in choices:
            return [name]
        found = process.extractOne(name, list(choices), scorer=fuzz.ratio,
                                   score_cutoff=PARENT_CUTOFF)
        return [found[0]] if found else []

    def _ranked(self, name, candidates):
        """Return [(score, code)] of the candidates, best first, one per code."""
        names = [candidate[0] for candidate in candidates]
        found = process.extract(name, names, scorer=_village_score,
                                limit=CANDIDATE_COUNT + 1, score_cutoff=1)
        return [(float(score), candidates[position][1], choice)
                for choice, score, position in found]

    def _pick(self, ranked, cutoff):
        """Return the code of the best ranked name, or None when too low or tied.

        Two different villages sharing the best score are ambiguous, so the
        result is then no match.
        """
        if not ranked:
            return None
        score, code, _ = ranked[0]
        tied = len(ranked) > 1 and ranked[1][0] == score and ranked[1][1] != code
        if score < cutoff or tied:
            return None
        return code

    def _search(self, name, district, regency, regency_hint=""):
        """Return (code or None, best score, candidates) for a village name key."""
        if not name:
            return None, 0.0, []
        regency = regency if self._has_regencies else ""
        district = district if self._has_districts else ""
        if regency:
            regencies = self._best_parent(regency, self._regencies)
        elif regency_hint:
            regencies = [regency_hint]
        else:
            regencies = list(self._regencies)
        ranked_all = []
        if district:
            candidates = []
            for regency_key in regencies:
                districts = self._regencies[regency_key]
                for district_key in self._best_parent(district, districts):
                    candidates.extend(districts[district_key])
            ranked = self._ranked(name, candidates)
            code = self._pick(ranked, self.min_score)
            if code:
                return code, ranked[0][0], []
            ranked_all.extend(ranked)
        everywhere = [item for regency_key in regencies
                      for items in self._regencies[regency_key].values() for item in items]
        ranked = self._ranked(name, everywhere)
        code = self._pick(ranked, self.regency_score)
        if code:
            return code, ranked[0][0], []
        ranked_all.extend(ranked)
        best = {}
        for score, code, _ in ranked_all:
            if score >= CANDIDATE_MIN_SCORE:
                best[code] = max(score, best.get(code, 0.0))
        ordered = sorted(best.items(), key=lambda pair: (-pair[1], pair[0]))[:CANDIDATE_COUNT]
        candidates = [(code, self.villages[code].name, score) for code, score in ordered]
        best_score = max((score for score, _, _ in ranked_all), default=0.0)
        return None, best_score, candidates
