"""Settings: defaults, round-trip, corrupt files never crash and are kept, migrations,
validation messages a user can act on, and no secret ever written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.core.errors import SettingsError
from app.core.models import Language, Tone
from app.core.settings import (
    SCHEMA_VERSION,
    Settings,
    default_config_dir,
    default_data_dir,
    load_settings,
    save_settings,
    validate,
)


def test_missing_file_gives_defaults_without_error(tmp_path: Path) -> None:
    errors: list[SettingsError] = []
    settings = load_settings(tmp_path / "settings.json", on_error=errors.append)
    assert settings == Settings()
    assert settings.host == ""          # no host chosen: $OLLAMA_HOST, else 127.0.0.1:11434
    assert errors == []


def test_round_trip_keeps_every_value(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "settings.json"
    original = Settings(
        host="http://gpu-box:11434", extra_hosts=("http://a:11434", "http://b:11434"),
        default_model="gpt-oss:20b", article_language=Language.FR, tone=Tone.EXPERT,
        target_words=2000, num_ctx=16384, temperature=0.4, think="high",
        site_url="https://blog.example.fr", author="Zoé", theme="dark", ui_language="fr",
        export_preset="hugo", self_review=False, autosave_seconds=10,
    )
    save_settings(original, path)
    assert load_settings(path) == original
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


def test_save_is_atomic_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(author="A"), path)
    save_settings(Settings(author="B"), path)
    assert load_settings(path).author == "B"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_corrupt_file_gives_defaults_reports_and_keeps_backup(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"host": "http://x:1", ', encoding="utf-8")
    errors: list[SettingsError] = []
    settings = load_settings(path, on_error=errors.append)
    assert settings == Settings()
    assert len(errors) == 1 and "could not be read" in errors[0].message
    backup = tmp_path / "settings.json.bak"
    assert backup.read_text(encoding="utf-8") == '{"host": "http://x:1", '
    assert str(backup) in errors[0].message


def test_binary_garbage_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    errors: list[SettingsError] = []
    assert load_settings(path, on_error=errors.append) == Settings()
    assert errors


def test_invalid_values_reset_one_by_one_with_clear_messages(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "schema_version": SCHEMA_VERSION, "host": "ftp://nope", "author": "Kept",
        "temperature": 9, "target_words": 5, "theme": "purple", "num_ctx": "big",
        "export_preset": "wordperfect",
    }), encoding="utf-8")
    errors: list[SettingsError] = []
    settings = load_settings(path, on_error=errors.append)
    assert settings.author == "Kept"          # valid values survive
    assert settings.host == Settings().host
    assert settings.temperature == Settings().temperature
    assert settings.target_words == Settings().target_words
    assert settings.theme == "system" and settings.num_ctx is None
    assert settings.export_preset == "plain"
    message = errors[0].message
    assert "must start with http:// or https://" in message
    assert "temperature must be between 0 and 2" in message
    assert "target_words must be between 300 and 10000 words" in message
    assert (tmp_path / "settings.json.bak").exists()


def test_migrates_v1_file_step_by_step(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "schema_version": 1, "ollama_host": "localhost:11434", "model": "qwen3:8b",
        "language": "fr", "dark_mode": True, "thinking": False,
    }), encoding="utf-8")
    errors: list[SettingsError] = []
    settings = load_settings(path, on_error=errors.append)
    assert errors == []
    assert settings.host == "http://localhost:11434"
    assert settings.default_model == "qwen3:8b"
    assert settings.article_language is Language.FR
    assert settings.theme == "dark" and settings.think is False


def test_newer_schema_is_not_overwritten_and_explained(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION + 5}), encoding="utf-8")
    errors: list[SettingsError] = []
    assert load_settings(path, on_error=errors.append) == Settings()
    assert "newer Plume" in errors[0].message


def test_validation_messages() -> None:
    assert validate(Settings()) == []
    problems = {p.field: p for p in validate(Settings(
        host="http://host:99999", site_url="example.com", autosave_seconds=0, think="ultra",
    ))}
    assert problems["host"].code == "bad_host" and "port" in problems["host"].message
    assert "https://example.com" in problems["site_url"].message
    assert problems["autosave_seconds"].code == "out_of_range"
    assert problems["think"].code == "bad_choice"


def test_no_secret_is_ever_written(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION, "token": "s3cret",
                                "api_key": "s3cret"}), encoding="utf-8")
    settings = load_settings(path)
    save_settings(settings, path)
    assert "s3cret" not in path.read_text(encoding="utf-8")


def test_folders_honour_environment_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    monkeypatch.setenv("PLUME_CONFIG_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("PLUME_DATA_DIR", str(tmp_path / "d"))
    assert default_config_dir() == tmp_path / "c"
    assert default_data_dir() == tmp_path / "d"
    monkeypatch.delenv("PLUME_CONFIG_DIR")
    assert default_config_dir().name.lower() == "plume"


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_unwritable_folder_raises_actionable_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SettingsError) as info:
            save_settings(Settings(), folder / "settings.json")
        assert "writable" in str(info.value)
    finally:
        folder.chmod(0o700)


def test_first_run_drafts_in_the_interface_language_until_a_choice_is_saved(
        tmp_path: Path) -> None:
    from app.core.settings import first_run_language

    path = tmp_path / "settings.json"
    fresh = load_settings(path)
    assert first_run_language(fresh, "fr", saved=path.exists()).article_language is Language.FR
    assert first_run_language(fresh, "en", saved=False).article_language is Language.EN
    save_settings(fresh.with_(article_language=Language.EN), path)   # the writer chose English
    again = load_settings(path)
    assert first_run_language(again, "fr", saved=path.exists()).article_language is Language.EN


def test_v2_hosts_are_read_as_typed_and_the_default_one_as_not_chosen(tmp_path: Path) -> None:
    """v2 saved a typed `gpu-box` as `http://gpu-box`, which the app then dialled on port 80;
    and it always saved a host, so $OLLAMA_HOST could never apply in the app."""
    gpu = tmp_path / "gpu.json"
    gpu.write_text(json.dumps({"schema_version": 2, "host": "http://gpu-box",
                               "extra_hosts": ["http://gpu-2", "https://proxy.example"]}),
                   encoding="utf-8")
    settings = load_settings(gpu)
    assert settings.host == "http://gpu-box:11434"
    assert settings.extra_hosts == ("http://gpu-2:11434", "https://proxy.example:443")
    default = tmp_path / "default.json"
    default.write_text(json.dumps({"schema_version": 2, "host": "http://127.0.0.1:11434"}),
                       encoding="utf-8")
    assert load_settings(default).host == ""       # → $OLLAMA_HOST, else the default


def test_an_article_language_without_its_pack_falls_back_to_the_default_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["article_language"] = "eo"          # a pack the user has since removed
    path.write_text(json.dumps(data), encoding="utf-8")
    errors: list[SettingsError] = []
    settings = load_settings(path, on_error=errors.append)
    assert settings.article_language == Settings().article_language
    assert errors and "Unknown article language 'eo'" in str(errors[0])
