<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../app/ui/actions.py" line="+114"/>
        <source>&amp;New article</source>
        <translation>&amp;Nouvel article</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start a new, empty article</source>
        <translation>Commencer un nouvel article vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a Markdown or HTML article</source>
        <translation>Ouvrir un article Markdown ou HTML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save to the file the article came from, else to the library</source>
        <translation>Enregistrer dans le fichier d’origine de l’article, sinon dans la bibliothèque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the article in the library</source>
        <translation>Enregistrer l’article dans la bibliothèque</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save to &amp;library</source>
        <translation>Enregistrer dans la &amp;bibliothèque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write &amp;article</source>
        <translation>Rédiger l’&amp;article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline, write and review the article in one go</source>
        <translation>Plan, rédaction et relecture de l’article en une seule fois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop at the outline</source>
        <translation>S’arrêter au plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write article stops after the outline, so you can edit it before writing</source>
        <translation>« Rédiger l’article » s’arrête après le plan, pour que vous puissiez le modifier avant la rédaction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate &amp;outline</source>
        <translation>Générer le &amp;plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the model for a title, description and outline</source>
        <translation>Demander au modèle un titre, une description et un plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Write</source>
        <translation>&amp;Rédiger</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write the article section by section from the outline</source>
        <translation>Rédiger l’article section par section à partir du plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop now and keep the text written so far</source>
        <translation>Arrêter tout de suite en gardant le texte déjà écrit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Regenerate section</source>
        <translation>Ré&amp;générer la section</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the section under the cursor again</source>
        <translation>Réécrire la section où se trouve le curseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xtend section</source>
        <translation>Pro&amp;longer la section</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add more text at the end of the section under the cursor</source>
        <translation>Ajouter du texte à la fin de la section où se trouve le curseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Markdown…</source>
        <translation>Exporter en &amp;Markdown…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save as Markdown with front matter</source>
        <translation>Enregistrer en Markdown avec en-tête (front matter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;HTML page…</source>
        <translation>Exporter en page &amp;HTML…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save as a standalone HTML page</source>
        <translation>Enregistrer comme page HTML autonome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as &amp;HTML</source>
        <translation>Copier en &amp;HTML</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the article as HTML for a CMS</source>
        <translation>Copier l’article en HTML pour un CMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as Mar&amp;kdown</source>
        <translation>Copier en Mar&amp;kdown</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the article as Markdown</source>
        <translation>Copier l’article en Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preview</source>
        <translation>&amp;Aperçu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show or hide the HTML preview</source>
        <translation>Afficher ou masquer l’aperçu HTML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Thinking panel</source>
        <translation>Panneau de &amp;réflexion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show or hide the model&apos;s thinking</source>
        <translation>Afficher ou masquer la réflexion du modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Brief</source>
        <translation>&amp;Brief</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to the brief</source>
        <translation>Aller au brief</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outline</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to the outline</source>
        <translation>Aller au plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Editor</source>
        <translation>&amp;Éditeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to the text</source>
        <translation>Aller au texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Library</source>
        <translation>&amp;Bibliothèque</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show saved articles</source>
        <translation>Afficher les articles enregistrés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Writing</source>
        <translation>&amp;Rédaction</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write one article</source>
        <translation>Rédiger un article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Batch</source>
        <translation>&amp;Lot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run a keyword list</source>
        <translation>Traiter une liste de mots-clés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ollama host, defaults, export, interface</source>
        <translation>Hôte Ollama, valeurs par défaut, export, interface</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pull a model…</source>
        <translation>&amp;Télécharger un modèle…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Download a model into Ollama</source>
        <translation>Télécharger un modèle dans Ollama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reconnect to Ollama</source>
        <translation>&amp;Reconnecter à Ollama</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check the Ollama host again</source>
        <translation>Vérifier de nouveau l’hôte Ollama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>List every shortcut</source>
        <translation>Lister tous les raccourcis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close Plume</source>
        <translation>Fermer Plume</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;System</source>
        <translation>&amp;Système</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow the system colours</source>
        <translation>Suivre les couleurs du système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Light theme</source>
        <translation>Thème clair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark theme</source>
        <translation>Thème sombre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write</source>
        <translation>Rédiger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write article</source>
        <translation>Rédiger l’article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extend</source>
        <translation>Prolonger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing</source>
        <translation>Rédaction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plain (title, description, slug)</source>
        <translation>Simple (titre, description, slug)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hugo</source>
        <translation>Hugo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jekyll</source>
        <translation>Jekyll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Astro</source>
        <translation>Astro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No front matter</source>
        <translation>Sans en-tête</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <location filename="../../app/ui/editor/article_editor.py" line="+448"/>
        <source>Article text (Markdown)</source>
        <translation>Texte de l’article (Markdown)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write here, or fill the brief and press Generate outline (Ctrl+Shift+O).

Markdown: # title, ## section, **bold**, *italic*, [link](https://…)</source>
        <translation>Écrivez ici, ou remplissez le brief et cliquez sur Générer le plan (Ctrl+Maj+O).

Markdown&#xa0;: # titre, ## section, **gras**, *italique*, [lien](https://…)</translation>
    </message>
</context>
<context>
    <name>BatchController</name>
    <message>
        <location filename="../../app/ui/controllers/batch_controller.py" line="+244"/>
        <source>Open a keyword list first.</source>
        <translation>Ouvrez d’abord une liste de mots-clés.</translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <location filename="../../app/ui/panels/batch_panel.py" line="+69"/>
        <location line="+372"/>
        <source>Reading the list…</source>
        <translation>Lecture de la liste…</translation>
    </message>
    <message>
        <location line="-365"/>
        <source>Drop a keyword list here (TXT, one keyword per line, or CSV/TSV with a &apos;keyword&apos; column)</source>
        <translation>Déposez une liste de mots-clés ici (TXT, un mot-clé par ligne, ou CSV/TSV avec une colonne «&#xa0;keyword&#xa0;»)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open list…</source>
        <translation>Ouvrir une liste…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume a job…</source>
        <translation>Reprendre un lot…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML page</source>
        <translation>Page HTML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-review each article</source>
        <translation>Relire automatiquement chaque article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip the later ones</source>
        <translation>Ignorer les suivants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep them all</source>
        <translation>Tous les garder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write every ready row</source>
        <translation>Rédiger toutes les lignes prêtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in editor</source>
        <translation>Ouvrir dans l’éditeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the selected finished article in the editor (or double-click its row)</source>
        <translation>Ouvrir l’article terminé sélectionné dans l’éditeur (ou double-cliquez sur sa ligne)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open output folder</source>
        <translation>Ouvrir le dossier de sortie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch toolbar</source>
        <translation>Barre d’outils du lot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>…or paste keywords here, one per line (or CSV with a &apos;keyword&apos; header)</source>
        <translation>…ou collez des mots-clés ici, un par ligne (ou un CSV avec un en-tête « keyword »)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use pasted keywords</source>
        <translation>Utiliser les mots-clés collés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parallel requests per host. Match the host&apos;s OLLAMA_NUM_PARALLEL (1 unless you changed it).</source>
        <translation>Requêtes simultanées par hôte. Alignez-vous sur OLLAMA_NUM_PARALLEL de l’hôte (1 sauf si vous l’avez modifié).</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+226"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location line="-226"/>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hosts</source>
        <translation>Hôtes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per host</source>
        <translation>Par hôte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <location line="+211"/>
        <source>Open a keyword list</source>
        <translation>Ouvrir une liste de mots-clés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyword lists (*.txt *.csv *.tsv)</source>
        <translation>Listes de mots-clés (*.txt *.csv *.tsv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Output folder of the job</source>
        <translation>Dossier de sortie du lot</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checking the hosts…</source>
        <translation>Vérification des hôtes…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{rows} rows, {errors} with errors (shown in red; they will be skipped).</source>
        <translation>{rows} lignes, dont {errors} en erreur (en rouge&#xa0;; elles seront ignorées).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} group(s) of duplicate or near-duplicate keywords (cannibalisation risk): {first}.</source>
        <translation>{n} groupe(s) de mots-clés en double ou presque (risque de cannibalisation)&#xa0;: {first}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Running. You can keep writing in the Write tab; the job is saved in {folder}.</source>
        <translation>En cours. Vous pouvez continuer à écrire dans l’onglet Rédaction&#xa0;; le lot est enregistré dans {folder}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{done}/{total} done · {failed} failed · {running} running · {rate:.1f} articles/hour · ETA {eta}</source>
        <translation>{done}/{total} terminés · {failed} en échec · {running} en cours · {rate:.1f} articles/heure · fin prévue dans {eta}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>paused (running articles finish)</source>
        <translation>en pause (les articles en cours se terminent)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finished.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped; resume it with “Resume a job…”.</source>
        <translation>Arrêté&#xa0;; reprenez-le avec «&#xa0;Reprendre un lot…&#xa0;».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped: no host could serve the articles.</source>
        <translation>Arrêté&#xa0;: aucun hôte n’a pu traiter les articles.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{host} is answering again</source>
        <translation>{host} répond de nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{host} is down; its articles go to the other hosts, retrying it in {s} s</source>
        <translation>{host} est hors service&#xa0;; ses articles passent aux autres hôtes, nouvel essai dans {s} s</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Pasted keywords</source>
        <translation>Mots-clés collés</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{m} min {s:02d} s</source>
        <translation>{m} min {s:02d} s</translation>
    </message>
</context>
<context>
    <name>BatchTableModel</name>
    <message>
        <location filename="../../app/ui/controllers/batch_controller.py" line="-142"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keyword</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Has errors</source>
        <translation>Contient des erreurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Writing…</source>
        <translation>Rédaction…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skipped</source>
        <translation>Ignoré</translation>
    </message>
</context>
<context>
    <name>BriefPanel</name>
    <message>
        <location filename="../../app/ui/panels/brief_panel.py" line="+146"/>
        <source>The main keyword is empty.</source>
        <translation>Le mot-clé principal est vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the search query the article should rank for.</source>
        <translation>Saisissez la requête sur laquelle l’article doit se positionner.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader and style</source>
        <translation>Lecteur et style</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include</source>
        <translation>Inclure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Main keyword</source>
        <translation>Mot-clé &amp;principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Secondary</source>
        <translation>Se&amp;condaires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Audience</source>
        <translation>Pu&amp;blic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tone</source>
        <translation>&amp;Ton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Voice</source>
        <translation>&amp;Voix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le&amp;ngth</source>
        <translation>Lon&amp;gueur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. best running shoes for flat feet</source>
        <translation>ex. meilleures chaussures de running pour pieds plats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comma-separated, optional</source>
        <translation>séparés par des virgules, facultatif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. beginner runners</source>
        <translation>ex. coureurs débutants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> words</source>
        <translation> mots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main keyword</source>
        <translation>Mot-clé principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secondary keywords</source>
        <translation>Mots-clés secondaires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Article language</source>
        <translation>Langue de l’article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audience</source>
        <translation>Public</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tone</source>
        <translation>Ton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point of view</source>
        <translation>Point de vue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target length in words</source>
        <translation>Longueur visée en mots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom instructions</source>
        <translation>Consignes personnalisées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neutral</source>
        <translation>Neutre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friendly</source>
        <translation>Amical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Professional</source>
        <translation>Professionnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persuasive</source>
        <translation>Persuasif</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First person (I)</source>
        <translation>Première personne (je)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First person plural (we)</source>
        <translation>Première personne du pluriel (nous)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second person (you)</source>
        <translation>Deuxième personne (vous)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impersonal</source>
        <translation>Impersonnel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>FAQ</source>
        <translation>FAQ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key takeaways</source>
        <translation>Points clés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conclusion</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists and tables</source>
        <translation>Listes et tableaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom &amp;instructions</source>
        <translation>Consignes &amp;personnalisées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anything the model should know: sources to cite, products, what to avoid…</source>
        <translation>Tout ce que le modèle doit savoir&#xa0;: sources à citer, produits, ce qu’il faut éviter…</translation>
    </message>
</context>
<context>
    <name>CheckActions</name>
    <message>
        <location filename="../../app/ui/controllers/check_actions.py" line="+82"/>
        <source>Fixes wait until the model has finished writing.</source>
        <translation>Les corrections attendent que le modèle ait fini d’écrire.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing Plume can fix by rule here right now.</source>
        <translation>Rien que Plume puisse corriger automatiquement ici pour l’instant.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Asking the model to revise the part this check concerns…</source>
        <translation>Le modèle révise la partie concernée par ce critère…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reviewing the article again…</source>
        <translation>Nouvelle relecture de l’article…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The model is writing; ask again when it is done.</source>
        <translation>Le modèle écrit ; redemandez quand il aura fini.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model is still working on the last request.</source>
        <translation>Le modèle travaille encore sur la demande précédente.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The model&apos;s rewrite did not score better: your text is unchanged.</source>
        <translation>La réécriture du modèle n’obtenait pas un meilleur score : votre texte n’a pas changé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to revise for this check right now.</source>
        <translation>Rien à réviser pour ce critère pour l’instant.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The model could not help: {0}</source>
        <translation>Le modèle n’a pas pu aider : {0}</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../app/ui/panels/connection_banner.py" line="+60"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+21"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Check the connection to Ollama again</source>
        <translation>Vérifier de nouveau la connexion à Ollama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the Ollama host or token</source>
        <translation>Modifier l’hôte Ollama ou le jeton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pull a model…</source>
        <translation>Télécharger un modèle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download a model into Ollama</source>
        <translation>Télécharger un modèle dans Ollama</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&lt;b&gt;Ollama is running at {host} but has no model yet.&lt;/b&gt; Pull one to start writing (e.g. gpt-oss:20b or qwen3:8b).</source>
        <translation>&lt;b&gt;Ollama fonctionne sur {host} mais n’a encore aucun modèle.&lt;/b&gt; Téléchargez-en un pour commencer à écrire (par exemple gpt-oss:20b ou qwen3:8b).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Plume cannot reach Ollama at {host}.&lt;/b&gt; Check that Ollama runs on that machine and listens on the network (start it with &lt;code&gt;OLLAMA_HOST=0.0.0.0 ollama serve&lt;/code&gt;), that no firewall blocks the port, or change the host in Settings. Plume keeps checking and will connect as soon as it answers.</source>
        <translation>&lt;b&gt;Plume ne parvient pas à joindre Ollama sur {host}.&lt;/b&gt; Vérifiez qu’Ollama tourne sur cette machine et écoute sur le réseau (lancez-le avec &lt;code&gt;OLLAMA_HOST=0.0.0.0 ollama serve&lt;/code&gt;), qu’aucun pare-feu ne bloque le port, ou changez l’hôte dans les Paramètres. Plume réessaie tout seul et se connectera dès qu’Ollama répondra.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Plume cannot reach Ollama at {host}.&lt;/b&gt; If Ollama is not installed, get it from &lt;a href=&quot;{url}&quot;&gt;ollama.com&lt;/a&gt;; then start it (open the Ollama app or run &lt;code&gt;ollama serve&lt;/code&gt;). If Ollama runs elsewhere, change the host in Settings. Plume keeps checking and will connect as soon as it answers.</source>
        <translation>&lt;b&gt;Plume ne parvient pas à joindre Ollama sur {host}.&lt;/b&gt; Si Ollama n’est pas installé, téléchargez-le sur &lt;a href=&quot;{url}&quot;&gt;ollama.com&lt;/a&gt;, puis lancez-le (ouvrez l’application Ollama ou exécutez &lt;code&gt;ollama serve&lt;/code&gt;). Si Ollama tourne sur une autre machine, changez l’hôte dans les Paramètres. Plume réessaie tout seul et se connectera dès qu’Ollama répondra.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Ollama at {host} answered with an error:&lt;/b&gt; {error} Check the host and the access token in Settings, then retry.</source>
        <translation>&lt;b&gt;Ollama sur {host} a répondu par une erreur&#xa0;:&lt;/b&gt; {error} Vérifiez l’hôte et le jeton d’accès dans les Paramètres, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>EditingTools</name>
    <message>
        <location filename="../../app/ui/editing_tools.py" line="+132"/>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Find in the text</source>
        <translation>Rechercher dans le texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace…</source>
        <translation>R&amp;emplacer…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Find and replace in the text</source>
        <translation>Rechercher et remplacer dans le texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;next</source>
        <translation>Occurrence &amp;suivante</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to the next match</source>
        <translation>Aller à l’occurrence suivante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;previous</source>
        <translation>Occurrence &amp;précédente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to the previous match</source>
        <translation>Aller à l’occurrence précédente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ocus mode</source>
        <translation>Mode &amp;concentration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the side panels and keep the current line centred</source>
        <translation>Masquer les panneaux latéraux et garder la ligne en cours au centre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../app/ui/controllers/export_controller.py" line="+106"/>
        <source>Export Markdown</source>
        <translation>Exporter en Markdown</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export HTML page</source>
        <translation>Exporter en page HTML</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTML page (*.html)</source>
        <translation>Page HTML (*.html)</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <location filename="../../app/ui/controllers/file_controller.py" line="+64"/>
        <source>Open an article</source>
        <translation>Ouvrir un article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles (*.md *.markdown *.html *.htm);;Markdown (*.md *.markdown);;HTML pages (*.html *.htm)</source>
        <translation>Articles (*.md *.markdown *.html *.htm);;Markdown (*.md *.markdown);;Pages HTML (*.html *.htm)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{0} is not a Markdown or HTML file.</source>
        <translation>{0} n’est pas un fichier Markdown ou HTML.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a .md, .markdown or .html file.</source>
        <translation>Ouvrez un fichier .md, .markdown ou .html.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} is too large for an article ({1} MB).</source>
        <translation>{0} est trop volumineux pour un article ({1} Mo).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a single article (under 5 MB).</source>
        <translation>Ouvrez un seul article (moins de 5 Mo).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} could not be read: {1}.</source>
        <translation>{0} n’a pas pu être lu : {1}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the file exists and that you may read it.</source>
        <translation>Vérifiez que le fichier existe et que vous avez le droit de le lire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} is not UTF-8 text.</source>
        <translation>{0} n’est pas un texte UTF-8.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save it as UTF-8 in your editor, then open it again.</source>
        <translation>Enregistrez-le en UTF-8 dans votre éditeur, puis ouvrez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No recent files</source>
        <translation>Aucun fichier récent</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <location filename="../../app/ui/editor/find_bar.py" line="+203"/>
        <source>%n replaced</source>
        <translation>
            <numerusform>%n remplacée</numerusform>
            <numerusform>%n remplacées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+2"/>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>Replace with</source>
        <translation>Remplacer par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace all</source>
        <translation>Tout remplacer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole word</source>
        <translation>Mot entier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regular expression</source>
        <translation>Expression régulière</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find in selection</source>
        <translation>Rechercher dans la sélection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (Enter)</source>
        <translation>Occurrence suivante (Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>Invalid expression: {0}</source>
        <translation>Expression non valide : {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invalid</source>
        <translation>Non valide</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No results</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} of {1}</source>
        <translation>{0} sur {1}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n occurrence</numerusform>
            <numerusform>%n occurrences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../app/ui/panels/library_panel.py" line="+122"/>
        <source>Delete article</source>
        <translation>Supprimer l’article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “{title}” from the library? This cannot be undone.</source>
        <translation>Supprimer «&#xa0;{title}&#xa0;» de la bibliothèque&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search titles, keywords and text…</source>
        <translation>Rechercher dans les titres, mots-clés et textes…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>1 word</source>
        <translation>1 mot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} words</source>
        <translation>{0} mots</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected article from the library</source>
        <translation>Supprimer de la bibliothèque l’article sélectionné</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No article matches this search.</source>
        <translation>Aucun article ne correspond à cette recherche.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved articles will appear here.</source>
        <translation>Les articles enregistrés apparaîtront ici.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="+656"/>
        <source>Plume — SEO writing studio</source>
        <translation>Plume — atelier de rédaction SEO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modes</source>
        <translation>Modes</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Self-review stopped: {0} fix(es) kept so far, SEO {1} → {2}</source>
        <translation>Relecture automatique arrêtée&#xa0;: {0} correction(s) conservée(s), SEO {1} → {2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review changes… shows them; undo any you don&apos;t want.</source>
        <translation>«&#xa0;Voir les modifications…&#xa0;» les affiche&#xa0;; annulez celles que vous ne voulez pas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Self-review: the draft is kept as written (SEO {0}).</source>
        <translation>Relecture automatique&#xa0;: le brouillon est conservé tel quel (SEO {0}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Self-review: {0} fix(es) found, SEO {1} → {2}; not applied, to keep your edits</source>
        <translation>Relecture automatique&#xa0;: {0} correction(s) trouvée(s), SEO {1} → {2}&#xa0;; non appliquées, pour garder vos modifications</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review changes… shows them (applying replaces the text; Ctrl+Z undoes it).</source>
        <translation>«&#xa0;Voir les modifications…&#xa0;» les montre (les appliquer remplace le texte&#xa0;; Ctrl+Z l’annule).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ctrl+Z returns to the draft as written.</source>
        <translation>Ctrl+Z revient au brouillon tel qu’il a été écrit.</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+12"/>
        <location line="+8"/>
        <source>Review changes…</source>
        <translation>Voir les modifications…</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>{0} — Plume</source>
        <translation>{0} — Plume</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Self-review: {0}</source>
        <translation>Relecture : {0}</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Exported to {0}</source>
        <translation>Exporté vers {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTML copied to the clipboard</source>
        <translation>HTML copié dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown copied to the clipboard</source>
        <translation>Markdown copié dans le presse-papiers</translation>
    </message>
    <message>
        <location filename="../../app/ui/composition.py" line="+179"/>
        <source>1 word</source>
        <translation>1 mot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} words</source>
        <translation>{0} mots</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../app/ui/widgets/message_bar.py" line="+103"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss message</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../app/ui/widgets/model_picker.py" line="+139"/>
        <source>Pull a model</source>
        <translation>Télécharger un modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model name (as listed on ollama.com/library):</source>
        <translation>Nom du modèle (tel qu’il figure sur ollama.com/library)&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model that writes your articles</source>
        <translation>Le modèle qui rédige vos articles</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No model installed</source>
        <translation>Aucun modèle installé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} — suggested, not installed ({size} GB download)</source>
        <translation>{name} — conseillé, non installé ({size} Go à télécharger)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pull another model…</source>
        <translation>Télécharger un autre modèle…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{size} GB on disk</source>
        <translation>{size} Go sur le disque</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>family {family}</source>
        <translation>famille {family}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{params} parameters</source>
        <translation>{params} paramètres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>quantisation {quant}</source>
        <translation>quantification {quant}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>context {tokens} tokens</source>
        <translation>contexte de {tokens} jetons</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>thinking</source>
        <translation>réflexion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tools</source>
        <translation>outils</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vision</source>
        <translation>vision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>embeddings</source>
        <translation>plongements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fill-in</source>
        <translation>complétion</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No model installed yet. Suggested for this computer ({gb} GB of memory): pick one in the list to pull it.</source>
        <translation>Aucun modèle installé pour l’instant. Modèles conseillés pour cet ordinateur ({gb} Go de mémoire)&#xa0;: choisissez-en un dans la liste pour le télécharger.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No model installed yet: pick a suggested model in the list to pull it.</source>
        <translation>Aucun modèle installé pour l’instant&#xa0;: choisissez un modèle conseillé dans la liste pour le télécharger.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>best writing quality</source>
        <translation>meilleure qualité d’écriture</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>good French</source>
        <translation>bon en français</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fast</source>
        <translation>rapide</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>long context</source>
        <translation>long contexte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>balanced</source>
        <translation>équilibré</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>good English</source>
        <translation>bon en anglais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for small machines</source>
        <translation>pour les petites machines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{params} parameters, needs about {ram} GB of memory</source>
        <translation>{params} paramètres, demande environ {ram} Go de mémoire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>can think before writing</source>
        <translation>peut réfléchir avant d’écrire</translation>
    </message>
