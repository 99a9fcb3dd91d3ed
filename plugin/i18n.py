"""Translation of user-facing text through Qt, with one context for the plugin.

Source strings are English; ``i18n/dtks_spasial_id.ts`` contains the Bahasa
Indonesia translations, compiled to ``.qm`` by ``make translations``.
Translate first and format afterwards: ``tr("Rows read: {n}").format(n=5)``.
"""

from pathlib import Path

CONTEXT = "DtksSpasial"
I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"

try:
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
except ImportError:  # the QGIS-free core can run without Qt
    QCoreApplication = None
    QTranslator = None

_installed = []


def tr(text: str) -> str:
    """Return the translation of ``text`` in the installed language."""
    if QCoreApplication is None:
        return text
    return QCoreApplication.translate(CONTEXT, text)


def install_translator(language: str) -> bool:
    """Load ``i18n/dtks_spasial_<language>.qm`` into the application, if it exists."""
    if QTranslator is None or not language:
        return False
    path = I18N_DIR / f"dtks_spasial_{language[:2]}.qm"
    if not path.is_file():
        return False
    translator = QTranslator()
    if not translator.load(str(path)):
        return False
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    return True


def remove_translators() -> None:
    """Remove the translators this module installed."""
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
