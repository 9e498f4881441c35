<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="32"/>
        <source>About Catalogue</source>
        <translation>À propos de Catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="37"/>
        <source>Version:</source>
        <translation>Version&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="38"/>
        <source>Catalogue folder:</source>
        <translation>Dossier du catalogue&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="39"/>
        <source>Log folder:</source>
        <translation>Dossier des journaux&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="45"/>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="45"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="45"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="48"/>
        <source>not stated</source>
        <translation>non indiquée</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="59"/>
        <source>Catalogue is made with these free software components; each keeps its own licence, whose text is shipped with the application.</source>
        <translation>Catalogue est fait de ces composants libres&#xa0;; chacun garde sa propre licence, dont le texte est livré avec l&apos;application.</translation>
    </message>
</context>
<context>
    <name>AuthorsEditor</name>
    <message>
        <location filename="../../ui/form/editors.py" line="249"/>
        <source>name, Enter to add</source>
        <translation>nom, Entrée pour ajouter</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="251"/>
        <source>(no role)</source>
        <translation>(sans rôle)</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="254"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../ui/backups/window_actions.py" line="44"/>
        <source>&amp;Backups…</source>
        <translation>&amp;Sauvegardes…</translation>
    </message>
    <message>
        <location filename="../../ui/backups/window_actions.py" line="46"/>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../ui/backups/window_actions.py" line="61"/>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/backups/window_actions.py" line="63"/>
        <source>Automatic backups are off (Record &gt; Backups)</source>
        <translation>Sauvegardes automatiques désactivées (Fiche &gt; Sauvegardes)</translation>
    </message>
    <message>
        <location filename="../../ui/backups/window_actions.py" line="65"/>
        <source>No backup yet</source>
        <translation>Aucune sauvegarde encore</translation>
    </message>
    <message>
        <location filename="../../ui/backups/window_actions.py" line="67"/>
        <source>No backup for {n} days</source>
        <translation>Aucune sauvegarde depuis {n} jours</translation>
    </message>
    <message>
        <location filename="../../ui/backups/window_actions.py" line="70"/>
        <source>Last backup: {when}</source>
        <translation>Dernière sauvegarde&#xa0;: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/backups/window_actions.py" line="73"/>
        <source>Last backup failed</source>
        <translation>La dernière sauvegarde a échoué</translation>
    </message>
    <message>
        <location filename="../../ui/backups/window_actions.py" line="115"/>
        <source>Backing up the catalogue before closing…</source>
        <translation>Sauvegarde du catalogue avant de fermer…</translation>
    </message>
    <message>
        <location filename="../../ui/backups/window_actions.py" line="117"/>
        <location filename="../../ui/backups/window_actions.py" line="125"/>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <location filename="../../ui/backups/window_actions.py" line="126"/>
        <source>The backup on closing failed: {problem}</source>
        <translation>La sauvegarde à la fermeture a échoué&#xa0;: {problem}</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <location filename="../../ui/backups/settings_dialog.py" line="25"/>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <location filename="../../ui/backups/settings_dialog.py" line="28"/>
        <source>The catalogue and its images are backed up when the window closes and once a day while it is open, into the folder below: choose one on another disk or a USB key, not on this computer&apos;s own disk. Images are copied once; each backup is checked after writing; the folder keeps 7 daily, 4 weekly and 12 monthly backups.</source>
        <translation>Le catalogue et ses images sont sauvegardés à la fermeture de la fenêtre et une fois par jour tant qu&apos;elle est ouverte, dans le dossier ci-dessous&#xa0;: choisissez-le sur un autre disque ou une clé USB, pas sur le disque de cet ordinateur. Les images ne sont copiées qu&apos;une fois&#xa0;; chaque sauvegarde est vérifiée après écriture&#xa0;; le dossier garde 7 sauvegardes quotidiennes, 4 hebdomadaires et 12 mensuelles.</translation>
    </message>
    <message>
        <location filename="../../ui/backups/settings_dialog.py" line="35"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <location filename="../../ui/backups/settings_dialog.py" line="40"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../ui/backups/settings_dialog.py" line="45"/>
        <source>Backup &amp;folder:</source>
        <translation>&amp;Dossier des sauvegardes&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/backups/settings_dialog.py" line="54"/>
        <source>Backup folder</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <location filename="../../ui/backups/settings_dialog.py" line="65"/>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/backups/settings_dialog.py" line="69"/>
        <source>Backed up and checked.</source>
        <translation>Sauvegardé et vérifié.</translation>
    </message>
    <message>
        <location filename="../../ui/backups/settings_dialog.py" line="74"/>
        <source>A backup is already under way.</source>
        <translation>Une sauvegarde est déjà en cours.</translation>
    </message>
