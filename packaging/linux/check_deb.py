"""Inspect a built plume .deb the way dpkg and a desktop would see it.

    python packaging/linux/check_deb.py out/plume_0.1.0_amd64.deb [--max-mb 45]

Checks the control fields, the file layout (bundle in /opt/plume, /usr/bin/plume link,
desktop entry, AppStream metainfo, icons, copyright, root ownership), validates the
desktop entry and metainfo with desktop-file-validate and appstreamcli, and proves that
`Depends` covers every system library the bundle links to (ldd + dpkg -S on this host).
Prints one line per check and a summary line; exit 1 on any failure.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bundle_rules import forbidden_reason  # noqa: E402

APP_ID = "io.github.plumestudio.Plume"
REQUIRED = {
    "./opt/plume/plume": "-rwxr-xr-x",
    "./usr/bin/plume": "lrwxrwxrwx",
    f"./usr/share/applications/{APP_ID}.desktop": "-rw-r--r--",
    f"./usr/share/metainfo/{APP_ID}.metainfo.xml": "-rw-r--r--",
    f"./usr/share/icons/hicolor/256x256/apps/{APP_ID}.png": "-rw-r--r--",
    f"./usr/share/icons/hicolor/48x48/apps/{APP_ID}.png": "-rw-r--r--",
    f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg": "-rw-r--r--",
    "./usr/share/doc/plume/copyright": "-rw-r--r--",
    "./opt/plume/_internal/resources/icons/plume.svg": "-rw-r--r--",
    "./opt/plume/_internal/resources/analysis/en/syllable_exceptions.txt": "-rw-r--r--",
}
# Always present on any Debian/Ubuntu system (Essential or pulled by libc6).
IMPLICIT = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g"}


class Failed(Exception):
    pass


def sh(*cmd: str) -> str:
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise Failed(f"{' '.join(cmd[:3])} ... exited {proc.returncode}: {proc.stderr[-800:]}")
    return proc.stdout


def control(deb: Path) -> dict[str, str]:
    fields: dict[str, str] = {}
    key = ""
    for line in sh("dpkg-deb", "--field", str(deb)).splitlines():
        if line[:1].isspace() and key:
            fields[key] += "\n" + line.strip()
        elif ":" in line:
            key, value = line.split(":", 1)
            fields[key] = value.strip()
    return fields


def depends_names(value: str) -> set[str]:
    names = set()
    for alternative in re.split(r"[,|]", value):
        name = alternative.strip().split(" ")[0].split("(")[0]
        if name:
            names.add(name)
    return names


def soname_package(soname: str) -> str:
    """Debian's library package naming: libxcb-icccm.so.4 -> libxcb-icccm4."""
    match = re.match(r"(lib.+?)\.so\.(\d+)", soname)
    if not match:
        return soname
    base, major = match.groups()
    return f"{base}{'-' if base[-1].isdigit() else ''}{major}".lower()


