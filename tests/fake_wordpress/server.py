"""FakeWordPress: a real HTTP server on 127.0.0.1 answering as WordPress 6.x's REST API does
(REST API handbook): /wp-json/wp/v2/users/me, posts, categories, tags, media, OPTIONS schema;
application-password Basic auth and WordPress's own error bodies and codes.

    with FakeWordPress(users={"editor": ("abcd efgh ijkl mnop qrst uvwx", "editor")}) as wp:
        wp.url, wp.posts, wp.media, wp.requests
        wp.seo = "yoast" | "rankmath" | None    # which SEO meta the REST API exposes
        wp.fail_next("/wp/v2/posts", 429, retry_after=0) / (500, html=True)
"""

from __future__ import annotations

import base64
import collections
import json
import re
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SEO_META = {
    "yoast": ("_yoast_wpseo_title", "_yoast_wpseo_metadesc", "_yoast_wpseo_focuskw"),
    "rankmath": ("rank_math_title", "rank_math_description", "rank_math_focus_keyword"),
}
CAN_PUBLISH = {"administrator", "editor", "author"}
CAN_CREATE = CAN_PUBLISH | {"contributor"}


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    raw: bytes


@dataclass
class FakeWordPress:
    users: dict[str, tuple[str, str]] = field(
        default_factory=lambda: {"editor": ("abcd efgh ijkl mnop qrst uvwx", "editor")})
    seo: str | None = "yoast"
    categories: dict[int, dict[str, Any]] = field(default_factory=dict)
    tags: dict[int, dict[str, Any]] = field(default_factory=dict)
    posts: dict[int, dict[str, Any]] = field(default_factory=dict)
    media: dict[int, dict[str, Any]] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    plain_permalinks: bool = False      # /wp-json not routed (404 page); ?rest_route= works

    def __post_init__(self) -> None:
        self._next_id = 100
        self._failures: dict[str, collections.deque[tuple[int, dict[str, Any]]]] = \
            collections.defaultdict(collections.deque)
        self.lock = threading.Lock()
        self.add_term("categories", "Uncategorized")
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.wp = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        kwargs={"poll_interval": 0.05})
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeWordPress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- scripting -------------------------------------------------------------------------
    def add_term(self, taxonomy: str, name: str) -> int:
        store = self.categories if taxonomy == "categories" else self.tags
        term_id = self.new_id()
        store[term_id] = {"id": term_id, "name": name, "slug": _slugify(name),
                          "taxonomy": "category" if taxonomy == "categories" else "post_tag",
                          "count": 0}
        return term_id

    def fail_next(self, route: str, status: int, *, code: str = "", message: str = "",
                  retry_after: int | None = None, html: bool = False) -> None:
        self._failures[route].append((status, {"code": code, "message": message,
                                               "retry_after": retry_after, "html": html}))

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def to(self, method: str, path: str) -> list[Request]:
        return [r for r in self.requests if r.method == method and r.path == path]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_OPTIONS(self) -> None:
        self._serve()

    def _serve(self) -> None:
        wp: FakeWordPress = self.server.wp  # type: ignore[attr-defined]
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        split = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(split.query))
        route = query.get("rest_route") or split.path.removeprefix("/wp-json")
        kind = self.headers.get("Content-Type", "")
        body: Any = None
        if raw and kind.startswith("application/json"):
            try:
                body = json.loads(raw)
            except ValueError:
                return self._send(400, _err("rest_invalid_json", "Invalid JSON body passed.", 400))
        req = Request(self.command, route, query, {k.lower(): v for k, v in self.headers.items()},
                      body, raw)
        with wp.lock:
            wp.requests.append(req)
            failure = _pop_failure(wp, route)
        if failure is not None:
            return self._failure(*failure)
        pretty = split.path.startswith("/wp-json") and not wp.plain_permalinks
        if not pretty and "rest_route" not in query:
            return self._send(404, b"<html><body>Not Found</body></html>", "text/html")
        user = _authenticate(wp, req)
        if isinstance(user, tuple):
            return self._send(*user)
        with wp.lock:
            status, payload = _route(wp, req, user)
        self._send(status, payload)

    def _failure(self, status: int, spec: dict[str, Any]) -> None:
        headers = {"Retry-After": str(spec["retry_after"])} if spec["retry_after"] is not None \
            else {}
        if spec["html"]:
            page = (b"<!DOCTYPE html><html><body><p>There has been a critical error on this "
                    b"website.</p></body></html>")
            return self._send(status, page, "text/html; charset=UTF-8", headers)
        code = spec["code"] or {429: "too_many_requests", 500: "internal_server_error"}.get(
            status, "rest_error")
        return self._send(status, _err(code, spec["message"] or "Error.", status), None, headers)

    def _send(self, status: int, payload: Any, kind: str | None = None,
              headers: dict[str, str] | None = None) -> None:
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", kind or "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


