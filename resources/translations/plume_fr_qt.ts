<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Strings of Qt's own dialogs that Qt's qtbase_fr.qm leaves in English (checked by
     tests/ui/test_french_ui.py); compiled into plume_fr.qm by `make translations`. -->
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Type de fichiers :</translation>
    </message>
</context>
</TS>
