"""The words of every check in French and English (data only; see messages.py).

Another language pack brings its texts as data: `"checks"` in its pack.json.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
TITLES: dict[str, dict[str, str]] = {}


def _m(code: str, fr: str, en: str) -> None:
    MESSAGES[code] = {"fr": fr, "en": en}


def _t(check_id: str, fr: str, en: str) -> None:
    TITLES[check_id] = {"fr": fr, "en": en}


_m("_forms", "Plume a aussi reconnu ces formes du mot : {forms}.",
   "Plume also counted these word forms: {forms}.")

NO_KP = ("Indiquez un mot-clé principal pour lancer ce contrôle.",
         "Set a focus keyphrase to run this check.")

# ---- SEO
_t("keyphrase_in_introduction", "Mot-clé dans l'introduction", "Keyphrase in introduction")
_m("keyphrase_in_introduction.good", "Le mot-clé apparaît dès la première phrase utile. Parfait.",
   "The keyphrase appears in the introduction, within one sentence. Well done.")
_m("keyphrase_in_introduction.spread",
   "Les mots du mot-clé sont dans l'introduction, mais dispersés : réunissez-les dans une même phrase.",
   "The keyphrase's words are in the introduction but spread over several sentences: bring them together in one sentence.")
_m("keyphrase_in_introduction.bad",
   "Le mot-clé n'apparaît pas dans l'introduction : ajoutez-le dans la première phrase.",
   "The keyphrase is missing from the introduction: use it in the first sentence so the topic is clear at once.")
_m("keyphrase_in_introduction.no_text", "Il n'y a pas encore d'introduction à vérifier.",
   "There is no introduction to check yet.")
_m("keyphrase_in_introduction.no_keyphrase", *NO_KP)

_t("keyphrase_length", "Longueur du mot-clé", "Keyphrase length")
_m("keyphrase_length.none", "Aucun mot-clé principal : indiquez-en un pour calculer le score SEO.",
   "No focus keyphrase set: add one so the SEO score can be calculated.")
_m("keyphrase_length.good", "Bonne longueur de mot-clé.", "Good keyphrase length.")
_m("keyphrase_length.long",
   "Le mot-clé compte {words} mots significatifs, plus que les {max} recommandés : raccourcissez-le.",
   "The keyphrase has {words} content words, more than the recommended {max}: shorten it.")
_m("keyphrase_length.too_long",
   "Le mot-clé compte {words} mots significatifs, bien plus que les {max} recommandés : gardez l'essentiel.",
   "The keyphrase has {words} content words, far more than the recommended {max}: keep only what matters.")

_t("keyphrase_density", "Densité du mot-clé", "Keyphrase density")
_m("keyphrase_density.none",
   "Le mot-clé n'apparaît nulle part dans le texte : utilisez-le au moins {min} fois.",
   "The keyphrase is not in the text at all: use it at least {min} times.")
_m("keyphrase_density.too_few",
   "Le mot-clé apparaît {count} fois, moins que les {min} recommandées pour cette longueur : citez-le davantage.",
   "The keyphrase appears {count} {count|time|times}, fewer than the {min} recommended for a text this long: use it more.")
_m("keyphrase_density.good", "Le mot-clé apparaît {count} fois : bonne densité ({density} %).",
   "The keyphrase appears {count} {count|time|times}: good density ({density}%).")
_m("keyphrase_density.too_many",
   "Le mot-clé apparaît {count} fois, plus que les {max} recommandées : remplacez-en quelques-unes par des synonymes.",
   "The keyphrase appears {count} {count|time|times}, more than the recommended {max}: swap a few for synonyms.")
_m("keyphrase_density.stuffing",
   "Le mot-clé apparaît {count} fois, bien au-delà des {max} recommandées : les moteurs y verront du bourrage.",
   "The keyphrase appears {count} {count|time|times}, far beyond the recommended {max}: search engines will see keyword stuffing.")
_m("keyphrase_density.short_text", "Le texte est trop court (moins de 100 mots) pour mesurer la densité.",
   "The text is too short (under 100 words) to measure keyphrase density.")
_m("keyphrase_density.no_keyphrase", *NO_KP)

_t("keyphrase_in_meta_description", "Mot-clé dans la méta-description", "Keyphrase in meta description")
_m("keyphrase_in_meta_description.good", "La méta-description contient le mot-clé. Bien.",
   "The meta description contains the keyphrase. Good.")
_m("keyphrase_in_meta_description.bad",
   "La méta-description ne contient pas le mot-clé : glissez-le dans la première phrase.",
   "The meta description does not contain the keyphrase: work it into the first sentence.")
_m("keyphrase_in_meta_description.too_many",
   "Le mot-clé revient dans {count} phrases de la méta-description : une ou deux suffisent.",
   "The keyphrase is in {count} sentences of the meta description: one or two is enough.")
_m("keyphrase_in_meta_description.no_description",
   "Pas de méta-description : rédigez-en une qui contient le mot-clé.",
   "No meta description: write one that contains the keyphrase.")
_m("keyphrase_in_meta_description.no_keyphrase", *NO_KP)

_t("meta_description_length", "Longueur de la méta-description", "Meta description length")
_m("meta_description_length.empty",
   "Pas de méta-description : sans elle, le moteur choisira un extrait à votre place.",
   "No meta description: without one, search engines will pick a snippet for you.")
_m("meta_description_length.short",
   "La méta-description fait {length} caractères : visez entre {min} et {max} pour occuper l'espace.",
   "The meta description is {length} characters long: aim for {min} to {max} to use the space.")
_m("meta_description_length.long",
   "La méta-description fait {length} caractères, au-delà de {max} : elle sera coupée, raccourcissez-la.",
   "The meta description is {length} characters long, over {max}: it will be cut off, so shorten it.")
_m("meta_description_length.good", "Bonne longueur de méta-description.",
   "Good meta description length.")

_t("keyphrase_in_subheadings", "Mot-clé dans les intertitres", "Keyphrase in subheadings")
_m("keyphrase_in_subheadings.good", "{matched} {matched|intertitre|intertitres} sur {total} {matched|reprend|reprennent} le mot-clé. Bon équilibre.",
   "{matched} of {total} subheadings reflect the keyphrase. Good balance.")
_m("keyphrase_in_subheadings.too_few",
   "{matched} {matched|intertitre|intertitres} seulement sur {total} {matched|reprend|reprennent} le mot-clé : ajoutez-le dans quelques H2 ou H3.",
   "Only {matched} of {total} subheadings reflect the keyphrase: use it in a few more H2 or H3.")
_m("keyphrase_in_subheadings.none",
   "{total|L'unique intertitre ne reprend pas|Aucun intertitre ne reprend} le mot-clé : ajoutez-le dans un ou deux H2 ou H3.",
   "{total|The only subheading does not reflect|No subheading reflects} the keyphrase: use it in one or two H2 or H3.")
_m("keyphrase_in_subheadings.too_many",
   "{matched} intertitres sur {total} reprennent le mot-clé : c'est trop, variez leurs formulations.",
   "{matched} of {total} subheadings repeat the keyphrase: that is too many, vary them.")
_m("keyphrase_in_subheadings.no_subheadings",
   "Le texte n'a aucun intertitre : structurez-le en sections H2 dont certaines reprennent le mot-clé.",
   "The text has no subheadings: split it into H2 sections, some of which use the keyphrase.")
_m("keyphrase_in_subheadings.short_text_no_subheadings",
   "Pas d'intertitre, mais le texte est assez court pour s'en passer.",
   "No subheadings, but the text is short enough to do without.")
_m("keyphrase_in_subheadings.no_keyphrase", *NO_KP)

_t("competing_links", "Liens concurrents", "Competing links")
_m("competing_links.good", "Aucun lien n'a le mot-clé pour ancre. Bien.",
   "No link uses the keyphrase as its anchor text. Good.")
_m("competing_links.bad",
   "{count} {count|lien a|liens ont} le mot-clé pour ancre : {count|il fait|ils font} concurrence à cette page, changez-en le texte.",
   "{count} {count|link uses|links use} the keyphrase as anchor text: {count|it competes|they compete} with this page, so reword {count|it|them}.")
_m("competing_links.no_keyphrase", *NO_KP)

_t("images", "Images", "Images")
_m("images.none", "Le texte n'a aucune image : ajoutez-en au moins une pour l'illustrer.",
   "The text has no images: add at least one to illustrate it.")
_m("images.good", "Le texte contient {count} {count|image|images}. Bien.", "The text has {count} {count|image|images}. Good.")

_t("keyphrase_in_image_alt", "Mot-clé dans le texte alternatif", "Keyphrase in image alt text")
_m("keyphrase_in_image_alt.no_images",
   "Aucune image : ajoutez-en une dont le texte alternatif reprend le mot-clé.",
   "No images: add one whose alt text reflects the keyphrase.")
_m("keyphrase_in_image_alt.no_alt",
   "Vos images n'ont pas de texte alternatif : décrivez-les, en reprenant le mot-clé quand c'est pertinent.",
   "Your images have no alt text: describe them, using the keyphrase where it fits.")
_m("keyphrase_in_image_alt.no_keyphrase_in_alt",
   "Aucun texte alternatif ne reprend le mot-clé : ajoutez-le à la description d'une image.",
   "No alt text reflects the keyphrase: add it to the description of an image.")
_m("keyphrase_in_image_alt.good", "{matched} {matched|image|images} sur {total} {matched|a|ont} le mot-clé dans le texte alternatif. Bien.",
   "{matched} of {total} images have the keyphrase in their alt text. Good.")
_m("keyphrase_in_image_alt.too_few",
   "Seules {matched} images sur {total} reprennent le mot-clé dans leur texte alternatif : visez environ un tiers.",
   "Only {matched} of {total} images reflect the keyphrase in their alt text: aim for about a third.")
_m("keyphrase_in_image_alt.too_many",
   "{matched} images sur {total} reprennent le mot-clé : variez les textes alternatifs.",
   "{matched} of {total} images repeat the keyphrase in their alt text: vary them.")
_m("keyphrase_in_image_alt.no_keyphrase", *NO_KP)

_t("text_length", "Longueur du texte", "Text length")
_m("text_length.good", "Le texte compte {words} mots. Bien.", "The text has {words} words. Good.")
_m("text_length.slightly_short",
   "Le texte compte {words} mots, un peu moins que les {min} recommandés : développez une idée.",
   "The text has {words} words, a little under the recommended {min}: develop one more point.")
_m("text_length.short", "Le texte compte {words} mots, moins que les {min} recommandés : étoffez-le.",
   "The text has {words} words, under the recommended {min}: add substance.")
_m("text_length.very_short", "Le texte ne compte que {words} mots, loin des {min} recommandés : étoffez-le.",
   "The text has only {words} words, far below the recommended {min}: add substance.")
_m("text_length.far_too_short",
   "Le texte ne compte que {words} mots : c'est bien trop peu pour se positionner, visez au moins {min}.",
   "The text has only {words} words: far too few to rank, aim for at least {min}.")

for _kind, _fr, _en in (("outbound", "sortants", "outbound"), ("internal", "internes", "internal")):
    _t(f"{_kind}_links", f"Liens {_fr}", f"{_en.capitalize()} links")
    _m(f"{_kind}_links.good", f"Le texte contient {{count}} {{count|lien|liens}} {_fr[:-1]}{{count||s}}. Bien.",
       f"The text has {{count}} {_en} {{count|link|links}}. Good.")
    _m(f"{_kind}_links.all_nofollow",
       f"Tous vos liens {_fr} sont en nofollow : laissez suivre au moins ceux qui le méritent.",
       f"All your {_en} links are nofollow: let at least the worthy ones be followed.")
    _m(f"{_kind}_links.some_nofollow",
       f"{{nofollow}} {{nofollow|lien|liens}} {_fr[:-1]}{{nofollow||s}} sur {{count}} {{nofollow|est|sont}} en nofollow : vérifiez que c'est voulu.",
       f"{{nofollow}} of {{count}} {_en} links are nofollow: check this is intended.")
_m("outbound_links.none",
   "Aucun lien sortant : citez une ou deux sources fiables pour appuyer le propos.",
   "No outbound links: cite one or two reliable sources to back up your points.")
_m("internal_links.none",
   "Aucun lien interne : renvoyez vers d'autres pages de votre site.",
   "No internal links: point readers to other pages of your site.")

_t("keyphrase_in_title", "Mot-clé dans le titre SEO", "Keyphrase in SEO title")
_m("keyphrase_in_title.good", "Le titre SEO commence par le mot-clé exact. Parfait.",
   "The SEO title starts with the exact keyphrase. Well done.")
_m("keyphrase_in_title.not_at_start",
   "Le titre SEO contient le mot-clé exact, mais pas au début : placez-le en tête.",
   "The SEO title has the exact keyphrase, but not at the start: move it to the front.")
_m("keyphrase_in_title.words_only",
   "Le titre SEO contient les mots du mot-clé, mais pas l'expression exacte : reprenez-la telle quelle, en tête.",
   "The SEO title has the keyphrase's words but not the exact phrase: use it as is, at the start.")
_m("keyphrase_in_title.bad", "Le titre SEO ne contient pas le mot-clé : ajoutez-le, de préférence au début.",
   "The SEO title does not contain the keyphrase: add it, preferably at the start.")
_m("keyphrase_in_title.no_title", "Pas de titre SEO : rédigez-en un qui commence par le mot-clé.",
   "No SEO title: write one that starts with the keyphrase.")
_m("keyphrase_in_title.no_keyphrase", *NO_KP)

_t("title_width", "Largeur du titre SEO", "SEO title width")
_m("title_width.good", "Le titre SEO tient dans les résultats ({px} px sur {max}).",
   "The SEO title fits in search results ({px} of {max} px).")
_m("title_width.too_wide",
   "Le titre SEO fait {px} px, au-delà des {max} px affichés : il sera tronqué, raccourcissez-le.",
   "The SEO title is {px} px wide, over the {max} px shown: it will be cut off, so shorten it.")
_m("title_width.no_title", "Pas de titre SEO : rédigez-en un.", "No SEO title: write one.")

_t("keyphrase_in_slug", "Mot-clé dans le slug", "Keyphrase in slug")
_m("keyphrase_in_slug.good", "Le slug reprend le mot-clé. Bien.", "The slug contains the keyphrase. Good.")
_m("keyphrase_in_slug.partial",
   "Le slug ne reprend que {found} {found|mot|mots} sur {total} du mot-clé : ajoutez les autres.",
   "The slug has only {found} of the keyphrase's {total} words: add the others.")
_m("keyphrase_in_slug.no_slug", "Pas de slug : créez-en un court qui reprend le mot-clé.",
   "No slug: create a short one that contains the keyphrase.")
_m("keyphrase_in_slug.no_keyphrase", *NO_KP)

_t("single_h1", "Titre H1 unique", "Single H1 title")
_m("single_h1.good", "Un seul titre H1. Bien.", "A single H1 title. Good.")
_m("single_h1.bad", "Le texte a {count} titres H1 : gardez-en un seul et passez les autres en H2.",
   "The text has {count} H1 titles: keep one and turn the others into H2.")

_t("previously_used_keyphrase", "Mot-clé déjà utilisé", "Previously used keyphrase")
_m("previously_used_keyphrase.good", "Vous n'avez jamais utilisé ce mot-clé. Bien.",
   "You have not used this keyphrase before. Good.")
_m("previously_used_keyphrase.once",
   "Vous avez déjà utilisé ce mot-clé une fois : deux pages se disputeront la même requête.",
   "You have used this keyphrase once before: two pages will compete for the same search.")
_m("previously_used_keyphrase.bad",
   "Vous avez déjà utilisé ce mot-clé {count} fois : choisissez un angle ou un mot-clé différent.",
   "You have used this keyphrase {count} {count|time|times} before: pick a different angle or keyphrase.")
_m("previously_used_keyphrase.no_keyphrase", *NO_KP)

# ---- Readability
_t("subheading_distribution", "Répartition des intertitres", "Subheading distribution")
_m("subheading_distribution.good", "Les sections ont une bonne longueur.",
   "Sections have a good length.")
_m("subheading_distribution.short_text", "Pas d'intertitre, mais le texte est assez court.",
   "No subheadings, but the text is short enough.")
_m("subheading_distribution.no_subheadings",
   "Le texte fait {words} mots sans intertitre : découpez-le en sections avec des H2.",
   "The text runs {words} words without a subheading: break it into sections with H2s.")
_m("subheading_distribution.ok",
   "Une section dépasse {max} mots ({longest}) : ajoutez un intertitre.",
   "A section runs over {max} words ({longest}): add a subheading.")
_m("subheading_distribution.bad",
   "{sections} {sections|section dépasse|sections dépassent} {max} mots (jusqu'à {longest}) : {sections|coupez-la|coupez-les} avec des intertitres.",
   "{sections} {sections|section runs|sections run} over {max} words (up to {longest}): break {sections|it|them} up with subheadings.")

_t("paragraph_length", "Longueur des paragraphes", "Paragraph length")
_m("paragraph_length.good", "Aucun paragraphe trop long. Bien.", "No paragraph is too long. Good.")
_m("paragraph_length.ok", "{count} {count|paragraphe dépasse|paragraphes dépassent} {max} mots : {count|coupez-le|coupez-les} en deux.",
   "{count} {count|paragraph runs|paragraphs run} over {max} words: split {count|it|them}.")
_m("paragraph_length.bad",
   "{count} {count|paragraphe dépasse|paragraphes dépassent} {max} mots, jusqu'à {longest} : {count|coupez-le|coupez-les}, le lecteur décroche.",
   "{count} {count|paragraph runs|paragraphs run} over {max} words, up to {longest}: split {count|it|them} before readers drift off.")

_t("sentence_length", "Longueur des phrases", "Sentence length")
_m("sentence_length.good", "Les phrases ont une longueur agréable ({percent} % de plus de {max_words} mots).",
   "Sentences have a comfortable length ({percent}% over {max_words} words).")
_m("sentence_length.ok",
   "{percent} % des phrases dépassent {max_words} mots (au plus {max} % conseillés) : raccourcissez-en quelques-unes.",
   "{percent}% of sentences are over {max_words} words (at most {max}% advised): shorten a few.")
_m("sentence_length.bad",
   "{percent} % des phrases dépassent {max_words} mots, bien plus que {max} % : coupez les plus longues.",
   "{percent}% of sentences are over {max_words} words, well above {max}%: split the longest ones.")
_m("sentence_length.no_text", "Pas encore de phrases à évaluer.", "No sentences to assess yet.")

_t("transition_words", "Mots de liaison", "Transition words")
_m("transition_words.good", "{percent} % des phrases contiennent un mot de liaison. Le texte coule bien.",
   "{percent}% of sentences contain a transition word. The text flows well.")
_m("transition_words.ok",
   "{percent} % des phrases seulement contiennent un mot de liaison : visez {min} %, ajoutez « ainsi », « en effet »…",
   "Only {percent}% of sentences contain a transition word: aim for {min}% with \"so\", \"however\", \"for example\"…")
_m("transition_words.bad",
   "Trop peu de mots de liaison ({percent} % des phrases) : reliez vos idées avec « donc », « cependant », « par exemple ».",
   "Too few transition words ({percent}% of sentences): link your ideas with \"therefore\", \"however\", \"for example\".")
_m("transition_words.short_text", "Le texte est trop court (moins de {min_words} mots) pour ce contrôle.",
   "The text is too short (under {min_words} words) for this check.")

_t("passive_voice", "Voix passive", "Passive voice")
_m("passive_voice.good", "Peu de voix passive ({percent} % des phrases). Bien.",
   "Little passive voice ({percent}% of sentences). Good.")
_m("passive_voice.ok",
   "{percent} % des phrases sont au passif, un peu plus que les {max} % conseillés : rendez l'action au sujet.",
   "{percent}% of sentences are passive, a bit over the advised {max}%: give the action back to the subject.")
_m("passive_voice.bad",
   "{percent} % des phrases sont au passif, bien plus que {max} % : préférez la voix active.",
   "{percent}% of sentences are passive, well over {max}%: prefer the active voice.")
_m("passive_voice.no_text", "Pas encore de phrases à évaluer.", "No sentences to assess yet.")

_t("consecutive_sentences", "Débuts de phrase répétés", "Consecutive sentences")
_m("consecutive_sentences.good", "Les débuts de phrase sont variés.", "Sentence openings are varied.")
_m("consecutive_sentences.bad",
   "{count} {count|série|séries} d'au moins trois phrases {count|commence|commencent} par le même mot ({words}) : variez les débuts.",
   "{count} {count|run|runs} of three or more sentences {count|starts|start} with the same word ({words}): vary the openings.")

_t("flesch_reading_ease", "Facilité de lecture (Flesch)", "Flesch reading ease")
for _band, _fr, _en in (
    ("very_easy", "très facile à lire", "very easy to read"), ("easy", "facile à lire", "easy to read"),
    ("fairly_easy", "assez facile à lire", "fairly easy to read"), ("standard", "d'une lecture standard", "standard"),
    ("fairly_difficult", "assez difficile à lire", "fairly difficult to read"),
    ("difficult", "difficile à lire", "difficult to read"),
    ("very_difficult", "très difficile à lire", "very difficult to read"),
):
    _m(f"flesch_reading_ease.{_band}", f"Score de lisibilité {{ease}} : texte {_fr}.",
       f"Reading ease {{ease}}: the text is {_en}.")
_m("flesch_reading_ease.no_text", "Pas encore de texte à évaluer.", "No text to assess yet.")

# ---- Plume's lints
_t("ai_cliches", "Clichés d'IA", "AI clichés")
_m("ai_cliches.good", "Aucun cliché d'IA repéré.", "No AI clichés found.")
_m("ai_cliches.found",
   "{count} {count|tournure typique|tournures typiques} des textes générés ({phrases}) : reformulez avec vos mots.",
   "{count} {count|phrase|phrases} typical of generated text ({phrases}): say it in your own words.")

_t("french_typography", "Typographie française", "French typography")
_m("french_typography.good", "Typographie française soignée.", "French typography is clean.")
_m("french_typography.found",
   "{count} {count|point|points} de typographie : espace insécable avant ; : ! ? et dans « », apostrophe typographique (’).",
   "{count} French typography {count|issue|issues}: no-break space before ; : ! ? and inside « », typographic apostrophe (’).")

_t("claims_to_verify", "Affirmations à vérifier", "Claims to verify")
_m("claims_to_verify.good", "Aucun chiffre, date ou citation à vérifier.",
   "No figures, dates or quotes to fact-check.")
_m("claims_to_verify.found",
   "{count} {count|phrase avance|phrases avancent} des chiffres, dates, citations ou études : vérifiez chaque source avant publication.",
   "{count} {count|sentence states|sentences state} figures, dates, quotes or studies: check each source before publishing.")

_t("language_drift", "Changement de langue", "Language drift")
_m("language_drift.good", "Tout le texte est dans la langue de l'article.",
   "The whole text is in the article's language.")
_m("language_drift.found",
   "{count} {count|paragraphe semble écrit|paragraphes semblent écrits} dans une autre langue ({found}) : {count|traduisez-le ou supprimez-le|traduisez-les ou supprimez-les}.",
   "{count} {count|paragraph seems|paragraphs seem} to be in another language ({found}): translate or remove {count|it|them}.")


# ---- The words of `plume analyze`'s text report (titles starting with "_")
_t("_keyphrase", "Mot-clé", "Keyphrase")
_t("_words", "mots", "words")
_t("_sentences", "phrases", "sentences")
_t("_readability", "Lisibilité", "Readability")
_t("_review", "Relecture", "Review")
_t("_none", "(aucun)", "(none)")
_t("_untitled", "(sans titre)", "(untitled)")
_t("_search_preview", "Aperçu Google", "Search preview")
