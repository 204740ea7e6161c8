"""One Ollama host as every face dials it: its address, its bearer token, its timeouts.

The token rule is the same everywhere: `$PLUME_OLLAMA_TOKEN` when it is set, else the token
saved for that host in the system keychain (`app.core.secrets`, keyed by the address as
`app.core.hosts.parse_host` writes it), else none. A keychain read may block on an unlock
prompt, so the desktop app calls `token()` and `open()` on a worker thread.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, NamedTuple

from app.core.errors import SecretStoreError

if TYPE_CHECKING:
    from app.core.llm.service import ModelService

logger = logging.getLogger(__name__)

TOKEN_ENV = "PLUME_OLLAMA_TOKEN"
OPENAI_KEY_ENV = "PLUME_OPENAI_API_KEY"   # the API key of OpenAI-compatible hosts
CONNECT_TIMEOUT = 5.0      # seconds: a host that does not accept a connection by then is down


def find_token(url: str) -> str | None:
    """$PLUME_OLLAMA_TOKEN (an OpenAI-compatible host: $PLUME_OPENAI_API_KEY), else the
    keychain's token for `url`, else None. May block."""
    from app.core.hosts import OPENAI, backend_of

    env = OPENAI_KEY_ENV if backend_of(url) == OPENAI else TOKEN_ENV
    token = os.environ.get(env, "").strip()
    if token:
        return token
    from app.core import secrets

    try:
        return secrets.get_token(url)
    except SecretStoreError:
        return None  # no usable keychain: talk to the host without a token
    except Exception:  # a broken keyring backend must not stop the writing
        logger.debug("no token from the keychain for %s", url, exc_info=True)
        return None


class Connection(NamedTuple):      # not a dataclass: no code generated at start-up
    """How to reach one host. `url` is canonical (`parse_host`)."""

    url: str
    read_timeout: float                    # generous: a cold load of a big model is slow
    connect_timeout: float = CONNECT_TIMEOUT

    def token(self) -> str | None:
        """The bearer token for this host (see the module docstring). May block."""
        return find_token(self.url)

    def open(self, *, read_timeout: float | None = None) -> ModelService:
        """A client for this host (Ollama or OpenAI-compatible, as its address says), with its
        token and timeouts. May block (keychain)."""
        from app.core.llm.service import open_service

        return open_service(self.url, self.token(), connect_timeout=self.connect_timeout,
                            read_timeout=read_timeout or self.read_timeout)

    def probe(self) -> set[str]:
        """The models installed on this host, asked with its token (raises if it is down)."""
        from app.core.batch.hosts import probe_ollama

        return probe_ollama(self.url, self.token())
