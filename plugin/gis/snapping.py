"""Giving each recipient its registered village: code, then name, then coordinate."""

from ..core import records
from ..core.matching import VillageIndex
from .placement import VillageLocator


def snap_recipients(recipients, village_layer, feedback=None) -> None:
    """Fill the village, method, coordinate status and point of each recipient."""
    index = VillageIndex(village_layer.villages.values())
    locator = VillageLocator(village_layer)
    placed_per_village = {}
    total = max(len(recipients), 1)
    for number, item in enumerate(recipients):
        if feedback is not None and number % 1000 == 0:
            if feedback.isCanceled():
                return
            feedback.setProgress(100.0 * number / total)
        has_point = item.lat is not None
        containing = locator.containing(item.lon, item.lat) if has_point else []

        code, score = None, None
        if index.by_code(item.kode_wilayah):
            code, score, method = item.kode_wilayah, 100.0, records.METODE_KODE
        else:
            found, found_score = index.by_name(item.desa, item.kecamatan, item.kabupaten)
            if found:
                code, score, method = found, round(found_score, 1), records.METODE_NAMA
            elif containing:
                code, method = containing[0], records.METODE_KOORDINAT
            else:
                method = records.METODE_TIDAK_COCOK
        item.kode_desa = code
        item.nama_desa = index.by_code(code).name if code else None
        item.metode_lokasi = method
        item.skor_lokasi = score

        if not has_point:
            item.status_koordinat = records.STATUS_TANPA
        elif item.swapped:
            item.status_koordinat = records.STATUS_TERTUKAR
        elif code and code in containing:
            item.status_koordinat = records.STATUS_SESUAI
        elif containing:
            item.status_koordinat = records.STATUS_BEDA_DESA
            if code:
                item.jarak_desa_m = locator.distance_m(code, item.lon, item.lat)
        else:
            item.status_koordinat = records.STATUS_DI_LUAR

        if has_point:
            item.x, item.y, item.lokasi_perkiraan = item.lon, item.lat, False
        elif code:
            ordinal = placed_per_village.get(code, 0)
            placed_per_village[code] = ordinal + 1
            item.x, item.y = locator.place(code, ordinal)
            item.lokasi_perkiraan = True
