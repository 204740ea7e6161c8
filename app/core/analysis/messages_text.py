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
   "Le mot-clé revient {count} fois dans la méta-description : une ou deux suffisent.",
   "The keyphrase appears {count} times in the meta description: once or twice is enough.")
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
_m("text_length.cornerstone_short",
   "Contenu pilier de {words} mots : visez au moins {min} mots pour une page de référence.",
   "Cornerstone content of {words} words: aim for at least {min} words for a key page.")
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
       f"Liens {_fr} suivis et en nofollow ({{nofollow}} sur {{count}}) : bon mélange.",
       f"Both followed and nofollow {_en} links ({{nofollow}} of {{count}} nofollow): a good mix.")
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
_m("previously_used_keyphrase.unknown",
   "Les mots-clés des autres articles du projet ne sont pas connus : ce contrôle n'entre pas dans le score.",
   "The project's other keyphrases are not known: this check is left out of the score.")

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
# ---- SEO beyond Yoast's free checks (shown, not counted in the SEO score)
_t("function_words_in_keyphrase", "Mots vides dans le mot-clé", "Function words in keyphrase")
_m("function_words_in_keyphrase.good", "Le mot-clé contient des mots significatifs.",
   "The keyphrase has content words.")
_m("function_words_in_keyphrase.bad",
   "Le mot-clé « {keyphrase} » ne contient que des mots vides : ajoutez le sujet dont parle l'article.",
   "The keyphrase \"{keyphrase}\" has function words only: add the topic the article is about.")
_m("function_words_in_keyphrase.no_keyphrase", *NO_KP)

_t("keyphrase_distribution", "Répartition du mot-clé", "Keyphrase distribution")
_m("keyphrase_distribution.good", "Le mot-clé revient régulièrement dans tout le texte. Bien.",
   "The keyphrase comes back evenly through the text. Good.")
_m("keyphrase_distribution.ok",
   "{sentences} phrases de suite ({percent} % du texte) sans le mot-clé ni un synonyme : répartissez-le mieux.",
   "{sentences} sentences in a row ({percent}% of the text) without the keyphrase or a synonym: spread it more evenly.")
_m("keyphrase_distribution.bad",
   "{sentences} phrases de suite ({percent} % du texte) sans le mot-clé ni un synonyme : toute une partie du texte l'ignore.",
   "{sentences} sentences in a row ({percent}% of the text) without the keyphrase or a synonym: a large part of the text ignores it.")
_m("keyphrase_distribution.none",
   "Le mot-clé n'apparaît dans aucune phrase : utilisez-le, ou un synonyme, pour que sa répartition soit mesurée.",
   "No sentence holds the keyphrase: use it, or a synonym, so its distribution can be measured.")
_m("keyphrase_distribution.short_text",
   "Le texte a {sentences} phrases : la répartition se mesure à partir de {min}.",
   "The text has {sentences} sentences: distribution is measured from {min}.")
_m("keyphrase_distribution.no_keyphrase", *NO_KP)

_t("related_keyphrases", "Mots-clés associés", "Related keyphrases")
_m("related_keyphrases.good", "Tous les mots-clés associés et synonymes sont dans le texte : {found}.",
   "Every related keyphrase and synonym is in the text: {found}.")
_m("related_keyphrases.some_missing",
   "{missing|Ce mot-clé associé manque|Ces mots-clés associés manquent} au texte : {missing}. Glissez-les là où ils ont leur place.",
   "{missing|This related keyphrase is|These related keyphrases are} missing from the text: {missing}. Work them in where they fit.")
_m("related_keyphrases.all_missing",
   "Aucun des mots-clés associés ({missing}) n'apparaît dans le texte : employez-les pour couvrir le sujet.",
   "None of the related keyphrases ({missing}) appears in the text: use them to cover the topic.")
_m("related_keyphrases.none_given",
   "Aucun mot-clé associé : ajoutez-en dans `keywords` (ou des synonymes dans `synonyms`) pour les suivre.",
   "No related keyphrases: add some under `keywords` (or synonyms under `synonyms`) to track them.")

_t("keyphrase_in_first_10_percent", "Mot-clé dans les premiers 10 %", "Keyphrase in the first 10%")
_m("keyphrase_in_first_10_percent.good", "Le mot-clé apparaît dans les {words} premiers mots. Bien.",
   "The keyphrase appears within the first {words} words. Good.")
