"""A fake WordPress REST API (real HTTP on 127.0.0.1) for the publishing tests."""

from .server import FakeWordPress, Request

__all__ = ["FakeWordPress", "Request"]
