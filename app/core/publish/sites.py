"""The WordPress sites a user publishes to: a name, the address, the user name — kept in
`wordpress-sites.json` beside the settings. Each application password lives in the system
keychain only (app/core/secrets.py), or comes from $PLUME_WP_PASSWORD; never in a file.

Which post an article became is remembered per site in `wordpress-posts.json` (data folder),
by slug, so publishing the article again updates that post instead of adding a second one.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from app.core.errors import InputError, SecretStoreError
from app.core.publish.wordpress import PublishError, normalize_site
from app.core.settings import default_config_dir, default_data_dir

PASSWORD_ENV = "PLUME_WP_PASSWORD"
SITES_FILE = "wordpress-sites.json"
POSTS_FILE = "wordpress-posts.json"
_NAME = re.compile(r"^[\w.-]{1,40}$")


@dataclass(frozen=True, slots=True)
class Site:
    name: str
    url: str
    user: str

    def password(self) -> str:
        """$PLUME_WP_PASSWORD, else the keychain's. May block on an unlock prompt."""
        env = os.environ.get(PASSWORD_ENV, "").strip()
        if env:
            return env
        from app.core import secrets

        try:
            saved = secrets.get_site_password(self.url, self.user)
        except SecretStoreError as err:
            raise PublishError(f"No application password for {self.user} on {self.url}: "
                               f"{err.message}", hint=f"Set {PASSWORD_ENV} instead.") from None
        if not saved:
            raise PublishError(f"No application password saved for {self.user} on {self.url}.",
                               hint=f"Run `plume publish --add-site {self.name} --url {self.url} "
                                    f"--user {self.user}`, or set {PASSWORD_ENV}.")
        return saved


def sites_path() -> Path:
    return default_config_dir() / SITES_FILE


def load_sites(path: Path | None = None) -> dict[str, Site]:
    path = path or sites_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise InputError(f"Cannot read {path}: {exc}.",
                         hint="Fix or delete the file, then add the sites again.") from None
    sites = {}
    for item in data.get("sites") or []:
        if isinstance(item, dict) and {"name", "url", "user"} <= item.keys():
            sites[str(item["name"])] = Site(str(item["name"]), str(item["url"]), str(item["user"]))
    return sites


def save_site(site: Site, path: Path | None = None) -> Site:
    if not _NAME.match(site.name):
        raise InputError(f"'{site.name}' cannot name a site.",
                         hint="Use letters, digits, dots, dashes or underscores (e.g. myblog).")
    if not site.user.strip():
        raise InputError("A WordPress user name is needed.", hint="Pass --user NAME.")
    site = Site(site.name, normalize_site(site.url), site.user.strip())
    path = path or sites_path()
    sites = load_sites(path)
    sites[site.name] = site
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"sites": [asdict(s) for s in sites.values()]}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return site


def find_site(name_or_url: str, user: str | None = None) -> Site:
    """A configured site by name, or an address (with `user`, or the site saved for it)."""
    sites = load_sites()
    if name_or_url in sites:
        return sites[name_or_url]
    if "." not in name_or_url and "://" not in name_or_url and ":" not in name_or_url:
        known = ", ".join(sorted(sites)) or "none yet"
        raise InputError(f"No site named '{name_or_url}' (configured: {known}).",
                         hint="Add it: plume publish --add-site NAME --url URL --user USER.")
    url = normalize_site(name_or_url)
    for site in sites.values():
        if site.url == url and (user is None or site.user == user):
            return site
    if not user:
        raise InputError(f"Which WordPress user publishes to {url}?",
                         hint="Pass --user NAME, or add the site with --add-site.")
    return Site(url, url, user)


# ---- which post an article became --------------------------------------------------------------

def remembered_post(site_url: str, slug: str) -> int | None:
    value = _posts().get(site_url, {}).get(slug)
    return int(value) if isinstance(value, int) else None


def remember_post(site_url: str, slug: str, post_id: int) -> None:
    posts = _posts()
    posts.setdefault(site_url, {})[slug] = post_id
    path = default_data_dir() / POSTS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(posts, indent=1, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)


def _posts() -> dict[str, dict[str, int]]:
    try:
        data = json.loads((default_data_dir() / POSTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