</context>
<context>
    <name>OutlineEditor</name>
    <message>
        <location filename="../../app/ui/panels/outline_editor.py" line="+312"/>
        <source>Not written yet</source>
        <translation>Pas encore écrite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Being written</source>
        <translation>En cours d’écriture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written</source>
        <translation>Écrite</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>New section</source>
        <translation>Nouvelle section</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Search appearance</source>
        <translation>Apparence dans les résultats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SEO &amp;title</source>
        <translation>&amp;Titre SEO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Headline</source>
        <translation>Titre de la &amp;page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;lug</source>
        <translation>S&amp;lug</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Words</source>
        <translation>Mots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SEO title</source>
        <translation>Titre SEO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headline (H1)</source>
        <translation>Titre de la page (H1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meta description</source>
        <translation>Méta-description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL slug</source>
        <translation>Slug de l’URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline sections</source>
        <translation>Sections du plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>120–156 characters shown under the title</source>
        <translation>120 à 156 caractères affichés sous le titre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a section</source>
        <translation>Ajouter une section</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected section (Del)</source>
        <translation>Supprimer la section sélectionnée (Suppr)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up (Alt+Up)</source>
        <translation>Monter (Alt+Haut)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down (Alt+Down)</source>
        <translation>Descendre (Alt+Bas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch between H2 and H3</source>
        <translation>Basculer entre H2 et H3</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>{0} chars</source>
        <translation>{0} caractères</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} sections · ~{1} words</source>
        <translation>{0} sections · ~{1} mots</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../app/ui/editor/preview_pane.py" line="+171"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The preview shows the article as the HTML export will look.</source>
        <translation>L’aperçu montre l’article tel que l’export HTML l’affichera.</translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/pull_dialog.py" line="+222"/>
        <source>Pull a model</source>
        <translation>Télécharger un modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model name as listed on ollama.com/library</source>
        <translation>Nom du modèle tel qu’il figure sur ollama.com/library</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pull</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Which model should Ollama download?</source>
        <translation>Quel modèle Ollama doit-il télécharger&#xa0;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloading &lt;b&gt;{name}&lt;/b&gt; into Ollama</source>
        <translation>Téléchargement de &lt;b&gt;{name}&lt;/b&gt; dans Ollama</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Pick a suggested model or type a name, then Pull.</source>
        <translation>Choisissez un modèle conseillé ou saisissez un nom, puis cliquez sur Télécharger.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name} is ready to use.</source>
        <translation>{name} est prêt à l’emploi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download cancelled. Pulling again resumes where it stopped.</source>
        <translation>Téléchargement annulé. Relancer le téléchargement reprendra là où il s’est arrêté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The download failed: {message}</source>
        <translation>Le téléchargement a échoué&#xa0;: {message}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fetching the model manifest…</source>
        <translation>Récupération du manifeste du modèle…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloading…</source>
        <translation>Téléchargement…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verifying the download…</source>
        <translation>Vérification du téléchargement…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finishing…</source>
        <translation>Finalisation…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{speed} MB/s</source>
        <translation>{speed} Mo/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>about {time} left</source>
        <translation>environ {time} restant</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} GB</source>
        <translation>{0} Go</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} MB</source>
        <translation>{0} Mo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} kB</source>
        <translation>{0} ko</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/recovery_dialog.py" line="+90"/>
        <source>Recover unsaved work</source>
        <translation>Récupérer le travail non enregistré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These drafts were not saved in the library when Plume last closed. They were kept automatically and can be recovered.</source>
        <translation>Ces brouillons n’étaient pas enregistrés dans la bibliothèque à la dernière fermeture de Plume. Ils ont été gardés automatiquement et peuvent être récupérés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recover</source>
        <translation>Récupérer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard all</source>
        <translation>Tout abandonner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decide later</source>
        <translation>Décider plus tard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the drafts and ask again at next start</source>
        <translation>Garder les brouillons et redemander au prochain démarrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keyword</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved at</source>
        <translation>Sauvegardé le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words</source>
        <translation>Mots</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/review_dialog.py" line="+190"/>
        <source>Self-review</source>
        <translation>Relecture automatique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SEO {0} → {1}   ·   Readability {2} → {3}</source>
        <translation>SEO {0} → {1}   ·   Lisibilité {2} → {3}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped before the end</source>
        <translation>arrêtée avant la fin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing to fix</source>
        <translation>rien à corriger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All changes, section by section</source>
        <translation>Toutes les modifications, section par section</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep ticked changes</source>
        <translation>Garder les modifications cochées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo all</source>
        <translation>Tout annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
