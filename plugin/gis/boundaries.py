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
    "kode": ("KDEPUM", "kode", "kode_desa", "kd_desa", "kode_kemendagri", "kdepum", "KODE_DESA"),
    "nama": ("NAMOBJ", "WADMKD", "nama", "nama_desa", "desa"),
    "kecamatan": ("WADMKC", "kecamatan", "nama_kec", "kec"),
    "kabupaten": ("WADMKK", "kabupaten", "kab_kota", "nama_kab", "kab"),
    "provinsi": ("WADMPR", "provinsi", "nama_prov", "prov"),
    "kode_bps": ("KDEBPS", "kode_bps", "kd_bps", "kdbps", "idbps"),
}
# BIG's code fields of each level, from province (1) to village (4).
LEVEL_CODE_FIELDS = {1: "KDPPUM", 2: "KDPKAB", 3: "KDCPUM", 4: "KDEPUM"}
SETTINGS_GROUP = "DtksSpasial/boundaryFields"


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


def detect_fields(layer: QgsVectorLayer, override=None) -> dict:
    """Map each role (kode, nama, kecamatan, kabupaten, provinsi, kode_bps) to a field name.

    ``override`` ({role: field}) wins over detection; without it, the
    mapping the user saved for this layer's source (see save_field_mapping)
    is used. A saved or given field the layer does not have is ignored.
    """
    names = {name.lower(): name for name in layer.fields().names()}
    found = {}
    for role, candidates in FIELD_ROLES.items():
        for candidate in candidates:
            if candidate.lower() in names:
                found[role] = names[candidate.lower()]
                break
    chosen = override if override is not None else saved_field_mapping(layer)
    for role, name in (chosen or {}).items():
        if role in FIELD_ROLES and name and name.lower() in names:
            found[role] = names[name.lower()]
        elif role in FIELD_ROLES and not name:
            found.pop(role, None)
    return found


def role_labels() -> dict:
    """Return the translated label of each field role, for the field mapping dialog."""
    return {
        "kode": tr("Kemendagri village code"), "nama": tr("Village name"),
        "kecamatan": tr("District name"), "kabupaten": tr("Regency name"),
        "provinsi": tr("Province name"), "kode_bps": tr("BPS village code"),
    }


def fields_from_text(text: str) -> dict:
    """Read a boundary field mapping ``kode=KODE_DESA;nama=NAMA`` into {role: field}.

    Raises ValueError with a message for the user for an unknown or repeated
    role and for a part without ``=``.
    """
    result = {}
    for part in (text or "").split(";"):
        if not part.strip():
            continue
        role, equals, name = part.partition("=")
        role = role.strip().lower()
        if role not in FIELD_ROLES:
            raise ValueError(tr(
                "Unknown role '{role}' in the boundary fields. Known roles: {roles}.").format(
                role=role, roles=", ".join(FIELD_ROLES)))
        if not equals:
            raise ValueError(tr(
                "The boundary field role '{role}' has no field: write {role}=FIELD_NAME.").format(
                role=role))
        if role in result:
            raise ValueError(tr(
                "The boundary field role '{role}' is given twice.").format(role=role))
        result[role] = name.strip()
    return result


def check_field_names(layer: QgsVectorLayer, mapping: dict) -> None:
    """Raise BoundaryError when a field named in ``mapping`` is not in the layer."""
    names = {name.lower() for name in layer.fields().names()}
    for role, name in (mapping or {}).items():
        if name and name.lower() not in names:
            raise BoundaryError(tr(
                "The field '{field}' given for '{role}' is not in the boundary layer "
                "'{layer}'. Its fields are: {fields}.").format(
                field=name, role=role, layer=layer.name(),
                fields=", ".join(layer.fields().names())))


def fields_to_text(mapping: dict) -> str:
    """Write {role: field} as ``kode=...;nama=...`` in the order of FIELD_ROLES."""
    return ";".join(f"{role}={mapping[role]}" for role in FIELD_ROLES if role in mapping)


