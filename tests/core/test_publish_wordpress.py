"""`plume publish` against a fake WordPress REST API (real HTTP): drafts, updates in place,
terms, featured image, SEO fields, and WordPress's auth / capability / input / server errors."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from app.cli import main as cli
from app.core.errors import InputError
from app.core.export.markdown import parse_markdown
from app.core.publish.publisher import PublishOptions, publish
from app.core.publish.wordpress import PublishError, WordPress
from tests.fake_wordpress import FakeWordPress

PASSWORD = "abcd efgh ijkl mnop qrst uvwx"
ARTICLE = """---
title: "Vélo électrique pliant : le guide 2026"
description: "Comment choisir un vélo électrique pliant : poids, autonomie, prix."
slug: "velo-electrique-pliant"
lang: "fr"
keywords: ["vélo électrique pliant"]
categories: ["Mobilité"]
tags: ["vélo", "pliant"]
image: "cover.png"
---

# Vélo électrique pliant : bien le choisir

Un **vélo électrique pliant** se range partout.

## Autonomie

Comptez 40 à 80 km.
"""


@pytest.fixture
def wp():
    with FakeWordPress() as fake:
        fake.add_term("categories", "Mobilité")
        yield fake


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    (tmp_path / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    path = tmp_path / "velo.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("PLUME_WP_PASSWORD", PASSWORD)


def run(*args: str, capsys) -> tuple[int, str, str]:
    code = cli(["publish", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_publish_creates_a_draft_with_everything_then_updates_the_same_post(
        wp, article_file, env, capsys):
    code, out, err = run(str(article_file), "--site", wp.url, "--user", "editor", capsys=capsys)
    assert code == 0, err
    assert len(wp.posts) == 1
    post = next(iter(wp.posts.values()))
    assert post["status"] == "draft" and post["slug"] == "velo-electrique-pliant"
    assert post["title"]["raw"] == "Vélo électrique pliant : bien le choisir"
    assert post["excerpt"]["raw"].startswith("Comment choisir")
    assert "<strong>vélo électrique pliant</strong>" in post["content"]["raw"]
    assert "<h1" not in post["content"]["raw"] and "<h2" in post["content"]["raw"]
    names = {wp.categories[i]["name"] for i in post["categories"]}
    assert names == {"Mobilité"}
    assert {wp.tags[i]["name"] for i in post["tags"]} == {"vélo", "pliant"}   # created
    media = wp.media[post["featured_media"]]
    assert media["mime_type"] == "image/png" and media["alt_text"].startswith("Vélo")
    assert post["meta"] == {"_yoast_wpseo_title": "Vélo électrique pliant : le guide 2026",
                            "_yoast_wpseo_metadesc": post["excerpt"]["raw"],
                            "_yoast_wpseo_focuskw": "vélo électrique pliant"}
    assert f"Created post #{post['id']} (draft)" in out and "Yoast SEO" in out

    article_file.write_text(ARTICLE.replace("Comptez 40 à 80 km.", "Comptez 60 km."),
                            encoding="utf-8")
    code, out, err = run(str(article_file), "--site", wp.url, "--user", "editor",
                         "--status", "publish", capsys=capsys)
    assert code == 0, err
    assert len(wp.posts) == 1 and f"Updated post #{post['id']} (publish)" in out
    assert "60 km" in wp.posts[post["id"]]["content"]["raw"]
    assert wp.posts[post["id"]]["status"] == "publish"
    assert len(wp.tags) == 2                                  # not created twice


def test_a_post_left_in_the_trash_is_said(wp, article_file, env, capsys):
    run(str(article_file), "--site", wp.url, "--user", "editor", capsys=capsys)
    next(iter(wp.posts.values()))["status"] = "trash"
    code, _, err = run(str(article_file), "--site", wp.url, "--user", "editor", capsys=capsys)
    assert code == 0 and "trash" in err and len(wp.posts) == 1


def test_republishing_keeps_a_published_post_published(wp, article_file, env, capsys):
    run(str(article_file), "--site", wp.url, "--user", "editor", "--status", "publish",
        capsys=capsys)
    run(str(article_file), "--site", wp.url, "--user", "editor", capsys=capsys)
    assert [p["status"] for p in wp.posts.values()] == ["publish"]


def test_a_post_made_elsewhere_is_found_by_its_slug(wp, article_file, env, capsys, monkeypatch,
                                                   tmp_path):
    run(str(article_file), "--site", wp.url, "--user", "editor", capsys=capsys)
    monkeypatch.setenv("PLUME_DATA_DIR", str(tmp_path / "other-machine"))
    code, out, _ = run(str(article_file), "--site", wp.url, "--user", "editor", capsys=capsys)
    assert code == 0 and "Updated" in out and len(wp.posts) == 1


def test_a_scheduled_post_goes_out_with_its_date_in_utc(wp, article_file, env, capsys):
    when = (dt.datetime.now() + dt.timedelta(days=3)).replace(microsecond=0)
    code, _, err = run(str(article_file), "--site", wp.url, "--user", "editor", "--status",
                       "future", "--date", when.isoformat(), capsys=capsys)
    assert code == 0, err
    post = next(iter(wp.posts.values()))
    assert post["status"] == "future"
    sent = dt.datetime.fromisoformat(post["date_gmt"]).replace(tzinfo=dt.UTC)
    assert sent == when.astimezone(dt.UTC)


@pytest.mark.parametrize("args,says", [
    (["--status", "future"], "needs a date"),
    (["--status", "future", "--date", "2001-01-01T08:00"], "already past"),
    (["--date", "tomorrow"], "is not a date"),
])
def test_bad_options_are_refused_before_anything_is_sent(wp, article_file, env, capsys, args,
                                                         says):
    code, _, err = run(str(article_file), "--site", wp.url, "--user", "editor", *args,
                       capsys=capsys)
    assert code == 2 and says in err
    assert not wp.requests


def test_a_wrong_application_password_says_how_to_make_one(wp, article_file, monkeypatch,
                                                           capsys):
    monkeypatch.setenv("PLUME_WP_PASSWORD", "wrong pass word")
    code, _, err = run(str(article_file), "--site", wp.url, "--user", "editor", capsys=capsys)
    assert code == 3
    assert "invalid application password" in err and "Application Passwords" in err
    assert "<strong>" not in err and "wrong pass word" not in err
    assert not wp.posts


def test_a_contributor_cannot_publish_and_is_told_which_role_can(article_file, monkeypatch,
                                                                 capsys):
    with FakeWordPress(users={"guest": (PASSWORD, "contributor")}) as wp:
        wp.add_term("categories", "Mobilité")
        monkeypatch.setenv("PLUME_WP_PASSWORD", PASSWORD)
        code, _, err = run(str(article_file), "--site", wp.url, "--user", "guest",
                           "--status", "publish", "--image", str(article_file.parent /
                                                                 "cover.png"), capsys=capsys)
    assert code == 3 and "may not" in err and "Editor or Author" in err
    assert not wp.posts


def test_an_unknown_category_is_named_with_the_existing_ones(wp, article_file, env, capsys):
    code, _, err = run(str(article_file), "--site", wp.url, "--user", "editor", "--category",
                       "Cuisine", capsys=capsys)
    assert code == 3 and "'Cuisine' does not exist" in err and "Mobilité" in err
    assert not wp.posts


def test_a_taken_slug_is_reported_with_the_one_wordpress_chose(wp, article_file, env, capsys):
    wp.posts[5] = {"id": 5, "status": "trash", "slug": "velo-electrique-pliant", "meta": {}}
    code, _, err = run(str(article_file), "--site", wp.url, "--user", "editor", capsys=capsys)
    assert code == 0
    assert "velo-electrique-pliant-2" in err


def test_rate_limits_and_server_errors_are_retried_then_explained(wp, article_file, env, capsys):
    wp.fail_next("/wp/v2/posts", 429, retry_after=0)
    code, _, err = run(str(article_file), "--site", wp.url, "--user", "editor", capsys=capsys)
    assert code == 0, err
    for _ in range(4):
        wp.fail_next("/wp/v2/users/me", 500, html=True, retry_after=0)
    code, _, err = run(str(article_file), "--site", wp.url, "--user", "editor", capsys=capsys)
    assert code == 3 and "failed (HTTP 500)" in err and "error log" in err


def test_a_site_without_rest_api_is_named(article_file, env, capsys, tmp_path):
    import http.server
    import threading

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        code, _, err = run(str(article_file), "--site", f"http://127.0.0.1:{server.server_port}",
                           "--user", "editor", capsys=capsys)
    finally:
        server.shutdown()
    assert code == 3 and "No WordPress REST API" in err


def test_seo_fields_go_to_rank_math_or_are_reported_missing(wp, article_file):
    article = parse_markdown(article_file.read_text(encoding="utf-8"))
    wp.seo = "rankmath"
    with WordPress(wp.url, "editor", PASSWORD) as site:
        done = publish(site, article, PublishOptions(), source=article_file)
        assert done.seo_plugin == "rankmath"
        assert wp.posts[done.post.id]["meta"]["rank_math_focus_keyword"] == "vélo électrique pliant"
        wp.seo = None
        again = publish(site, article, PublishOptions(), source=article_file,
                        post_id=done.post.id)
    assert again.post.id == done.post.id and not again.created
    assert any("do not expose" in n or "does not expose" in n for n in again.notes)


def test_a_missing_featured_image_is_an_input_error_before_any_request(wp, tmp_path):
    article = parse_markdown(ARTICLE)
    with WordPress(wp.url, "editor", PASSWORD) as site, pytest.raises(InputError) as info:
        publish(site, article, PublishOptions(), source=tmp_path / "velo.md")
    assert "cover.png" in str(info.value) and not wp.requests


def test_a_saved_site_keeps_its_password_in_the_keychain_only(wp, article_file, capsys,
                                                             monkeypatch, tmp_path):
    stored: dict[tuple[str, str], str] = {}
    from app.core import secrets

    monkeypatch.setattr(secrets.keyring, "set_password", lambda s, k, v: stored.__setitem__((s, k), v))
    monkeypatch.setattr(secrets.keyring, "get_password", lambda s, k: stored.get((s, k)))
    monkeypatch.setattr(secrets, "keyring_usable", lambda: True)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, out, err = run("--add-site", "blog", "--url", wp.url, "--user", "editor",
                         "--password-stdin", capsys=capsys)
    assert code == 0, err
    assert "Saved site 'blog'" in out
    code, out, err = run(str(article_file), "--site", "blog", capsys=capsys)
    assert code == 0, err
    assert len(wp.posts) == 1
    files = [p for p in Path(tmp_path).rglob("*") if p.is_file()]
    import os

    for folder in (os.environ["PLUME_CONFIG_DIR"], os.environ["PLUME_DATA_DIR"]):
        files += [p for p in Path(folder).rglob("*") if p.is_file()]
    assert files and all(PASSWORD.encode() not in p.read_bytes() for p in files)
    assert PASSWORD not in out + err


def test_adding_a_site_with_a_wrong_password_saves_nothing(wp, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("nope\n"))
    code, _, err = run("--add-site", "blog", "--url", wp.url, "--user", "editor",
                       "--password-stdin", capsys=capsys)
    assert code == 3 and "invalid application password" in err
    code, out, _ = run("--sites", capsys=capsys)
    assert "No site yet" in out


def test_an_unknown_site_name_lists_the_configured_ones(article_file, capsys):
    code, _, err = run(str(article_file), "--site", "myblog", capsys=capsys)
    assert code == 2 and "No site named 'myblog'" in err and "--add-site" in err


def test_the_client_raises_typed_errors(wp):
    with WordPress(wp.url, "nobody", PASSWORD) as site, pytest.raises(PublishError) as info:
        site.me()
    assert "is not registered" in str(info.value) and info.value.code == "invalid_username"


def test_a_batch_publishes_each_article_as_a_draft_and_a_resume_does_not_duplicate(
        wp, env, fake_ollama, tmp_path, capsys, monkeypatch):
    from app.core.batch.queue import JobStore
    from app.core.publish.sites import Site, save_site

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    save_site(Site("blog", wp.url, "editor"))
    keywords = tmp_path / "list.txt"
    keywords.write_text("compost en appartement\nvélo cargo\n", encoding="utf-8")
    out = tmp_path / "out"
    code = cli(["batch", str(keywords), "--host", fake_ollama.url, "--model", "llama3.1:8b",
                "--lang", "fr", "--words", "300", "--out", str(out), "--no-review",
                "--duplicates", "keep", "--publish", "blog"])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert f"published to {wp.url}" in printed.out
    assert sorted(p["slug"] for p in wp.posts.values()) == ["compost-en-appartement",
                                                            "velo-cargo"]
    assert {p["status"] for p in wp.posts.values()} == {"draft"}
    assert JobStore.open(out).config.publish_site == "blog"
    code = cli(["batch", "--resume", str(out), "--retry-failed"])
    assert code == 0 and len(wp.posts) == 2


def test_a_batch_with_a_wrong_site_password_runs_nothing(wp, fake_ollama, tmp_path, capsys,
                                                        monkeypatch):
    from app.core.publish.sites import Site, save_site

    monkeypatch.setenv("PLUME_WP_PASSWORD", "wrong")
    save_site(Site("blog", wp.url, "editor"))
    keywords = tmp_path / "list.txt"
    keywords.write_text("compost\n", encoding="utf-8")
    code = cli(["batch", str(keywords), "--host", fake_ollama.url, "--model", "llama3.1:8b",
                "--out", str(tmp_path / "out"), "--publish", "blog", "--duplicates", "keep"])
    assert code == 2 and "invalid application password" in capsys.readouterr().err
    assert not fake_ollama.bodies() and not (tmp_path / "out").exists()


def test_a_site_with_plain_permalinks_is_reached_through_rest_route(wp, article_file, env,
                                                                   capsys, monkeypatch):
    wp.plain_permalinks = True
    code, out, err = run(str(article_file), "--site", wp.url, "--user", "editor", capsys=capsys)
    assert code == 0, err
    assert len(wp.posts) == 1 and "rest_route" in wp.requests[-1].query


def test_without_a_keychain_a_site_is_saved_to_use_the_environment_password(wp, env, capsys,
                                                                            monkeypatch):
    from keyring.backends import fail

    from app.core import secrets

    monkeypatch.setattr(secrets.keyring, "get_keyring", lambda: fail.Keyring())  # as here
    code, out, err = run("--add-site", "blog", "--url", wp.url, "--user", "editor",
                         capsys=capsys)
    assert code == 0, err
    assert "PLUME_WP_PASSWORD" in out and PASSWORD not in out
    code, out, _ = run("--sites", capsys=capsys)
    assert f"blog\t{wp.url}\teditor" in out
