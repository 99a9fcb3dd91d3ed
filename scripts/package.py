"""Build dist/dtks_spasial-VERSION.zip for Plugins ▸ Install from ZIP."""

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_DIR = "dtks_spasial"
INCLUDED = ("metadata.txt", "__init__.py", "LICENSE", "README.md", "README.id.md",
            "requirements.txt", "plugin/", "resources/", "i18n/")


def main() -> int:
    metadata = configparser.ConfigParser()
    metadata.read(ROOT / "metadata.txt", encoding="utf-8")
    version = metadata["general"]["version"]
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, check=True, capture_output=True,
                             text=True).stdout.split()
    files = [name for name in tracked if name.startswith(INCLUDED)]
    files += [str(path.relative_to(ROOT)) for path in (ROOT / "i18n").glob("*.qm")]
    if not any(name.endswith(".qm") for name in files):
        print("i18n/*.qm missing: run 'make translations' first", file=sys.stderr)
        return 1
    target = ROOT / "dist" / f"{PLUGIN_DIR}-{version}.zip"
    target.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(set(files)):
            archive.write(ROOT / name, f"{PLUGIN_DIR}/{name}")
    print(f"{target.relative_to(ROOT)}: {len(set(files))} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
