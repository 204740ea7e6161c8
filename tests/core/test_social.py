"""Social posts from an article, against the fake Ollama through the official client."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.core.errors import InputError
from app.core.llm import OllamaService
from app.core.models import Article, Language
from app.core.social import NETWORKS, parse_networks, weighted_length
from app.core.social.posts import SocialPost, check_post
from app.core.social.writer import SocialWriter, social_labels
from tests.fake_ollama import Generate

MODEL = "llama3.1:8b"
URL = "https://example.org/velo-electrique/"
BODY = ("# Vélo électrique : le guide pratique\n\n"
        "Un vélo électrique coûte entre 1 200 et 3 000 euros. La batterie de 500 Wh tient "
        "environ 80 kilomètres. Pour bien choisir, comparez le moteur, la batterie et le "
        "poids du vélo avant de l'essayer en magasin.\n\n"
        "## Les critères clés\n\nLe moteur central est plus souple dans les côtes.\n")
FR = Article("vélo électrique", Language.FR, "Vélo électrique : le guide pratique pour bien choisir",
             "Tout savoir sur le vélo électrique : les critères qui comptent, les vrais coûts et "
             "les erreurs à éviter.", "velo-electrique", BODY, ("batterie",))

LABELS = social_labels(FR)


def reply(hook: str, text: str, tags: list[str] | None = None) -> Generate:
    data = {"hook": hook, "text": text, "hashtags": tags or ["velo"]}
    raw = json.dumps(data, ensure_ascii=False)
    return Generate(content=[raw[i:i + 5] for i in range(0, len(raw), 5)])


def writer(fake) -> SocialWriter:
    return SocialWriter(OllamaService(fake.url, busy_backoff=0.01), MODEL, temperature=0.2)


def test_x_counts_a_url_as_23_and_an_emoji_as_2():
    x = NETWORKS["x"]
    long_url = "https://example.org/" + "a" * 100
    assert weighted_length(f"Lire {long_url}", x) == 5 + 23
    assert weighted_length("vélo 🚲", x) == 5 + 2
    assert weighted_length("vélo 🚲", NETWORKS["linkedin"]) == 6


def test_unknown_network_names_the_known_ones():
    with pytest.raises(InputError) as info:
        parse_networks("x,tiktok")
    assert "tiktok" in info.value.message and "linkedin" in info.value.hint
    assert [n.name for n in parse_networks("twitter, LinkedIn,x")] == ["x", "linkedin"]


def french_post(req):
    """A well-behaved model: a French hook and text within the schema's bounds."""
    schema = req.body["format"]["properties"]
    hook = "Bien choisir son vélo électrique"[:schema["hook"]["maxLength"]]
    text = ("Moteur, batterie, poids : les critères qui comptent avant d'acheter, et les "
            "erreurs à éviter.")[:schema["text"]["maxLength"]]
    data = {"hook": hook, "text": text}
    if "hashtags" in schema:
        data["hashtags"] = ["mobilité"]
    return Generate(content=[json.dumps(data, ensure_ascii=False)])


def test_every_network_gets_a_french_post_within_its_limit(fake_ollama):
    fake_ollama.on_model(MODEL, french_post)
    posts = list(writer(fake_ollama).posts(FR, list(NETWORKS.values()), URL))
    assert [p.network.name for p in posts] == list(NETWORKS)
    for post in posts:
        assert post.source == "model", post.problems
        assert post.length <= post.network.max_chars
        assert check_post(post, FR) == []
        assert (URL in post.full_text) == post.network.with_url
    x = posts[0]
    assert "#VéloÉlectrique" in x.hashtags          # hashtags from the keywords come first
    prompts = [b["messages"][-1]["content"] for b in fake_ollama.bodies() if b.get("messages")]
    assert all("Langue : français" in p for p in prompts)
    assert all(b["format"]["properties"]["hook"]["maxLength"] == n.hook_chars
               for b, n in zip([b for b in fake_ollama.bodies() if b.get("messages")],
                               NETWORKS.values(), strict=True))


@pytest.mark.parametrize("name", list(NETWORKS))
def test_posts_filled_to_every_bound_stay_within_the_network_limit(fake_ollama, name):
    network = NETWORKS[name]

    def longest(req):
        schema = req.body["format"]["properties"]
        words = {"hook": "vélo ", "text": "route "}
        data = {key: (words[key] * 300)[:sub["maxLength"] - 1] + "." if sub["type"] == "string"
                else ["a" * sub["items"]["maxLength"]] * sub["maxItems"]
                for key, sub in schema.items()}
        return Generate(content=[json.dumps(data)])

    fake_ollama.on_model(MODEL, longest)
    post = writer(fake_ollama).post(FR, network, URL + "x" * 200, LABELS)
    assert post.source == "model", post.problems
    assert post.length <= network.max_chars
    assert len(post.hashtags) <= network.max_hashtags