_m("keyphrase_in_first_10_percent.late",
   "Le mot-clé n'apparaît pas dans les {words} premiers mots (10 % du texte) : annoncez le sujet plus tôt.",
   "The keyphrase is not within the first {words} words (10% of the text): announce the topic sooner.")
_m("keyphrase_in_first_10_percent.no_keyphrase", *NO_KP)

_t("content_length_tiers", "Profondeur du contenu", "Content depth")
_m("content_length_tiers.long_form", "Contenu long ({words} mots) : de quoi viser des requêtes concurrentielles.",
   "Long-form content ({words} words): enough to compete on demanding searches.")
_m("content_length_tiers.good",
   "{words} mots : une bonne longueur ; au-delà de {long} mots, le texte devient un contenu de fond.",
   "{words} words: a good length; past {long} words it becomes long-form content.")
_m("content_length_tiers.short",
   "{words} mots : c'est peu pour une requête concurrentielle, visez au moins {min} mots.",
   "{words} words: thin for a competitive search, aim for at least {min} words.")

_t("title_number", "Nombre dans le titre", "Number in title")
_m("title_number.good", "Le titre SEO contient un nombre : il attire l'œil.", "The SEO title has a number: it catches the eye.")
_m("title_number.none", "Pas de nombre dans le titre SEO : un chiffre (« 7 astuces », « 2025 ») attire souvent le clic.",
   "No number in the SEO title: a figure (\"7 tips\", \"2025\") often draws the click.")
_m("title_number.no_title", "Pas de titre SEO.", "No SEO title.")

_t("title_power_word", "Mot puissant dans le titre", "Power word in title")
_m("title_power_word.good", "Le titre SEO contient un mot qui accroche ({words}).",
   "The SEO title has a power word ({words}).")
_m("title_power_word.none",
   "Le titre SEO n'a pas de mot qui accroche : essayez « essentiel », « facile », « erreurs à éviter »…",
   "The SEO title has no power word: try \"essential\", \"easy\", \"mistakes to avoid\"…")
_m("title_power_word.no_title", "Pas de titre SEO.", "No SEO title.")

_t("url_length", "Longueur de l'URL", "URL length")
_m("url_length.good", "L'URL fait {length} caractères. Bien.", "The URL is {length} characters long. Good.")
_m("url_length.long",
   "L'URL fait {length} caractères, plus que {max} : raccourcissez le slug à ses mots-clés.",
   "The URL is {length} characters long, over {max}: cut the slug down to its key words.")
_m("url_length.no_slug", "Pas de slug.", "No slug.")

_t("table_of_contents", "Table des matières", "Table of contents")
_m("table_of_contents.good", "L'article a une table des matières. Bien.", "The article has a table of contents. Good.")
_m("table_of_contents.missing",
   "Article long ({words} mots, {headings} intertitres) sans table des matières : ajoutez-en une en tête.",
   "Long article ({words} words, {headings} subheadings) without a table of contents: add one at the top.")
_m("table_of_contents.not_needed", "Article assez court pour se passer de table des matières.",
   "The article is short enough to do without a table of contents.")

_t("media", "Médias variés", "Media beyond images")
_m("media.good",
   "Le texte varie les médias ({images} {images|image|images}, {videos} {videos|vidéo ou son|vidéos ou sons}, "
   "{tables} {tables|tableau|tableaux}). Bien.",
   "The text mixes media ({images} {images|image|images}, {videos} {videos|video or audio|videos or audio}, "
   "{tables} {tables|table|tables}). Good.")
_m("media.images_only",
   "Article long illustré seulement par des images : ajoutez une vidéo, un tableau ou un schéma.",
   "A long article with images only: add a video, a table or a diagram.")
_m("media.no_images", "Article long sans image : ajoutez-en au moins une à côté des autres médias.",
   "A long article without images: add at least one next to the other media.")
_m("media.none", "Article long sans aucun média : ajoutez images, vidéo ou tableau pour aérer la lecture.",
   "A long article with no media at all: add images, a video or a table to break up the reading.")
_m("media.none_short", "Aucun média : une image ou un tableau rendrait le texte plus vivant.",
   "No media: an image or a table would make the text livelier.")
_t("_further_seo", "SEO, contrôles complémentaires (hors score)", "SEO, further checks (not in the score)")