def _settings_key(layer: QgsVectorLayer) -> str:
    """Return the settings key of a layer's data source.

    Memory layers of one kind share their source text, so their own id is
    used instead (their choice is then kept for this session only).
    """
    import hashlib

    source = layer.source() if layer.providerType() != "memory" else f"memory:{layer.id()}"
    return f"{SETTINGS_GROUP}/{hashlib.sha1(source.encode('utf-8')).hexdigest()[:16]}"


def save_field_mapping(layer: QgsVectorLayer, mapping: dict) -> None:
    """Remember the field mapping the user chose for a layer's data source (QgsSettings)."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    if mapping:
        settings.setValue(_settings_key(layer), fields_to_text(mapping))
    else:
        settings.remove(_settings_key(layer))


def saved_field_mapping(layer: QgsVectorLayer) -> dict:
    """Return the field mapping remembered for a layer's data source, or {}."""
    from qgis.core import QgsSettings

    text = QgsSettings().value(_settings_key(layer), "", type=str)
    try:
        return fields_from_text(text)
    except ValueError:
        return {}


def _has_fields(layer: QgsVectorLayer, mapping: dict) -> bool:
    names = {name.lower() for name in layer.fields().names()}
    return all(not name or name.lower() in names for name in mapping.values())


def detect_level(layer: QgsVectorLayer, override=None) -> int:
    """Return the administrative level of a layer from its codes: 1 province … 4 village, 0 unknown."""
    fields = detect_fields(layer, override)
    if "kode" in fields:
        level = _sample_level(layer, fields["kode"])
        if level:
            return level
    names = {name.lower(): name for name in layer.fields().names()}
    for level in (4, 3, 2, 1):
        name = names.get(LEVEL_CODE_FIELDS[level].lower())
        if name and _sample_level(layer, name) == level:
            return level
    return 0


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


def polygon_layers(path: str) -> list:
    """Return the valid polygon layers of a boundary file (every sublayer of a GeoPackage)."""
    uris = [path] if "|layername=" in path else _sublayer_uris(path)
    layers = [QgsVectorLayer(uri, uri.rsplit("=", 1)[-1], "ogr") for uri in uris]
    return [layer for layer in layers
            if layer.isValid() and layer.geometryType() == POLYGON_GEOMETRY]


def open_village_layer(source, override=None) -> QgsVectorLayer:
    """Return the village-level polygon layer from a layer, path or ``path|layername=``.

    A path may name a GeoPackage, a shapefile or a File Geodatabase folder.
    In a file of several layers, the village level is found from the codes.
    """
    if isinstance(source, QgsVectorLayer):
        candidates = [source]
    else:
        source = str(source)
        if "|layername=" in source:
            candidates = [QgsVectorLayer(source, "desa", "ogr")]
        else:
            candidates = [QgsVectorLayer(uri, uri.rsplit("=", 1)[-1], "ogr")
                          for uri in _sublayer_uris(source)]
    candidates = [layer for layer in candidates
                  if layer.isValid() and layer.geometryType() == POLYGON_GEOMETRY]
    if override and candidates and not any(_has_fields(layer, override) for layer in candidates):
        check_field_names(candidates[-1], override)
    best = None
    for layer in candidates:
        fields = detect_fields(layer, override)
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


def load_villages(source, feedback=None, fields=None) -> VillageLayer:
    """Read village polygons into memory, repairing invalid ones, in EPSG:4326.

    ``fields`` ({role: field name}) overrides the detected fields.
    """
    layer = open_village_layer(source, fields)
    fields = detect_fields(layer, fields)
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
        names = {role: _text(feature[name]) for role, name in fields.items() if role != "kode"}
        bps = names.pop("kode_bps", "").replace(".", "")
        result.villages[code] = Village(code=code, name=names.get("nama", ""),
                                        kecamatan=names.get("kecamatan", ""),
                                        kabupaten=names.get("kabupaten", ""),
                                        bps_code=bps if bps.isdigit() else "")
        result.geometries[code] = geometry
        result.parents[code] = names
    if not result.villages:
        raise BoundaryError(tr("The village boundary layer has no polygon with a valid region code."))
    return result


def _text(value) -> str:
    """Return an attribute as stripped text; NULL gives ""."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    text = str(value).strip()
    return text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text


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
