<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>Actions</name>
    <message>
      <location filename="../../app/ui/actions.py" line="145" />
      <source>Write</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="146" />
      <source>Outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="147" />
      <source>Export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="148" />
      <source>Regenerate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="149" />
      <source>Extend</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="150" />
      <source>Writing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="151" />
      <source>Batch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="153" />
      <source>Plain (title, description, slug)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="154" />
      <source>Hugo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="155" />
      <source>Jekyll</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="156" />
      <source>Astro</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="157" />
      <source>No front matter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="108" />
      <source>&amp;New article</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="108" />
      <source>Start a new, empty article</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="109" />
      <source>&amp;Save to library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="109" />
      <source>Save the article in the library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="110" />
      <source>Generate &amp;outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="111" />
      <source>Ask the model for a title, description and outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="112" />
      <source>&amp;Write</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="112" />
      <source>Write the article section by section from the outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="113" />
      <source>&amp;Stop</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="113" />
      <source>Stop now and keep the text written so far</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="114" />
      <source>&amp;Regenerate section</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="115" />
      <source>Write the section under the cursor again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="116" />
      <source>E&amp;xtend section</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="117" />
      <source>Add more text at the end of the section under the cursor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="118" />
      <source>Export &amp;Markdown…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="118" />
      <source>Save as Markdown with front matter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="119" />
      <source>Export &amp;HTML page…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="119" />
      <source>Save as a standalone HTML page</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="120" />
      <source>Copy as &amp;HTML</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="120" />
      <source>Copy the article as HTML for a CMS</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="121" />
      <source>Copy as Mar&amp;kdown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="121" />
      <source>Copy the article as Markdown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="122" />
      <source>&amp;Preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="122" />
      <source>Show or hide the HTML preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="123" />
      <source>&amp;Thinking panel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="123" />
      <source>Show or hide the model's thinking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="124" />
      <source>&amp;Brief</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="124" />
      <source>Go to the brief</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="125" />
      <source>&amp;Outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="125" />
      <source>Go to the outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="126" />
      <source>&amp;Editor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="126" />
      <source>Go to the text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="127" />
      <source>&amp;Library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="127" />
      <source>Show saved articles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="128" />
      <source>&amp;Writing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="128" />
      <source>Write one article</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="129" />
      <source>&amp;Batch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="129" />
      <source>Run a keyword list</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="130" />
      <source>&amp;Settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="130" />
      <source>Ollama host, defaults, export, interface</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="131" />
      <source>&amp;Pull a model…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="131" />
      <source>Download a model into Ollama</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="132" />
      <source>&amp;Reconnect to Ollama</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="132" />
      <source>Check the Ollama host again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="133" />
      <source>&amp;Keyboard shortcuts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="133" />
      <source>List every shortcut</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="134" />
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="134" />
      <source>Close Plume</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="135" />
      <source>&amp;System</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="135" />
      <source>Follow the system colours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="136" />
      <source>&amp;Light</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="136" />
      <source>Light theme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="137" />
      <source>&amp;Dark</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/actions.py" line="137" />
      <source>Dark theme</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>BatchTableModel</name>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="373" />
      <source>{n} words</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="378" />
      <source>{s} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="375" />
      <source>SEO {score}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/controllers/batch_controller.py" line="377" />
      <source>readability {score}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <location filename="../../app/ui/errors.py" line="68" />
      <source>Unexpected error</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="113" />
      <source>Your text is safe. Details were written to the log.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="41" />
      <source>Ollama is not reachable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="43" />
      <source>Model not installed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="45" />
      <source>This model cannot think</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="47" />
      <source>Ollama is busy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="49" />
      <source>Ollama did not answer in time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="51" />
      <source>The request does not fit the model's context</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="53" />
      <source>The model's answer could not be used</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="55" />
      <source>Generation stopped with an error</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="57" />
      <source>Export failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="59" />
      <source>Please check the input</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="61" />
      <source>Settings could not be read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="63" />
      <source>No keychain available</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="65" />
      <source>Something went wrong</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="67" />
      <source>A file or network operation failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="74" />
      <source>Pull the model first (Models ▸ Pull model…), or pick another one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="112" />
      <source>Check the path and its permissions, then try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="150" />
      <source>Plume</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="77" />
      <source>Start Ollama (run “ollama serve” or open the Ollama app), or check the host in Settings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="81" />
      <source>Turn thinking off for this model, or pick a reasoning model.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="84" />
      <source>Ollama is busy with other requests; wait a moment and try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="87" />
      <source>The model may still be loading. Try again, or raise the timeout in Settings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="90" />
      <source>Shorten the brief or the target length, or choose a model with a larger context.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="93" />
      <source>The text written so far is kept. Try again, or choose another model.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="99" />
      <source>Choose another folder or file name, then export again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="100" />
      <source>Fix or delete the settings file; Plume will start with defaults.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/errors.py" line="103" />
      <source>Install and unlock a system keyring (e.g. GNOME Keyring, KWallet).</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../app/ui/composition.py" line="226" />
      <source>Brief</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="227" />
      <source>Outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="231" />
      <source>Model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="232" />
      <source>Draft</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="234" />
      <source>Brief, outline and library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/composition.py" line="230" />
      <source>Library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/integration.py" line="257" />
      <source>Saved in the library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/integration.py" line="296" />
      <source>No model is selected.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/integration.py" line="131" />
      <source>Ollama is not reachable, so no model can be pulled now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/integration.py" line="297" />
      <source>Pick a model in the Model list (or pull one first).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/integration.py" line="122" />
      <source>Pulling models from the app is not available yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/integration.py" line="123" />
      <source>Run “ollama pull NAME” in a terminal.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/integration.py" line="272" />
      <source>Batch mode is not available in this build.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="112" />
      <source>Keyboard shortcuts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="33" />
      <source>&amp;File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="33" />
      <source>&amp;Generate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="33" />
      <source>E&amp;xport</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="34" />
      <source>Markdown &amp;front matter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="34" />
      <source>&amp;View</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="35" />
      <source>&amp;Theme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="35" />
      <source>&amp;Models</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="35" />
      <source>&amp;Help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="114" />
      <source>Action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/menus.py" line="114" />
      <source>Shortcut</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PublishDialog</name>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="74" />
      <source>&amp;Publish to WordPress…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="75" />
      <source>Send the article to a WordPress site as a draft or a post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="85" />
      <source>Publish to WordPress</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="92" />
      <source>Application password (Users › Profile)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="93" />
      <source>Remember this site (password in the system keychain)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="106" />
      <source>Site</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="107" />
      <source>Address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="108" />
      <source>User</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="109" />
      <source>Password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="111" />
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="112" />
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="114" />
      <source>Publish</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="161" />
      <source>Publishing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="177" />
      <source>Another site…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="204" />
      <source>Created</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="204" />
      <source>Updated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="97" />
      <source>Draft</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="97" />
      <source>Published</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="98" />
      <source>Scheduled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="98" />
      <source>Pending review</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../app/ui/dialogs/publish_dialog.py" line="209" />
      <source>SEO title, description and keyphrase sent.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
