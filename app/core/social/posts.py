"""A social post, how it is put together, what is checked after the model wrote it, and the
deterministic post used when the model's two attempts fail the checks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.analysis.language import language_votes
from app.core.models import Article, Language
from app.core.social.networks import URL_PATTERN, Network, weighted_length
from app.core.textutil import strip_control, truncate_words

_DOMAIN = re.compile(r"(?i)\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|fr|io|co|info|biz|eu|be|"
                     r"ch|ca|uk|de|app|dev|ly)\b(?:/\S*)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_HASHTAG_WORD = re.compile(r"[^\W_]+")
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|[{}\[\]_|]|\*\*|\btext\s*:|\btext/")
_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_END = re.compile(r"[.!?…](?=\s)")
_WEB = re.compile(r"(?i)https?:|\bwww\b|://")
_PLACEHOLDER = re.compile(r"(?i)\b([^\W\d_])\1{2,}\b")      # "xxx-xxx-xxxx", "aaa"
MIN_HOOK_WORDS, MIN_TEXT_WORDS = 3, 5


@dataclass(slots=True)
class SocialPost:
    network: Network
    hook: str                                   # first line (the newsletter's subject)
    text: str
    hashtags: tuple[str, ...] = ()
    url: str = ""
    source: str = "model"                       # "model" or "fallback"
    problems: list[str] = field(default_factory=list)   # why the model's attempts were refused

    @property
    def full_text(self) -> str:
        return compose(self)

    @property
    def length(self) -> int:
        return weighted_length(self.full_text, self.network)


def clean_line(text: str) -> str:
    """Model text as one plain line: no control characters, no Markdown marks, single spaces."""
    return " ".join(strip_control(str(text or "")).replace("**", "").split()).strip("#* ")


def hashtag(text: str) -> str:
    """'vélo électrique' → '#VéloÉlectrique' ('' when nothing usable is left)."""
    parts: list[str] = _HASHTAG_WORD.findall(str(text).lstrip("#"))
    if not parts:
        return ""
    if len(parts) == 1:
        return "#" + parts[0]
    return "#" + "".join(p[:1].upper() + p[1:] for p in parts)


def hashtags(candidates: list[str], network: Network) -> tuple[str, ...]:
    """Unique, well-formed hashtags of at most `network.hashtag_chars`, capped in number;
    none made from a web address."""
    out: dict[str, str] = {}
    for candidate in candidates:
        if _WEB.search(candidate):         # "https://www.yahoocanada…" is no hashtag
            continue
        tag = hashtag(candidate)
        if 4 <= len(tag) <= network.hashtag_chars and tag.lower() not in out:
            out[tag.lower()] = tag
    return tuple(out.values())[: network.max_hashtags]


def compose(post: SocialPost) -> str:
    """Hook, text, the article's URL (where the network shows links) and the hashtags."""
    parts = [post.hook, post.text]
    if post.url and post.network.with_url and post.network.name != "newsletter":
        parts.append(post.url)
    if post.network.name == "newsletter":
        body = "\n\n".join(p for p in (post.text, post.url) if p)
        return f"{post.hook}\n\n{body}".strip()
    if post.hashtags:
        parts.append(" ".join(post.hashtags))
    return "\n\n".join(p for p in parts if p)


