"""SocialWriter: one bounded JSON call per network (prompt in the article's language), the
post checked after, one retry that names the problems, then the deterministic fallback."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from string import Template
from typing import Any, Protocol

from app.core.cancel import CancelToken
from app.core.errors import InvalidModelOutput
from app.core.generation.prompts import read_prompt
from app.core.generation.schemas import max_tokens
from app.core.models import Article
from app.core.social.networks import Network
from app.core.social.posts import (
    SocialPost,
    check_post,
    clean_line,
    fallback_post,
    hashtags,
    keyword_hashtags,
    whole_sentences,
)
from app.core.textutil import truncate_words

EXCERPT_CHARS = 1500
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


class ChatJson(Protocol):
    def chat_json(self, model: str, messages: Sequence[dict[str, Any]],
                  schema: dict[str, Any], **kwargs: Any) -> dict[str, Any]: ...


def _string(low: int, high: int) -> dict[str, Any]:
    return {"type": "string", "minLength": low, "maxLength": high}


def post_schema(network: Network) -> dict[str, Any]:
    """Every string and array bounded: the parts add up under the network's limit."""
    properties: dict[str, Any] = {"hook": _string(10, network.hook_chars),
                                  "text": _string(20, network.text_chars)}
    if network.max_hashtags:
        properties["hashtags"] = {"type": "array", "minItems": 1,
                                  "maxItems": network.max_hashtags,
                                  "items": _string(2, network.hashtag_chars - 1)}
    return {"type": "object", "properties": properties, "required": list(properties)}


def excerpt(body: str, limit: int = EXCERPT_CHARS) -> str:
    """The article's prose for the prompt: no headings, link texts without their addresses."""
    lines = [_LINK.sub(r"\1", line) for line in body.splitlines()
             if line.strip() and not line.lstrip().startswith(("#", "|", "<"))]
    return truncate_words(" ".join(lines), limit, "…")


class SocialWriter:
    def __init__(self, service: ChatJson, model: str, *, think: bool | str | None = None,
                 temperature: float = 0.7, seed: int | None = None, num_ctx: int = 4096) -> None:
        self.service = service
        self.model = model
        self.think = think
        self.temperature = temperature
        self.seed = seed
        self.num_ctx = num_ctx

    def posts(self, article: Article, networks: Sequence[Network], url: str = "",
              cancel: CancelToken | None = None) -> Iterator[SocialPost]:
        """One post per network, in order, each checked (model post or fallback)."""
        labels = social_labels(article)
        for network in networks:
            yield self.post(article, network, url, labels, cancel)

    def post(self, article: Article, network: Network, url: str, labels: dict[str, str],
             cancel: CancelToken | None = None) -> SocialPost:
        messages = self._messages(article, network, labels)
        schema = post_schema(network)
        problems: list[str] = []
        for _attempt in range(2):
            try:
                data = self.service.chat_json(
                    self.model, messages, schema, options=self._options(schema),
                    think=self.think, cancel=cancel, retries=0)
            except InvalidModelOutput as exc:
                problems = [exc.message]
            else:
                post = self._from_json(data, article, network, url)
                problems = check_post(post, article)
                if not problems:
                    return post
            retry = Template(labels["retry"]).substitute(problems="; ".join(problems))
            messages = [*messages[:2], {"role": "user", "content": f"{messages[1]['content']}"
                                                                   f"\n\n{retry}"}]
        return fallback_post(network, article, url, read_more=labels["read_more"],
                             problems=problems)

    def _options(self, schema: dict[str, Any]) -> dict[str, Any]:
        options: dict[str, Any] = {"num_ctx": self.num_ctx, "num_predict": max_tokens(schema),
                                   "temperature": self.temperature}
        if self.seed is not None:
            options["seed"] = self.seed
        return options

    def _messages(self, article: Article, network: Network,
                  labels: dict[str, str]) -> list[dict[str, str]]:
        prompt = Template(read_prompt(article.language, "social.txt")).substitute(
            network=network.label, style=labels[f"style.{network.name}"],
            title=clean_line(article.title or article.h1),
            meta=clean_line(article.meta_description), keyword=clean_line(article.keyword),
            excerpt=excerpt(article.body), hook_chars=network.hook_chars,
            text_chars=network.text_chars, hashtags=network.max_hashtags)
        return [{"role": "system", "content": labels["system"]},
                {"role": "user", "content": prompt.strip()}]

    @staticmethod
    def _from_json(data: dict[str, Any], article: Article, network: Network,
                   url: str) -> SocialPost:
        raw_tags = [str(t) for t in data.get("hashtags") or [] if isinstance(t, str)]
        # Hashtags from the keywords first, then the model's; capped per network.
        tags = hashtags(keyword_hashtags(article) + raw_tags, network)
        text = whole_sentences(" ".join(str(data.get("text") or "").split()))
        return SocialPost(network, clean_line(str(data.get("hook") or "")), text, tags, url)


def social_labels(article: Article) -> dict[str, str]:
    """The pack's social.json (system prompt, per-network style, retry note, 'read more')."""
    data = json.loads(read_prompt(article.language, "social.json"))
    return {str(k): str(v) for k, v in data.items()}
