import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.fake_ollama.plugin"]


@pytest.fixture(autouse=True)
def _isolated_profile(tmp_path_factory: pytest.TempPathFactory,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts on a fresh profile: empty settings and data folders, and none of
    the developer's $OLLAMA_HOST or tokens, so no test depends on the machine it runs on."""
    profile = tmp_path_factory.mktemp("profile")
    monkeypatch.setenv("PLUME_CONFIG_DIR", str(profile / "config"))
    monkeypatch.setenv("PLUME_DATA_DIR", str(profile / "data"))
    for name in ("OLLAMA_HOST", "PLUME_OLLAMA_TOKEN", "OLLAMA_API_KEY"):
        monkeypatch.delenv(name, raising=False)