def _pop_failure(wp: FakeWordPress, route: str) -> tuple[int, dict[str, Any]] | None:
    for key in (route, re.sub(r"/\d+$", "", route)):
        queue = wp._failures.get(key)
        if queue:
            return queue.popleft()
    return None


def _err(code: str, message: str, status: int, **data: Any) -> dict[str, Any]:
    return {"code": code, "message": message, "data": {"status": status, **data}}


def _authenticate(wp: FakeWordPress, req: Request) -> dict[str, Any] | None | tuple[int, Any]:
    """The user, None when anonymous, or an error reply (application passwords' codes)."""
    header = req.headers.get("authorization", "")
    if not header.startswith("Basic "):
        return None
    try:
        name, _, password = base64.b64decode(header[6:]).decode().partition(":")
    except ValueError:
        return None
    if name not in wp.users:
        return 401, _err("invalid_username", "<strong>Error:</strong> The username <strong>"
                         f"{name}</strong> is not registered on this site.", 401)
    secret, role = wp.users[name]
    if password.replace(" ", "") != secret.replace(" ", ""):
        return 401, _err("incorrect_password", "<strong>Error:</strong> The provided password "
                         "is an invalid application password.", 401)
    return {"id": 1, "name": name.title(), "slug": name, "roles": [role]}


def _route(wp: FakeWordPress, req: Request, user: dict[str, Any] | None) -> tuple[int, Any]:
    path, method = req.path.rstrip("/") or "/", req.method
    role = user["roles"][0] if user else ""
    if path == "/wp/v2/users/me":
        if user is None:
            return 401, _err("rest_not_logged_in", "You are not currently logged in.", 401)
        return 200, {**user, "capabilities": {"edit_posts": role in CAN_CREATE}}
    if path == "/wp/v2/posts" and method == "OPTIONS":
        meta = {key: {"type": "string"} for key in SEO_META.get(wp.seo or "", ())}
        return 200, {"namespace": "wp/v2", "methods": ["GET", "POST"], "schema": {
            "title": "post", "type": "object", "properties": {
                "title": {}, "content": {}, "meta": {"type": "object", "properties": meta}}}}
    match = re.fullmatch(r"/wp/v2/(posts|categories|tags|media)(?:/(\d+))?", path)
    if match is None:
        return 404, _err("rest_no_route", "No route was found matching the URL and request "
                         "method.", 404)
    collection, item = match.group(1), match.group(2)
    store = {"posts": wp.posts, "categories": wp.categories, "tags": wp.tags,
             "media": wp.media}[collection]
    if method == "GET":
        if item is not None:
            found = store.get(int(item))
            return (200, found) if found else (404, _err("rest_post_invalid_id", "Invalid post ID.",
                                                         404))
        return 200, _list(store, req.query, collection, user)
    if method != "POST":
        return 404, _err("rest_no_route", "No route was found matching the URL and request "
                         "method.", 404)
    if user is None or role not in CAN_CREATE or (collection != "posts" and role == "contributor"):
        what = {"posts": "posts", "media": "media items", "categories": "terms in this taxonomy",
                "tags": "terms in this taxonomy"}[collection]
        status = 401 if user is None else 403
        code = "rest_cannot_create" if collection != "media" else "rest_cannot_create"
        return status, _err(code, f"Sorry, you are not allowed to create {what} as this user.",
                            status)
    if collection == "posts":
        return _save_post(wp, req, role, int(item) if item else None)
    if collection == "media":
        return _save_media(wp, req, int(item) if item else None)
    return _create_term(wp, collection, req.body or {})


def _list(store: dict[int, dict[str, Any]], query: dict[str, str], collection: str,
          user: dict[str, Any] | None) -> list[dict[str, Any]]:
    items = list(store.values())
    if "search" in query:
        items = [t for t in items if query["search"].lower() in str(t.get("name", "")).lower()]
    if "slug" in query:
        items = [t for t in items if t.get("slug") == query["slug"]]
    if collection == "posts":
        wanted = set((query.get("status") or "publish").split(","))
        if user is None:
            wanted = {"publish"}
        items = [p for p in items if p["status"] in wanted]
    return items[: int(query.get("per_page") or 10)]


