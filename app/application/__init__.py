"""The application layer, between `app.core` and the two faces (the `plume` command line and
the desktop app). Both open one `Plume` object, which resolves settings, environment and
arguments the same way for every face and starts their jobs. No Qt here.

    articles.py     article files a writer opens and saves back (Markdown, HTML), and the
                    outline rebuilt from an opened text
    connection.py   one Ollama host as dialled: address, bearer token, timeouts
    plume.py        the application object: hosts, model, language, output, keyword rules,
                    and the generate / batch jobs started from them
"""

from app.application.connection import TOKEN_ENV, Connection
from app.application.plume import Plume

__all__ = ["TOKEN_ENV", "Connection", "Plume"]