</context>
<context>
    <name>RunNotes</name>
    <message>
        <location filename="../../app/ui/controllers/run_notes.py" line="+46"/>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (and {0} more)</source>
        <translation> (et {0} de plus)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check before publishing: {0}.</source>
        <translation>À vérifier avant publication : {0}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outline ready, with notes</source>
        <translation>Plan prêt, avec des remarques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written, with notes</source>
        <translation>Rédigé, avec des remarques</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../app/ui/panels/score_panel.py" line="+326"/>
        <source>No text yet</source>
        <translation>Aucun texte</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} words · {1} min read · Flesch {2}</source>
        <translation>{0} mots · {1} min de lecture · Flesch {2}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(no title)</source>
        <translation>(pas de titre)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no description)</source>
        <translation>(pas de description)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>SEO</source>
        <translation>SEO</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Readability</source>
        <translation>Lisibilité</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+9"/>
        <source>Search result preview</source>
        <translation>Aperçu dans les résultats de recherche</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>SEO checks</source>
        <translation>Contrôles SEO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Content lints</source>
        <translation>Contrôles du contenu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scores appear here as soon as there is text: while it streams and as you edit.</source>
        <translation>Les scores s’affichent ici dès qu’il y a du texte&#xa0;: pendant la génération comme pendant vos modifications.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scores and checks</source>
        <translation>Scores et contrôles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SEO score</source>
        <translation>Score SEO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Readability score</source>
        <translation>Score de lisibilité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review again</source>
        <translation>Relire à nouveau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the self-review on the text as it is now; you see and keep what you want</source>
        <translation>Relancer la relecture sur le texte actuel ; vous voyez les changements et gardez ce que vous voulez</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Good</source>
        <translation>Bon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs work</source>
        <translation>À améliorer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Poor</source>
        <translation>Insuffisant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Click to highlight it in the text</source>
        <translation>Cliquez pour le surligner dans le texte</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Fix</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the model</source>
        <translation>Demander au modèle</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="+147"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing</source>
        <translation>Rédaction</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Neutral</source>
        <translation>Neutre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Friendly</source>
        <translation>Amical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Professional</source>
        <translation>Professionnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persuasive</source>
        <translation>Persuasif</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model default</source>
        <translation>Réglage du modèle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On</source>
        <translation>Activée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low effort</source>
        <translation>Effort faible</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Medium effort</source>
        <translation>Effort moyen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High effort</source>
        <translation>Effort élevé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Markdown with simple front matter</source>
        <translation>Markdown avec en-tête simple</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Markdown without front matter</source>
        <translation>Markdown sans en-tête</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interface language:</source>
        <translation>Langue de l’interface&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme:</source>
        <translation>Thème&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autosave every:</source>
        <translation>Sauvegarde automatique toutes les&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ollama host:</source>
        <translation>Hôte Ollama&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra hosts for batch runs:</source>
        <translation>Hôtes supplémentaires pour les lots&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access token:</source>
        <translation>Jeton d’accès&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer timeout:</source>
        <translation>Délai de réponse&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default model:</source>
        <translation>Modèle par défaut&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Article language:</source>
        <translation>Langue des articles&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tone:</source>
        <translation>Ton&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target length:</source>
        <translation>Longueur visée&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context window:</source>
        <translation>Fenêtre de contexte&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temperature:</source>
        <translation>Température&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thinking:</source>
        <translation>Réflexion&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export format:</source>
        <translation>Format d’export&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site URL:</source>
        <translation>URL du site&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author:</source>
        <translation>Auteur&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> words</source>
        <translation> mots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> tokens</source>
        <translation> jetons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plume sizes the context for each request so long prompts are never cut.</source>
        <translation>Plume dimensionne le contexte de chaque requête pour que les longues consignes ne soient jamais tronquées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review each article once it is written</source>
        <translation>Relire chaque article une fois rédigé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One URL per line, e.g. http://gpu-2:11434</source>
        <translation>Une URL par ligne, par exemple http://gpu-2:11434</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lower is more predictable, higher more varied.</source>
        <translation>Plus bas&#xa0;: plus prévisible&#xa0;; plus haut&#xa0;: plus varié.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Connected to {0}: {1} model(s) installed.</source>
        <translation>Connecté à {0} : {1} modèle(s) installé(s).</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>This is not a valid Ollama address. Use a URL such as http://127.0.0.1:11434.</source>
        <translation>Cette adresse Ollama n’est pas valide. Utilisez une URL comme http://127.0.0.1:11434.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One of the extra hosts is not a valid URL (e.g. http://gpu-2:11434).</source>
        <translation>L’un des hôtes supplémentaires n’est pas une URL valide (par exemple http://gpu-2:11434).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The site URL must be a full address, e.g. https://example.com.</source>
        <translation>L’URL du site doit être une adresse complète, par exemple https://example.com.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please check the value of {field}.</source>
        <translation>Vérifiez la valeur de {field}.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../app/ui/status_bar.py" line="+68"/>
        <source>Ollama connection</source>
        <translation>Connexion à Ollama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generation phase</source>
        <translation>Étape de la génération</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens per second</source>
        <translation>Jetons par seconde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word count</source>
        <translation>Nombre de mots</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreachable</source>
        <translation>injoignable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ollama {0} · {1}</source>
        <translation>Ollama {0} · {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no model</source>
        <translation>aucun modèle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planning the outline…</source>
        <translation>Préparation du plan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline ready: review it, then Write</source>
        <translation>Plan prêt&#xa0;: relisez-le, puis cliquez sur Rédiger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing…</source>
        <translation>Rédaction…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the introduction…</source>
        <translation>Rédaction de l’introduction…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing section {0}/{1}</source>
        <translation>Rédaction de la section {0}/{1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the FAQ…</source>
        <translation>Rédaction de la FAQ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewing…</source>
        <translation>Relecture…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading the model…</source>
        <translation>Chargement du modèle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assembling…</source>
        <translation>Assemblage…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped: text kept</source>
        <translation>Arrêté&#xa0;: texte conservé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped by an error: text kept</source>
        <translation>Arrêté par une erreur&#xa0;: texte conservé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} tok/s</source>
        <translation>{0} jetons/s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 word</source>
        <translation>1 mot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} words</source>
        <translation>{0} mots</translation>
    </message>
</context>
<context>
    <name>ThinkingPanel</name>
    <message>
        <location filename="../../app/ui/panels/thinking_panel.py" line="+105"/>
        <source>thinking…</source>
        <translation>réflexion…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Thinking</source>
        <translation>Réflexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show or hide the model&apos;s reasoning (never part of the article)</source>
        <translation>Afficher ou masquer le raisonnement du modèle (il n’entre jamais dans l’article)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show thinking</source>
        <translation>Afficher la réflexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Think level</source>
        <translation>Niveau de réflexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model thinking</source>
        <translation>Réflexion du modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasoning models show their thinking here.</source>
        <translation>Les modèles de raisonnement affichent leur réflexion ici.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Model default</source>
        <translation>Réglage du modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>Activée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
</context>
<context>
    <name>TokenField</name>
    <message>
        <location filename="../../app/ui/dialogs/token_field.py" line="+76"/>
        <source>Saving the token in the system keychain…</source>
        <translation>Enregistrement du jeton dans le trousseau du système…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Only needed for a protected remote Ollama</source>
        <translation>Nécessaire seulement pour un Ollama distant protégé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save token</source>
        <translation>Enregistrer le jeton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Checking the system keychain…</source>
        <translation>Vérification du trousseau du système…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No system keychain is available on this computer, so Plume cannot store a token. Install and unlock one (GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager). The token is never saved anywhere else.</source>
        <translation>Aucun trousseau système n’est disponible sur cet ordinateur&#xa0;: Plume ne peut donc pas enregistrer de jeton. Installez-en un et déverrouillez-le (GNOME Keyring, KWallet, Trousseau macOS ou Gestionnaire d’identification Windows). Le jeton n’est jamais enregistré ailleurs.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A token is saved in the system keychain for this host. Type a new one to replace it.</source>
        <translation>Un jeton est enregistré dans le trousseau du système pour cet hôte. Saisissez-en un nouveau pour le remplacer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No token saved for this host. Tokens are kept in the system keychain.</source>
        <translation>Aucun jeton enregistré pour cet hôte. Les jetons sont conservés dans le trousseau du système.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Token saved in the system keychain.</source>
        <translation>Jeton enregistré dans le trousseau du système.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token removed from the system keychain.</source>
        <translation>Jeton supprimé du trousseau du système.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The token could not be stored: {error}</source>
        <translation>Le jeton n’a pas pu être enregistré&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>UnkeptAtCloseBox</name>
    <message>
        <location filename="../../app/ui/dialogs/unsaved_changes.py" line="+49"/>
        <source>Your text could not be kept</source>
        <translation>Votre texte n’a pas pu être gardé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plume could not keep a copy of this article: closing now loses the unsaved text.</source>
        <translation>Plume n’a pas pu garder de copie de cet article&#xa0;: fermer maintenant perd le texte non enregistré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel, then free some disk space and save, or export the article. ({0})</source>
        <translation>Annulez, puis libérez de l’espace disque et enregistrez, ou exportez l’article. ({0})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close without saving</source>
        <translation>Fermer sans enregistrer</translation>
    </message>
</context>
<context>
    <name>UnsavedChangesBox</name>
    <message>
        <location line="-33"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This article has changes that are not saved in the library.</source>
        <translation>Cet article a des modifications qui ne sont pas enregistrées dans la bibliothèque.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save them before opening another article?</source>
        <translation>Les enregistrer avant d’ouvrir un autre article&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save them before starting a new article?</source>
        <translation>Les enregistrer avant de commencer un nouvel article&#xa0;?</translation>
    </message>
</context>
<context>
    <name>WriteChoiceBox</name>
    <message>
        <location filename="../../app/ui/dialogs/write_choice.py" line="+27"/>
        <source>Write the article</source>
        <translation>Écrire l’article</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every section of the outline is already written.</source>
        <translation>Toutes les sections du plan sont déjà écrites.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rewrite all replaces the whole text. Ctrl+Z brings it back.</source>
        <translation>«&#xa0;Tout réécrire&#xa0;» remplace tout le texte. Ctrl+Z le ramène.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The editor already has part of this article.</source>
        <translation>L’éditeur contient déjà une partie de cet article.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue writes the missing sections after your text; Rewrite all replaces the whole text. Ctrl+Z brings back anything replaced.</source>
        <translation>«&#xa0;Continuer&#xa0;» écrit les sections manquantes après votre texte&#xa0;; «&#xa0;Tout réécrire&#xa0;» remplace tout le texte. Ctrl+Z ramène ce qui a été remplacé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue with the FAQ</source>
        <translation>Continuer avec la FAQ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue from the introduction</source>
        <translation>Continuer depuis l’introduction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue from section {0}</source>
        <translation>Continuer depuis la section {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rewrite all</source>
        <translation>Tout réécrire</translation>
    </message>
</context>
<context>
    <name>WritingFlow</name>
    <message>
        <location filename="../../app/ui/controllers/writing_flow.py" line="+212"/>
        <source>There is no outline yet.</source>
        <translation>Il n’y a pas encore de plan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate an outline (Ctrl+Shift+O) or add sections by hand.</source>
        <translation>Générez un plan (Ctrl+Maj+O) ou ajoutez des sections à la main.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Continued: sections {0} to {1} written</source>
        <translation>Suite écrite&#xa0;: sections {0} à {1}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The cursor is not inside a section.</source>
        <translation>Le curseur n’est dans aucune section.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click in a section (under a ## heading), then try again.</source>
        <translation>Cliquez dans une section (sous un titre ##), puis réessayez.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Review stopped: keeping the fixes made so far…</source>
        <translation>Relecture arrêtée&#xa0;: conservation des corrections déjà faites…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Written. Your edits made during writing are kept; Review changes… shows the self-review&apos;s fixes</source>
        <translation>Rédaction terminée. Vos modifications faites pendant la rédaction sont conservées&#xa0;; «&#xa0;Voir les modifications…&#xa0;» montre les corrections de la relecture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written. Your edits made during writing are kept</source>
        <translation>Rédaction terminée. Vos modifications faites pendant la rédaction sont conservées</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Review stopped: your edits are kept; Review changes… shows the {0} fix(es) kept</source>
        <translation>Relecture arrêtée&#xa0;: vos modifications sont conservées&#xa0;; Voir les modifications… montre les {0} correction(s) conservée(s)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review stopped: draft kept with the {0} fix(es) made so far (Ctrl+Z: the draft as written)</source>
        <translation>Relecture arrêtée&#xa0;: brouillon conservé avec les {0} correction(s) déjà faites (Ctrl+Z&#xa0;: le brouillon tel qu’écrit)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review stopped: the draft is kept as written</source>
        <translation>Relecture arrêtée&#xa0;: le brouillon est conservé tel quel</translation>
    </message>
</context>
<context>
    <name>_CheckRow</name>
    <message>
        <location filename="../../app/ui/panels/score_panel.py" line="-332"/>
        <source>Shown for advice; not counted in the SEO score</source>
        <translation>Affiché à titre de conseil&#x202f;; non compté dans le score SEO</translation>
    </message>
</context>
</TS>
