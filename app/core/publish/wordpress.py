"""A WordPress site through its REST API (wp-json/wp/v2), signed in with an application
password (HTTP Basic, WordPress ≥ 5.6). Only what publishing an article needs: the user,
terms (categories, tags), media, posts, and the SEO plugin's meta fields when the site
exposes them to the REST API.

Every failure becomes a `PublishError` saying what to do; the password never appears in a
message (WordPress never echoes it, and we only quote its error `message`).
"""

from __future__ import annotations

import html
import mimetypes
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from app.core.errors import PlumeError
from app.core.hosts import is_loopback

# SEO plugins' post meta, as they register it (Yoast SEO, Rank Math). Writable through the
# REST API only when the site registers them with show_in_rest (see the README).
SEO_KEYS = {
    "yoast": {"title": "_yoast_wpseo_title", "description": "_yoast_wpseo_metadesc",
              "keyphrase": "_yoast_wpseo_focuskw"},
    "rankmath": {"title": "rank_math_title", "description": "rank_math_description",
                 "keyphrase": "rank_math_focus_keyword"},
}
ANY_STATUS = "publish,future,draft,pending,private"
_TAGS = re.compile(r"<[^>]+>")


class PublishError(PlumeError):
    default_hint = "Nothing was changed on the site by the step that failed; try again."
    code = ""                              # WordPress's error code, e.g. rest_cannot_create


@dataclass(frozen=True, slots=True)
class Post:
    id: int
    status: str
    slug: str
    link: str


