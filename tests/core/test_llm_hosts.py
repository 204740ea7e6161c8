"""Host strings resolve like the official client, and never dial 0.0.0.0."""

import pytest

from app.core.errors import InputError
from app.core.hosts import is_loopback, parse_host, resolve_host


@pytest.mark.parametrize("value,expected", [
    ("", "http://127.0.0.1:11434"),
    ("1.2.3.4", "http://1.2.3.4:11434"),
    (":56789", "http://127.0.0.1:56789"),
    ("http://example.com", "http://example.com:80"),
    ("https://example.com", "https://example.com:443"),
    ("example.com:56789/path/", "http://example.com:56789/path"),
    ("[0001:002:003:0004::1]:56789", "http://[0001:002:003:0004::1]:56789"),
    ("0.0.0.0", "http://127.0.0.1:11434"),
    ("http://0.0.0.0:8080", "http://127.0.0.1:8080"),
    ("[::]:11434", "http://[::1]:11434"),
])
def test_parse_host_like_the_official_client(value, expected):
    assert parse_host(value) == expected


def test_resolve_host_falls_back_to_env_then_default(monkeypatch):
    monkeypatch.setenv("OLLAMA_HOST", "0.0.0.0:9999")
    assert resolve_host() == "http://127.0.0.1:9999"
    assert resolve_host("remote.lan") == "http://remote.lan:11434"
    monkeypatch.delenv("OLLAMA_HOST")
    assert resolve_host(None) == "http://127.0.0.1:11434"


@pytest.mark.parametrize("bad", ["localhost:abc", "http://[bad", "ftp://host"])
def test_malformed_host_is_a_clear_input_error(bad):
    with pytest.raises(InputError) as info:
        parse_host(bad)
    assert "127.0.0.1:11434" in str(info.value)


def test_loopback_detection():
    assert is_loopback("http://localhost:11434")
    assert is_loopback("http://127.0.0.1:11434")
    assert is_loopback("http://[::1]:11434")
    assert not is_loopback("http://192.168.1.20:11434")
