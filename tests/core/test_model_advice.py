"""Model suggestions follow the machine's memory."""

from app.core.model_advice import CATALOGUE, advice_for, suggest_models, total_ram_bytes

GB = 1024**3


def test_small_machine_gets_small_models_only() -> None:
    names = [m.name for m in suggest_models(8 * GB)]
    assert names and all(advice_for(n).min_ram_gb <= 8 for n in names)  # type: ignore[union-attr]
    assert "gpt-oss:20b" not in names


def test_big_machine_gets_best_first() -> None:
    assert suggest_models(64 * GB)[0].name == "gpt-oss:20b"
    assert "mistral-small3.2" in [m.name for m in suggest_models(32 * GB)]


def test_tiny_machine_still_gets_one_suggestion() -> None:
    assert len(suggest_models(2 * GB)) == 1


def test_latest_tag_and_ram_detection() -> None:
    assert advice_for("mistral-small3.2:latest") is not None
    assert advice_for("unknown:1b") is None
    ram = total_ram_bytes()
    assert ram is None or ram > 256 * 1024**2
    assert len({m.name for m in CATALOGUE}) == len(CATALOGUE)
