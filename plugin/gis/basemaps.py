"""Base-map and boundary services (BIG's and the user's own) as QGIS layers.

The default list is ``resources/basemaps.json``. The user's changes are
stored as a difference from it in ``dtks_spasial/basemaps.json`` under the
QGIS profile folder: services added or edited (keyed by id) and the ids of
default services removed. A later plugin version can then change its
defaults without losing what the user added. Nothing here contacts the
network except ``make_layer``, through the QGIS data provider it creates.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from qgis.core import (
    QgsApplication, QgsDataSourceUri, QgsMapLayer, QgsRasterLayer, QgsVectorLayer,
)

from ..i18n import tr

DEFAULTS_PATH = Path(__file__).resolve().parents[2] / "resources" / "basemaps.json"
USER_FILE_NAME = "basemaps.json"

KIND_XYZ = "xyz"
KIND_WMTS = "wmts"
KIND_WMS = "wms"
KIND_MAPSERVER = "arcgis_mapserver"
KIND_FEATURESERVER = "arcgis_featureserver"
KINDS = (KIND_XYZ, KIND_WMTS, KIND_WMS, KIND_MAPSERVER, KIND_FEATURESERVER)
# Kinds that draw a picture and can be cut into offline tiles.
RASTER_KINDS = (KIND_XYZ, KIND_WMTS, KIND_WMS, KIND_MAPSERVER)
LEVELS = ("provinsi", "kabupaten", "kecamatan", "desa")
# Zoom levels of the web-mercator tile grid that QGIS's XYZ provider accepts.
MAX_ZOOM_LEVEL = 25

_ID_PATTERN = re.compile(r"^[A-Za-z0-9_.-]+$")
_URL_SCHEMES = ("http://", "https://", "file://")


class ServiceError(ValueError):
    """A service entry that cannot be used; the message is for the user."""


@dataclass
class BaseMapService:
    """One entry of the service list: a tile, WMS/WMTS or ArcGIS REST service."""

    id: str
    title: str
    kind: str
    url: str
    attribution: str = ""
    # Indonesian title, shown when the QGIS interface is in Bahasa Indonesia.
    title_id: str = ""
    # WMS/WMTS layer names (comma-separated), or the ArcGIS MapServer layer id.
    layers: str = ""
    style: str = ""
    tile_matrix_set: str = ""
    # Image format, e.g. image/png (WMS/WMTS) or PNG32 (ArcGIS MapServer).
    format: str = ""
    crs: str = ""
    min_zoom: int = 0
    max_zoom: int = 18
    # Boundary level of a feature service: provinsi, kabupaten, kecamatan or desa.
    level: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> "BaseMapService":
        """Build a service from a JSON object, validating it (raises ServiceError)."""
        if not isinstance(data, dict):
            raise ServiceError(tr("A service entry must be a JSON object, not {value}.").format(
                value=type(data).__name__))
        known = {item.name for item in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        for key in ("min_zoom", "max_zoom"):
            if key in values:
                values[key] = _as_int(values[key], key)
        for key in known - {"min_zoom", "max_zoom"}:
            if key in values:
                values[key] = "" if values[key] is None else str(values[key]).strip()
        missing = [name for name in ("id", "title", "kind", "url") if not values.get(name)]
        if missing:
            raise ServiceError(tr("The service entry lacks the fields {fields}.").format(
                fields=", ".join(missing)))
        service = cls(**values)
        validate_service(service)
        return service

    def to_dict(self) -> dict:
        """Return the JSON object of the service, without empty optional fields."""
        data = asdict(self)
        return {key: value for key, value in data.items()
                if value not in ("", None) or key in ("id", "title", "kind", "url")}

    def display_title(self, language: str = "") -> str:
        """Return the title in the interface language ("id": the Indonesian title)."""
        if language[:2] == "id" and self.title_id:
            return self.title_id
        return self.title


def _as_int(value, name: str) -> int:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ServiceError(tr("{field} must be a whole number, not '{value}'.").format(
            field=name, value=value)) from None
    if number != int(number):
        raise ServiceError(tr("{field} must be a whole number, not '{value}'.").format(
            field=name, value=value))
    return int(number)


def validate_service(service: BaseMapService) -> None:
    """Raise ServiceError, naming the field and the fix, unless the entry is usable."""
    if not _ID_PATTERN.match(service.id):
        raise ServiceError(tr(
            "Invalid service id '{id}': use letters, digits, '_', '-' or '.' only.").format(
            id=service.id))
    if service.kind not in KINDS:
        raise ServiceError(tr("Unknown service kind '{kind}' in '{title}'. Known kinds: "
                              "{kinds}.").format(kind=service.kind, title=service.title,
                                                 kinds=", ".join(KINDS)))
    if not service.url.lower().startswith(_URL_SCHEMES):
        raise ServiceError(tr("Invalid URL '{url}' in '{title}': it must start with http://, "
                              "https:// or file://.").format(url=service.url,
                                                             title=service.title))
    if service.kind == KIND_XYZ:
        lacking = [part for part in ("{x}", "{z}") if part not in service.url]
        if "{y}" not in service.url and "{-y}" not in service.url:
            lacking.append("{y}")
        if lacking:
            raise ServiceError(tr(
                "The tile URL of '{title}' lacks the placeholders {parts}; an XYZ URL looks "
                "like https://server/tile/{{z}}/{{y}}/{{x}}.").format(
                title=service.title, parts=" ".join(lacking)))
    if service.kind in (KIND_WMS, KIND_WMTS) and not service.layers:
        raise ServiceError(tr("'{title}' is a WMS/WMTS service: give its layer name.").format(
            title=service.title))
    if service.kind == KIND_WMTS and not service.tile_matrix_set:
        raise ServiceError(tr(
            "'{title}' is a WMTS service: give its tile matrix set, e.g. "
            "GoogleMapsCompatible.").format(title=service.title))
    for name, value in (("min_zoom", service.min_zoom), ("max_zoom", service.max_zoom)):
        if not 0 <= value <= MAX_ZOOM_LEVEL:
            raise ServiceError(tr("{field} of '{title}' must be between 0 and {max}, not "
                                  "{value}.").format(field=name, title=service.title,
                                                     max=MAX_ZOOM_LEVEL, value=value))
    if service.min_zoom > service.max_zoom:
        raise ServiceError(tr("The minimum zoom ({min}) of '{title}' is above its maximum "
                              "zoom ({max}).").format(min=service.min_zoom,
                                                      title=service.title,
                                                      max=service.max_zoom))
    if service.level and service.level not in LEVELS:
        raise ServiceError(tr("Unknown boundary level '{level}' in '{title}'. Known levels: "
                              "{levels}.").format(level=service.level, title=service.title,
                                                  levels=", ".join(LEVELS)))


# ---------------------------------------------------------------- the list


def user_list_path() -> str:
    """Return the path of the user's service list in the active QGIS profile."""
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "dtks_spasial", USER_FILE_NAME)


