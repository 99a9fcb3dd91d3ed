"""Enums whose spelling changed between QGIS 3.22 and QGIS 3.30+/4.

Each name takes the new, fully scoped spelling when the running QGIS has
it, and the QGIS 3.22 spelling otherwise.
"""

from qgis.core import (
    Qgis, QgsFeatureRequest, QgsLayoutItemPicture, QgsLegendStyle, QgsProcessingAlgorithm,
    QgsScaleBarSettings, QgsUnitTypes, QgsWkbTypes,
)


def _first(*getters):
    for getter in getters:
        try:
            return getter()
        except AttributeError:
            continue
    raise AttributeError("no known spelling of this enum in the running QGIS")


POLYGON_GEOMETRY = _first(lambda: Qgis.GeometryType.Polygon,
                          lambda: QgsWkbTypes.GeometryType.PolygonGeometry)
NO_GEOMETRY_FLAG = _first(lambda: Qgis.FeatureRequestFlag.NoGeometry,
                          lambda: QgsFeatureRequest.Flag.NoGeometry)
LEGEND_HIDDEN = _first(lambda: Qgis.LegendComponent.Hidden,
                       lambda: QgsLegendStyle.Style.Hidden)
SEGMENT_SIZE_FIXED = _first(lambda: Qgis.ScaleBarSegmentSizeMode.Fixed,
                            lambda: QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFixed)
MILLIMETERS = _first(lambda: Qgis.LayoutUnit.Millimeters,
                     lambda: QgsUnitTypes.LayoutUnit.LayoutMillimeters)
# Print layouts are not thread safe, so algorithms that export one run on the main thread.
NO_THREADING = _first(lambda: Qgis.ProcessingAlgorithmFlag.NoThreading,
                      lambda: QgsProcessingAlgorithm.Flag.FlagNoThreading)
PICTURE_SVG = _first(lambda: Qgis.PictureFormat.SVG,
                     lambda: QgsLayoutItemPicture.Format.FormatSVG)
RENDER_MILLIMETERS = _first(lambda: Qgis.RenderUnit.Millimeters,
                            lambda: QgsUnitTypes.RenderUnit.RenderMillimeters)
