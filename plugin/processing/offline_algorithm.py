"""Processing algorithm dtks:package_offline: the offline field package of a region."""

from qgis.core import (
    QgsProcessing, QgsProcessingException, QgsProcessingOutputFile, QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition, QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination, QgsProcessingParameterNumber,
    QgsProcessingParameterString, QgsProcessingParameterVectorLayer,
)

from ..gis import basemaps, offline
from ..i18n import tr
from .algorithms import _Base, _looks_like_path


class PackageOffline(_Base):
    """dtks:package_offline — base-map tiles, boundaries, recipients and a project."""

    def __init__(self):
        super().__init__()
        self._services = []

    def name(self):
        return "package_offline"

    def displayName(self):
        return tr("Prepare offline package")

    def shortHelpString(self):
        return tr(
            "Packages a region for work without a network. The base map is rendered into "
            "tiles (MBTiles) over the region's whole bounding box at the chosen zoom levels; "
            "every boundary level found in BOUNDARIES (provinsi, kabupaten, kecamatan, desa) "
            "is cut to the region, and the region's recipients (by kode_desa) are copied, "
            "into one GeoPackage. A QGIS project with relative paths opens them all. The tile "
            "count is reported before any tile is fetched, and a package above MAX_TILES "
            "tiles is rejected. XYZ_URL, when given, replaces the chosen service with an XYZ "
            "tile URL such as https://server/tile/{z}/{y}/{x}.")

    def initAlgorithm(self, config=None):
        try:
            self._services = [service for service in basemaps.load_services()
                              if service.kind in basemaps.RASTER_KINDS]
        except basemaps.ServiceError:
            self._services = [service for service in basemaps.default_services()
                              if service.kind in basemaps.RASTER_KINDS]
        self.addParameter(QgsProcessingParameterString(
            "REGION", tr("Region code (e.g. 17.04.01)")))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "BOUNDARIES", tr("Boundaries (a file with several levels, or one layer)"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", tr("Recipient layer"), [QgsProcessing.SourceType.TypeVector],
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "SERVICE", tr("Base map"), [service.title for service in self._services],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "ZOOM_MIN", tr("Minimum zoom level"), minValue=0, maxValue=25, defaultValue=10))
        self.addParameter(QgsProcessingParameterNumber(
            "ZOOM_MAX", tr("Maximum zoom level"), minValue=0, maxValue=25, defaultValue=14))
        advanced = [
            QgsProcessingParameterString(
                "XYZ_URL", tr("XYZ tile URL instead of the base map above"), optional=True),
            QgsProcessingParameterString(
                "ATTRIBUTION", tr("Attribution of the XYZ tiles"), optional=True),
            QgsProcessingParameterNumber(
                "MAX_TILES", tr("Maximum number of tiles"), minValue=1,
                defaultValue=offline.MAX_TILES),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags()
                               | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", tr("Package folder")))
        self.addOutput(QgsProcessingOutputFile("PROJECT", tr("Package project")))
        self.addOutput(QgsProcessingOutputFile("TILES", tr("Base-map tiles (MBTiles)")))
        self.addOutput(QgsProcessingOutputFile("GEOPACKAGE", tr("Package GeoPackage")))
        self.addOutput(QgsProcessingOutputNumber("TILE_COUNT", tr("Tiles")))

    def _service(self, parameters, context):
        url = self.parameterAsString(parameters, "XYZ_URL", context).strip()
        if url:
            entry = {"id": "xyz_url", "title": tr("XYZ tiles"), "kind": basemaps.KIND_XYZ,
                     "url": url, "min_zoom": 0, "max_zoom": basemaps.MAX_ZOOM_LEVEL,
                     "attribution": self.parameterAsString(parameters, "ATTRIBUTION", context)}
            try:
                return basemaps.BaseMapService.from_dict(entry)
            except basemaps.ServiceError as error:
                raise QgsProcessingException(str(error)) from error
        index = self.parameterAsEnum(parameters, "SERVICE", context)
        if not 0 <= index < len(self._services):
            raise QgsProcessingException(tr("The service list has no base map number "
                                            "{number}.").format(number=index))
        return self._services[index]

    def _source(self, parameters, name, context):
        """Return a file path when the parameter names a file, else the layer (or None)."""
        raw = parameters.get(name)
        if isinstance(raw, str) and raw and _looks_like_path(raw):
            return raw
        return self.parameterAsVectorLayer(parameters, name, context)

    def processAlgorithm(self, parameters, context, feedback):
        service = self._service(parameters, context)
        boundaries = self._source(parameters, "BOUNDARIES", context)
        if boundaries is None:
            raise QgsProcessingException(tr("The boundary layer could not be opened."))
        try:
            package = offline.build_offline_package(
                self.parameterAsString(parameters, "OUTPUT_FOLDER", context), service,
                self.parameterAsInt(parameters, "ZOOM_MIN", context),
                self.parameterAsInt(parameters, "ZOOM_MAX", context),
                region_code=self.parameterAsString(parameters, "REGION", context),
                boundaries=boundaries,
                recipients=self._source(parameters, "INPUT", context),
                feedback=feedback,
                max_tiles=self.parameterAsInt(parameters, "MAX_TILES", context))
        except (offline.OfflinePackageError, basemaps.ServiceError, OSError) as error:
            raise QgsProcessingException(str(error)) from error
        if package is None:
            return {}
        for name, count in package.feature_counts.items():
            feedback.pushInfo(tr("{layer}: {count} features").format(layer=name, count=count))
        return {"OUTPUT_FOLDER": package.folder, "PROJECT": package.project_path,
                "TILES": package.tiles_path, "GEOPACKAGE": package.gpkg_path,
                "TILE_COUNT": package.tile_count}