def _save_post(wp: FakeWordPress, req: Request, role: str, post_id: int | None) -> tuple[int, Any]:
    body = req.body if isinstance(req.body, dict) else {}
    if post_id is not None and post_id not in wp.posts:
        return 404, _err("rest_post_invalid_id", "Invalid post ID.", 404)
    status = body.get("status")
    if status in ("publish", "future", "private") and role not in CAN_PUBLISH:
        return 403, _err("rest_cannot_publish", "Sorry, you are not allowed to publish posts "
                         "as this user.", 403)
    if status is not None and status not in ("draft", "publish", "future", "pending", "private"):
        return 400, _err("rest_invalid_param", "Invalid parameter(s): status", 400,
                         params={"status": "status is not one of publish, future, draft, "
                                           "pending, private, trash."})
    for taxonomy, store in (("categories", wp.categories), ("tags", wp.tags)):
        bad = [t for t in body.get(taxonomy) or [] if t not in store]
        if bad:
            return 400, _err("rest_invalid_param", f"Invalid parameter(s): {taxonomy}", 400,
                             params={taxonomy: f"{taxonomy}[0] is not a valid term."})
    if body.get("featured_media") and body["featured_media"] not in wp.media:
        return 400, _err("rest_invalid_featured_media", "Invalid featured media ID.", 400)
    meta = body.get("meta") or {}
    allowed = SEO_META.get(wp.seo or "", ())
    unknown = [key for key in meta if key not in allowed]
    if unknown:  # WordPress ignores unregistered meta silently; record that they were lost
        meta = {k: v for k, v in meta.items() if k in allowed}
    post = wp.posts.get(post_id) if post_id else None
    created = post is None
    if post is None:
        post_id = wp.new_id()
        post = {"id": post_id, "status": "draft", "slug": "", "meta": {}, "categories": [1],
                "tags": [], "featured_media": 0}
    for key in ("status", "categories", "tags", "featured_media", "date_gmt"):
        if key in body:
            post[key] = body[key]
    for key in ("title", "content", "excerpt"):
        if key in body:
            post[key] = {"raw": body[key], "rendered": body[key]}
    post["meta"] = {**post["meta"], **meta}
    if "slug" in body:
        post["slug"] = _unique_slug(wp, _slugify(body["slug"]), post["id"])
    post["link"] = f"{wp.url}/?p={post['id']}"
    wp.posts[post["id"]] = post
    return (201 if created else 200), post


def _unique_slug(wp: FakeWordPress, slug: str, own_id: int) -> str:
    taken = {p["slug"] for p in wp.posts.values() if p["id"] != own_id}
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _save_media(wp: FakeWordPress, req: Request, media_id: int | None) -> tuple[int, Any]:
    if media_id is not None:
        if media_id not in wp.media:
            return 404, _err("rest_post_invalid_id", "Invalid post ID.", 404)
        wp.media[media_id].update({k: v for k, v in (req.body or {}).items() if k == "alt_text"})
        return 200, wp.media[media_id]
    disposition = req.headers.get("content-disposition", "")
    name = re.search(r'filename="?([^";]+)"?', disposition)
    if not req.raw or name is None:
        return 400, _err("rest_upload_no_data", "No data supplied.", 400)
    media_id = wp.new_id()
    wp.media[media_id] = {"id": media_id, "source_url": f"{wp.url}/wp-content/uploads/"
                          f"{name.group(1)}", "mime_type": req.headers.get("content-type"),
                          "alt_text": "", "bytes": len(req.raw)}
    return 201, wp.media[media_id]


def _create_term(wp: FakeWordPress, collection: str, body: dict[str, Any]) -> tuple[int, Any]:
    name = str(body.get("name") or "").strip()
    if not name:
        return 400, _err("rest_missing_callback_param", "Missing parameter(s): name", 400)
    store = wp.categories if collection == "categories" else wp.tags
    if any(t["name"].lower() == name.lower() for t in store.values()):
        existing = next(t for t in store.values() if t["name"].lower() == name.lower())
        return 400, _err("term_exists", "A term with the name provided already exists in this "
                         "taxonomy.", 400, term_id=existing["id"])
    term_id = wp.add_term(collection, name)
    return 201, store[term_id]


def _slugify(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
