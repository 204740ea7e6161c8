"""Time the real GUI start of a built Plume on an X server: spawn -> main window viewable.

    xvfb-run -a -s "-screen 0 1440x900x24" \
        python3 packaging/linux/gui_start_xvfb.py dist/plume/plume

Unlike the smoke test's offscreen `--only window` timing, this runs the plain `plume` GUI
(settings, library, connection check, xcb plugin) from a fresh home and polls `xwininfo`
(x11-utils) every 5 ms until the main window is viewable. A measurement, not a CI gate.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

TITLE = "SEO writing studio"  # part of the main window's title


def window_viewable() -> bool:
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
    for line in tree.splitlines():
        if TITLE in line:
            info = subprocess.run(["xwininfo", "-id", line.split()[0]],
                                  capture_output=True, text=True).stdout
            if "IsViewable" in info:
                return True
    return False


def measure(exe: str) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, QT_QPA_PLATFORM="xcb")
        env.pop("PLUME_CONFIG_DIR", None)
        env.pop("PLUME_DATA_DIR", None)
        started = time.time()
        proc = subprocess.Popen([exe], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            while not window_viewable():
                if proc.poll() is not None or time.time() - started > 20:
                    raise SystemExit(f"no main window (exit code {proc.returncode})")
                time.sleep(0.005)
            return time.time() - started
        finally:
            proc.terminate()
            proc.wait()


def main() -> int:
    exe = sys.argv[1] if len(sys.argv) > 1 else "dist/plume/plume"
    runs = [measure(exe) for _ in range(int(os.environ.get("RUNS", "5")))]
    print(f"spawn -> main window viewable (xcb): median {statistics.median(runs):.3f} s, "
          f"min {min(runs):.3f} s, runs {[round(t, 3) for t in runs]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