</context>
<context>
    <name>BatchEditDialog</name>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="34"/>
        <source>Batch edit {n} records</source>
        <translation>Modifier {n} fiches par lot</translation>
    </message>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="42"/>
        <source>Set to</source>
        <translation>Remplacer par</translation>
    </message>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="42"/>
        <source>Append</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="43"/>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="47"/>
        <source>several values: a ; b    yes/no for a tick box</source>
        <translation>plusieurs valeurs&#xa0;: a&#xa0;; b    oui/non pour une case à cocher</translation>
    </message>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="50"/>
        <source>Inventory number</source>
        <translation>Numéro d&apos;inventaire</translation>
    </message>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="50"/>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="51"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="55"/>
        <source>A&amp;pply</source>
        <translation>A&amp;ppliquer</translation>
    </message>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="58"/>
        <source>&amp;Field</source>
        <translation>&amp;Champ</translation>
    </message>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="59"/>
        <source>&amp;Operation</source>
        <translation>&amp;Opération</translation>
    </message>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="60"/>
        <source>&amp;Value</source>
        <translation>&amp;Valeur</translation>
    </message>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="78"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../ui/form/batch_edit_dialog.py" line="95"/>
        <source>{n} of {total} selected records will change.</source>
        <translation>{n} des {total} fiches sélectionnées seront modifiées.</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../ui/recolement/campaign_dialog.py" line="18"/>
        <source>New récolement campaign</source>
        <translation>Nouvelle campagne de récolement</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/campaign_dialog.py" line="21"/>
        <source>e.g. Réserve A, 2026</source>
        <translation>par ex. Réserve A, 2026</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/campaign_dialog.py" line="24"/>
        <source>a search, as in the search box (empty: every object)</source>
        <translation>une recherche, comme dans la zone de recherche (vide&#xa0;: tous les objets)</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/campaign_dialog.py" line="28"/>
        <source>e.g. Réserve A (empty: every location)</source>
        <translation>par ex. Réserve A (vide&#xa0;: tous les emplacements)</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/campaign_dialog.py" line="30"/>
        <source>e.g. 2026-2035</source>
        <translation>par ex. 2026-2035</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/campaign_dialog.py" line="34"/>
        <source>Include &amp;deposits</source>
        <translation>Inclure les &amp;dépôts</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/campaign_dialog.py" line="38"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/campaign_dialog.py" line="39"/>
        <source>&amp;Objects:</source>
        <translation>&amp;Objets&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/campaign_dialog.py" line="40"/>
        <source>In the &amp;location:</source>
        <translation>Dans l&apos;&amp;emplacement&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/campaign_dialog.py" line="42"/>
        <source>Ten-year &amp;plan:</source>
        <translation>&amp;Plan décennal&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ConditionReportDialog</name>
    <message>
        <location filename="../../ui/loans/condition_dialog.py" line="30"/>
        <source>Condition report — {number}</source>
        <translation>Constat d&apos;état — {number}</translation>
    </message>
    <message>
        <location filename="../../ui/loans/condition_dialog.py" line="31"/>
        <source>New condition report — {number}</source>
        <translation>Nouveau constat d&apos;état — {number}</translation>
    </message>
    <message>
        <location filename="../../ui/loans/condition_dialog.py" line="34"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../../ui/loans/condition_dialog.py" line="39"/>
        <source>(not stated)</source>
        <translation>(non précisé)</translation>
    </message>
    <message>
        <location filename="../../ui/loans/condition_dialog.py" line="59"/>
        <source>Space ticks the image shown by the cursor</source>
        <translation>Espace coche l&apos;image sous le curseur</translation>
    </message>
    <message>
        <location filename="../../ui/loans/condition_dialog.py" line="60"/>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../ui/loans/condition_dialog.py" line="60"/>
        <source>&amp;Author</source>
        <translation>&amp;Rédigé par</translation>
    </message>
    <message>
        <location filename="../../ui/loans/condition_dialog.py" line="61"/>
        <source>Overall s&amp;tate</source>
        <translation>État &amp;général</translation>
    </message>
    <message>
        <location filename="../../ui/loans/condition_dialog.py" line="62"/>
        <source>D&amp;escription</source>
        <translation>Descri&amp;ption</translation>
    </message>
    <message>
        <location filename="../../ui/loans/condition_dialog.py" line="63"/>
        <source>&amp;Images</source>
        <translation>&amp;Images</translation>
    </message>
</context>
<context>
    <name>ConditionReportPrinting</name>
    <message>
        <location filename="../../ui/loans/printing.py" line="27"/>
        <source>Print the condition report</source>
        <translation>Imprimer le constat d&apos;état</translation>
    </message>
    <message>
        <location filename="../../ui/loans/printing.py" line="29"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/loans/printing.py" line="42"/>
        <source>Condition report not printed</source>
        <translation>Constat d&apos;état non imprimé</translation>
    </message>
    <message>
        <location filename="../../ui/loans/printing.py" line="48"/>
        <source>Wrote the condition report to {file} ({pages} page(s)).</source>
        <translation>Constat d&apos;état écrit dans {file} ({pages} page(s)).</translation>
    </message>
</context>
<context>
    <name>ConditionReportsPanel</name>
    <message>
        <location filename="../../ui/loans/panels.py" line="214"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="214"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="214"/>
        <source>Author</source>
        <translation>Rédigé par</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="214"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="215"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="215"/>
        <source>New…</source>
        <translation>Nouveau…</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="216"/>
        <source>Write a new condition report</source>
        <translation>Rédiger un nouveau constat d&apos;état</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="217"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="218"/>
        <source>The chosen report as a PDF, with its images</source>
        <translation>Le constat choisi en PDF, avec ses images</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="235"/>
        <source>&lt;b&gt;Condition&lt;/b&gt;: {state} (report of {date})</source>
        <translation>&lt;b&gt;État&lt;/b&gt; : {state} (constat du {date})</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="236"/>
        <source>not stated</source>
        <translation>non précisé</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="44"/>
        <source>Sync conflicts</source>
        <translation>Conflits de synchronisation</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="70"/>
        <source>No conflict is waiting.</source>
        <translation>Aucun conflit en attente.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="86"/>
        <source>This record was deleted on the regional base and edited here.</source>
        <translation>Cette fiche a été supprimée sur la base régionale et modifiée sur ce poste.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="88"/>
        <source>This record was deleted here and edited on the regional base.</source>
        <translation>Cette fiche a été supprimée sur ce poste et modifiée sur la base régionale.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="91"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="91"/>
        <source>This desk</source>
        <translation>Ce poste</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="92"/>
        <source>Regional base</source>
        <translation>Base régionale</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="107"/>
        <source>Keep &amp;this desk&apos;s version</source>
        <translation>Garder la version de ce &amp;poste</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="108"/>
        <source>Take the &amp;regional base&apos;s version</source>
        <translation>Prendre la version de la base &amp;régionale</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="113"/>
        <source>&amp;Apply the choices above</source>
        <translation>&amp;Appliquer les choix ci-dessus</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="128"/>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
</context>
<context>
    <name>EntriesPanel</name>
    <message>
        <location filename="../../ui/loans/panels.py" line="52"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="53"/>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
</context>
<context>
    <name>EntriesView</name>
    <message>
        <location filename="../../ui/form/register_editors.py" line="54"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../ui/loans/entry_dialog.py" line="34"/>
        <source>&amp;Save</source>
        <translation>Enregi&amp;strer</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="31"/>
        <source>E&amp;xchange</source>
        <translation>É&amp;changes</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="32"/>
        <source>&amp;Import a spreadsheet…</source>
        <translation>&amp;Importer un tableur…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="36"/>
        <source>Export as &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="37"/>
        <source>Export as &amp;LIDO XML…</source>
        <translation>Exporter en &amp;LIDO XML…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="38"/>
        <source>Export for &amp;Joconde/POP…</source>
        <translation>Exporter pour &amp;Joconde/POP…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="40"/>
        <source>&amp;Object sheets (PDF)…</source>
        <translation>&amp;Fiches objets (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="41"/>
        <source>Inventory &amp;register (PDF)…</source>
        <translation>&amp;Registre d&apos;inventaire (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="43"/>
        <source>&amp;Deposits register (PDF)…</source>
        <translation>Registre des &amp;dépôts (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="74"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="75"/>
        <source>LIDO XML (*.xml)</source>
        <translation>LIDO XML (*.xml)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="76"/>
        <source>Joconde CSV (*.csv)</source>
        <translation>CSV Joconde (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="81"/>
        <source>Exporting {n} records…</source>
        <translation>Export de {n} fiches…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="94"/>
        <source>Object sheets</source>
        <translation>Fiches objets</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="95"/>
        <source>Print {n} object sheets (one page or more each)?</source>
        <translation>Imprimer {n} fiches objets (une page ou plus chacune)&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="97"/>
        <location filename="../../ui/exchange/window_actions.py" line="108"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="99"/>
        <source>Writing {n} object sheets…</source>
        <translation>Création de {n} fiches objets…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="110"/>
        <source>Writing the register…</source>
        <translation>Création du registre…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="115"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="119"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="126"/>
        <source>Wrote {n} records to {file}.</source>
        <translation>{n} fiches écrites dans {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/window_actions.py" line="134"/>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
</context>
<context>
    <name>FailureDialog</name>
    <message>
        <location filename="../../ui/messages.py" line="47"/>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="48"/>
        <source>Show details</source>
        <translation>Afficher les détails</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="59"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>FieldEditors</name>
    <message>
        <location filename="../../ui/form/editors.py" line="36"/>
        <source>author</source>
        <translation>auteur</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="37"/>
        <source>maker</source>
        <translation>fabricant</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="38"/>
        <source>collector</source>
        <translation>collecteur</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="39"/>
        <source>commissioner</source>
        <translation>commanditaire</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="46"/>
        <source>height</source>
        <translation>hauteur</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="47"/>
        <source>width</source>
        <translation>largeur</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="48"/>
        <source>length</source>
        <translation>longueur</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="49"/>
        <source>depth</source>
        <translation>profondeur</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="50"/>
        <source>thickness</source>
        <translation>épaisseur</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="51"/>
        <source>diameter</source>
        <translation>diamètre</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="52"/>
        <source>circumference</source>
        <translation>circonférence</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="53"/>
        <source>weight</source>
        <translation>poids</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="93"/>
        <source>Choose the file</source>
        <translation>Choisir le fichier</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="94"/>
        <source>A CSV file (any encoding and delimiter) or an Excel .xlsx workbook, one object per row, column names in the first row.</source>
        <translation>Un fichier CSV (quels que soient l&apos;encodage et le séparateur) ou un classeur Excel .xlsx, un objet par ligne, les noms de colonnes sur la première ligne.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="97"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="101"/>
        <location filename="../../ui/exchange/import_wizard.py" line="104"/>
        <source>Detect</source>
        <translation>Détecter</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="108"/>
        <source>value, e.g. a museum code</source>
        <translation>valeur, p. ex. un code musée</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="116"/>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="117"/>
        <source>Encoding:</source>
        <translation>Encodage&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="118"/>
        <source>Delimiter:</source>
        <translation>Séparateur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="120"/>
        <source>Only rows where:</source>
        <translation>Seulement les lignes où&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="121"/>
        <source>A file holding several museums&apos; objects: import only this museum&apos;s rows (column and value).</source>
        <translation>Un fichier contenant les objets de plusieurs musées&#xa0;: n&apos;importer que les lignes de ce musée (colonne et valeur).</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="128"/>
        <source>Import a spreadsheet</source>
        <translation>Importer un tableur</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="129"/>
        <source>Spreadsheets (*.csv *.txt *.xlsx)</source>
        <translation>Tableurs (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="148"/>
        <source>{kind}; {n} columns</source>
        <translation>{kind}&#xa0;; {n} colonnes</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="150"/>
        <source>(every row)</source>
        <translation>(toutes les lignes)</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <location filename="../../ui/search/filter_panel.py" line="32"/>
        <source>Only records with images</source>
        <translation>Seulement les fiches avec images</translation>
    </message>
    <message>
        <location filename="../../ui/search/filter_panel.py" line="34"/>
        <location filename="../../ui/search/filter_panel.py" line="39"/>
        <source>Any</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <location filename="../../ui/search/filter_panel.py" line="34"/>
        <source>Public</source>
        <translation>Publiques</translation>
    </message>
    <message>
        <location filename="../../ui/search/filter_panel.py" line="35"/>
        <source>Not public</source>
        <translation>Non publiques</translation>
    </message>
    <message>
        <location filename="../../ui/search/filter_panel.py" line="39"/>
        <source>On loan</source>
        <translation>En prêt</translation>
    </message>
    <message>
        <location filename="../../ui/search/filter_panel.py" line="40"/>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../../ui/search/filter_panel.py" line="47"/>
        <source>Public:</source>
        <translation>Diffusion publique&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/search/filter_panel.py" line="48"/>
        <source>Loans:</source>
        <translation>Prêts :</translation>
    </message>
    <message>
        <location filename="../../ui/search/filter_panel.py" line="49"/>
        <source>Acquired from:</source>
        <translation>Acquis entre&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/search/filter_panel.py" line="50"/>
        <source>to:</source>
        <translation>et&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/search/filter_panel.py" line="52"/>
        <source>{field}:</source>
        <translation>{field}&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/search/filter_panel.py" line="69"/>
        <source>(any designation)</source>
        <translation>(toute dénomination)</translation>
    </message>
    <message>
        <location filename="../../ui/search/filter_panel.py" line="99"/>
        <source>any</source>
        <translation>indifférent</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="79"/>
        <source>Welcome to Catalogue</source>
        <translation>Bienvenue dans Catalogue</translation>
    </message>
</context>
<context>
    <name>FreeLocationsDialog</name>
    <message>
        <location filename="../../ui/locations/free_locations_dialog.py" line="35"/>
        <source>Place typed locations</source>
        <translation>Rattacher les localisations saisies</translation>
    </message>
    <message>
        <location filename="../../ui/locations/free_locations_dialog.py" line="37"/>
        <source>Locations typed as text, with how many objects have each. Choose one or several, then the place they mean: their objects move there, and the text is kept as where they came from.</source>
        <translation>Les localisations saisies en texte libre, avec le nombre d&apos;objets de chacune. Choisissez-en une ou plusieurs, puis l&apos;emplacement qu&apos;elles désignent&#xa0;: leurs objets y sont placés, et le texte est gardé comme lieu de provenance.</translation>
    </message>
    <message>
        <location filename="../../ui/locations/free_locations_dialog.py" line="43"/>
        <source>Typed location</source>
        <translation>Localisation saisie</translation>
    </message>
    <message>
        <location filename="../../ui/locations/free_locations_dialog.py" line="43"/>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <location filename="../../ui/locations/free_locations_dialog.py" line="54"/>
        <source>&amp;Place here</source>
        <translation>&amp;Rattacher ici</translation>
    </message>
    <message>
        <location filename="../../ui/locations/free_locations_dialog.py" line="61"/>
        <source>&amp;In</source>
        <translation>&amp;Dans</translation>
    </message>
    <message>
        <location filename="../../ui/locations/free_locations_dialog.py" line="96"/>
        <source>Choose the typed locations and the place they mean.</source>
        <translation>Choisissez les localisations saisies et l&apos;emplacement qu&apos;elles désignent.</translation>
    </message>
    <message>
        <location filename="../../ui/locations/free_locations_dialog.py" line="110"/>
        <source>{n} object(s) placed in {path}.</source>
        <translation>{n} objet(s) placé(s) dans {path}.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../ui/form/history_panel.py" line="39"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../ui/form/history_panel.py" line="39"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../../ui/form/history_panel.py" line="39"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../ui/form/history_panel.py" line="40"/>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location filename="../../ui/form/history_panel.py" line="40"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <location filename="../../ui/form/history_panel.py" line="45"/>
        <source>Restore this value</source>
        <translation>Rétablir cette valeur</translation>
    </message>
    <message>
        <location filename="../../ui/form/history_panel.py" line="76"/>
        <source>Value not restored</source>
        <translation>Valeur non rétablie</translation>
    </message>
    <message>
        <location filename="../../ui/form/history_panel.py" line="91"/>
        <source>created</source>
        <translation>créée</translation>
    </message>
    <message>
        <location filename="../../ui/form/history_panel.py" line="91"/>
        <source>moved to the trash</source>
        <translation>mise à la corbeille</translation>
    </message>
    <message>
        <location filename="../../ui/form/history_panel.py" line="92"/>
        <source>restored from the trash</source>
        <translation>restaurée depuis la corbeille</translation>
    </message>
    <message>
        <location filename="../../ui/form/history_panel.py" line="93"/>
        <source>deaccessioned</source>
        <translation>radiée</translation>
    </message>
    <message>
        <location filename="../../ui/form/history_panel.py" line="100"/>
        <source>Save or undo your changes to the record first.</source>
        <translation>Enregistrez ou annulez d&apos;abord vos modifications de la fiche.</translation>
    </message>
    <message>
        <location filename="../../ui/form/history_panel.py" line="101"/>
        <source>Give the field the value it had before the selected change.</source>
        <translation>Redonner au champ la valeur qu&apos;il avait avant la modification sélectionnée.</translation>
    </message>
</context>
<context>
    <name>ImageActions</name>
    <message>
        <location filename="../../ui/images/window_actions.py" line="39"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="47"/>
        <source>&amp;Images</source>
        <translation>&amp;Images</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="49"/>
        <source>&amp;Attach images to this record…</source>
        <translation>&amp;Joindre des images à cette fiche…</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="50"/>
        <source>Attach a &amp;folder to this record…</source>
        <translation>Joindre un &amp;dossier à cette fiche…</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="51"/>
        <source>Attach images by &amp;file name…</source>
        <translation>Joindre des images par &amp;nom de fichier…</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="52"/>
        <source>&amp;Details for new images…</source>
        <translation>Dé&amp;tails des nouvelles images…</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="53"/>
        <source>&amp;Move the image store…</source>
        <translation>Déplacer le &amp;stockage des images…</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="64"/>
        <source>Attach images</source>
        <translation>Joindre des images</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="65"/>
        <source>Images and documents ({patterns});;All files (*)</source>
        <translation>Images et documents ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="72"/>
        <source>Attach a folder</source>
        <translation>Joindre un dossier</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="79"/>
        <source>Folder of images named after inventory numbers</source>
        <translation>Dossier d&apos;images nommées d&apos;après les numéros d&apos;inventaire</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="87"/>
        <location filename="../../ui/images/window_actions.py" line="96"/>
        <location filename="../../ui/images/window_actions.py" line="117"/>
        <source>Images not attached</source>
        <translation>Images non jointes</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="88"/>
        <source>Save the new record first, then attach its images.</source>
        <translation>Enregistrez d&apos;abord la nouvelle fiche, puis joignez-y ses images.</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="118"/>
        <source>Another import is still running; wait for it to end.</source>
        <translation>Un autre import est en cours&#xa0;; attendez qu&apos;il se termine.</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="141"/>
        <source>New folder for the image store (an empty folder)</source>
        <translation>Nouveau dossier pour le stockage des images (un dossier vide)</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="144"/>
        <source>Copying and checking every original…</source>
        <translation>Copie et vérification de chaque original…</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="152"/>
        <source>{n} original(s) moved to {folder}.</source>
        <translation>{n} original(aux) déplacé(s) vers {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/images/window_actions.py" line="156"/>
        <source>Image store not moved</source>
        <translation>Stockage des images non déplacé</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <location filename="../../ui/images/strip.py" line="85"/>
        <source>Add images…</source>
        <translation>Ajouter des images…</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="87"/>
        <source>Make primary</source>
        <translation>Vue principale</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="89"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="91"/>
        <location filename="../../ui/images/strip.py" line="214"/>
        <source>View</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="93"/>
        <source>Undo image change</source>
        <translation>Annuler la modification d&apos;image</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="104"/>
        <location filename="../../ui/images/strip.py" line="224"/>
        <source>(several)</source>
        <translation>(plusieurs)</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="109"/>
        <source>View type</source>
        <translation>Type de vue</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="111"/>
        <source>Photographer</source>
        <translation>Photographe</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="111"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="112"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="112"/>
        <source>Credit</source>
        <translation>Crédit</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="113"/>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="123"/>
        <source>Rights cleared for the public portal</source>
        <translation>Droits acquis pour le portail public</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="125"/>
        <source>Publishable</source>
        <translation>Publiable</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="172"/>
        <source>Save the new record first, then attach its images.</source>
        <translation>Enregistrez d&apos;abord la nouvelle fiche, puis joignez-lui ses images.</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="173"/>
        <source>No images yet: drop photographs here, or click Add images….</source>
        <translation>Aucune image pour l&apos;instant&#xa0;: déposez des photographies ici ou cliquez sur Ajouter des images….</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="214"/>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="233"/>
        <source>{n} images selected: a field changed here is changed on all of them.</source>
        <translation>{n} images sélectionnées&#xa0;: un champ modifié ici l&apos;est sur toutes.</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="269"/>
        <source>Remove images</source>
        <translation>Retirer des images</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="270"/>
        <source>Remove {n} image(s) from this record? The original files stay in the image store.</source>
        <translation>Retirer {n} image(s) de cette fiche&#xa0;? Les fichiers originaux restent dans le stockage des images.</translation>
    </message>
    <message>
        <location filename="../../ui/images/strip.py" line="293"/>
        <source>Image not changed</source>
        <translation>Image non modifiée</translation>
    </message>
</context>
<context>
    <name>ImageTemplateDialog</name>
    <message>
        <location filename="../../ui/images/template_dialog.py" line="25"/>
        <source>Details for new images</source>
        <translation>Détails des nouvelles images</translation>
    </message>
    <message>
        <location filename="../../ui/images/template_dialog.py" line="29"/>
        <source>Given to every image attached from now on. Leave a field empty to keep what the camera recorded.</source>
        <translation>Donnés à chaque image associée désormais. Laissez un champ vide pour garder ce que l&apos;appareil a enregistré.</translation>
    </message>
    <message>
        <location filename="../../ui/images/template_dialog.py" line="32"/>
        <source>Photographer</source>
        <translation>Photographe</translation>
    </message>
    <message>
        <location filename="../../ui/images/template_dialog.py" line="32"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/images/template_dialog.py" line="33"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../ui/images/template_dialog.py" line="33"/>
        <source>Credit</source>
        <translation>Crédit</translation>
    </message>
    <message>
        <location filename="../../ui/images/template_dialog.py" line="41"/>
        <source>Rights cleared for the public portal</source>
        <translation>Droits acquis pour le portail public</translation>
    </message>
    <message>
        <location filename="../../ui/images/template_dialog.py" line="43"/>
        <source>Publishable</source>
        <translation>Publiable</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../ui/images/viewer.py" line="87"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location filename="../../ui/images/viewer.py" line="88"/>
        <source>100 %</source>
        <translation>100&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../ui/images/viewer.py" line="89"/>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <location filename="../../ui/images/viewer.py" line="91"/>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <location filename="../../ui/images/viewer.py" line="93"/>
        <source>Previous image</source>
        <translation>Image précédente</translation>
    </message>
    <message>
        <location filename="../../ui/images/viewer.py" line="94"/>
        <source>Next image</source>
        <translation>Image suivante</translation>
    </message>
    <message>
        <location filename="../../ui/images/viewer.py" line="106"/>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <location filename="../../ui/images/viewer.py" line="106"/>
        <source>Swipe</source>
        <translation>Balayage</translation>
    </message>
    <message>
        <location filename="../../ui/images/viewer.py" line="107"/>
        <source>Overlay</source>
        <translation>Superposition</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="43"/>
        <source>Attaching images</source>
        <translation>Ajout des images</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="53"/>
        <source>Reading {n} file(s)…</source>
        <translation>Lecture de {n} fichier(s)…</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="58"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="58"/>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="59"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="67"/>
        <location filename="../../ui/images/import_dialog.py" line="121"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="95"/>
        <source>Cancelling… files already attached stay attached.</source>
        <translation>Annulation… les fichiers déjà joints le restent.</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="126"/>
        <source>{attached} attached, {duplicate} already attached, {refused} not attached.</source>
        <translation>{attached} joint(s), {duplicate} déjà joint(s), {refused} non joint(s).</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="130"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="134"/>
        <source>Images not attached</source>
        <translation>Images non jointes</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="135"/>
        <source>The import stopped: {error}</source>
        <translation>L&apos;import s&apos;est arrêté&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="143"/>
        <source>Attached — {note}</source>
        <translation>Joint — {note}</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="144"/>
        <source>Attached</source>
        <translation>Joint</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="146"/>
        <source>Already attached to this record</source>
        <translation>Déjà joint à cette fiche</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="148"/>
        <source>Not attached (cancelled)</source>
        <translation>Non joint (annulé)</translation>
    </message>
    <message>
        <location filename="../../ui/images/import_dialog.py" line="149"/>
        <source>Not attached: {reason}</source>
        <translation>Non joint&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="67"/>
        <source>Import a spreadsheet</source>
        <translation>Importer un tableur</translation>
    </message>
</context>
<context>
    <name>InsecureHttpBox</name>
    <message>
        <location filename="../../ui/sync/insecure_http_box.py" line="26"/>
        <source>Allow unencrypted http:// (the token can be read on the way)</source>
        <translation>Autoriser http:// sans chiffrement (le jeton peut être lu en chemin)</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="131"/>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="132"/>
        <source>A few questions to set up this computer&apos;s catalogue. Everything can be changed later in the settings.</source>
        <translation>Quelques questions pour préparer le catalogue de cet ordinateur. Tout pourra être changé ensuite dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="134"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
</context>
<context>
    <name>LicenceField</name>
    <message>
        <location filename="../../ui/images/licence_field.py" line="28"/>
        <source>Pick a licence from the list, or type your own terms (they are kept as written).</source>
        <translation>Choisissez une licence dans la liste, ou saisissez vos propres conditions (elles sont gardées telles quelles).</translation>
    </message>
    <message>
        <location filename="../../ui/images/licence_field.py" line="35"/>
        <source>⚠ Not on the list: exported as written, with no address</source>
        <translation>⚠ Hors liste&#xa0;: exportée telle quelle, sans adresse</translation>
    </message>
    <message>
        <location filename="../../ui/images/licence_field.py" line="37"/>
        <source>Aggregators (Europeana, IIIF viewers) read a licence by its address (Creative Commons, rightsstatements.org): words not on the list go out as written, with none.</source>
        <translation>Les agrégateurs (Europeana, visionneuses IIIF) lisent une licence par son adresse (Creative Commons, rightsstatements.org)&#xa0;: des mots hors de la liste partent tels quels, sans adresse.</translation>
    </message>
</context>
<context>
    <name>ListColumns</name>
    <message>
        <location filename="../../ui/list_columns.py" line="25"/>
        <source>List &amp;columns</source>
        <translation>Co&amp;lonnes de la liste</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../ui/form/editors.py" line="137"/>
        <source>type a value, Enter to add (several: a ; b)</source>
        <translation>saisir une valeur, Entrée pour ajouter (plusieurs&#xa0;: a&#xa0;; b)</translation>
    </message>
</context>
<context>
    <name>LoanActions</name>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="34"/>
        <source>Loans</source>
        <translation>Prêts et entrées temporaires</translation>
    </message>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="35"/>
        <source>Condition reports</source>
        <translation>Constats d&apos;état</translation>
    </message>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="54"/>
        <source>&amp;Loans and condition</source>
        <translation>Prê&amp;ts et constats d&apos;état</translation>
    </message>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="58"/>
        <source>New &amp;loan…</source>
        <translation>Nouveau &amp;prêt…</translation>
    </message>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="59"/>
        <source>Record the &amp;return of the loan…</source>
        <translation>Enregistrer le &amp;retour du prêt…</translation>
    </message>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="60"/>
        <source>New &amp;condition report…</source>
        <translation>Nouveau &amp;constat d&apos;état…</translation>
    </message>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="72"/>
        <source>Overdue return: {party}, due back on {date}</source>
        <translation>Retour en retard : {party}, prévu le {date}</translation>
    </message>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="101"/>
        <source>No loan to return</source>
        <translation>Aucun prêt à rendre</translation>
    </message>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="102"/>
        <source>This object is not away on loan: choose the loan in the Loans group.</source>
        <translation>Cet objet n&apos;est pas en prêt : choisissez le prêt dans le groupe Prêts.</translation>
    </message>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="107"/>
        <source>Remove the loan to {party}, started on {date}?</source>
        <translation>Supprimer le prêt à {party}, commencé le {date} ?</translation>
    </message>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="128"/>
        <source>Remove the condition report of {date} by {author}?</source>
        <translation>Supprimer le constat d&apos;état du {date} rédigé par {author} ?</translation>
    </message>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="141"/>
        <source>No record</source>
        <translation>Aucune fiche</translation>
    </message>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="142"/>
        <source>Save the record first: loans and condition reports belong to a saved record.</source>
        <translation>Enregistrez d&apos;abord la fiche : prêts et constats d&apos;état appartiennent à une fiche enregistrée.</translation>
    </message>
    <message>
        <location filename="../../ui/loans/window_actions.py" line="152"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>LoanDialog</name>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="32"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="38"/>
        <source>e.g. 15 000 €</source>
        <translation>par ex. 15 000 €</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="44"/>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="47"/>
        <source>E&amp;xhibition</source>
        <translation>E&amp;xposition</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="47"/>
        <source>St&amp;art</source>
        <translation>&amp;Début</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="48"/>
        <source>D&amp;ue back</source>
        <translation>&amp;Retour prévu le</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="48"/>
        <source>&amp;Insurance value</source>
        <translation>&amp;Valeur d&apos;assurance</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="50"/>
        <source>Condition at &amp;departure</source>
        <translation>État au dép&amp;art</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="51"/>
        <source>&amp;Returned on</source>
        <translation>Rend&amp;u le</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="52"/>
        <source>Condition at re&amp;turn</source>
        <translation>État au ret&amp;our</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="53"/>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="63"/>
        <source>Return of a loan — {number}</source>
        <translation>Retour d&apos;un prêt — {number}</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="65"/>
        <source>Loan — {number}</source>
        <translation>Prêt — {number}</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="66"/>
        <source>New loan — {number}</source>
        <translation>Nouveau prêt — {number}</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="70"/>
        <source>&amp;Borrower</source>
        <translation>&amp;Emprunteur</translation>
    </message>
    <message>
        <location filename="../../ui/loans/loan_dialog.py" line="70"/>
        <source>&amp;Lender</source>
        <translation>&amp;Prêteur</translation>
    </message>
</context>
<context>
    <name>LoansPanel</name>
    <message>
        <location filename="../../ui/loans/panels.py" line="166"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="166"/>
        <source>Borrower or lender</source>
        <translation>Emprunteur ou prêteur</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="167"/>
        <source>From – to</source>
        <translation>Du – au</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="167"/>
        <source>Returned on</source>
        <translation>Rendu le</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="168"/>
        <source>New…</source>
        <translation>Nouveau…</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="169"/>
        <source>Record a loan out or a temporary entry</source>
        <translation>Enregistrer un prêt ou une entrée temporaire</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="170"/>
        <source>Return…</source>
        <translation>Retour…</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="171"/>
        <source>Record the return of the chosen loan</source>
        <translation>Enregistrer le retour du prêt choisi</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="179"/>
        <source>Loan</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="179"/>
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="186"/>
        <source>Overdue: due back on {date}</source>
        <translation>En retard : retour prévu le {date}</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="194"/>
        <source>, due back on {date}</source>
        <translation>, retour prévu le {date}</translation>
    </message>
    <message>
        <location filename="../../ui/loans/panels.py" line="199"/>
        <source>Overdue return: {party}, due back on {date}</source>
        <translation>Retour en retard : {party}, prévu le {date}</translation>
    </message>
</context>
<context>
    <name>LocationActions</name>
    <message>
        <location filename="../../ui/locations/window_actions.py" line="24"/>
        <source>&amp;Locations</source>
        <translation>&amp;Emplacements</translation>
    </message>
    <message>
        <location filename="../../ui/locations/window_actions.py" line="25"/>
        <source>&amp;Move the selection…</source>
        <translation>&amp;Déplacer la sélection…</translation>
    </message>
    <message>
        <location filename="../../ui/locations/window_actions.py" line="27"/>
        <source>&amp;Locations…</source>
        <translation>&amp;Emplacements…</translation>
    </message>
    <message>
        <location filename="../../ui/locations/window_actions.py" line="28"/>
        <source>&amp;Place typed locations…</source>
        <translation>&amp;Rattacher les localisations saisies…</translation>
    </message>
    <message>
        <location filename="../../ui/locations/window_actions.py" line="29"/>
        <source>Location la&amp;bels (PDF)…</source>
        <translation>É&amp;tiquettes des emplacements (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/locations/window_actions.py" line="53"/>
        <source>{n} object(s) moved to {path}.</source>
        <translation>{n} objet(s) déplacé(s) vers {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/locations/window_actions.py" line="77"/>
        <source>Location labels</source>
        <translation>Étiquettes des emplacements</translation>
    </message>
    <message>
        <location filename="../../ui/locations/window_actions.py" line="78"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/locations/window_actions.py" line="85"/>
        <source>Labels not written</source>
        <translation>Étiquettes non écrites</translation>
    </message>
    <message>
        <location filename="../../ui/locations/window_actions.py" line="87"/>
        <source>Wrote {n} labels to {file}.</source>
        <translation>{n} étiquette(s) écrite(s) dans {file}.</translation>
    </message>
</context>
<context>
    <name>LocationEditDialog</name>
    <message>
        <location filename="../../ui/locations/location_edit_dialog.py" line="32"/>
        <source>Edit location</source>
        <translation>Modifier l&apos;emplacement</translation>
    </message>
    <message>
        <location filename="../../ui/locations/location_edit_dialog.py" line="32"/>
        <source>New location</source>
        <translation>Nouvel emplacement</translation>
    </message>
    <message>
        <location filename="../../ui/locations/location_edit_dialog.py" line="35"/>
        <source>(top of the hierarchy)</source>
        <translation>(en haut de la hiérarchie)</translation>
    </message>
    <message>
        <location filename="../../ui/locations/location_edit_dialog.py" line="45"/>
        <source>(not said)</source>
        <translation>(non précisé)</translation>
    </message>
    <message>
        <location filename="../../ui/locations/location_edit_dialog.py" line="50"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../ui/locations/location_edit_dialog.py" line="50"/>
        <source>&amp;Inside</source>
        <translation>&amp;Dans</translation>
    </message>
    <message>
        <location filename="../../ui/locations/location_edit_dialog.py" line="51"/>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <location filename="../../ui/locations/location_edit_dialog.py" line="51"/>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
</context>
<context>
    <name>LocationsDialog</name>
    <message>
        <location filename="../../ui/locations/locations_dialog.py" line="38"/>
        <source>Locations</source>
        <translation>Emplacements</translation>
    </message>
    <message>
        <location filename="../../ui/locations/locations_dialog.py" line="41"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location filename="../../ui/locations/locations_dialog.py" line="41"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/locations/locations_dialog.py" line="41"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/locations/locations_dialog.py" line="42"/>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <location filename="../../ui/locations/locations_dialog.py" line="46"/>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <location filename="../../ui/locations/locations_dialog.py" line="47"/>
        <source>New &amp;inside…</source>
        <translation>Nouveau &amp;dedans…</translation>
    </message>
    <message>
        <location filename="../../ui/locations/locations_dialog.py" line="49"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location filename="../../ui/locations/locations_dialog.py" line="50"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/locations/locations_dialog.py" line="51"/>
        <source>&amp;Labels (PDF)…</source>
        <translation>É&amp;tiquettes (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/locations/locations_dialog.py" line="143"/>
        <source>Delete a location</source>
        <translation>Supprimer un emplacement</translation>
    </message>
    <message>
        <location filename="../../ui/locations/locations_dialog.py" line="144"/>
        <source>Delete the location {path}?</source>
        <translation>Supprimer l&apos;emplacement {path}&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../ui/locations/locations_dialog.py" line="149"/>
        <source>Location not deleted</source>
        <translation>Emplacement non supprimé</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="63"/>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>Catalogue — {museum}[*]</source>
        <translation>Catalogue — {museum}[*]</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69"/>
        <source>Search (Ctrl+F)</source>
        <translation>Rechercher (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;View</source>
        <translation>A&amp;ffichage</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>&amp;User guide</source>
        <translation>&amp;Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150"/>
        <source>&amp;About Catalogue</source>
        <translation>À &amp;propos de Catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>&amp;Record</source>
        <translation>&amp;Fiche</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>&amp;New record</source>
        <translation>&amp;Nouvelle fiche</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>&amp;Museum…</source>
        <translation>&amp;Musée…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>&amp;Find</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>User guide</source>
        <translation>Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>The user guide is missing from {path}; reinstall the application.</source>
        <translation>Le guide de l&apos;utilisateur manque dans {path}&#xa0;; réinstallez l&apos;application.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>No record matches the search and the filters. Clear the search box or the filters to see every record.</source>
        <translation>Aucune fiche ne correspond à la recherche et aux filtres. Videz la zone de recherche ou les filtres pour voir toutes les fiches.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250"/>
        <source>The catalogue is empty. Press Ctrl+N to describe a first object, or import a spreadsheet (Exchange &gt; Import a spreadsheet).</source>
        <translation>Le catalogue est vide. Appuyez sur Ctrl+N pour décrire un premier objet, ou importez un tableur (Échanges &gt; Importer un tableur).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>Record not saved</source>
        <translation>Fiche non enregistrée</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>Saved {number}.</source>
        <translation>Fiche {number} enregistrée.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>Move {n} record(s) to the trash?</source>
        <translation>Mettre {n} fiche(s) à la corbeille&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>Delete records</source>
        <translation>Supprimer des fiches</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303"/>
        <source>Nothing deleted</source>
        <translation>Rien n&apos;a été supprimé</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="372"/>
        <source>{n} records</source>
        <translation>{n} fiches</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="374"/>
        <source>{shown} of {n} records</source>
        <translation>{shown} fiches sur {n}</translation>
    </message>
    <message>
        <location filename="../../ui/search/docks.py" line="24"/>
        <location filename="../../ui/search/docks.py" line="37"/>
        <source>Themes</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <location filename="../../ui/search/docks.py" line="25"/>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <location filename="../../ui/search/docks.py" line="45"/>
        <source>&amp;Undo tagging</source>
        <translation>Annuler l&apos;association aux &amp;thèmes</translation>
    </message>
    <message>
        <location filename="../../ui/search/docks.py" line="48"/>
        <source>&amp;Redo tagging</source>
        <translation>Rétablir l&apos;association aux t&amp;hèmes</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard/panes.py" line="19"/>
        <source>Next pane</source>
        <translation>Volet suivant</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard/panes.py" line="20"/>
        <source>Previous pane</source>
        <translation>Volet précédent</translation>
    </message>
    <message>
        <location filename="../../ui/object_grid.py" line="196"/>
        <source>Show as &amp;grid</source>
        <translation>Afficher en &amp;grille</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="167"/>
        <source>Match the columns to fields</source>
        <translation>Associer les colonnes aux champs</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="168"/>
        <source>Columns named like a field, or as French museums and Joconde usually name it, were matched for you. Columns left on “ignore” are not imported.</source>
        <translation>Les colonnes nommées comme un champ, ou comme les musées et Joconde le nomment d&apos;habitude, ont été associées automatiquement. Les colonnes laissées sur « ignorer » ne sont pas importées.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="172"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="172"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="173"/>
        <source>First values</source>
        <translation>Premières valeurs</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="176"/>
        <source>Load mapping…</source>
        <translation>Charger une correspondance…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="177"/>
        <source>Save mapping…</source>
        <translation>Enregistrer la correspondance…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="181"/>
        <source>Choose the column that holds the inventory number: every record needs one.</source>
        <translation>Choisissez la colonne qui contient le numéro d&apos;inventaire&#xa0;: chaque fiche en a besoin.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="206"/>
        <source>— ignore —</source>
        <translation>— ignorer —</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="256"/>
        <source>Load a mapping</source>
        <translation>Charger une correspondance</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="257"/>
        <location filename="../../ui/exchange/import_wizard.py" line="266"/>
        <source>Mappings (*.json)</source>
        <translation>Correspondances (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="262"/>
        <source>Mapping not loaded</source>
        <translation>Correspondance non chargée</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="265"/>
        <source>Save the mapping</source>
        <translation>Enregistrer la correspondance</translation>
    </message>
</context>
<context>
    <name>MatchPreviewDialog</name>
    <message>
        <location filename="../../ui/images/match_dialog.py" line="24"/>
        <source>Attach images by file name</source>
        <translation>Joindre des images par nom de fichier</translation>
    </message>
    <message>
        <location filename="../../ui/images/match_dialog.py" line="31"/>
        <source>{matched} file(s) matched to a record, {ambiguous} ambiguous, {unmatched} unmatched. Only matched files are attached; the others are listed so you can rename them or attach them from their record.</source>
        <translation>{matched} fichier(s) associé(s) à une fiche, {ambiguous} ambigu(s), {unmatched} sans correspondance. Seuls les fichiers associés sont joints&#xa0;; les autres sont listés pour que vous puissiez les renommer ou les joindre depuis leur fiche.</translation>
    </message>
    <message>
        <location filename="../../ui/images/match_dialog.py" line="34"/>
        <source>Matched</source>
        <translation>Associés</translation>
    </message>
    <message>
        <location filename="../../ui/images/match_dialog.py" line="34"/>
        <source>Ambiguous</source>
        <translation>Ambigus</translation>
    </message>
    <message>
        <location filename="../../ui/images/match_dialog.py" line="35"/>
        <source>Unmatched</source>
        <translation>Sans correspondance</translation>
    </message>
    <message>
        <location filename="../../ui/images/match_dialog.py" line="44"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/images/match_dialog.py" line="44"/>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <location filename="../../ui/images/match_dialog.py" line="44"/>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../../ui/images/match_dialog.py" line="45"/>
        <source>View</source>
        <translation>Vue</translation>
    </message>
    <message>
        <location filename="../../ui/images/match_dialog.py" line="51"/>
        <source>Attach {n} matched file(s)</source>
        <translation>Joindre {n} fichier(s) associé(s)</translation>
    </message>
</context>
<context>
    <name>MeasurementRowsEditor</name>
    <message>
        <location filename="../../ui/form/editors.py" line="361"/>
        <source>Add a measurement</source>
        <translation>Ajouter une mesure</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="362"/>
        <source>Write the text from these rows</source>
        <translation>Rédiger le texte à partir de ces lignes</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="42"/>
        <source>Move objects</source>
        <translation>Déplacer des objets</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="45"/>
        <source>Type or scan an inventory number, then Enter</source>
        <translation>Tapez ou scannez un numéro d&apos;inventaire, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="67"/>
        <source>&amp;Move</source>
        <translation>&amp;Déplacer</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="71"/>
        <source>&amp;Number</source>
        <translation>&amp;Numéro</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="71"/>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="72"/>
        <source>&amp;To</source>
        <translation>&amp;Vers</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="72"/>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="73"/>
        <source>&amp;Date</source>
        <translation>Da&amp;te</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="73"/>
        <source>N&amp;ote</source>
        <translation>&amp;Remarque</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="107"/>
        <source>Destination: {path}</source>
        <translation>Destination&#xa0;: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="112"/>
        <source>{number} is already in the list.</source>
        <translation>{number} est déjà dans la liste.</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="114"/>
        <source>Added: {line}</source>
        <translation>Ajouté&#xa0;: {line}</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="134"/>
        <source>&amp;Move {n} object(s)</source>
        <translation>&amp;Déplacer {n} objet(s)</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="139"/>
        <source>Add the objects to move first.</source>
        <translation>Ajoutez d&apos;abord les objets à déplacer.</translation>
    </message>
    <message>
        <location filename="../../ui/locations/move_dialog.py" line="142"/>
        <source>Say where the objects go.</source>
        <translation>Indiquez où vont les objets.</translation>
    </message>
</context>
<context>
    <name>MovementsView</name>
    <message>
        <location filename="../../ui/form/movements_view.py" line="29"/>
        <source>{date}: {to} (from {origin}; {reason}, {user})</source>
        <translation>{date} : {to} (depuis {origin} ; {reason}, {user})</translation>
    </message>
    <message>
        <location filename="../../ui/form/movements_view.py" line="31"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>MuseumDialog</name>
    <message>
        <location filename="../../ui/museum_dialog.py" line="19"/>
        <source>Museum</source>
        <translation>Musée</translation>
    </message>
    <message>
        <location filename="../../ui/museum_dialog.py" line="22"/>
        <source>e.g. M0123 (given by the regional network)</source>
        <translation>p. ex. M0123 (attribué par le réseau régional)</translation>
    </message>
    <message>
        <location filename="../../ui/museum_dialog.py" line="27"/>
        <source>e.g. propriété de la commune</source>
        <translation>p. ex. propriété de la commune</translation>
    </message>
    <message>
        <location filename="../../ui/museum_dialog.py" line="36"/>
        <source>The code and name are the regional base&apos;s since the first sync.</source>
        <translation>Le code et le nom sont ceux de la base régionale depuis la première synchronisation.</translation>
    </message>
    <message>
        <location filename="../../ui/museum_dialog.py" line="38"/>
        <source>The code and name can be changed until the first sync with the regional base.</source>
        <translation>Le code et le nom peuvent être modifiés jusqu&apos;à la première synchronisation avec la base régionale.</translation>
    </message>
    <message>
        <location filename="../../ui/museum_dialog.py" line="40"/>
        <source>Museum &amp;code:</source>
        <translation>&amp;Code du musée&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/museum_dialog.py" line="41"/>
        <source>Museum &amp;name:</source>
        <translation>&amp;Nom du musée&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/museum_dialog.py" line="43"/>
        <source>In the museum&apos;s own words, changed at any time and sent to the regional base by the next sync: the owner of the collections goes into the Joconde export, the town and presentation onto the regional portal&apos;s page of the museum.</source>
        <translation>Avec les mots du musée, modifiables à tout moment et envoyés à la base régionale à la synchronisation suivante : le propriétaire des collections figure dans l&apos;export Joconde, la ville et la présentation sur la page du musée du portail régional.</translation>
    </message>
    <message>
        <location filename="../../ui/museum_dialog.py" line="46"/>
        <source>&amp;Owner of the collections:</source>
        <translation>&amp;Propriétaire des collections&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/museum_dialog.py" line="47"/>
        <source>&amp;Town:</source>
        <translation>&amp;Ville&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/museum_dialog.py" line="48"/>
        <source>&amp;Presentation:</source>
        <translation>Pré&amp;sentation&#xa0;:</translation>
    </message>
</context>
<context>
    <name>MuseumPage</name>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="85"/>
        <source>Your museum</source>
        <translation>Votre musée</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="86"/>
        <source>Which museum&apos;s collection does this catalogue hold?</source>
        <translation>La collection de quel musée ce catalogue contient-il&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="87"/>
        <source>A new catalogue for my museum</source>
        <translation>Un nouveau catalogue pour mon musée</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="88"/>
        <source>Muséofile &amp;code:</source>
        <translation>&amp;Code Muséofile&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="90"/>
        <source>e.g. M0123 (given by the regional network)</source>
        <translation>p. ex. M0123 (attribué par le réseau régional)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="91"/>
        <source>Museum &amp;name:</source>
        <translation>&amp;Nom du musée&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="93"/>
        <source>Join my museum on the regional base (its records come to this computer at the first sync)</source>
        <translation>Rejoindre mon musée sur la base régionale (ses fiches arrivent sur cet ordinateur à la première synchronisation)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="95"/>
        <source>Regional base &amp;address:</source>
        <translation>&amp;Adresse de la base régionale&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="97"/>
        <source>&amp;Token:</source>
        <translation>&amp;Jeton&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="99"/>
        <source>T&amp;est the connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="136"/>
        <source>Give the address (https://…) and the token.</source>
        <translation>Indiquez l&apos;adresse (https://…) et le jeton.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="139"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="156"/>
        <source>Connection failed: {error}</source>
        <translation>Échec de la connexion&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/museum_page.py" line="165"/>
        <source>Connected: museum {code} ({name}), user {user} ({role}).</source>
        <translation>Connecté&#xa0;: musée {code} ({name}), utilisateur {user} ({role}).</translation>
    </message>
</context>
<context>
    <name>NamePage</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="156"/>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="157"/>
        <source>Your name is written in each record&apos;s history beside your changes.</source>
        <translation>Votre nom est inscrit dans l&apos;historique de chaque fiche à côté de vos modifications.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="159"/>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="160"/>
        <source>Several people can share this computer&apos;s catalogue; each one sets their own name in the settings.</source>
        <translation>Plusieurs personnes peuvent partager le catalogue de cet ordinateur&#xa0;; chacune indique son nom dans les paramètres.</translation>
    </message>
</context>
<context>
    <name>ObjectForm</name>
    <message>
        <location filename="../../ui/object_form.py" line="152"/>
        <source>Identification</source>
        <translation>Identification</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="153"/>
        <source>Acquisition</source>
        <translation>Acquisition</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="154"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="155"/>
        <source>Physical description</source>
        <translation>Description matérielle</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="156"/>
        <source>Makers, dating and provenance</source>
        <translation>Auteurs, datation et provenance</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="157"/>
        <source>Legal status and register</source>
        <translation>Statut juridique et registre</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="158"/>
        <source>Documentation</source>
        <translation>Documentation</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="159"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="160"/>
        <source>Themes</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="161"/>
        <source>Observations and history</source>
        <translation>Observations et historique</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="185"/>
        <source>Years</source>
        <translation>Années</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="192"/>
        <source>Measurement rows</source>
        <translation>Lignes de mesures</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="227"/>
        <source>Next free number</source>
        <translation>Numéro libre suivant</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="229"/>
        <source>Fill in the number after the highest one used in this lot</source>
        <translation>Inscrire le numéro qui suit le plus élevé déjà utilisé dans ce lot</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="246"/>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="246"/>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="249"/>
        <source>Earliest year</source>
        <translation>Année de début</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="250"/>
        <source>Latest year</source>
        <translation>Année de fin</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="255"/>
        <source>read from the dating text; correct them if needed</source>
        <translation>déduites du texte de datation&#xa0;; corrigez-les si besoin</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="262"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="263"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="267"/>
        <source>Add what I typed to the &amp;vocabulary</source>
        <translation>Ajouter la saisie au &amp;vocabulaire</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="272"/>
        <source>Go to {section}</source>
        <translation>Aller à la section {section}</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="418"/>
        <source>New record</source>
        <translation>Nouvelle fiche</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="424"/>
        <source>&lt;b&gt;Deaccessioned&lt;/b&gt; on {date}: {reason}</source>
        <translation>&lt;b&gt;Radiée&lt;/b&gt; le {date}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="428"/>
        <source>&lt;b&gt;In the trash&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dans la corbeille&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="487"/>
        <source>The text is not understood as measurements: it is kept exactly as entered and flagged for review. Enter the rows by hand if you wish.</source>
        <translation>Le texte n&apos;est pas reconnu comme des mesures&#xa0;: il est conservé tel quel et signalé pour vérification. Saisissez les lignes à la main si vous le souhaitez.</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="498"/>
        <source>No vocabulary here</source>
        <translation>Pas de vocabulaire ici</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="499"/>
        <source>Put the cursor in a field that offers a vocabulary (object name, materials, techniques, authors, place of origin, dating) and type the new term first.</source>
        <translation>Placez d&apos;abord le curseur dans un champ doté d&apos;un vocabulaire (dénomination, matériaux, techniques, auteurs, lieu d&apos;origine, datation) et saisissez le nouveau terme.</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="508"/>
        <source>Term not added</source>
        <translation>Terme non ajouté</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="511"/>
        <source>Now offered in the {vocabulary} list: {terms}.</source>
        <translation>Désormais proposé dans la liste des {vocabulary}&#xa0;: {terms}.</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="531"/>
        <source>No lot to follow</source>
        <translation>Aucun lot indiqué</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="532"/>
        <source>Type the lot first (for example 2004.12.), then ask for its next free number.</source>
        <translation>Saisissez d&apos;abord le lot (par exemple 2004.12.), puis demandez son numéro libre suivant.</translation>
    </message>
    <message>
        <location filename="../../ui/object_form.py" line="543"/>
        <source>next free: {number}</source>
        <translation>prochain libre&#xa0;: {number}</translation>
    </message>
</context>
<context>
    <name>ObjectListModel</name>
    <message>
        <location filename="../../ui/object_list_model.py" line="47"/>
        <source>Inventory no.</source>
        <translation>N° d&apos;inventaire</translation>
    </message>
    <message>
        <location filename="../../ui/object_list_model.py" line="49"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/object_list_model.py" line="50"/>
        <source>Authors</source>
        <translation>Auteurs</translation>
    </message>
    <message>
        <location filename="../../ui/object_list_model.py" line="51"/>
        <source>Dating</source>
        <translation>Datation</translation>
    </message>
    <message>
        <location filename="../../ui/object_list_model.py" line="52"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../../ui/object_list_model.py" line="55"/>
        <source>Condition</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/object_list_model.py" line="93"/>
        <source>Deaccessioned: kept in the register</source>
        <translation>Radiée&#xa0;: maintenue au registre</translation>
    </message>
</context>
<context>
    <name>ProblemTable</name>
    <message>
        <location filename="../../ui/exchange/problem_table.py" line="37"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/problem_table.py" line="37"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/problem_table.py" line="37"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/problem_table.py" line="38"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/problem_table.py" line="38"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/problem_table.py" line="52"/>
        <source>Export the problems…</source>
        <translation>Exporter les problèmes…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/problem_table.py" line="67"/>
        <source>Ignored columns: {columns}</source>
        <translation>Colonnes ignorées&#xa0;: {columns}</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/problem_table.py" line="70"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/problem_table.py" line="70"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/problem_table.py" line="92"/>
        <source>Export the problems</source>
        <translation>Exporter les problèmes</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/problem_table.py" line="94"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/problem_table.py" line="100"/>
        <source>Problems not exported</source>
        <translation>Problèmes non exportés</translation>
    </message>
</context>
<context>
    <name>RadiationDialog</name>
    <message>
        <location filename="../../ui/form/radiation_dialog.py" line="25"/>
        <source>Deaccession {number}</source>
        <translation>Radier {number}</translation>
    </message>
    <message>
        <location filename="../../ui/form/radiation_dialog.py" line="27"/>
        <source>The record stays in the inventory register, marked as deaccessioned with its legal case, the date and the decision (its reference and date, the committee&apos;s opinion).</source>
        <translation>La fiche reste au registre d&apos;inventaire, marquée comme radiée, avec son motif légal, la date et la décision (sa référence et sa date, l&apos;avis de la commission).</translation>
    </message>
    <message>
        <location filename="../../ui/form/radiation_dialog.py" line="32"/>
        <source>(choose the legal case)</source>
        <translation>(choisir le motif légal)</translation>
    </message>
    <message>
        <location filename="../../ui/form/radiation_dialog.py" line="41"/>
        <source>&amp;Deaccession</source>
        <translation>&amp;Radier</translation>
    </message>
    <message>
        <location filename="../../ui/form/radiation_dialog.py" line="45"/>
        <source>&amp;Legal case</source>
        <translation>&amp;Motif légal</translation>
    </message>
    <message>
        <location filename="../../ui/form/radiation_dialog.py" line="46"/>
        <source>D&amp;ate</source>
        <translation>D&amp;ate</translation>
    </message>
    <message>
        <location filename="../../ui/form/radiation_dialog.py" line="47"/>
        <source>De&amp;cision</source>
        <translation>Dé&amp;cision</translation>
    </message>
</context>
<context>
    <name>RecolementActions</name>
    <message>
        <location filename="../../ui/recolement/window_actions.py" line="23"/>
        <source>Ré&amp;colement</source>
        <translation>Ré&amp;colement</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/window_actions.py" line="24"/>
        <source>&amp;Check at the shelf…</source>
        <translation>&amp;Récoler en réserve…</translation>
    </message>
</context>
<context>
    <name>RecolementChecksView</name>
    <message>
        <location filename="../../ui/form/register_editors.py" line="75"/>
        <source>found</source>
        <translation>trouvé</translation>
    </message>
    <message>
        <location filename="../../ui/form/register_editors.py" line="75"/>
        <source>not found</source>
        <translation>non trouvé</translation>
    </message>
    <message>
        <location filename="../../ui/form/register_editors.py" line="80"/>
        <source>{date}: {result} ({details})</source>
        <translation>{date}&#xa0;: {result} ({details})</translation>
    </message>
</context>
<context>
    <name>RecolementWindow</name>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="96"/>
        <location filename="../../ui/recolement/check_window.py" line="413"/>
        <source>Récolement</source>
        <translation>Récolement</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="102"/>
        <source>&amp;New campaign…</source>
        <translation>&amp;Nouvelle campagne…</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="104"/>
        <source>C&amp;lose the campaign…</source>
        <translation>C&amp;lore la campagne…</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="106"/>
        <source>&amp;Procès-verbal…</source>
        <translation>&amp;Procès-verbal…</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="108"/>
        <source>Object &amp;without a number…</source>
        <translation>Objet &amp;sans numéro…</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="112"/>
        <source>Campaign:</source>
        <translation>Campagne&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="121"/>
        <source>Inventory number: type or scan it, then Enter</source>
        <translation>Numéro d&apos;inventaire&#xa0;: saisissez-le ou scannez-le, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="148"/>
        <source>&lt;b&gt;Enter&lt;/b&gt; or &lt;b&gt;F&lt;/b&gt;: found — &lt;b&gt;N&lt;/b&gt;: not found — &lt;b&gt;1&lt;/b&gt; to &lt;b&gt;4&lt;/b&gt;: state — &lt;b&gt;Tab&lt;/b&gt;: details — &lt;b&gt;Escape&lt;/b&gt;: another number</source>
        <translation>&lt;b&gt;Entrée&lt;/b&gt; ou &lt;b&gt;F&lt;/b&gt;&#xa0;: trouvé — &lt;b&gt;N&lt;/b&gt;&#xa0;: non trouvé — &lt;b&gt;1&lt;/b&gt; à &lt;b&gt;4&lt;/b&gt;&#xa0;: état — &lt;b&gt;Tab&lt;/b&gt;&#xa0;: détails — &lt;b&gt;Échap&lt;/b&gt;&#xa0;: autre numéro</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="155"/>
        <source>Conforms to the inventory entry</source>
        <translation>Conforme à l&apos;inscription</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="156"/>
        <source>Differs from the inventory entry</source>
        <translation>Non conforme à l&apos;inscription</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="163"/>
        <location filename="../../ui/recolement/check_window.py" line="224"/>
        <source>(not said)</source>
        <translation>(non précisé)</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="164"/>
        <source>Number marked on the object</source>
        <translation>Numéro marqué sur l&apos;objet</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="165"/>
        <source>Not marked</source>
        <translation>Non marqué</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="169"/>
        <source>Where the object is; change it if it is not where the record says (a movement is recorded)</source>
        <translation>Où se trouve l&apos;objet&#xa0;; modifiez-la s&apos;il n&apos;est pas là où la fiche l&apos;indique (un mouvement est enregistré)</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="175"/>
        <source>Add a p&amp;hoto…</source>
        <translation>Ajouter une p&amp;hoto…</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="182"/>
        <source>Conformity:</source>
        <translation>Conformité&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="183"/>
        <source>Differences:</source>
        <translation>Différences&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="184"/>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="185"/>
        <source>Marking:</source>
        <translation>Marquage&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="186"/>
        <source>Location:</source>
        <translation>Localisation&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="187"/>
        <source>Note:</source>
        <translation>Note&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="188"/>
        <source>Photos:</source>
        <translation>Photos&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="189"/>
        <source>Found (F)</source>
        <translation>Trouvé (F)</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="192"/>
        <source>Not found (N)</source>
        <translation>Non trouvé (N)</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="237"/>
        <source> (closed)</source>
        <translation> (close)</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="259"/>
        <source>Start a campaign to check objects (New campaign…).</source>
        <translation>Ouvrez une campagne pour récoler des objets (Nouvelle campagne…).</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="278"/>
        <source>Here ({location}): {tally}</source>
        <translation>Ici ({location})&#xa0;: {tally}</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="283"/>
        <source>{checked} of {total} checked — {found} found, {missing} not found, {left} left</source>
        <translation>{checked} sur {total} récolés — {found} trouvés, {missing} non trouvés, {left} restants</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="289"/>
        <location filename="../../ui/recolement/check_window.py" line="297"/>
        <source>Close the campaign</source>
        <translation>Clore la campagne</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="290"/>
        <source>Close the campaign «{name}»? Every object still not found becomes missing (it stays in the register, and a later find brings it back).</source>
        <translation>Clore la campagne «&#xa0;{name}&#xa0;»&#xa0;? Tout objet encore non trouvé devient manquant (il reste au registre, et il redevient présent s&apos;il est retrouvé plus tard).</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="300"/>
        <source>Campaign closed: {count} object(s) now missing.</source>
        <translation>Campagne close&#xa0;: {count} objet(s) désormais manquant(s).</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="308"/>
        <source>Procès-verbal</source>
        <translation>Procès-verbal</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="309"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="314"/>
        <source>Procès-verbal written to {path}.</source>
        <translation>Procès-verbal enregistré dans {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="321"/>
        <source>Object without a number</source>
        <translation>Objet sans numéro</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="322"/>
        <source>What is it, and where was it found?</source>
        <translation>Qu&apos;est-ce, et où a-t-il été trouvé&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="323"/>
        <source>Numbered {number}, not in the catalogue</source>
        <translation>Numéroté {number}, absent du catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="326"/>
        <source>Object without a number noted.</source>
        <translation>Objet sans numéro noté.</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="337"/>
        <source>{problem} Ctrl+U notes it as an object not in the catalogue.</source>
        <translation>{problem} Ctrl+U le note comme objet absent du catalogue.</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="348"/>
        <source> Recorded as missing.</source>
        <translation> Porté manquant.</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="349"/>
        <source>Location: {location}.</source>
        <translation>Localisation&#xa0;: {location}.</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="350"/>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="362"/>
        <source>No image</source>
        <translation>Pas d&apos;image</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="417"/>
        <source>{number}: found.</source>
        <translation>{number}&#xa0;: trouvé.</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="418"/>
        <source>{number}: not found.</source>
        <translation>{number}&#xa0;: non trouvé.</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="423"/>
        <source>Photos of the object</source>
        <translation>Photos de l&apos;objet</translation>
    </message>
    <message>
        <location filename="../../ui/recolement/check_window.py" line="436"/>
        <source>{count} photo(s)</source>
        <translation>{count} photo(s)</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <location filename="../../ui/form/record_actions.py" line="36"/>
        <source>D&amp;uplicate as template</source>
        <translation>&amp;Dupliquer comme modèle</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="38"/>
        <source>&amp;Batch edit the selection…</source>
        <translation>&amp;Modifier la sélection par lot…</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="40"/>
        <source>Rect&amp;ify…</source>
        <translation>Rect&amp;ifier…</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="42"/>
        <source>De&amp;accession…</source>
        <translation>&amp;Radier de l&apos;inventaire…</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="44"/>
        <source>Show the tras&amp;h…</source>
        <translation>Afficher la &amp;corbeille…</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="50"/>
        <source>Undo the last &amp;batch edit</source>
        <translation>Annuler la dernière &amp;modification par lot</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="101"/>
        <source>New record copied from {number}: give it its own inventory number.</source>
        <translation>Nouvelle fiche copiée depuis {number}&#xa0;: donnez-lui son propre numéro d&apos;inventaire.</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="102"/>
        <source>the form</source>
        <translation>la fiche affichée</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="108"/>
        <source>Nothing to edit</source>
        <translation>Aucune fiche à modifier</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="109"/>
        <source>Select the records to change in the list first (Shift or Ctrl with the arrows or the mouse).</source>
        <translation>Sélectionnez d&apos;abord dans la liste les fiches à modifier (Maj ou Ctrl avec les flèches ou la souris).</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="123"/>
        <source>Nothing changed</source>
        <translation>Aucune modification</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="129"/>
        <source>{n} records changed. Edit &gt; Undo the last batch edit takes it back.</source>
        <translation>{n} fiches modifiées. Édition &gt; Annuler la dernière modification par lot permet de revenir en arrière.</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="140"/>
        <source>Batch edit partly undone</source>
        <translation>Modification par lot annulée en partie</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="141"/>
        <source>These records were edited again after the batch and were left as they are: {numbers}.</source>
        <translation>Ces fiches ont été modifiées de nouveau après le lot et ont été laissées telles quelles&#xa0;: {numbers}.</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="148"/>
        <source>No record</source>
        <translation>Aucune fiche</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="149"/>
        <source>Open the record to deaccession first.</source>
        <translation>Ouvrez d&apos;abord la fiche à radier.</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="155"/>
        <source>Not in the register</source>
        <translation>Non inscrite au registre</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="156"/>
        <source>Record {number} has no register date: it is not in the inventory register, so it cannot be deaccessioned. Delete it instead (it goes to the trash).</source>
        <translation>La fiche {number} n&apos;a pas de date d&apos;inscription&#xa0;: elle n&apos;est pas inscrite au registre d&apos;inventaire et ne peut donc pas être radiée. Supprimez-la plutôt (elle ira dans la corbeille).</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="161"/>
        <source>Already deaccessioned</source>
        <translation>Déjà radiée</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="162"/>
        <source>Record {number} was deaccessioned on {date}.</source>
        <translation>La fiche {number} a été radiée le {date}.</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="171"/>
        <source>Not deaccessioned</source>
        <translation>Fiche non radiée</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="182"/>
        <source>Record {number} is inscribed in the register: it can never be deleted, only deaccessioned (Record &gt; Deaccession…).</source>
        <translation>La fiche {number} est inscrite au registre : elle ne peut jamais être supprimée, seulement radiée (Fiche &gt; Radier de l&apos;inventaire…).</translation>
    </message>
    <message>
        <location filename="../../ui/form/record_actions.py" line="200"/>
        <source>Not rectified</source>
        <translation>Rectification non faite</translation>
    </message>
</context>
<context>
    <name>RecordThemesEditor</name>
    <message>
        <location filename="../../ui/themes/record_themes.py" line="41"/>
        <source>Add a theme…</source>
        <translation>Ajouter un thème…</translation>
    </message>
    <message>
        <location filename="../../ui/themes/record_themes.py" line="42"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/themes/record_themes.py" line="75"/>
        <source>Add a theme</source>
        <translation>Ajouter un thème</translation>
    </message>
    <message>
        <location filename="../../ui/themes/record_themes.py" line="75"/>
        <source>Theme:</source>
        <translation>Thème&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RectificationsView</name>
    <message>
        <location filename="../../ui/form/register_editors.py" line="66"/>
        <source>{date}, {field}: «{old}» → «{new}» ({reason}; {user})</source>
        <translation>{date}, {field} : « {old} » → « {new} » ({reason} ; {user})</translation>
    </message>
</context>
<context>
    <name>RectifyDialog</name>
    <message>
        <location filename="../../ui/form/rectify_dialog.py" line="29"/>
        <source>Rectify {number}</source>
        <translation>Rectifier {number}</translation>
    </message>
    <message>
        <location filename="../../ui/form/rectify_dialog.py" line="32"/>
        <source>Record {number} is inscribed in the register: a column already written changes only by a dated rectification, kept with the record and printed in the register&apos;s observations.</source>
        <translation>La fiche {number} est inscrite au registre : une colonne déjà écrite ne change que par une rectification datée, conservée avec la fiche et imprimée dans les observations du registre.</translation>
    </message>
    <message>
        <location filename="../../ui/form/rectify_dialog.py" line="55"/>
        <source>&amp;Rectify</source>
        <translation>&amp;Rectifier</translation>
    </message>
    <message>
        <location filename="../../ui/form/rectify_dialog.py" line="59"/>
        <source>&amp;Column</source>
        <translation>&amp;Colonne</translation>
    </message>
    <message>
        <location filename="../../ui/form/rectify_dialog.py" line="60"/>
        <source>Now reads</source>
        <translation>Valeur actuelle</translation>
    </message>
    <message>
        <location filename="../../ui/form/rectify_dialog.py" line="61"/>
        <source>&amp;New value</source>
        <translation>&amp;Nouvelle valeur</translation>
    </message>
    <message>
        <location filename="../../ui/form/rectify_dialog.py" line="62"/>
        <source>R&amp;eason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <location filename="../../ui/form/rectify_dialog.py" line="71"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../ui/form/register_view.py" line="39"/>
        <source>Set once the record has a register date (or came from an existing inventory); never cleared.</source>
        <translation>Coché dès que la fiche a une date d&apos;inscription (ou vient d&apos;un inventaire existant) ; jamais décoché.</translation>
    </message>
    <message>
        <location filename="../../ui/form/register_view.py" line="61"/>
        <source>Inscribed in the register: changed only by Record &gt; Rectify…, with a reason.</source>
        <translation>Inscrite au registre : ne change que par Fiche &gt; Rectifier…, avec un motif.</translation>
    </message>
    <message>
        <location filename="../../ui/form/register_view.py" line="74"/>
        <source>&lt;b&gt;Inscribed in the register&lt;/b&gt;: its number, register date and acquisition columns change by Record &gt; Rectify…</source>
        <translation>&lt;b&gt;Inscrite au registre&lt;/b&gt; : son numéro, sa date d&apos;inscription et ses colonnes d&apos;acquisition changent par Fiche &gt; Rectifier…</translation>
    </message>
    <message>
        <location filename="../../ui/form/register_view.py" line="80"/>
        <source>Register columns still to fill in: {columns}</source>
        <translation>Colonnes du registre à compléter : {columns}</translation>
    </message>
    <message>
        <location filename="../../ui/form/register_view.py" line="84"/>
        <source>&lt;b&gt;Deposit term passed&lt;/b&gt; ({term}): renew the deposit or return it.</source>
        <translation>&lt;b&gt;Échéance du dépôt dépassée&lt;/b&gt; ({term}) : renouveler le dépôt ou le rendre.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/backups/restore.py" line="41"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../ui/backups/restore.py" line="44"/>
        <source>The backup replaces the whole catalogue; the current one is kept as a safety copy beside it. Choose a backup:</source>
        <translation>La sauvegarde remplace tout le catalogue&#xa0;; l&apos;actuel est gardé à côté en copie de sécurité. Choisissez une sauvegarde&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/backups/restore.py" line="52"/>
        <source>&amp;Another backup…</source>
        <translation>&amp;Autre sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../ui/backups/restore.py" line="54"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <location filename="../../ui/backups/restore.py" line="65"/>
        <source>{when} — {records} records, {images} images</source>
        <translation>{when} — {records} fiches, {images} images</translation>
    </message>
    <message>
        <location filename="../../ui/backups/restore.py" line="74"/>
        <source>A backup</source>
        <translation>Une sauvegarde</translation>
    </message>
</context>
<context>
    <name>Restorer</name>
    <message>
        <location filename="../../ui/backups/restore.py" line="102"/>
        <location filename="../../ui/backups/restore.py" line="105"/>
        <location filename="../../ui/backups/restore.py" line="113"/>
        <location filename="../../ui/backups/restore.py" line="140"/>
        <location filename="../../ui/backups/restore.py" line="147"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../ui/backups/restore.py" line="103"/>
        <source>A sync or a backup is under way: restore once it has finished.</source>
        <translation>Une synchronisation ou une sauvegarde est en cours&#xa0;: restaurez une fois qu&apos;elle est terminée.</translation>
    </message>
    <message>
        <location filename="../../ui/backups/restore.py" line="106"/>
        <source>Replace the whole catalogue with the backup {backup}? The current catalogue is kept as a safety copy beside it.</source>
        <translation>Remplacer tout le catalogue par la sauvegarde {backup}&#xa0;? Le catalogue actuel est gardé à côté en copie de sécurité.</translation>
    </message>
    <message>
        <location filename="../../ui/backups/restore.py" line="112"/>
        <source>Checking and restoring the backup…</source>
        <translation>Vérification et restauration de la sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../ui/backups/restore.py" line="142"/>
        <source>Restored {records} records and {images} images.</source>
        <translation>{records} fiches et {images} images restaurées.</translation>
    </message>
    <message>
        <location filename="../../ui/backups/restore.py" line="145"/>
        <source>The catalogue it replaced was kept as {path}.</source>
        <translation>Le catalogue remplacé a été gardé sous {path}.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="280"/>
        <source>Check the file</source>
        <translation>Vérifier le fichier</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="280"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="282"/>
        <source>Nothing is imported yet: every problem is listed. Errors must be fixed in the file; warnings only flag values kept as text.</source>
        <translation>Rien n&apos;est encore importé&#xa0;: tous les problèmes sont listés. Les erreurs doivent être corrigées dans le fichier&#xa0;; les avertissements signalent seulement des valeurs conservées sous forme de texte.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="284"/>
        <source>The import is one transaction: it lands whole, or not at all.</source>
        <translation>L&apos;import se fait d&apos;un seul bloc&#xa0;: tout est importé, ou rien.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="285"/>
        <source>Update the records whose inventory number is already in the catalogue</source>
        <translation>Mettre à jour les fiches dont le numéro d&apos;inventaire figure déjà dans le catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="290"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="319"/>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_wizard.py" line="362"/>
        <source>The import failed; nothing was imported: {error}</source>
        <translation>L&apos;import a échoué&#xa0;; rien n&apos;a été importé&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>SetAsideDialog</name>
    <message>
        <location filename="../../ui/sync/set_aside_dialog.py" line="17"/>
        <source>Records set aside</source>
        <translation>Fiches mises de côté</translation>
    </message>
    <message>
        <location filename="../../ui/sync/set_aside_dialog.py" line="20"/>
        <source>These records from the regional base could not be stored on this computer. The others were synced; every sync tries these again.</source>
        <translation>Ces fiches de la base régionale n&apos;ont pas pu être enregistrées sur ce poste. Les autres ont été synchronisées ; chaque synchronisation réessaie celles-ci.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/set_aside_dialog.py" line="22"/>
        <source>No record from the regional base is set aside.</source>
        <translation>Aucune fiche de la base régionale n&apos;est mise de côté.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/set_aside_dialog.py" line="24"/>
        <source>Inventory number</source>
        <translation>Numéro d&apos;inventaire</translation>
    </message>
    <message>
        <location filename="../../ui/sync/set_aside_dialog.py" line="24"/>
        <source>Set aside on</source>
        <translation>Mise de côté le</translation>
    </message>
    <message>
        <location filename="../../ui/sync/set_aside_dialog.py" line="24"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="29"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>You, on this computer</source>
        <translation>Vous, sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="42"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="43"/>
        <source>A new language applies the next time the app starts.</source>
        <translation>Le changement de langue prend effet au prochain démarrage de l&apos;application.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="44"/>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45"/>
        <source>Written in each record&apos;s history beside your changes.</source>
        <translation>Inscrit dans l&apos;historique de chaque fiche à côté de vos modifications.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="52"/>
        <source>Restore the default</source>
        <translation>Rétablir le modèle par défaut</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="55"/>
        <source>This catalogue, for everyone who uses it</source>
        <translation>Ce catalogue, pour tous ceux qui l&apos;utilisent</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="58"/>
        <source>The form of the museum&apos;s inventory numbers, as a regular expression on one number (a number that does not follow it is only warned about).</source>
        <translation>La forme des numéros d&apos;inventaire du musée, en expression régulière sur un numéro (un numéro qui ne la suit pas fait seulement l&apos;objet d&apos;un avertissement).</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="60"/>
        <source>Inventory number &amp;pattern:</source>
        <translation>&amp;Modèle de numéro d&apos;inventaire&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="61"/>
        <source>&amp;Described as:</source>
        <translation>&amp;Décrit ainsi&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/keyboard/shortcuts_dialog.py" line="32"/>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard/shortcuts_dialog.py" line="62"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard/shortcuts_dialog.py" line="65"/>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard/shortcuts_dialog.py" line="65"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/keyboard/shortcuts_dialog.py" line="66"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="192"/>
        <source>How to begin</source>
        <translation>Pour commencer</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="193"/>
        <source>Choose how the catalogue opens.</source>
        <translation>Choisissez comment le catalogue s&apos;ouvre.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="195"/>
        <source>&amp;Start with an empty catalogue</source>
        <translation>&amp;Commencer avec un catalogue vide</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="196"/>
        <source>Describe a first object with Record &gt; New record (Ctrl+N).</source>
        <translation>Décrivez un premier objet avec Fiche &gt; Nouvelle fiche (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="197"/>
        <source>&amp;Import a spreadsheet</source>
        <translation>&amp;Importer un tableur</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="198"/>
        <source>An inventory kept in Excel, LibreOffice or CSV: the import wizard opens, checks every row and imports nothing before you agree.</source>
        <translation>Un inventaire tenu dans Excel, LibreOffice ou en CSV&#xa0;: l&apos;assistant d&apos;import s&apos;ouvre, vérifie chaque ligne et n&apos;importe rien sans votre accord.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="201"/>
        <source>Open the &amp;demo</source>
        <translation>Ouvrir la &amp;démonstration</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="202"/>
        <source>A separate catalogue of sample objects and images, to try everything without touching yours; your catalogue opens at the next start.</source>
        <translation>Un catalogue à part, d&apos;objets et d&apos;images d&apos;exemple, pour tout essayer sans toucher au vôtre&#xa0;; votre catalogue s&apos;ouvrira au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="54"/>
        <location filename="../../ui/sync/window_actions.py" line="121"/>
        <source>Sync problem</source>
        <translation>Problème de synchronisation</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="62"/>
        <source>Sync again</source>
        <translation>Synchroniser à nouveau</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="63"/>
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="65"/>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="69"/>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisation</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="70"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="72"/>
        <source>&amp;Cancel sync</source>
        <translation>&amp;Annuler la synchronisation</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="75"/>
        <source>C&amp;onflicts…</source>
        <translation>&amp;Conflits…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="76"/>
        <source>Records set &amp;aside…</source>
        <translation>Fiches mises de &amp;côté…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="77"/>
        <source>Sync se&amp;ttings…</source>
        <translation>&amp;Paramètres de synchronisation…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="101"/>
        <source>Last sync: {when}</source>
        <translation>Dernière synchronisation&#xa0;: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="102"/>
        <source>Never synced</source>
        <translation>Jamais synchronisé</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="103"/>
        <source>{n} change(s) to send</source>
        <translation>{n} modification(s) à envoyer</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="105"/>
        <source>{n} conflict(s)</source>
        <translation>{n} conflit(s)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="107"/>
        <source>{n} set aside</source>
        <translation>{n} mise(s) de côté</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="166"/>
        <source>Periodic sync needs the regional base&apos;s address and a token: set them in Sync settings.</source>
        <translation>La synchronisation périodique a besoin de l&apos;adresse de la base régionale et d&apos;un jeton&#xa0;: indiquez-les dans les paramètres de synchronisation.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="160"/>
        <source>Syncing with {url}…</source>
        <translation>Synchronisation avec {url}…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="174"/>
        <source>Syncing: {step}</source>
        <translation>Synchronisation&#xa0;: {step}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="185"/>
        <source>Sync done: {summary}</source>
        <translation>Synchronisation terminée&#xa0;: {summary}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="188"/>
        <source>The regional base refused {n} record(s): {first}</source>
        <translation>La base régionale a refusé {n} fiche(s)&#xa0;: {first}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="191"/>
        <source>{n} record(s) from the regional base were set aside (Sync &gt; Records set aside): {first}</source>
        <translation>{n} fiche(s) de la base régionale mise(s) de côté (Synchronisation &gt; Fiches mises de côté) : {first}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="242"/>
        <source>Sync settings</source>
        <translation>Paramètres de synchronisation</translation>
    </message>
    <message>
        <location filename="../../ui/sync/window_actions.py" line="243"/>
        <source>Give the regional base&apos;s address (https://…) and your token.</source>
        <translation>Indiquez l&apos;adresse de la base régionale (https://…) et votre jeton.</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <location filename="../../ui/sync/settings_dialog.py" line="31"/>
        <location filename="../../ui/sync/settings_dialog.py" line="78"/>
        <source>Sync settings</source>
        <translation>Paramètres de synchronisation</translation>
    </message>
    <message>
        <location filename="../../ui/sync/settings_dialog.py" line="37"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../ui/sync/settings_dialog.py" line="41"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location filename="../../ui/sync/settings_dialog.py" line="42"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/sync/settings_dialog.py" line="44"/>
        <source>Sync by itself this often, while you are not typing or clicking.</source>
        <translation>Synchroniser seul à cet intervalle, quand vous ne tapez ni ne cliquez.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/settings_dialog.py" line="49"/>
        <source>Regional base address:</source>
        <translation>Adresse de la base régionale&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/settings_dialog.py" line="51"/>
        <source>Token:</source>
        <translation>Jeton&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/settings_dialog.py" line="53"/>
        <source>Sync automatically every:</source>
        <translation>Synchroniser automatiquement toutes les&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/settings_dialog.py" line="95"/>
        <source>Give the address (https://…) and the token.</source>
        <translation>Indiquez l&apos;adresse (https://…) et le jeton.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/settings_dialog.py" line="98"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/settings_dialog.py" line="110"/>
        <source>Connected: museum {code} ({name}), user {user} ({role}).</source>
        <translation>Connecté&#xa0;: musée {code} ({name}), utilisateur {user} ({role}).</translation>
    </message>
    <message>
        <location filename="../../ui/sync/settings_dialog.py" line="117"/>
        <source>Connection failed: {error}</source>
        <translation>Échec de la connexion&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>ThemePanel</name>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="47"/>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="47"/>
        <source>Records</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="54"/>
        <source>Filter the list by these themes</source>
        <translation>Filtrer la liste par ces thèmes</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="55"/>
        <source>Show only records of the selected themes</source>
        <translation>N&apos;afficher que les fiches des thèmes sélectionnés</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="59"/>
        <source>Tag selected records</source>
        <translation>Associer les fiches sélectionnées</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="60"/>
        <source>Untag</source>
        <translation>Dissocier</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="61"/>
        <source>New local theme…</source>
        <translation>Nouveau thème local…</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="103"/>
        <source>Nothing to tag</source>
        <translation>Rien à associer</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="104"/>
        <source>Select one or more records in the list and a theme in the tree first.</source>
        <translation>Sélectionnez d&apos;abord une ou plusieurs fiches dans la liste et un thème dans l&apos;arborescence.</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="110"/>
        <source>Tags not changed</source>
        <translation>Thèmes non modifiés</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="112"/>
        <source>Tag {n} record(s) with {theme}</source>
        <translation>Associer {n} fiche(s) au thème {theme}</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="113"/>
        <source>Untag {n} record(s) from {theme}</source>
        <translation>Dissocier {n} fiche(s) du thème {theme}</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="119"/>
        <source>New local theme</source>
        <translation>Nouveau thème local</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="120"/>
        <source>Name of the theme (placed under the selected theme, if any):</source>
        <translation>Nom du thème (placé sous le thème sélectionné, s&apos;il y en a un)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="127"/>
        <source>Theme not added</source>
        <translation>Thème non ajouté</translation>
    </message>
    <message>
        <location filename="../../ui/themes/theme_panel.py" line="144"/>
        <source>Local theme of this museum</source>
        <translation>Thème local de ce musée</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../ui/form/trash_dialog.py" line="31"/>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <location filename="../../ui/form/trash_dialog.py" line="35"/>
        <source>Inventory number</source>
        <translation>Numéro d&apos;inventaire</translation>
    </message>
    <message>
        <location filename="../../ui/form/trash_dialog.py" line="37"/>
        <source>Moved to the trash</source>
        <translation>Mise à la corbeille</translation>
    </message>
    <message>
        <location filename="../../ui/form/trash_dialog.py" line="40"/>
        <source>The trash is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message>
        <location filename="../../ui/form/trash_dialog.py" line="41"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <location filename="../../ui/form/trash_dialog.py" line="42"/>
        <source>&amp;Empty the trash…</source>
        <translation>&amp;Vider la corbeille…</translation>
    </message>
    <message>
        <location filename="../../ui/form/trash_dialog.py" line="79"/>
        <source>Empty the trash</source>
        <translation>Vider la corbeille</translation>
    </message>
    <message>
        <location filename="../../ui/form/trash_dialog.py" line="80"/>
        <source>Delete the {n} record(s) in the trash for good? This cannot be undone.</source>
        <translation>Supprimer définitivement les {n} fiche(s) de la corbeille&#xa0;? Cette action est irréversible.</translation>
    </message>
</context>
<context>
    <name>Vocabularies</name>
    <message>
        <location filename="../../ui/form/completion.py" line="38"/>
        <source>object names</source>
        <translation>dénominations</translation>
    </message>
    <message>
        <location filename="../../ui/form/completion.py" line="39"/>
        <source>materials</source>
        <translation>matériaux</translation>
    </message>
    <message>
        <location filename="../../ui/form/completion.py" line="40"/>
        <source>techniques</source>
        <translation>techniques</translation>
    </message>
    <message>
        <location filename="../../ui/form/completion.py" line="41"/>
        <source>places</source>
        <translation>lieux</translation>
    </message>
    <message>
        <location filename="../../ui/form/completion.py" line="42"/>
        <source>people</source>
        <translation>personnes</translation>
    </message>
    <message>
        <location filename="../../ui/form/completion.py" line="43"/>
        <source>periods</source>
        <translation>périodes</translation>
    </message>
</context>
<context>
    <name>_MeasurementRow</name>
    <message>
        <location filename="../../ui/form/editors.py" line="288"/>
        <source>Kind of measurement</source>
        <translation>Type de mesure</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="292"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="294"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="296"/>
        <source>note (e.g. with the base)</source>
        <translation>précision (p. ex. avec le socle)</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="297"/>
        <source>Note</source>
        <translation>Précision</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="298"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/form/editors.py" line="299"/>
        <source>Remove this measurement</source>
        <translation>Retirer cette mesure</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="42"/>
        <source>Cannot open the catalogue</source>
        <translation>Impossible d&apos;ouvrir le catalogue</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ui/demo_dialog.py" line="16"/>
        <location filename="../../ui/demo_dialog.py" line="24"/>
        <source>Demo catalogue</source>
        <translation>Catalogue de démonstration</translation>
    </message>
    <message>
        <location filename="../../ui/demo_dialog.py" line="17"/>
        <source>Creating the demo catalogue with sample objects and images…</source>
        <translation>Création du catalogue de démonstration avec des objets et des images d&apos;exemple…</translation>
    </message>
    <message>
        <location filename="../../ui/demo_dialog.py" line="25"/>
        <source>The demo catalogue could not be created: {error}</source>
        <translation>Le catalogue de démonstration n&apos;a pas pu être créé&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>failures</name>
    <message>
        <location filename="../../ui/failures.py" line="55"/>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
</context>
<context>
    <name>images</name>
    <message>
        <location filename="../../ui/images/labels.py" line="39"/>
        <source>GPS {lat:.5f}, {lon:.5f}</source>
        <translation>GPS {lat:.5f}, {lon:.5f}</translation>
    </message>
    <message>
        <location filename="../../ui/images/labels.py" line="46"/>
        <source>Note: {note}</source>
        <translation>Note&#xa0;: {note}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/messages.py" line="86"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="87"/>
        <source>This record has unsaved changes. Save them?</source>
        <translation>Cette fiche comporte des modifications non enregistrées. Les enregistrer&#xa0;?</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../../ui/operations.py" line="123"/>
        <source>A task failed</source>
        <translation>Une tâche a échoué</translation>
    </message>
</context>
<context>
    <name>prompts</name>
    <message>
        <location filename="../../ui/form/prompts.py" line="17"/>
        <source>record {number}</source>
        <translation>la fiche {number}</translation>
    </message>
    <message>
        <location filename="../../ui/form/prompts.py" line="21"/>
        <source>a new record</source>
        <translation>une nouvelle fiche</translation>
    </message>
    <message>
        <location filename="../../ui/form/prompts.py" line="23"/>
        <source>Unsaved changes to {what} were kept on {when} (by {user}), when the application was closed without saving (perhaps after a crash).

Restore them in the form? Choosing No throws them away.</source>
        <translation>Des modifications non enregistrées ont été conservées pour {what} le {when} (par {user}), lorsque l&apos;application a été fermée sans enregistrer (peut-être après un plantage).

Les restaurer dans la fiche&#xa0;? Choisir Non les abandonne.</translation>
    </message>
    <message>
        <location filename="../../ui/form/prompts.py" line="31"/>
        <source>Restore unsaved changes</source>
        <translation>Restaurer les modifications non enregistrées</translation>
    </message>
</context>
</TS>
