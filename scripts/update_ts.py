"""Collect every tr("...") string of plugin/ and scripts/ into i18n/dtks_spasial_id.ts.

Existing translations are kept; new strings are added as unfinished and
strings no longer in the code are marked obsolete. ``--check`` only reports
strings without a finished translation and exits 1 if there are any.
``--merge FILE.json ...`` adds finished translations from JSON objects
{"English source": "terjemahan"} before writing.
"""

import ast
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_PATH = ROOT / "i18n" / "dtks_spasial_id.ts"
CONTEXT = "DtksSpasial"


def source_strings() -> dict:
    """Return {text: "file:line"} for each literal passed to tr() in plugin/."""
    found = {}
    paths = sorted((ROOT / "plugin").rglob("*.py")) + sorted((ROOT / "scripts").glob("*.py"))
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and node.args
                    and isinstance(node.func, (ast.Name, ast.Attribute))
                    and (getattr(node.func, "id", None) == "tr"
                         or getattr(node.func, "attr", None) == "tr")
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value,
                                 f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def read_translations() -> dict:
    """Return {source: (translation, finished)} from the .ts file."""
    if not TS_PATH.is_file():
        return {}
    result = {}
    for message in ElementTree.parse(TS_PATH).getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        finished = translation is not None and translation.get("type") is None
        result[source] = ((translation.text or "") if translation is not None else "", finished)
    return result


def write_ts(strings: dict, translations: dict) -> None:
    root = ElementTree.Element("TS", version="2.1", language="id_ID", sourcelanguage="en")
    context = ElementTree.SubElement(root, "context")
    ElementTree.SubElement(context, "name").text = CONTEXT
    for source in sorted(set(strings) | set(translations)):
        message = ElementTree.SubElement(context, "message")
        if source in strings:
            file_name, line = strings[source].rsplit(":", 1)
            ElementTree.SubElement(message, "location", filename=file_name, line=line)
        ElementTree.SubElement(message, "source").text = source
        text, finished = translations.get(source, ("", False))
        translation = ElementTree.SubElement(message, "translation")
        translation.text = text
        if source not in strings:
            translation.set("type", "obsolete")
        elif not finished or not text:
            translation.set("type", "unfinished")
    ElementTree.indent(root)
    TS_PATH.parent.mkdir(exist_ok=True)
    body = ElementTree.tostring(root, encoding="unicode")
    TS_PATH.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                       encoding="utf-8")


def merge_json(translations: dict, path: str) -> int:
    """Add the finished translations of a JSON object {source: translation}."""
    import json

    with open(path, encoding="utf-8") as handle:
        added = json.load(handle)
    for source, text in added.items():
        translations[source] = (text, True)
    return len(added)


def main(argv) -> int:
    strings = source_strings()
    translations = read_translations()
    if "--merge" in argv:
        for path in argv[argv.index("--merge") + 1:]:
            print(f"{merge_json(translations, path)} translations from {path}")
    if "--check" in argv:
        missing = [text for text in strings if not translations.get(text, ("", False))[1]
                   or not translations[text][0]]
        for text in missing:
            print(f"untranslated: {text!r} ({strings[text]})")
        return 1 if missing else 0
    write_ts(strings, translations)
    print(f"{len(strings)} strings in {TS_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