def test_an_invented_address_and_figure_are_refused_then_the_retry_is_kept(fake_ollama):
    fake_ollama.on_model(MODEL, None)
    fake_ollama.enqueue("/api/chat",
                        reply("Le vélo électrique à 99 % moins cher", "Voyez velo-promo.com pour tout."),
                        reply("Vélo électrique : bien choisir", "Moteur, batterie, poids : "
                              "les trois critères qui comptent avant d'acheter votre vélo."))
    post = writer(fake_ollama).post(FR, NETWORKS["x"], URL, LABELS)
    assert post.source == "model"
    assert post.hook == "Vélo électrique : bien choisir"
    retry_prompt = fake_ollama.bodies()[-1]["messages"][-1]["content"]
    assert "refusée" in retry_prompt
    assert "velo-promo.com" in retry_prompt and "99" in retry_prompt


def test_two_refused_answers_give_the_fallback_from_title_and_meta(fake_ollama):
    english = reply("The best electric bike for your daily commute",
                    "You will learn how to choose the motor and the battery for your needs.")
    fake_ollama.on_model(MODEL, english)
    post = writer(fake_ollama).post(FR, NETWORKS["x"], URL, LABELS)
    assert post.source == "fallback"
    assert any("written in en" in p for p in post.problems)
    assert post.hook.startswith("Vélo électrique")
    assert URL in post.full_text and post.length <= 280
    assert len(fake_ollama.bodies()) == 2                 # one retry, no more


def test_fallback_x_post_of_a_very_long_title_fits(fake_ollama):
    fake_ollama.on_model(MODEL, reply("x", "y"))            # below minLength: invalid twice
    long = Article("vélo", Language.FR, "Vélo " * 60, "Description " * 40, "velo", BODY)
    post = writer(fake_ollama).post(long, NETWORKS["x"], URL, LABELS)
    assert post.source == "fallback"
    assert post.length <= 280


def write_article(tmp_path, text: str | None = None):
    path = tmp_path / "velo.md"
    path.write_text(text or ("---\ntitle: \"Vélo électrique : le guide\"\ndescription: \"Tout "
                             "savoir sur le vélo électrique.\"\nslug: velo-electrique\nlang: fr\n"
                             f"keywords: [vélo électrique]\nurl: {URL}\n---\n\n" + BODY),
                    encoding="utf-8")
    return path


def test_cli_writes_posts_beside_the_article(fake_ollama, tmp_path, capsys):
    path = write_article(tmp_path)
    code = main(["social", str(path), "--to", "x,newsletter", "--model", MODEL,
                 "--host", fake_ollama.url])
    out = capsys.readouterr()
    assert code == 0, out.err
    saved = json.loads((tmp_path / "velo-electrique.social.json").read_text(encoding="utf-8"))
    assert [p["network"] for p in saved["posts"]] == ["x", "newsletter"]
    assert all(URL in p["text"] and p["length"] <= p["limit"] for p in saved["posts"])
    markdown = (tmp_path / "velo-electrique.social.md").read_text(encoding="utf-8")
    assert "## X" in markdown and "## Newsletter" in markdown
    assert "── X ──" in out.out
    again = main(["social", str(path), "--to", "x", "--model", MODEL, "--host", fake_ollama.url])
    assert again == 2 and "--force" in capsys.readouterr().err


def test_cli_bad_input_is_refused_before_any_request(fake_ollama, tmp_path, capsys):
    path = write_article(tmp_path)
    assert main(["social", str(path), "--to", "myspace", "--host", fake_ollama.url]) == 2
    assert "myspace" in capsys.readouterr().err
    assert main(["social", str(tmp_path / "nope.md"), "--host", fake_ollama.url]) == 2
    assert "No such file" in capsys.readouterr().err
    assert main(["social", str(path), "--url", "not a url", "--host", fake_ollama.url]) == 2
    assert fake_ollama.bodies() == []