def _read_json(path) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except json.JSONDecodeError as error:
        raise ServiceError(tr("The service list {path} is not valid JSON: {error}.").format(
            path=path, error=error)) from error
    if not isinstance(data, dict) or not isinstance(data.get("services", []), list):
        raise ServiceError(tr("The service list {path} must be a JSON object with a "
                              "\"services\" list.").format(path=path))
    return data


def _services_from(entries, path) -> list:
    services = []
    for number, entry in enumerate(entries, start=1):
        try:
            services.append(BaseMapService.from_dict(entry))
        except ServiceError as error:
            raise ServiceError(tr("Entry {number} of {path}: {error}").format(
                number=number, path=path, error=error)) from error
    return services


def default_services() -> list:
    """Return the services of ``resources/basemaps.json``, in file order."""
    return _services_from(_read_json(DEFAULTS_PATH).get("services", []), DEFAULTS_PATH)


def _read_user_list(path) -> tuple:
    """Return (user services, ids of removed defaults) from the user's file, if any."""
    if not os.path.isfile(path):
        return [], []
    data = _read_json(path)
    removed = [str(item) for item in data.get("removed", [])]
    return _services_from(data.get("services", []), path), removed


def load_services(path=None) -> list:
    """Return the defaults merged with the user's list.

    A user entry with a default's id replaces that default in place; other
    user entries follow the defaults. Defaults the user removed are left out.
    """
    path = path or user_list_path()
    user_services, removed = _read_user_list(path)
    by_id = {service.id: service for service in user_services}
    merged = []
    for service in default_services():
        if service.id in removed:
            continue
        merged.append(by_id.pop(service.id, service))
    merged.extend(service for service in user_services if service.id in by_id)
    return merged


def save_services(services, path=None) -> None:
    """Store a whole service list as its difference from the defaults."""
    path = path or user_list_path()
    ids = [service.id for service in services]
    duplicates = sorted({item for item in ids if ids.count(item) > 1})
    if duplicates:
        raise ServiceError(tr("Service ids must be unique; repeated: {ids}.").format(
            ids=", ".join(duplicates)))
    for service in services:
        validate_service(service)
    defaults = {service.id: service for service in default_services()}
    changed = [service.to_dict() for service in services
               if defaults.get(service.id) != service]
    removed = [service_id for service_id in defaults if service_id not in ids]
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    temporary = f"{path}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump({"version": 1, "services": changed, "removed": removed}, handle,
                  ensure_ascii=False, indent=2)
    os.replace(temporary, path)


