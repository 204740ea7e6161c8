"""Plume: a local-first studio for SEO writing with open models through Ollama."""

__version__ = "0.1.0"