def check_post(post: SocialPost, article: Article) -> list[str]:
    """What is wrong with a written post (empty list: publishable)."""
    problems: list[str] = []
    written = f"{post.hook}\n{post.text}"
    if len(_WORD.findall(post.hook)) < MIN_HOOK_WORDS:
        problems.append(f"the first line is not a sentence (at least {MIN_HOOK_WORDS} words)")
    if len(_WORD.findall(post.text)) < MIN_TEXT_WORDS:
        problems.append(f"the text is not a sentence (at least {MIN_TEXT_WORDS} words)")
    if _same_words(post.hook, post.text):
        problems.append("the text repeats the first line")
    markup = _MARKUP.search(written)
    if markup:
        problems.append(f"markup or code in the post: {markup.group(0)}")
    if post.text and _cut(post.text):
        problems.append("the text stops mid-sentence")
    placeholder = _PLACEHOLDER.search(written)
    if placeholder:
        problems.append(f"a placeholder in the post: {placeholder.group(0)}")
    if not _on_subject(written, article):
        problems.append(f"it does not name the article's subject ({article.keyword})")
    length = post.length
    if length > post.network.max_chars:
        problems.append(f"{length} characters, over {post.network.label}'s {post.network.max_chars}")
    if len(post.hashtags) > post.network.max_hashtags:
        problems.append(f"{len(post.hashtags)} hashtags, at most {post.network.max_hashtags}")
    links = URL_PATTERN.findall(written) + _DOMAIN.findall(written)
    if links:
        problems.append(f"a web address that is not the article's: {links[0]}")
    source = " ".join((article.title, article.meta_description, article.body))
    invented = [n for n in _NUMBER.findall(written) if n not in source]
    if invented:
        problems.append(f"a figure the article does not give: {invented[0]}")
    other = _other_language(written, article.language)
    if other:
        problems.append(f"written in {other}, not in {article.language.value}")
    return problems


def whole_sentences(text: str) -> str:
    """A model's text cut at its length bound ("… des végétaux et animaux. Il vient"),
    without its unfinished last sentence when an earlier one is whole."""
    if not _cut(text):
        return text
    ends = list(_SENTENCE_END.finditer(text))
    return text[:ends[-1].end()] if ends else text


def _cut(text: str) -> bool:
    """The text ends inside a sentence: on a letter, a figure or a comma."""
    last = text.rstrip()[-1:]
    return last.isalnum() or last in ",;:-"


def _on_subject(written: str, article: Article) -> bool:
    """The post uses a word of the article's keyphrases (in one of its forms, as the
    keyphrase is matched): "Bonjour ! Je m'appelle Jacky…" is about nothing of it."""
    from app.core.analysis.keyphrase import match_text, parse_keyphrase

    lang = article.language.value
    phrases = [parse_keyphrase(k, lang) for k in (article.keyword, *article.secondary_keywords)]
    phrases = [kp for kp in phrases if kp.size]
    return not phrases or any(match_text(kp, written, lang).found for kp in phrases)


def _same_words(hook: str, text: str) -> bool:
    """The text says the first line again (a model's filler)."""
    a, b = (" ".join(_WORD.findall(t.lower())) for t in (hook, text))
    return bool(a) and b.startswith(a)


def _other_language(text: str, language: Language) -> str:
    votes = language_votes(text)
    own = votes.get(language, 0)
    best = max((lang for lang in votes if lang != language), key=lambda lang: votes[lang],
               default=None)
    if best is not None and votes[best] >= 3 and votes[best] > 2 * own:
        return best.value
    return ""


def keyword_hashtags(article: Article) -> list[str]:
    return [article.keyword, *article.secondary_keywords]


def fallback_post(network: Network, article: Article, url: str, *, read_more: str,
                  problems: list[str] | None = None) -> SocialPost:
    """A post built from the title and meta description alone, trimmed to the limits."""
    title = clean_line(article.title or article.h1)
    meta = clean_line(article.meta_description)
    tags = hashtags(keyword_hashtags(article), network)
    hook = _trim(title, network.hook_chars)
    text = _trim(meta or title, network.text_chars)
    if network.name == "newsletter":
        text = f"{text}\n\n{read_more}" if read_more else text
    post = SocialPost(network, hook, text, tags, url, "fallback", list(problems or []))
    while post.length > network.max_chars and post.text:   # only X can get here (weights)
        post.text = _trim(post.text, max(0, len(post.text) - 10))
    return post


def _trim(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = truncate_words(text, max(0, limit - 1))
    return (cut.rstrip(" ,;:") + "…") if cut else text[: max(0, limit - 1)] + "…"
