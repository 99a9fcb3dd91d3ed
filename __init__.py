"""Entry point that QGIS calls when it loads the DTKS Spasial plugin."""


def classFactory(iface):  # noqa: N802 (name fixed by QGIS)
    """Return the plugin object; QGIS calls its initGui() next."""
    from .plugin.main import DtksSpasialPlugin

    return DtksSpasialPlugin(iface)