@pytest.mark.parametrize(("hook", "text"), [
    # What the real 270M model wrote for LinkedIn and Facebook (see the note of issue 16).
    ("..., et non", "... {text: 'C'est un compost que vous mettez-y dans un robinet ?"),
    ("X-SAGE_COMPOST", "<p>Composter en appartement.</p><br /></p><br />"),
])
def test_fragments_markup_and_leaked_json_are_refused(hook, text):
    post = SocialPost(NETWORKS["linkedin"], hook, text, ("#Compost",), URL)
    problems = check_post(post, FR)
    assert problems and any("markup" in p or "sentence" in p for p in problems)


def test_cli_writes_posts_for_each_article_of_a_batch(fake_ollama, tmp_path, capsys):
    first = write_article(tmp_path)
    second = tmp_path / "b.md"
    second.write_text(first.read_text(encoding="utf-8").replace("slug: velo-electrique",
                                                                "slug: velo-cargo"),
                      encoding="utf-8")
    code = main(["social", str(first), str(second), "--to", "x", "--model", MODEL,
                 "--host", fake_ollama.url, "--quiet"])
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "velo-electrique.social.md").is_file()
    assert (tmp_path / "velo-cargo.social.md").is_file()
    asked = len(fake_ollama.bodies())
    missing = main(["social", str(first), str(tmp_path / "nope.md"), "--to", "x", "--force",
                    "--model", MODEL, "--host", fake_ollama.url])
    assert missing == 2
    assert len(fake_ollama.bodies()) == asked          # refused before any post was written
    assert "No such file" in capsys.readouterr().err


def test_a_text_that_repeats_the_first_line_is_refused():
    post = SocialPost(NETWORKS["x"], "Un point concret sur le vélo électrique.",
                      "Un point concret sur le vélo électrique.", (), URL)
    assert "the text repeats the first line" in check_post(post, FR)


def test_a_placeholder_or_a_post_about_something_else_gives_the_fallback(fake_ollama):
    # What gemma3:270m wrote as the X post of "paillage du potager" (it passed every check).
    jacky = reply("xxx-xxx-xxxx", "Bonjour ! Je m'appelle Jacky et je suis le grand papa de "
                  "mon fils.", ["PaillageDuPotager"])
    fake_ollama.on_model(MODEL, jacky)
    post = writer(fake_ollama).post(FR, NETWORKS["x"], URL, LABELS)
    assert post.source == "fallback" and "Jacky" not in post.full_text
    assert "a placeholder in the post: xxx" in post.problems
    assert "it does not name the article's subject (vélo électrique)" in post.problems
    # Named in another form ("vélos électriques") or by a secondary keyword: on subject.
    for text in ("Deux vélos électriques comparés sur route, moteur et poids.",
                 "Comment garder une batterie en forme tout l'hiver, sans surprise."):
        good = SocialPost(NETWORKS["x"], "Avant de choisir votre modèle", text, (), URL)
        assert check_post(good, FR) == [], text


def test_a_web_address_given_as_a_hashtag_is_dropped(fake_ollama):
    # gemma3:270m's X post for "paillage du potager" ended with #HttpsWwwYahoocanada.
    fake_ollama.on_model(MODEL, reply("Bien choisir son vélo électrique", "Moteur, batterie, "
                                      "poids : les critères qui comptent avant d'acheter.",
                                      ["https://www.yahoocanada.com", "www.velo.fr", "mobilité"]))
    post = writer(fake_ollama).post(FR, NETWORKS["linkedin"], URL, LABELS)
    assert post.source == "model", post.problems
    assert post.hashtags == ("#VéloÉlectrique", "#batterie", "#mobilité")


def test_a_leaked_mime_type_and_a_cut_sentence_are_not_published(fake_ollama):
    # gemma3:270m's X post for "compost en appartement": hook "text/en-US", text cut at its
    # bound ("… de la santé des végétaux et animaux. Il vient").
    leaked = SocialPost(NETWORKS["x"], "text/en-US", "Le vélo électrique sert depuis 1943 "
                        "aux trajets du quotidien. Il vient", (), URL)
    assert "markup or code in the post: text/" in check_post(leaked, FR)
    assert "the text stops mid-sentence" in check_post(leaked, FR)
    # A cut text keeps its whole sentences when there are some.
    fake_ollama.on_model(MODEL, reply("Bien choisir son vélo électrique", "Moteur, batterie, "
                                      "poids : les critères qui comptent. Il vient"))
    post = writer(fake_ollama).post(FR, NETWORKS["x"], URL, LABELS)
    assert post.source == "model", post.problems
    assert post.text == "Moteur, batterie, poids : les critères qui comptent."
