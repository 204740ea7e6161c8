<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>Actions</name>
    <message>
      <location filename="../../app/ui/actions.py" line="159" />
      <source>Write</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="160" />
      <source>Write article</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="161" />
      <source>Outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="162" />
      <source>Export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="163" />
      <source>Regenerate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="164" />
      <source>Extend</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="165" />
      <source>Writing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="166" />
      <source>Batch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="168" />
      <source>Plain (title, description, slug)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="169" />
      <source>Hugo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="170" />
      <source>Jekyll</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="171" />
      <source>Astro</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="172" />
      <source>No front matter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="114" />
      <source>&amp;New article</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="114" />
      <source>Start a new, empty article</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="115" />
      <source>&amp;Open…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="115" />
      <source>Open a Markdown or HTML article</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="116" />
      <source>&amp;Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="116" />
      <source>Save to the file the article came from, else to the library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="118" />
      <source>Save to &amp;library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="118" />
      <source>Save the article in the library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="119" />
      <source>Write &amp;article</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="120" />
      <source>Outline, write and review the article in one go</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="121" />
      <source>Stop at the outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="122" />
      <source>Write article stops after the outline, so you can edit it before writing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="124" />
      <source>Generate &amp;outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="125" />
      <source>Ask the model for a title, description and outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="126" />
      <source>&amp;Write</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="126" />
      <source>Write the article section by section from the outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="127" />
      <source>&amp;Stop</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="127" />
      <source>Stop now and keep the text written so far</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="128" />
      <source>&amp;Regenerate section</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="129" />
      <source>Write the section under the cursor again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="130" />
      <source>E&amp;xtend section</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="131" />
      <source>Add more text at the end of the section under the cursor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="132" />
      <source>Export &amp;Markdown…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="132" />
      <source>Save as Markdown with front matter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="133" />
      <source>Export &amp;HTML page…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="133" />
      <source>Save as a standalone HTML page</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="134" />
      <source>Copy as &amp;HTML</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="134" />
      <source>Copy the article as HTML for a CMS</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="135" />
      <source>Copy as Mar&amp;kdown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="135" />
      <source>Copy the article as Markdown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="136" />
      <source>&amp;Preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="136" />
      <source>Show or hide the HTML preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="137" />
      <source>&amp;Thinking panel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="137" />
      <source>Show or hide the model's thinking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="138" />
      <source>&amp;Brief</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="138" />
      <source>Go to the brief</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="139" />
      <source>&amp;Outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="139" />
      <source>Go to the outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="140" />
      <source>&amp;Editor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="140" />
      <source>Go to the text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="141" />
      <source>&amp;Library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="141" />
      <source>Show saved articles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="142" />
      <source>&amp;Writing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="142" />
      <source>Write one article</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="143" />
      <source>&amp;Batch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="143" />
      <source>Run a keyword list</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="144" />
      <source>&amp;Settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="144" />
      <source>Ollama host, defaults, export, interface</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="145" />
      <source>&amp;Pull a model…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="145" />
      <source>Download a model into Ollama</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="146" />
      <source>&amp;Reconnect to Ollama</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="146" />
      <source>Check the Ollama host again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="147" />
      <source>&amp;Keyboard shortcuts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="147" />
      <source>List every shortcut</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="148" />
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="148" />
      <source>Close Plume</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="149" />
      <source>&amp;System</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="149" />
      <source>Follow the system colours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="150" />
      <source>&amp;Light</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="150" />
      <source>Light theme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="151" />
      <source>&amp;Dark</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="151" />
      <source>Dark theme</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>BatchTableModel</name>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="296" />
      <source>No model chosen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="298" />
      <source>No row can run.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="296" />
      <source>Pick a model for the batch.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="298" />
      <source>Fix the rows marked in red.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="427" />
      <source>{n} words</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="432" />
      <source>{s} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="304" />
      <source>No Ollama host answered: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="429" />
      <source>SEO {score}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="431" />
      <source>readability {score}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>BatchWorker</name>
    <message>
      <location filename="../../app/ui/workers/batch_worker.py" line="51" />
      <source>The batch stopped unexpectedly: {0}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <location filename="../../app/ui/errors.py" line="69" />
      <source>Unexpected error</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="114" />
      <source>Your text is safe. Details were written to the log.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="42" />
      <source>Ollama is not reachable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="44" />
      <source>Model not installed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="46" />
      <source>This model cannot think</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="48" />
      <source>Ollama is busy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="50" />
      <source>Ollama did not answer in time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="52" />
      <source>The request does not fit the model's context</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="54" />
      <source>The model's answer could not be used</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="56" />
      <source>Generation stopped with an error</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="58" />
      <source>Export failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="60" />
      <source>Please check the input</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="62" />
      <source>Settings could not be read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="64" />
      <source>No keychain available</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="66" />
      <source>Something went wrong</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="68" />
      <source>A file or network operation failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="75" />
      <source>Pull the model first (Models ▸ Pull model…), or pick another one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="113" />
      <source>Check the path and its permissions, then try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="161" />
      <source>Plume</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="78" />
      <source>Start Ollama (run “ollama serve” or open the Ollama app), or check the host in Settings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="82" />
      <source>Turn thinking off for this model, or pick a reasoning model.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="85" />
      <source>Ollama is busy with other requests; wait a moment and try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="88" />
      <source>The model may still be loading. Try again, or raise the timeout in Settings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="91" />
      <source>Shorten the brief or the target length, or choose a model with a larger context.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="94" />
      <source>The text written so far is kept. Try again, or choose another model.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="100" />
      <source>Choose another folder or file name, then export again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="101" />
      <source>Fix or delete the settings file; Plume will start with defaults.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="104" />
      <source>Install and unlock a system keyring (e.g. GNOME Keyring, KWallet).</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GenerationWorker</name>
    <message>
      <location filename="../../app/ui/workers/generation_worker.py" line="90" />
      <source>Unexpected error during generation: {0}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LinksDialog</name>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="54" />
      <source>Internal &amp;links…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="54" />
      <source>Link the article to pages of your site</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="43" />
      <source>Internal links</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="49" />
      <source>Find links</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="53" />
      <source>Insert checked links</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="56" />
      <source>Site profile</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="110" />
      <source>%n link(s) inserted.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="78" />
      <source>No site profile yet: import one with plume site import sitemap.xml --name my-site.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="104" />
      <source>The text changed since the links were found: find them again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="135" />
      <source>%n link(s) proposed: untick those you do not want.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="137" />
      <source>No page of this profile in the article's language is on topic.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/links_dialog.py" line="130" />
      <source>Read also, at the end: %1</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../app/ui/composition.py" line="230" />
      <source>Brief</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="231" />
      <source>Outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="234" />
      <source>Model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="235" />
      <source>Draft</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="237" />
      <source>Brief, outline and library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="233" />
      <source>Library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="480" />
      <source>Saved in the library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="370" />
      <source>No model is selected.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="371" />
      <source>Pick a model in the Model list (or pull one first).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="442" />
      <source>Saved to {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" line="455" />
      <source>Opened {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="105" />
      <source>Keyboard shortcuts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="35" />
      <source>&amp;File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="35" />
      <source>Open &amp;Recent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="35" />
      <source>&amp;Generate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="35" />
      <source>E&amp;xport</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="36" />
      <source>Markdown &amp;front matter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="36" />
      <source>&amp;View</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="37" />
      <source>&amp;Theme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="37" />
      <source>&amp;Models</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="37" />
      <source>&amp;Help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="107" />
      <source>Action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="107" />
      <source>Shortcut</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/model_connection.py" line="134" />
      <source>Ollama is not reachable, so no model can be pulled now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/model_connection.py" line="125" />
      <source>Pulling models from the app is not available yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/model_connection.py" line="126" />
      <source>Run “ollama pull NAME” in a terminal.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PublishDialog</name>
    <message>
      <location filename="../../app/ui/dialogs/publish_action.py" line="46" />
      <source>&amp;Publish to WordPress…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_action.py" line="47" />
      <source>Send the article to a WordPress site as a draft or a post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="52" />
      <source>Publish to WordPress</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="59" />
      <source>Application password (Users › Profile)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="60" />
      <source>Remember this site (password in the system keychain)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="73" />
      <source>Site</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="74" />
      <source>Address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="75" />
      <source>User</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="76" />
      <source>Password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="78" />
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="79" />
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="81" />
      <source>Publish</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="123" />
      <source>Publishing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="139" />
      <source>Another site…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="166" />
      <source>Created</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="166" />
      <source>Updated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="64" />
      <source>Draft</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="64" />
      <source>Published</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="65" />
      <source>Scheduled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="65" />
      <source>Pending review</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="171" />
      <source>SEO title, description and keyphrase sent.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SocialDialog</name>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="41" />
      <source>Social posts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="43" />
      <source>&amp;Social posts…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="44" />
      <source>Write posts for X, LinkedIn, Facebook, Instagram and a newsletter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="64" />
      <source>Networks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="65" />
      <source>Article address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="66" />
      <source>Write posts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="110" />
      <source>Writing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="148" />
      <source>Copy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="120" />
      <source>%n post(s) written.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="121" />
      <source>%n post(s) built from the title and description: the model's were refused.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="145" />
      <source>built from the title and description</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="97" />
      <source>No model is selected.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="98" />
      <source>Pick a model in the Model list.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/social_dialog.py" line="142" />
      <source>%1 / %2 characters</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TermsPanel</name>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="63" />
      <source>Topic terms</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="64" />
      <source>Topic &amp;terms…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/content_actions.py" line="65" />
      <source>Terms the article should cover, and how well it does</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="45" />
      <source>One term per line, optionally with a range:
battery life: 2-4</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="47" />
      <source>Propose with the model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="133" />
      <source>Asking the model…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="52" />
      <source>Term</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="52" />
      <source>Uses</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="52" />
      <source>Target</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="82" />
      <source>The list</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="98" />
      <source>Coverage: %1/100</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="120" />
      <source>Give a keyword and pick a model first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/terms_panel.py" line="140" />
      <source>Refused from the model: %1</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