def add_service(service: BaseMapService, path=None) -> None:
    """Append a new service to the user's list; its id must not be in use."""
    services = load_services(path)
    if any(item.id == service.id for item in services):
        raise ServiceError(tr("A service with the id '{id}' exists already.").format(
            id=service.id))
    save_services(services + [service], path)


def update_service(service: BaseMapService, path=None) -> None:
    """Replace the service that has the same id (a default one too)."""
    services = load_services(path)
    if not any(item.id == service.id for item in services):
        raise ServiceError(tr("No service with the id '{id}' in the list.").format(
            id=service.id))
    save_services([service if item.id == service.id else item for item in services], path)


def remove_service(service_id: str, path=None) -> None:
    """Remove a service from the list (a default one stays hidden until a reset)."""
    services = load_services(path)
    if not any(item.id == service_id for item in services):
        raise ServiceError(tr("No service with the id '{id}' in the list.").format(
            id=service_id))
    save_services([item for item in services if item.id != service_id], path)


def reset_services(path=None) -> None:
    """Forget the user's changes, so the list is the defaults again."""
    path = path or user_list_path()
    if os.path.isfile(path):
        os.remove(path)


def find_service(service_id: str, path=None) -> BaseMapService:
    """Return the service with this id from the merged list (raises ServiceError)."""
    for service in load_services(path):
        if service.id == service_id:
            return service
    raise ServiceError(tr("No service with the id '{id}' in the list.").format(id=service_id))


# ---------------------------------------------------------------- layers


def layer_source(service: BaseMapService) -> tuple:
    """Return (data source URI, provider key) of the QGIS layer for a service."""
    uri = QgsDataSourceUri()
    if service.kind == KIND_XYZ:
        uri.setParam("type", "xyz")
        uri.setParam("url", service.url)
        uri.setParam("zmin", str(service.min_zoom))
        uri.setParam("zmax", str(service.max_zoom))
        return bytes(uri.encodedUri()).decode("utf-8"), "wms"
    if service.kind in (KIND_WMS, KIND_WMTS):
        uri.setParam("url", service.url)
        uri.setParam("layers", service.layers)
        uri.setParam("styles", service.style)
        uri.setParam("format", service.format or "image/png")
        uri.setParam("crs", service.crs or "EPSG:3857")
        uri.setParam("contextualWMSLegend", "0")
        # 7: the provider sends the DPI in every vendor-specific form it supports.
        uri.setParam("dpiMode", "7")
        if service.kind == KIND_WMTS:
            uri.setParam("tileMatrixSet", service.tile_matrix_set)
        return bytes(uri.encodedUri()).decode("utf-8"), "wms"
    uri.setParam("url", service.url)
    if service.crs:
        uri.setParam("crs", service.crs)
    if service.kind == KIND_MAPSERVER:
        uri.setParam("format", service.format or "PNG32")
        # NOTE: with no layer id QGIS requests the MapServer's default layers;
        # this was not tried against BIG's server from this machine.
        uri.setParam("layer", service.layers)
        return uri.uri(False).strip(), "arcgismapserver"
    return uri.uri(False).strip(), "arcgisfeatureserver"


def set_attribution(layer: QgsMapLayer, attribution: str) -> None:
    """Set the attribution as the layer's rights and its (server) attribution.

    Print layouts show the rights of visible layers through the map_credits()
    expression function (QGIS 3.22 on).
    """
    if not attribution:
        return
    metadata = layer.metadata()
    rights = list(metadata.rights())
    if attribution not in rights:
        metadata.setRights(rights + [attribution])
        layer.setMetadata(metadata)
    server_properties = layer.serverProperties() if hasattr(layer, "serverProperties") else None
    if server_properties is not None and hasattr(server_properties, "setAttribution"):
        server_properties.setAttribution(attribution)  # QGIS 3.38 on
    else:
        layer.setAttribution(attribution)


def make_layer(service: BaseMapService, language: str = "") -> QgsMapLayer:
    """Create the QGIS layer of a service, with its attribution.

    Creating the layer may contact the service (capabilities, layer
    information). The caller checks ``isValid()``; an invalid layer's
    ``error()`` explains what the provider could not read.
    """
    validate_service(service)
    source, provider = layer_source(service)
    title = service.display_title(language)
    if service.kind == KIND_FEATURESERVER:
        layer = QgsVectorLayer(source, title, provider)
    else:
        layer = QgsRasterLayer(source, title, provider)
    set_attribution(layer, service.attribution)
    return layer
