<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
  <context>
    <name>Actions</name>
    <message>
      <location filename="../../app/ui/actions.py" line="159" />
      <source>Write</source>
      <translation>Rédiger</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="160" />
      <source>Write article</source>
      <translation>Rédiger l’article</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="161" />
      <source>Outline</source>
      <translation>Plan</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="162" />
      <source>Export</source>
      <translation>Exporter</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="163" />
      <source>Regenerate</source>
      <translation>Régénérer</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="164" />
      <source>Extend</source>
      <translation>Prolonger</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="165" />
      <source>Writing</source>
      <translation>Rédaction</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="166" />
      <source>Batch</source>
      <translation>Lot</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="168" />
      <source>Plain (title, description, slug)</source>
      <translation>Simple (titre, description, slug)</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="169" />
      <source>Hugo</source>
      <translation>Hugo</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="170" />
      <source>Jekyll</source>
      <translation>Jekyll</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="171" />
      <source>Astro</source>
      <translation>Astro</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="172" />
      <source>No front matter</source>
      <translation>Sans en-tête</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="114" />
      <source>&amp;New article</source>
      <translation>&amp;Nouvel article</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="114" />
      <source>Start a new, empty article</source>
      <translation>Commencer un nouvel article vide</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="115" />
      <source>&amp;Open…</source>
      <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="115" />
      <source>Open a Markdown or HTML article</source>
      <translation>Ouvrir un article Markdown ou HTML</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="116" />
      <source>&amp;Save</source>
      <translation>&amp;Enregistrer</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="116" />
      <source>Save to the file the article came from, else to the library</source>
      <translation>Enregistrer dans le fichier d’origine de l’article, sinon dans la bibliothèque</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="118" />
      <source>Save to &amp;library</source>
      <translation>Enregistrer dans la &amp;bibliothèque</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="118" />
      <source>Save the article in the library</source>
      <translation>Enregistrer l’article dans la bibliothèque</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="119" />
      <source>Write &amp;article</source>
      <translation>Rédiger l’&amp;article</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="120" />
      <source>Outline, write and review the article in one go</source>
      <translation>Plan, rédaction et relecture de l’article en une seule fois</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="121" />
      <source>Stop at the outline</source>
      <translation>S’arrêter au plan</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="122" />
      <source>Write article stops after the outline, so you can edit it before writing</source>
      <translation>« Rédiger l’article » s’arrête après le plan, pour que vous puissiez le modifier avant la rédaction</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="124" />
      <source>Generate &amp;outline</source>
      <translation>Générer le &amp;plan</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="125" />
      <source>Ask the model for a title, description and outline</source>
      <translation>Demander au modèle un titre, une description et un plan</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="126" />
      <source>&amp;Write</source>
      <translation>&amp;Rédiger</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="126" />
      <source>Write the article section by section from the outline</source>
      <translation>Rédiger l’article section par section à partir du plan</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="127" />
      <source>&amp;Stop</source>
      <translation>&amp;Arrêter</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="127" />
      <source>Stop now and keep the text written so far</source>
      <translation>Arrêter tout de suite en gardant le texte déjà écrit</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="128" />
      <source>&amp;Regenerate section</source>
      <translation>Ré&amp;générer la section</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="129" />
      <source>Write the section under the cursor again</source>
      <translation>Réécrire la section où se trouve le curseur</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="130" />
      <source>E&amp;xtend section</source>
      <translation>Pro&amp;longer la section</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="131" />
      <source>Add more text at the end of the section under the cursor</source>
      <translation>Ajouter du texte à la fin de la section où se trouve le curseur</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="132" />
      <source>Export &amp;Markdown…</source>
      <translation>Exporter en &amp;Markdown…</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="132" />
      <source>Save as Markdown with front matter</source>
      <translation>Enregistrer en Markdown avec en-tête (front matter)</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="133" />
      <source>Export &amp;HTML page…</source>
      <translation>Exporter en page &amp;HTML…</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="133" />
      <source>Save as a standalone HTML page</source>
      <translation>Enregistrer comme page HTML autonome</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="134" />
      <source>Copy as &amp;HTML</source>
      <translation>Copier en &amp;HTML</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="134" />
      <source>Copy the article as HTML for a CMS</source>
      <translation>Copier l’article en HTML pour un CMS</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="135" />
      <source>Copy as Mar&amp;kdown</source>
      <translation>Copier en Mar&amp;kdown</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="135" />
      <source>Copy the article as Markdown</source>
      <translation>Copier l’article en Markdown</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="136" />
      <source>&amp;Preview</source>
      <translation>&amp;Aperçu</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="136" />
      <source>Show or hide the HTML preview</source>
      <translation>Afficher ou masquer l’aperçu HTML</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="137" />
      <source>&amp;Thinking panel</source>
      <translation>Panneau de &amp;réflexion</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="137" />
      <source>Show or hide the model's thinking</source>
      <translation>Afficher ou masquer la réflexion du modèle</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="138" />
      <source>&amp;Brief</source>
      <translation>&amp;Brief</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="138" />
      <source>Go to the brief</source>
      <translation>Aller au brief</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="139" />
      <source>&amp;Outline</source>
      <translation>&amp;Plan</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="139" />
      <source>Go to the outline</source>
      <translation>Aller au plan</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="140" />
      <source>&amp;Editor</source>
      <translation>&amp;Éditeur</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="140" />
      <source>Go to the text</source>
      <translation>Aller au texte</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="141" />
      <source>&amp;Library</source>
      <translation>&amp;Bibliothèque</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="141" />
      <source>Show saved articles</source>
      <translation>Afficher les articles enregistrés</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="142" />
      <source>&amp;Writing</source>
      <translation>&amp;Rédaction</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="142" />
      <source>Write one article</source>
      <translation>Rédiger un article</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="143" />
      <source>&amp;Batch</source>
      <translation>&amp;Lot</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="143" />
      <source>Run a keyword list</source>
      <translation>Traiter une liste de mots-clés</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="144" />
      <source>&amp;Settings…</source>
      <translation>&amp;Paramètres…</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="144" />
      <source>Ollama host, defaults, export, interface</source>
      <translation>Hôte Ollama, valeurs par défaut, export, interface</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="145" />
      <source>&amp;Pull a model…</source>
      <translation>&amp;Télécharger un modèle…</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="145" />
      <source>Download a model into Ollama</source>
      <translation>Télécharger un modèle dans Ollama</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="146" />
      <source>&amp;Reconnect to Ollama</source>
      <translation>&amp;Reconnecter à Ollama</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="146" />
      <source>Check the Ollama host again</source>
      <translation>Vérifier de nouveau l’hôte Ollama</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="147" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="147" />
      <source>List every shortcut</source>
      <translation>Lister tous les raccourcis</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="148" />
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="148" />
      <source>Close Plume</source>
      <translation>Fermer Plume</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="149" />
      <source>&amp;System</source>
      <translation>&amp;Système</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="149" />
      <source>Follow the system colours</source>
      <translation>Suivre les couleurs du système</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="150" />
      <source>&amp;Light</source>
      <translation>&amp;Clair</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="150" />
      <source>Light theme</source>
      <translation>Thème clair</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="151" />
      <source>&amp;Dark</source>
      <translation>&amp;Sombre</translation>
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="151" />
      <source>Dark theme</source>
      <translation>Thème sombre</translation>
    </message>
  </context>
  <context>
    <name>BatchTableModel</name>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="296" />
      <source>No model chosen.</source>
      <translation>Aucun modèle choisi.</translation>
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="298" />
      <source>No row can run.</source>
      <translation>Aucune ligne ne peut être lancée.</translation>
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="296" />
      <source>Pick a model for the batch.</source>
      <translation>Choisissez un modèle pour le lot.</translation>
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="298" />
      <source>Fix the rows marked in red.</source>
      <translation>Corrigez les lignes marquées en rouge.</translation>
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="427" />
      <source>{n} words</source>
      <translation>{n} mots</translation>
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="432" />
      <source>{s} s</source>
      <translation>{s} s</translation>
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="304" />
      <source>No Ollama host answered: {0}</source>
      <translation>Aucun hôte Ollama n’a répondu : {0}</translation>
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="429" />
      <source>SEO {score}</source>
      <translation>SEO {score}</translation>
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="431" />
      <source>readability {score}</source>
      <translation>lisibilité {score}</translation>
    </message>
  </context>
  <context>
    <name>BatchWorker</name>
    <message>
      <location filename="../../app/ui/workers/batch_worker.py" line="51" />
      <source>The batch stopped unexpectedly: {0}</source>
      <translation>Le lot s’est arrêté de façon inattendue : {0}</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <location filename="../../app/ui/errors.py" line="69" />
      <source>Unexpected error</source>
      <translation>Erreur inattendue</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="114" />
      <source>Your text is safe. Details were written to the log.</source>
      <translation>Votre texte est en sécurité. Les détails ont été écrits dans le journal.</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="42" />
      <source>Ollama is not reachable</source>
      <translation>Ollama est injoignable</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="44" />
      <source>Model not installed</source>
      <translation>Modèle non installé</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="46" />
      <source>This model cannot think</source>
      <translation>Ce modèle ne sait pas réfléchir</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="48" />
      <source>Ollama is busy</source>
      <translation>Ollama est occupé</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="50" />
      <source>Ollama did not answer in time</source>
      <translation>Ollama n’a pas répondu à temps</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="52" />
      <source>The request does not fit the model's context</source>
      <translation>La requête dépasse le contexte du modèle</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="54" />
      <source>The model's answer could not be used</source>
      <translation>La réponse du modèle est inutilisable</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="56" />
      <source>Generation stopped with an error</source>
      <translation>La génération s’est arrêtée sur une erreur</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="58" />
      <source>Export failed</source>
      <translation>Échec de l’export</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="60" />
      <source>Please check the input</source>
      <translation>Vérifiez la saisie</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="62" />
      <source>Settings could not be read</source>
      <translation>Impossible de lire les paramètres</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="64" />
      <source>No keychain available</source>
      <translation>Aucun trousseau disponible</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="66" />
      <source>Something went wrong</source>
      <translation>Une erreur est survenue</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="68" />
      <source>A file or network operation failed</source>
      <translation>Une opération sur un fichier ou le réseau a échoué</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="75" />
      <source>Pull the model first (Models ▸ Pull model…), or pick another one.</source>
      <translation>Téléchargez d’abord le modèle (Modèles ▸ Télécharger un modèle…), ou choisissez-en un autre.</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="113" />
      <source>Check the path and its permissions, then try again.</source>
      <translation>Vérifiez le chemin et ses droits d’accès, puis réessayez.</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="161" />
      <source>Plume</source>
      <translation>Plume</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="78" />
      <source>Start Ollama (run “ollama serve” or open the Ollama app), or check the host in Settings.</source>
      <translation>Lancez Ollama (exécutez « ollama serve » ou ouvrez l’application Ollama), ou vérifiez l’hôte dans les Paramètres.</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="82" />
      <source>Turn thinking off for this model, or pick a reasoning model.</source>
      <translation>Désactivez la réflexion pour ce modèle, ou choisissez un modèle de raisonnement.</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="85" />
      <source>Ollama is busy with other requests; wait a moment and try again.</source>
      <translation>Ollama traite d’autres requêtes ; patientez un instant puis réessayez.</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="88" />
      <source>The model may still be loading. Try again, or raise the timeout in Settings.</source>
      <translation>Le modèle est peut-être encore en cours de chargement. Réessayez, ou augmentez le délai dans les Paramètres.</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="91" />
      <source>Shorten the brief or the target length, or choose a model with a larger context.</source>
      <translation>Raccourcissez le brief ou la longueur visée, ou choisissez un modèle au contexte plus large.</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="94" />
      <source>The text written so far is kept. Try again, or choose another model.</source>
      <translation>Le texte déjà écrit est conservé. Réessayez, ou choisissez un autre modèle.</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="100" />
      <source>Choose another folder or file name, then export again.</source>
      <translation>Choisissez un autre dossier ou nom de fichier, puis exportez de nouveau.</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="101" />
      <source>Fix or delete the settings file; Plume will start with defaults.</source>
      <translation>Corrigez ou supprimez le fichier de paramètres ; Plume démarrera avec les valeurs par défaut.</translation>
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="104" />
      <source>Install and unlock a system keyring (e.g. GNOME Keyring, KWallet).</source>
      <translation>Installez et déverrouillez un trousseau système (par exemple GNOME Keyring, KWallet).</translation>
    </message>
  </context>
  <context>
    <name>GenerationWorker</name>
    <message>
      <location filename="../../app/ui/workers/generation_worker.py" line="90" />
      <source>Unexpected error during generation: {0}</source>
      <translation>Erreur inattendue pendant la génération : {0}</translation>
    </message>
  </context>
  <context>
    <name>LinksDialog</name>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="54" />
      <source>Internal &amp;links…</source>
      <translation>Liens &amp;internes…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="54" />
      <source>Link the article to pages of your site</source>
      <translation>Relier l'article à des pages de votre site</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="43" />
      <source>Internal links</source>
      <translation>Liens internes</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="49" />
      <source>Find links</source>
      <translation>Chercher des liens</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="53" />
      <source>Insert checked links</source>
      <translation>Insérer les liens cochés</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="56" />
      <source>Site profile</source>
      <translation>Profil du site</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="110" />
      <source>%n link(s) inserted.</source>
      <translation>%n lien(s) inséré(s).</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="78" />
      <source>No site profile yet: import one with plume site import sitemap.xml --name my-site.</source>
      <translation>Aucun profil de site pour l'instant : importez-en un avec plume site import sitemap.xml --name mon-site.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="104" />
      <source>The text changed since the links were found: find them again.</source>
      <translation>Le texte a changé depuis la recherche des liens : cherchez-les de nouveau.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="135" />
      <source>%n link(s) proposed: untick those you do not want.</source>
      <translation>%n lien(s) proposé(s) : décochez ceux que vous ne voulez pas.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="137" />
      <source>No page of this profile in the article's language is on topic.</source>
      <translation>Aucune page de ce profil dans la langue de l'article ne traite du sujet.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="130" />
      <source>Read also, at the end: %1</source>
      <translation>À lire aussi, en fin d'article : %1</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../app/ui/composition.py" line="230" />
      <source>Brief</source>
      <translation>Brief</translation>
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="231" />
      <source>Outline</source>
      <translation>Plan</translation>
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="234" />
      <source>Model</source>
      <translation>Modèle</translation>
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="235" />
      <source>Draft</source>
      <translation>Rédaction</translation>
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="237" />
      <source>Brief, outline and library</source>
      <translation>Brief, plan et bibliothèque</translation>
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="233" />
      <source>Library</source>
      <translation>Bibliothèque</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="480" />
      <source>Saved in the library</source>
      <translation>Enregistré dans la bibliothèque</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="370" />
      <source>No model is selected.</source>
      <translation>Aucun modèle n’est sélectionné.</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="371" />
      <source>Pick a model in the Model list (or pull one first).</source>
      <translation>Choisissez un modèle dans la liste Modèle (ou téléchargez-en un d’abord).</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="442" />
      <source>Saved to {0}</source>
      <translation>Enregistré dans {0}</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="455" />
      <source>Opened {0}</source>
      <translation>{0} ouvert</translation>
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="105" />
      <source>Keyboard shortcuts</source>
      <translation>Raccourcis clavier</translation>
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="35" />
      <source>&amp;File</source>
      <translation>&amp;Fichier</translation>
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="35" />
      <source>Open &amp;Recent</source>
      <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="35" />
      <source>&amp;Generate</source>
      <translation>&amp;Générer</translation>
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="35" />
      <source>E&amp;xport</source>
      <translation>E&amp;xporter</translation>
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="36" />
      <source>Markdown &amp;front matter</source>
      <translation>&amp;En-tête Markdown</translation>
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="36" />
      <source>&amp;View</source>
      <translation>&amp;Affichage</translation>
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="37" />
      <source>&amp;Theme</source>
      <translation>&amp;Thème</translation>
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="37" />
      <source>&amp;Models</source>
      <translation>&amp;Modèles</translation>
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="37" />
      <source>&amp;Help</source>
      <translation>&amp;Aide</translation>
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="107" />
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="107" />
      <source>Shortcut</source>
      <translation>Raccourci</translation>
    </message>
    <message>
      <location filename="../../app/ui/model_connection.py" line="134" />
      <source>Ollama is not reachable, so no model can be pulled now.</source>
      <translation>Ollama est injoignable : aucun modèle ne peut être téléchargé pour l’instant.</translation>
    </message>
    <message>
      <location filename="../../app/ui/model_connection.py" line="125" />
      <source>Pulling models from the app is not available yet.</source>
      <translation>Le téléchargement de modèles depuis l’application n’est pas encore disponible.</translation>
    </message>
    <message>
      <location filename="../../app/ui/model_connection.py" line="126" />
      <source>Run “ollama pull NAME” in a terminal.</source>
      <translation>Exécutez « ollama pull NOM » dans un terminal.</translation>
    </message>
  </context>
  <context>
    <name>PublishDialog</name>
    <message>
      <location filename="../../app/ui/dialogs/publish_action.py" line="46" />
      <source>&amp;Publish to WordPress…</source>
      <translation>&amp;Publier sur WordPress…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_action.py" line="47" />
      <source>Send the article to a WordPress site as a draft or a post</source>
      <translation>Envoyer l’article sur un site WordPress, en brouillon ou publié</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="52" />
      <source>Publish to WordPress</source>
      <translation>Publier sur WordPress</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="59" />
      <source>Application password (Users › Profile)</source>
      <translation>Mot de passe d’application (Comptes › Profil)</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="60" />
      <source>Remember this site (password in the system keychain)</source>
      <translation>Retenir ce site (mot de passe dans le trousseau du système)</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="73" />
      <source>Site</source>
      <translation>Site</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="74" />
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="75" />
      <source>User</source>
      <translation>Identifiant</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="76" />
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="78" />
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="79" />
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="81" />
      <source>Publish</source>
      <translation>Publier</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="123" />
      <source>Publishing…</source>
      <translation>Publication…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="139" />
      <source>Another site…</source>
      <translation>Autre site…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="166" />
      <source>Created</source>
      <translation>Créé</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="166" />
      <source>Updated</source>
      <translation>Mis à jour</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="64" />
      <source>Draft</source>
      <translation>Brouillon</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="64" />
      <source>Published</source>
      <translation>Publié</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="65" />
      <source>Scheduled</source>
      <translation>Planifié</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="65" />
      <source>Pending review</source>
      <translation>En attente de relecture</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="171" />
      <source>SEO title, description and keyphrase sent.</source>
      <translation>Titre SEO, méta-description et requête cible envoyés.</translation>
    </message>
  </context>
  <context>
    <name>SocialDialog</name>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="41" />
      <source>Social posts</source>
      <translation>Publications pour les réseaux sociaux</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="43" />
      <source>&amp;Social posts…</source>
      <translation>Publications pour les &amp;réseaux sociaux…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="44" />
      <source>Write posts for X, LinkedIn, Facebook, Instagram and a newsletter</source>
      <translation>Rédiger des publications pour X, LinkedIn, Facebook, Instagram et une newsletter</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="64" />
      <source>Networks</source>
      <translation>Réseaux</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="65" />
      <source>Article address</source>
      <translation>Adresse de l'article</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="66" />
      <source>Write posts</source>
      <translation>Rédiger les publications</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="110" />
      <source>Writing…</source>
      <translation>Rédaction…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="148" />
      <source>Copy</source>
      <translation>Copier</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="120" />
      <source>%n post(s) written.</source>
      <translation>%n publication(s) rédigée(s).</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="121" />
      <source>%n post(s) built from the title and description: the model's were refused.</source>
      <translation>%n publication(s) construite(s) à partir du titre et de la description : celles du modèle ont été refusées.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="145" />
      <source>built from the title and description</source>
      <translation>construite à partir du titre et de la description</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="97" />
      <source>No model is selected.</source>
      <translation>Aucun modèle n'est choisi.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="98" />
      <source>Pick a model in the Model list.</source>
      <translation>Choisissez un modèle dans la liste Modèle.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="142" />
      <source>%1 / %2 characters</source>
      <translation>%1 / %2 caractères</translation>
    </message>
  </context>
  <context>
    <name>TermsPanel</name>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="63" />
      <source>Topic terms</source>
      <translation>Termes du sujet</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="64" />
      <source>Topic &amp;terms…</source>
      <translation>&amp;Termes du sujet…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="65" />
      <source>Terms the article should cover, and how well it does</source>
      <translation>Les termes que l'article devrait couvrir, et dans quelle mesure il le fait</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="45" />
      <source>One term per line, optionally with a range:
battery life: 2-4</source>
      <translation>Un terme par ligne, avec une fourchette si besoin :
autonomie : 2-4</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="47" />
      <source>Propose with the model</source>
      <translation>Proposer avec le modèle</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="133" />
      <source>Asking the model…</source>
      <translation>Question au modèle…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="52" />
      <source>Term</source>
      <translation>Terme</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="52" />
      <source>Uses</source>
      <translation>Emplois</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="52" />
      <source>Target</source>
      <translation>Cible</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="82" />
      <source>The list</source>
      <translation>La liste</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="98" />
      <source>Coverage: %1/100</source>
      <translation>Couverture : %1/100</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="120" />
      <source>Give a keyword and pick a model first.</source>
      <translation>Indiquez d'abord un mot-clé et choisissez un modèle.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="140" />
      <source>Refused from the model: %1</source>
      <translation>Refusés parmi ceux du modèle : %1</translation>
    </message>
  </context>
</TS>
