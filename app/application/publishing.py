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


def check_site(site: str | Site, user: str | None = None) -> Site:
    """The site, once its password has been tried (a batch checks it before it starts)."""
    from app.core.publish.publisher import check_site as check

    return check(site, user)


def add_site(name: str, url: str, user: str, password: str) -> tuple[Site, str, bool]:
    """Try the password, then save the site and the password in the keychain. Returns (site,
    the user's display name, whether the keychain kept the password). Without a keychain the
    site is still saved when the password is the one in $PLUME_WP_PASSWORD."""
    import os

    from app.core import secrets
    from app.core.errors import SecretStoreError
    from app.core.publish.sites import PASSWORD_ENV, save_site
    from app.core.publish.wordpress import WordPress, normalize_site

    address = normalize_site(url)
    with WordPress(address, user, password) as wordpress:
        me = wordpress.me()                 # never save a password that does not work
    kept = True
    try:
        secrets.set_site_password(address, user, password)
    except SecretStoreError:
        if password != os.environ.get(PASSWORD_ENV, "").strip():
            raise
        kept = False
    return save_site(Site(name, address, user)), str(me.get("name") or user), kept
