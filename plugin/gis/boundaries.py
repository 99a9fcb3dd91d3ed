"""Village boundary layers in BIG's field layout or the plain kode/nama layout."""

from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext,
    QgsDataProvider, QgsFeatureRequest, QgsVectorLayer,
)

from ..compat import NO_GEOMETRY_FLAG, POLYGON_GEOMETRY
from ..core.matching import Village
from ..core.regions import normalize_code
from ..i18n import tr

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")

# Candidate field names per role, in order of preference (compared without case).
FIELD_ROLES = {
    "kode": ("KDEPUM", "kode", "kode_desa", "kd_desa", "kdepum", "KODE_DESA"),
    "nama": ("NAMOBJ", "WADMKD", "nama", "nama_desa", "desa"),
    "kecamatan": ("WADMKC", "kecamatan", "nama_kec", "kec"),
    "kabupaten": ("WADMKK", "kabupaten", "kab_kota", "nama_kab", "kab"),
    "provinsi": ("WADMPR", "provinsi", "nama_prov", "prov"),
}


class BoundaryError(Exception):
    """A boundary layer that cannot be used; the message is for the user."""


@dataclass
class VillageLayer:
    """Village polygons in EPSG:4326, keyed by dotted Kemendagri code."""

    villages: dict = field(default_factory=dict)      # code → Village
    geometries: dict = field(default_factory=dict)    # code → QgsGeometry (EPSG:4326)
    parents: dict = field(default_factory=dict)       # code → {"provinsi": .., ...}
    repaired: int = 0
    source_name: str = ""


def detect_fields(layer: QgsVectorLayer) -> dict:
    """Map each role (kode, nama, kecamatan, kabupaten, provinsi) to a field name."""
    names = {name.lower(): name for name in layer.fields().names()}
    found = {}
    for role, candidates in FIELD_ROLES.items():
        for candidate in candidates:
            if candidate.lower() in names:
                found[role] = names[candidate.lower()]
                break
    return found


def _sample_level(layer: QgsVectorLayer, code_field: str) -> int:
    request = QgsFeatureRequest().setLimit(20).setFlags(NO_GEOMETRY_FLAG)
    levels = set()
    for feature in layer.getFeatures(request):
        code = normalize_code(str(feature[code_field] or ""))
        if code:
            levels.add(len(code.split(".")))
    return max(levels) if levels else 0


def _sublayer_uris(path: str) -> list:
    probe = QgsVectorLayer(path, "probe", "ogr")
    if not probe.isValid() and "|" not in path:
        return []
    uris = []
    for description in probe.dataProvider().subLayers():
        parts = description.split(QgsDataProvider.SUBLAYER_SEPARATOR)
        if len(parts) >= 2:
            uris.append(f"{path}|layername={parts[1]}")
    return uris or [path]


def open_village_layer(source) -> QgsVectorLayer:
    """Return the village-level polygon layer from a layer, path or ``path|layername=``."""
    if isinstance(source, QgsVectorLayer):
        candidates = [source]
    else:
        source = str(source)
        if "|layername=" in source:
            candidates = [QgsVectorLayer(source, "desa", "ogr")]
        else:
            candidates = [QgsVectorLayer(uri, uri.rsplit("=", 1)[-1], "ogr")
                          for uri in _sublayer_uris(source)]
    best = None
    for layer in candidates:
        if not layer.isValid() or layer.geometryType() != POLYGON_GEOMETRY:
            continue
        fields = detect_fields(layer)
        if "kode" not in fields:
            continue
        level = _sample_level(layer, fields["kode"])
        if level == 4:
            return layer
        if best is None:
            best = layer
    if best is None:
        raise BoundaryError(tr(
            "No village boundary layer found: a polygon layer with a region code field "
            "(KDEPUM or kode) is required."))
    raise BoundaryError(tr(
        "The boundary layer is not at village level (its codes are not of the form "
        "PP.KK.CC.DDDD). Choose the village (desa) layer."))


def load_villages(source, feedback=None) -> VillageLayer:
    """Read village polygons into memory, repairing invalid ones, in EPSG:4326."""
    layer = open_village_layer(source)
    fields = detect_fields(layer)
    transform = None
    if layer.crs().isValid() and layer.crs() != WGS84:
        # A default context: this may run in a worker thread, away from the project.
        transform = QgsCoordinateTransform(layer.crs(), WGS84, QgsCoordinateTransformContext())
    result = VillageLayer(source_name=layer.name())
    for number, feature in enumerate(layer.getFeatures()):
        if feedback is not None and number % 500 == 0:
            if feedback.isCanceled():
                break
        code = normalize_code(str(feature[fields["kode"]] or ""))
        geometry = feature.geometry()
        if not code or geometry is None or geometry.isEmpty():
            continue
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()
            result.repaired += 1
        if transform is not None:
            geometry.transform(transform)
        names = {role: str(feature[name] or "").strip() for role, name in fields.items() if role != "kode"}
        result.villages[code] = Village(code=code, name=names.get("nama", ""),
                                        kecamatan=names.get("kecamatan", ""),
                                        kabupaten=names.get("kabupaten", ""))
        result.geometries[code] = geometry
        result.parents[code] = names
    if not result.villages:
        raise BoundaryError(tr("The village boundary layer has no polygon with a valid region code."))
    return result


def region_title(villages: VillageLayer, region: str) -> str:
    """Return a readable name for a region code, e.g. "Kabupaten Kaur"."""
    level = len(region.split("."))
    for code, names in villages.parents.items():
        if code == region or code.startswith(region + "."):
            if level == 1 and names.get("provinsi"):
                name = names["provinsi"]
                return name if name.lower().startswith("provinsi") else f"Provinsi {name}"
            if level == 2 and names.get("kabupaten"):
                return names["kabupaten"]
            if level == 3 and names.get("kecamatan"):
                return f"Kecamatan {names['kecamatan']}"
            if level == 4:
                village = villages.villages[code]
                kind = "Kelurahan" if code.split(".")[3].startswith("1") else "Desa"
                return f"{kind} {village.name}"
    return region