class DebCheck:
    def __init__(self, deb: Path, max_mb: float | None) -> None:
        self.deb, self.max_mb = deb, max_mb
        self.results: list[bool] = []
        self.tmp = Path(tempfile.mkdtemp(prefix="plume-deb-"))
        self.fields: dict[str, str] = {}

    def check(self, name: str, fn: Callable[[], str]) -> None:
        try:
            detail, ok = fn(), True
        except Failed as exc:
            detail, ok = str(exc), False
        except Exception as exc:  # noqa: BLE001
            detail, ok = f"{type(exc).__name__}: {exc}", False
        self.results.append(ok)
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}", flush=True)

    def info(self) -> str:
        self.fields = control(self.deb)
        for key in ("Package", "Version", "Architecture", "Maintainer", "Depends",
                    "Installed-Size", "Description"):
            if not self.fields.get(key):
                raise Failed(f"control field {key} missing")
        if self.fields["Package"] != "plume":
            raise Failed(f"Package is {self.fields['Package']!r}")
        needed = {"libc6", "libxcb-cursor0", "libxkbcommon-x11-0", "libfontconfig1", "libegl1"}
        absent = needed - depends_names(self.fields["Depends"])
        if absent:
            raise Failed(f"Depends lacks {sorted(absent)}")
        size = self.deb.stat().st_size
        if self.max_mb and size > self.max_mb * 1e6:
            raise Failed(f"{size / 1e6:.1f} MB > {self.max_mb} MB")
        installed = int(self.fields["Installed-Size"]) / 1024
        return (f"plume {self.fields['Version']} {self.fields['Architecture']}, "
                f"{size / 1e6:.1f} MB, installed {installed:.0f} MiB")

    def contents(self) -> str:
        listing = sh("dpkg-deb", "--contents", str(self.deb)).splitlines()
        entries = {}
        for line in listing:
            parts = line.split(None, 5)
            mode, owner, path = parts[0], parts[1], parts[5].split(" -> ")[0]
            if owner != "root/root":
                raise Failed(f"{path} owned by {owner}")
            entries[path] = mode
        for path, mode in REQUIRED.items():
            if path not in entries:
                raise Failed(f"missing {path}")
            if entries[path] != mode:
                raise Failed(f"{path} has mode {entries[path]}, want {mode}")
        if not any("/usr/bin/plume -> /opt/plume/plume" in line for line in listing):
            raise Failed("/usr/bin/plume does not point to /opt/plume/plume")
        bad = [p for p in entries if p.startswith("./opt/plume/") and
               forbidden_reason(p.removeprefix("./opt/plume/"))]
        if bad:
            raise Failed(f"forbidden files: {bad[:5]}")
        if entries.get("./", "").startswith("drwx------"):
            raise Failed("package root is drwx------")
        return f"{len(entries)} entries, layout and modes as expected"

    def validators(self) -> str:
        absent = [t for t in ("desktop-file-validate", "appstreamcli") if shutil.which(t) is None]
        if absent:       # packaging/tools.sh could not install them: say so, do not fail
            return (f"skipped: {' and '.join(absent)} not installed "
                    "(sudo apt-get install desktop-file-utils appstream)")
        sh("dpkg-deb", "-x", str(self.deb), str(self.tmp))
        desktop = self.tmp / f"usr/share/applications/{APP_ID}.desktop"
        metainfo = self.tmp / f"usr/share/metainfo/{APP_ID}.metainfo.xml"
        sh("desktop-file-validate", str(desktop))
        out = sh("appstreamcli", "validate", "--no-net", str(metainfo))
        if f'version="{self.fields.get("Version")}"' not in metainfo.read_text(encoding="utf-8"):
            raise Failed("metainfo release does not carry the package version")
        return "desktop-file-validate OK; appstreamcli: " + out.strip().splitlines()[-1].strip()

    def dependencies(self) -> str:
        bundle = self.tmp / "opt/plume"
        if not bundle.is_dir():
            sh("dpkg-deb", "-x", str(self.deb), str(self.tmp))
        ours = {p.name for p in bundle.rglob("*.so*")}
        elfs = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()
                and (p.name == "plume" or ".so" in p.name) and p.read_bytes()[:4] == b"\x7fELF"]
        system: dict[str, str] = {}
        unresolved: set[str] = set()
        for elf in elfs:
            # Direct needs only (DT_NEEDED): what those pull in is their packages' business.
            dynamic = subprocess.run(["readelf", "-d", str(elf)], capture_output=True, text=True)
            direct = set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic.stdout))
            out = subprocess.run(["ldd", str(elf)], capture_output=True, text=True).stdout
            for line in out.splitlines():
                match = re.match(r"\s*(\S+) => (not found|\S+)", line)
                if not match or match.group(1) in ours or match.group(1) not in direct:
                    continue
                name, where = match.groups()
                if where == "not found":
                    unresolved.add(name)
                elif not where.startswith(str(self.tmp)):
                    system[name] = where
        owners: dict[str, str] = {}
        for name, path in system.items():
            real = str(Path(path).resolve())
            proc = subprocess.run(["dpkg", "-S", path, real], capture_output=True, text=True)
            hit = next((ln for ln in proc.stdout.splitlines() if ": " in ln), "")
            owners[name] = hit.split(":")[0] if hit else soname_package(name)
        for name in unresolved:
            owners[name] = soname_package(name)
        declared = depends_names(self.fields.get("Depends", "")) | IMPLICIT
        uncovered = sorted({f"{lib} ({pkg})" for lib, pkg in owners.items() if pkg not in declared})
        if uncovered:
            raise Failed("Depends misses: " + ", ".join(uncovered))
        return (f"{len(elfs)} ELF files link {len(owners)} system libraries "
                f"({len(unresolved)} not installed here), all covered by Depends")

    def run(self) -> int:
        self.check(".deb control (dpkg-deb --info)", self.info)
        self.check(".deb layout (dpkg-deb --contents)", self.contents)
        self.check("desktop entry + AppStream metainfo validate", self.validators)
        self.check("Depends covers every linked system library", self.dependencies)
        shutil.rmtree(self.tmp, ignore_errors=True)
        failed = self.results.count(False)
        print(f"deb check: {'all' if not failed else failed} of {len(self.results)} checks "
              f"{'passed' if not failed else 'FAILED'}")
        return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("deb", type=Path)
    parser.add_argument("--max-mb", type=float, default=None, help="size limit (xz builds)")
    args = parser.parse_args()
    return DebCheck(args.deb, args.max_mb).run()


if __name__ == "__main__":
    sys.exit(main())
