"""What `plume batch` does with each finished article besides saving it: internal links
(`--links SITE`, applied as each article finishes, then once more at the end so earlier
articles can link to later ones), the coverage of the job's topic terms (`--terms FILE`) and
social posts (`--social x,linkedin`: <slug>.social.md beside each finished article). Both are safe to run again on `--resume`: a page already
linked is not linked twice, an article with its posts saved gets no new ones."""

from __future__ import annotations

import argparse
import threading
from pathlib import Path
from typing import Any


class AfterArticles:
    def __init__(self, args: argparse.Namespace, plume: Any, store: Any) -> None:
        self.site: str | None = getattr(args, "links", None)
        self.cap: int = getattr(args, "links_per_article", 4)
        self.plume, self.store = plume, store
        self.networks = _networks(args)
        self.links: dict[int, tuple[str, list[Any]]] = {}
        self._seen: set[int] = set()
        self._finished = threading.Event()
        self.say = print

    def event(self, event: Any) -> None:
        """From the runner's thread: note that an article finished (nothing else)."""
        from app.core.batch.job import ItemState
        from app.core.batch.runner import ItemEnded

        if isinstance(event, ItemEnded) and event.state is ItemState.DONE:
            self._finished.set()

    def tick(self) -> None:
        """Link the articles finished since the last call (called while the batch runs, on
        the main thread; the job's database is only read when one has finished)."""
        if not self.site or not self._finished.is_set():
            return
        self._finished.clear()
        from app.core.batch.job import ItemState

        new = {i.id for i in self.store.items() if i.state is ItemState.DONE} - self._seen
        if new:
            self._link(new, live=True)

    def finish(self, code: int) -> int:
        """After the run: the last links (every finished article), then the social posts."""
        if self.site:
            self._link(None, live=False)
            self._keep_present()
            total = sum(len(links) for _, links in self.links.values())
            print(f"Internal links: {total} added to {len(self.links)} finished article(s).")
            for keyword, links in self.links.values():
                print(f"  {keyword}: " + (", ".join(f"“{s.anchor}” → {s.href}" for s in links)
                                          or "none"))
        if self.store.config.defaults.terms:
            self._coverage()
        if self.networks:
            self._social()
        return code

    # ---- Private
    def _link(self, only: set[int] | None, *, live: bool) -> None:
        from app.application.site import link_batch

        for item_id, keyword, links in link_batch(self.store, self.site or "", self.cap,
                                                  only=only):
            self._seen.add(item_id)
            before = self.links.get(item_id, (keyword, []))[1]
            self.links[item_id] = (keyword, [*before, *links])
            if live and links:
                self.say(f"Linked “{keyword}”: {len(links)} internal link(s).")

    def _keep_present(self) -> None:
        """Forget the links a later pass replaced (a "read also" line made again once the
        batch's other articles were there): the summary lists what the files hold."""
        from app.application.site import finished_articles

        bodies = {item.id: article.body for item, article in finished_articles(self.store)}
        for item_id, (keyword, links) in self.links.items():
            body = bodies.get(item_id, "")
            self.links[item_id] = (keyword, [s for s in links if f"]({s.href})" in body])

    def _coverage(self) -> None:
        from app.application.site import finished_articles
        from app.commands.terms_view import coverage_data
        from app.core.terms import Term

        terms = [Term(*t) for t in self.store.config.defaults.terms]
        for item, article in finished_articles(self.store):
            data = coverage_data(article, terms)
            missing = [t["term"] for t in data["terms"] if t["status"] == "missing"]
            print(f"Term coverage: {item.keyword}: {data['score']}/100"
                  + (f" (missing: {', '.join(missing)})" if missing else ""))

    def _social(self) -> None:
        from app.application.site import finished_articles
        from app.core.export.files import article_stem
        from app.core.social.files import save_posts

        config = self.store.config
        out = Path(config.out_dir)
        todo = [a for _, a in finished_articles(self.store)
                if not (out / f"{article_stem(a)}.social.md").exists()]
        if not todo:
            return
        model = config.defaults.model
        with self.plume.connection(config.hosts[0].url).open() as service:
            writer = self.plume.social_writer(service, model)
            for article in todo:
                posts = list(writer.posts(article, self.networks, self.plume.article_url(article)))
                stem = article_stem(article)
                save_posts(article, posts, out, stem)
                sizes = ", ".join(f"{p.network.label} {p.length}/{p.network.max_chars}"
                                  + ("" if p.source == "model" else " (fallback)") for p in posts)
                print(f"Social posts: {out / (stem + '.social.md')} — {sizes}")


def _networks(args: argparse.Namespace) -> tuple[Any, ...]:
    text = getattr(args, "social", None)
    if not text:
        return ()
    from app.core.social.networks import parse_networks

    return parse_networks(text)              # an unknown network: said before any work


def check_social(args: argparse.Namespace) -> None:
    """InputError for a bad --social list (said before the job starts)."""
    _networks(args)
