"""Grouping rows that probably belong to the same person.

Pairs are only compared inside blocks (same NIK, same birth date), so the
work grows with the table, not with its square. Each group keeps the
reasons of the pairs that formed it.
"""

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from . import records

# Minimum name similarity (0-100, see name_similarity) for the rules that rely on names.
NAME_CUTOFF_NIK_TYPO = 80.0
NAME_CUTOFF_SAME_PERSON = 90.0
_TITLES = {"H", "HJ", "HAJI", "HAJJAH", "DR", "IR", "DRS", "DRA", "PROF"}
_DEGREES = {"SH", "SE", "SPD", "SAG", "AMD", "ST", "SKM", "SKOM", "MM", "MPD", "SSOS"}
_ABBREVIATIONS = {"M": "MUHAMMAD", "MOH": "MUHAMMAD", "MUH": "MUHAMMAD", "MUHAMAD": "MUHAMMAD",
                  "MOHAMMAD": "MUHAMMAD", "MOHAMAD": "MUHAMMAD", "MHD": "MUHAMMAD",
                  "ST": "SITI", "STI": "SITI"}


@dataclass
class Person:
    """The fields of one row that the duplicate rules read."""

    index: int
    nik: str
    no_kk: str
    nama: str
    tgl_lahir: object
    jenis_kelamin: str
    kode_desa: str


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


def name_similarity(first: str, second: str) -> float:
    """Score two normalised names 0-100, letting an initial stand for a word.

    "IRWAN S" and "IRWAN SETIAWAN" score 100: each one-letter word is
    replaced by the other name's word in the same place when it starts with
    that letter.
    """
    first_words, second_words = first.split(), second.split()
    if len(first_words) == len(second_words):
        for position, (a, b) in enumerate(zip(first_words, second_words)):
            if len(a) == 1 and b.startswith(a):
                first_words[position] = b
            elif len(b) == 1 and a.startswith(b):
                second_words[position] = a
    first_text, second_text = " ".join(first_words), " ".join(second_words)
    return max(fuzz.ratio(first_text, second_text), fuzz.token_sort_ratio(first_text, second_text))


def nik_one_typo(first: str, second: str) -> bool:
    """Tell whether two 16-digit NIKs differ by one digit or one adjacent swap."""
    if len(first) != len(second) or first == second:
        return False
    diffs = [i for i, (a, b) in enumerate(zip(first, second)) if a != b]
    if len(diffs) == 1:
        return True
    return (len(diffs) == 2 and diffs[1] == diffs[0] + 1
            and first[diffs[0]] == second[diffs[1]] and first[diffs[1]] == second[diffs[0]])


class _Groups:
    """Union-find over row indexes, keeping the reasons per link."""

    def __init__(self):
        self.parent = {}
        self.reasons = {}

    def find(self, item):
        root = item
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(item, item) != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def link(self, first, second, reason):
        root_a, root_b = self.find(first), self.find(second)
        if root_a != root_b:
            self.parent[root_b] = root_a
            self.parent.setdefault(root_a, root_a)
            merged = self.reasons.pop(root_b, set()) | self.reasons.get(root_a, set())
            self.reasons[root_a] = merged
        self.reasons.setdefault(root_a, set()).add(reason)


def _district(code: str) -> str:
    return code[:8] if code else ""


def find_groups(people, feedback=None) -> dict:
    """Return {row index: (group id, reason text)} for rows in a suspected group.

    Group ids are ``D00001``, ``D00002`` … in the order of each group's
    first row, so a re-run on the same table gives the same ids.
    """
    groups = _Groups()

    by_nik = {}
    for person in people:
        if len(person.nik) == 16 and person.nik.isdigit():
            by_nik.setdefault(person.nik, []).append(person)
    for members in by_nik.values():
        if len(members) < 2:
            continue
        first = members[0]
        villages = {member.kode_desa for member in members if member.kode_desa}
        reason = records.DUP_SAME_NIK_MOVED if len(villages) > 1 else records.DUP_SAME_NIK
        for other in members[1:]:
            groups.link(first.index, other.index, reason)

    if feedback is not None and feedback.isCanceled():
        return {}

    by_birth = {}
    for person in people:
        if person.tgl_lahir is not None:
            by_birth.setdefault(person.tgl_lahir, []).append(person)
    for members in by_birth.values():
        if len(members) < 2:
            continue
        names = [normalize_person_name(member.nama) for member in members]
        for i, first in enumerate(members):
            for j in range(i + 1, len(members)):
                second = members[j]
                if first.nik == second.nik:
                    continue
                reason = _pair_reason(first, second, names[i], names[j])
                if reason:
                    groups.link(first.index, second.index, reason)
        if feedback is not None and feedback.isCanceled():
            return {}

    return _number_groups(groups)


def _pair_reason(first, second, first_name, second_name):
    """Return the reason code linking two rows with one birth date, or None."""
    if not first_name or not second_name:
        return None
    similarity = name_similarity(first_name, second_name)
    same_card = bool(first.no_kk) and first.no_kk == second.no_kk
    # Dukcapil numbers people of one district and birth date 0001, 0002 …, so
    # two NIKs one digit apart are often two people. A typo therefore also
    # needs the same KK.
    if nik_one_typo(first.nik, second.nik) and same_card and similarity >= NAME_CUTOFF_NIK_TYPO:
        return records.DUP_NIK_TYPO
    same_sex = first.jenis_kelamin and first.jenis_kelamin == second.jenis_kelamin
    same_district = _district(first.kode_desa) and _district(first.kode_desa) == _district(second.kode_desa)
    # Two people of one family card with one birth date are twins, not one
    # person. Two valid NIKs that differ only in the serial were given to two
    # people by Dukcapil.
    serials_only = (len(first.nik) == 16 and first.nik[:12] == second.nik[:12]
                    and first.nik.isdigit() and second.nik.isdigit())
    if (same_sex and same_district and not same_card and not serials_only
            and similarity >= NAME_CUTOFF_SAME_PERSON):
        return records.DUP_SAME_PERSON
    return None


def _number_groups(groups) -> dict:
    members = {}
    for item in list(groups.parent):
        members.setdefault(groups.find(item), []).append(item)
    result = {}
    ordered = sorted(members.values(), key=min)
    for number, items in enumerate(ordered, start=1):
        group_id = f"D{number:05d}"
        root = groups.find(items[0])
        text = "; ".join(records.DUP_REASON_TEXT[code] for code in sorted(groups.reasons.get(root, ())))
        for item in items:
            result[item] = (group_id, text)
    return result
