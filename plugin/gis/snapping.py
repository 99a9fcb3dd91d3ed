"""Giving each recipient its registered village: code, then name, then coordinate."""

from ..core import records
from ..core.matching import DISTRICT_CUTOFF, VillageIndex, format_candidates
from .placement import VillageLocator


class _Steps:
    """Splits one feedback's progress between the containment and the rest."""

    def __init__(self, feedback, share: float):
        self.feedback = feedback
        self.share = share
        self.offset = 0.0

    def isCanceled(self) -> bool:  # noqa: N802 (QgsFeedback API)
        return self.feedback is not None and self.feedback.isCanceled()

    def setProgress(self, value: float) -> None:  # noqa: N802 (QgsFeedback API)
        if self.feedback is not None:
            self.feedback.setProgress(self.offset + self.share * value)


def snap_recipients(recipients, village_layer, feedback=None,
                    min_score: float = DISTRICT_CUTOFF) -> None:
    """Fill the village, method, coordinate status and point of each recipient.

    A village assigned by hand (``kode_desa_manual``) wins over every
    other evidence when the boundary layer has it. ``min_score`` is the
    lowest name score accepted (see VillageIndex).
    """
    index = VillageIndex(village_layer.villages.values(), min_score)
    locator = VillageLocator(village_layer)
    steps = _Steps(feedback, 0.8)
    points = [(item.lon, item.lat) if item.lat is not None else None for item in recipients]
    containing = locator.containing_all(points, steps)
    del points
    if len(containing) < len(recipients):
        return
    steps.offset, steps.share = 80.0, 0.2

    placed_per_village = {}
    total = max(len(recipients), 1)
    for number, item in enumerate(recipients):
        if number % 5000 == 0:
            if steps.isCanceled():
                return
            steps.setProgress(100.0 * number / total)
        inside = containing[number]
        _registered_village(item, index, inside)
        code = item.kode_desa
        # The village containing the point: the registered one when it is among them.
        if not inside:
            item.kode_desa_koordinat = None
        elif code in inside:
            item.kode_desa_koordinat = code
        else:
            item.kode_desa_koordinat = inside[0]
        item.jarak_desa_m = None

        if item.lat is None:
            item.status_koordinat = records.STATUS_TANPA
        elif item.swapped:
            item.status_koordinat = records.STATUS_TERTUKAR
        elif code and code in inside:
            item.status_koordinat = records.STATUS_SESUAI
        elif inside:
            item.status_koordinat = records.STATUS_BEDA_DESA
            if code:
                item.jarak_desa_m = locator.distance_m(code, item.lon, item.lat)
        else:
            item.status_koordinat = records.STATUS_DI_LUAR

        if item.lat is not None:
            item.x, item.y, item.lokasi_perkiraan = item.lon, item.lat, False
        elif code:
            ordinal = placed_per_village.get(code, 0)
            placed_per_village[code] = ordinal + 1
            item.x, item.y = locator.place(code, ordinal)
            item.lokasi_perkiraan = True
        else:
            item.x = item.y = None
            item.lokasi_perkiraan = False


def _registered_village(item, index: VillageIndex, inside) -> None:
    """Set kode_desa, nama_desa, metode_lokasi, skor_lokasi and kandidat_desa."""
    problem = records.PROBLEM_NAMA_DESA_BEDA_KODE
    if problem in item.problems:
        item.problems.remove(problem)
    item.kandidat_desa = None
    manual = item.kode_desa_manual
    if manual and index.by_code(manual):
        code, method, score = manual, records.METODE_MANUAL, None
    else:
        match = index.resolve(item.kode_wilayah, item.desa, item.kecamatan, item.kabupaten)
        code, method, score = match.code, match.method, match.score
        if match.name_disagrees:
            item.problems.append(problem)
        if code is None and inside:
            code, method, score = inside[0], records.METODE_KOORDINAT, None
        elif code is None:
            item.kandidat_desa = format_candidates(match.candidates) or None
    item.kode_desa = code
    item.nama_desa = index.by_code(code).name if code else None
    item.metode_lokasi = method
    item.skor_lokasi = score
