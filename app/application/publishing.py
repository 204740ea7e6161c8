"""Publishing as both faces start it: `plume publish` and the editor's Publish action.

The site is a configured name (or an address with a user), its application password comes
from $PLUME_WP_PASSWORD or the keychain, the post the article became is remembered per site
and slug, so a second publish updates the same post. May block (network, keychain): the
desktop app calls it on a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from app.core.models import Article
from app.core.publish.publisher import Published, PublishOptions, publish_to_site
from app.core.publish.sites import Site


def publish_article(article: Article, site: str | Site, options: PublishOptions, *,
                    user: str | None = None, source: Path | None = None,
                    password: str | None = None, timeout: float = 30.0) -> Published:
    """Create or update the post of `article` on `site` (a name, an address or a Site);
    `password`: typed now (else $PLUME_WP_PASSWORD or the keychain's)."""
    return publish_to_site(article, site, options, user=user, source=source,
                           password=password, timeout=timeout)


def publish_file(path: Path, site: str | Site, options: PublishOptions, *,
                 user: str | None = None) -> tuple[Article, Published]:
    """The Markdown article at `path` (any front-matter preset), published."""
    from app.core.errors import InputError
    from app.core.export.markdown import parse_markdown

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path} does not exist.", hint="Check the path of the article.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Cannot read {path}: {exc}.", hint="Save it as UTF-8 text.") from None
    article = parse_markdown(text)
    return article, publish_article(article, site, options, user=user, source=path)