class WordPress:
    """One site, one user. Thread-compatible (one per thread)."""

    def __init__(self, site: str, user: str, password: str, *, timeout: float = 30.0,
                 retries: int = 3, backoff: float = 1.0) -> None:
        self.site = normalize_site(site)
        self.retries, self.backoff = retries, backoff
        self._http = httpx.Client(
            auth=httpx.BasicAuth(user, password.replace(" ", "")),
            timeout=httpx.Timeout(timeout, connect=10.0), follow_redirects=False,
            trust_env=not is_loopback(self.site),
            headers={"Accept": "application/json", "User-Agent": "Plume"})
        self._root = f"{self.site}/wp-json"
        self._plain = False              # site without pretty permalinks: ?rest_route=

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> WordPress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- reading ---------------------------------------------------------------------------
    def me(self) -> dict[str, Any]:
        """The signed-in user (checks the password before anything is written)."""
        return self._json("GET", "/wp/v2/users/me", params={"context": "edit"})

    def seo_plugin(self) -> str | None:
        """'yoast' or 'rankmath' when the site lets the REST API write that plugin's fields."""
        schema = self._json("OPTIONS", "/wp/v2/posts").get("schema") or {}
        meta = ((schema.get("properties") or {}).get("meta") or {}).get("properties") or {}
        for plugin, keys in SEO_KEYS.items():
            if all(key in meta for key in keys.values()):
                return plugin
        return None

    def find_post(self, slug: str) -> Post | None:
        """The post with this slug in any status (drafts too), or None."""
        found = self._json_list("GET", "/wp/v2/posts", params={
            "slug": slug, "status": ANY_STATUS, "context": "edit"})
        return _post(found[0]) if found else None

    def term_ids(self, taxonomy: str, names: Sequence[str], *, create: bool) -> list[int]:
        """Ids of these categories/tags by name or slug; missing ones are created when
        `create`, else a PublishError lists what the site has."""
        ids: list[int] = []
        for name in dict.fromkeys(n.strip() for n in names if n.strip()):
            found = self._json_list("GET", f"/wp/v2/{taxonomy}",
                                    params={"search": name, "per_page": 100})
            match = next((t for t in found if _same(t, name)), None)
            if match is None and create:
                match = self._json("POST", f"/wp/v2/{taxonomy}", json={"name": name})
            if match is None:
                known = self._json_list("GET", f"/wp/v2/{taxonomy}", params={"per_page": 100})
                names_known = ", ".join(html.unescape(str(t.get("name"))) for t in known)
                raise PublishError(f"The category '{name}' does not exist on {self.site}.",
                                   hint=f"Create it in WordPress first, or use one of: "
                                        f"{names_known or 'none'}.")
            ids.append(int(match["id"]))
        return ids

    # ---- writing ---------------------------------------------------------------------------
    def upload_media(self, path: Path, alt: str = "") -> int:
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if not kind.startswith("image/"):
            raise PublishError(f"The featured image '{path.name}' is not an image.",
                               hint="Use a .jpg, .png, .webp or .gif file.")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PublishError(f"Cannot read the featured image {path}: {exc.strerror}.",
                               hint="Check the image path in the article's front matter.") from None
        ascii_name = path.name.encode("ascii", "replace").decode().replace('"', "")
        media = self._json("POST", "/wp/v2/media", content=data, headers={
            "Content-Type": kind, "Content-Disposition": f'attachment; filename="{ascii_name}"'})
        media_id = int(media["id"])
        if alt:
            self._json("POST", f"/wp/v2/media/{media_id}", json={"alt_text": alt})
        return media_id

    def save_post(self, fields: Mapping[str, Any], post_id: int | None = None) -> Post:
        """Create a post, or update `post_id` (a post deleted meanwhile is created again)."""
        if post_id is not None:
            try:
                return _post(self._json("POST", f"/wp/v2/posts/{post_id}", json=dict(fields)))
            except PublishError as err:
                if getattr(err, "code", "") != "rest_post_invalid_id":
                    raise
        return _post(self._json("POST", "/wp/v2/posts", json=dict(fields)))

    # ---- plumbing --------------------------------------------------------------------------
    def _json_list(self, method: str, path: str, **kwargs: Any) -> list[dict[str, Any]]:
        data = self._request(method, path, **kwargs)
        return [item for item in data if isinstance(item, dict)] if isinstance(data, list) else []

    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        data = self._request(method, path, **kwargs)
        return data if isinstance(data, dict) else {}

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        for attempt in range(self.retries + 1):
            try:
                if self._plain:  # httpx replaces a URL's query by `params`: merge them
                    kwargs["params"] = {"rest_route": path, **(kwargs.get("params") or {})}
                    response = self._http.request(method, f"{self.site}/", **kwargs)
                else:
                    response = self._http.request(method, self._root + path, **kwargs)
            except httpx.TimeoutException:
                raise PublishError(f"{self.site} did not answer in time.",
                                   hint="Check the site is up, then try again.") from None
            except httpx.HTTPError as exc:
                raise PublishError(f"{self.site} is not reachable ({type(exc).__name__}).",
                                   hint="Check the site address and your connection.") from None
            if response.status_code == 404 and not self._plain and not _is_json(response):
                # Plain permalinks: /wp-json is not routed, ?rest_route= always is.
                self._plain = True
                return self._request(method, path, **kwargs)
            busy = response.status_code in (429, 503) or (
                response.status_code >= 500 and method == "GET")
            if busy and attempt < self.retries:
                time.sleep(_retry_after(response, self.backoff * 2 ** attempt))
                continue
            if response.status_code >= 300:
                raise self._error(response)
            try:
                return response.json()
            except ValueError:
                if self._plain:
                    raise PublishError(f"No WordPress REST API at {self.site} (neither /wp-json "
                                       "nor ?rest_route= answers).",
                                       hint="Check the site address; a security plugin may "
                                            "disable the REST API.") from None
                raise PublishError(f"{self.site} answered with something other than JSON.",
                                   hint="A security plugin or a cache may block the REST API "
                                        "(wp-json); check its settings.") from None
        raise AssertionError("unreachable")

    def _error(self, response: httpx.Response) -> PublishError:
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = {}
        code = str(body.get("code") or "") if isinstance(body, dict) else ""
        text = _plain(str(body.get("message") or "")) if isinstance(body, dict) else ""
        where = self.site
        if 300 <= status < 400:
            target = response.headers.get("location", "")
            err = PublishError(f"{where} redirects to {target}.",
                               hint="Use the site's final address (https, www…) as the site URL.")
        elif status == 401 or code in ("incorrect_password", "invalid_username"):
            err = PublishError(f"WordPress at {where} refused the user name or application "
                               f"password ({text or code or 'HTTP 401'}).",
                               hint="Create an application password in WordPress (Users › "
                                    "Profile › Application Passwords) and save it again with "
                                    "`plume publish --add-site`.")
        elif status == 403:
            err = PublishError(f"This WordPress user may not do that on {where}: {text or code}.",
                               hint="Use an account with the Editor or Author role (Contributors "
                                    "cannot publish or upload).")
        elif code == "rest_no_route" or (status == 404 and not code):
            err = PublishError(f"No WordPress REST API at {where}/wp-json.",
                               hint="Check the site address; a security plugin may disable "
                                    "the REST API.")
        elif status == 429:
            err = PublishError(f"{where} is limiting requests (HTTP 429).",
                               hint="Wait a minute, then publish again.")
        elif status >= 500:
            err = PublishError(f"WordPress at {where} failed (HTTP {status})"
                               f"{': ' + text if text else ''}.",
                               hint="Try again later; if it persists, check the site's error log.")
        else:
            err = PublishError(f"WordPress refused the request (HTTP {status}, {code}): {text}.")
        err.code = code
        return err


def normalize_site(site: str) -> str:
    """'example.com' → 'https://example.com'; the /wp-json part and slashes are dropped."""
    text = (site or "").strip().rstrip("/")
    if not text:
        raise PublishError("No WordPress site given.", hint="Pass --site NAME or URL.")
    if "://" not in text:
        text = "https://" + text
    if not text.startswith(("http://", "https://")) or " " in text:
        raise PublishError(f"'{site}' is not a site address.",
                           hint="Use the address of the site, e.g. https://example.com.")
    return text.removesuffix("/wp-json").rstrip("/")


def _post(data: Mapping[str, Any]) -> Post:
    return Post(int(data["id"]), str(data.get("status") or ""), str(data.get("slug") or ""),
                str(data.get("link") or ""))


def _same(term: Mapping[str, Any], name: str) -> bool:
    wanted = name.casefold()
    return (html.unescape(str(term.get("name") or "")).casefold() == wanted
            or str(term.get("slug") or "") == wanted)


def _plain(text: str) -> str:
    return " ".join(html.unescape(_TAGS.sub("", text)).split())[:300]


def _is_json(response: httpx.Response) -> bool:
    return "json" in response.headers.get("content-type", "")


def _retry_after(response: httpx.Response, default: float) -> float:
    value = response.headers.get("retry-after", "")
    return min(float(value), 30.0) if value.replace(".", "", 1).isdigit() else default
