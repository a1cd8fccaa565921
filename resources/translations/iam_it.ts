<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
  <context>
    <name>AboutBox</name>
    <message>
      <location filename="../../iam_desktop/ui/dialogs.py" line="127" />
      <source>About I.Am Desk</source>
      <translation>Informazioni su I.Am Desk</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/dialogs.py" line="131" />
      <source>The case tool of the I.Am network (Integrazione, Autonomia e Mobilità) of the Sportelli del Territorio. Data is encrypted on this computer.</source>
      <translation>Lo strumento per i casi della rete I.Am (Integrazione, Autonomia e Mobilità) degli Sportelli del Territorio. I dati sono cifrati su questo computer.</translation>
    </message>
  </context>
  <context>
    <name>CaseTableModel</name>
    <message>
      <location filename="../../iam_desktop/ui/views/cases.py" line="88" />
      <source>Family name</source>
      <translation>Cognome</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/cases.py" line="88" />
      <source>Given names</source>
      <translation>Nomi</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/cases.py" line="88" />
      <source>Codice fiscale</source>
      <translation>Codice fiscale</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/cases.py" line="88" />
      <source>Phone</source>
      <translation>Telefono</translation>
    </message>
  </context>
  <context>
    <name>CasesView</name>
    <message>
      <location filename="../../iam_desktop/ui/views/cases.py" line="113" />
      <source>No cases yet</source>
      <translation>Ancora nessun caso</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/cases.py" line="115" />
      <source>The people this desk accompanies will be listed here. Start with “New intake” when you meet someone for the first time.</source>
      <translation>Qui compariranno le persone accompagnate da questo sportello. Inizia da «Nuova presa in carico» quando incontri una persona per la prima volta.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/cases.py" line="147" />
      <source>Cases</source>
      <translation>Casi</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/cases.py" line="148" />
      <source>New intake (short form)</source>
      <translation>Nuova presa in carico (modulo breve)</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/cases.py" line="159" />
      <source>{0} cases</source>
      <translation>{0} casi</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/cases.py" line="159" />
      <source>1 case</source>
      <translation>1 caso</translation>
    </message>
  </context>
  <context>
    <name>CoordinatorPage</name>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="118" />
      <source>The first coordinator</source>
      <translation>Il primo coordinatore</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="120" />
      <source>The coordinator manages the desk's operators and settings. Choose a passphrase you can remember.</source>
      <translation>Il coordinatore gestisce gli operatori e le impostazioni dello sportello. Scegli una passphrase che riesci a ricordare.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="122" />
      <source>&amp;User name:</source>
      <translation>Nome &amp;utente:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="123" />
      <source>e.g. m.rossi</source>
      <translation>es. m.rossi</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="124" />
      <source>&amp;Full name:</source>
      <translation>Nome &amp;completo:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="125" />
      <source>Create the desk</source>
      <translation>Crea lo sportello</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="139" />
      <source>Use letters, digits, dots, hyphens or underscores, without spaces.</source>
      <translation>Usa lettere, cifre, punti, trattini o trattini bassi, senza spazi.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="142" />
      <source>Enter the coordinator's full name.</source>
      <translation>Inserisci il nome completo del coordinatore.</translation>
    </message>
  </context>
  <context>
    <name>CreationPage</name>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="168" />
      <source>Creating the desk</source>
      <translation>Creazione dello sportello</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="170" />
      <source>Creating the encrypted vault and the keys…</source>
      <translation>Creazione dell'archivio cifrato e delle chiavi…</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="170" />
      <source>The desk is ready.</source>
      <translation>Lo sportello è pronto.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="191" />
      <source>The desk could not be created. Go back, correct and try again.</source>
      <translation>Non è stato possibile creare lo sportello. Torna indietro, correggi e riprova.</translation>
    </message>
  </context>
  <context>
    <name>DeskProfilePage</name>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="69" />
      <source>Your desk</source>
      <translation>Il tuo sportello</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="70" />
      <source>Welcome to I.Am Desk. First, tell us which desk this computer belongs to.</source>
      <translation>Benvenuto in I.Am Desk. Per prima cosa, indica a quale sportello appartiene questo computer.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="71" />
      <source>Desk &amp;name:</source>
      <translation>&amp;Nome dello sportello:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="72" />
      <source>e.g. Sportello Val Trompia</source>
      <translation>es. Sportello Val Trompia</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="73" />
      <source>&amp;Territory:</source>
      <translation>&amp;Territorio:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="85" />
      <source>Enter the desk's name.</source>
      <translation>Inserisci il nome dello sportello.</translation>
    </message>
  </context>
  <context>
    <name>ErrorDialog</name>
    <message>
      <location filename="../../iam_desktop/ui/errors.py" line="40" />
      <source>Something went wrong and the operation was not completed. If it happens again, tell your coordinator.</source>
      <translation>Qualcosa non ha funzionato e l'operazione non è stata completata. Se succede di nuovo, avvisa il tuo coordinatore.</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="287" />
      <source>I.Am Desk — set-up</source>
      <translation>I.Am Desk — configurazione</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="288" />
      <source>&amp;Next &gt;</source>
      <translation>&amp;Avanti &gt;</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="289" />
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Indietro</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="290" />
      <source>&amp;Finish</source>
      <translation>&amp;Fine</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="291" />
      <source>Cancel</source>
      <translation>Annulla</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="343" />
      <source>recovery-key.pdf</source>
      <translation>chiave-di-recupero.pdf</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="345" />
      <source>Save recovery sheet</source>
      <translation>Salva il foglio di recupero</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="345" />
      <source>PDF documents (*.pdf)</source>
      <translation>Documenti PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="354" />
      <source>Saved: {0}</source>
      <translation>Salvato: {0}</translation>
    </message>
  </context>
  <context>
    <name>LockScreen</name>
    <message>
      <location filename="../../iam_desktop/ui/lock_screen.py" line="128" />
      <source>&amp;Operator:</source>
      <translation>&amp;Operatore:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/lock_screen.py" line="129" />
      <source>&amp;Passphrase:</source>
      <translation>&amp;Passphrase:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/lock_screen.py" line="130" />
      <source>Unlock</source>
      <translation>Sblocca</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/lock_screen.py" line="131" />
      <source>Forgot your passphrase?</source>
      <translation>Passphrase dimenticata?</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/lock_screen.py" line="134" />
      <location filename="../../iam_desktop/ui/lock_screen.py" line="238" />
      <source>Wrong passphrase. Check it and try again.</source>
      <translation>Passphrase errata. Controllala e riprova.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/lock_screen.py" line="200" />
      <source>Too many wrong attempts: you can try again in {0} s.</source>
      <translation>Troppi tentativi errati: puoi riprovare tra {0} s.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../iam_desktop/ui/main_window.py" line="155" />
      <source>&amp;Desk</source>
      <translation>&amp;Sportello</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/main_window.py" line="156" />
      <source>&amp;Help</source>
      <translation>&amp;Aiuto</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/main_window.py" line="157" />
      <source>Lock</source>
      <translation>Blocca</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/main_window.py" line="158" />
      <source>Lock now (Ctrl+L)</source>
      <translation>Blocca ora (Ctrl+L)</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/main_window.py" line="159" />
      <source>Quit</source>
      <translation>Esci</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/main_window.py" line="160" />
      <source>About I.Am Desk</source>
      <translation>Informazioni su I.Am Desk</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/main_window.py" line="175" />
      <source>Unlocked</source>
      <translation>Sbloccato</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/main_window.py" line="175" />
      <source>Locked</source>
      <translation>Bloccato</translation>
    </message>
  </context>
  <context>
    <name>OperatorsBox</name>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="88" />
      <source>Operators of this desk</source>
      <translation>Operatori di questo sportello</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="89" />
      <source>Add an operator:</source>
      <translation>Aggiungi un operatore:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="90" />
      <source>User &amp;name:</source>
      <translation>&amp;Nome utente:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="91" />
      <source>F&amp;ull name:</source>
      <translation>Nome c&amp;ompleto:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="92" />
      <source>R&amp;ole:</source>
      <translation>&amp;Ruolo:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="98" />
      <source>Add operator</source>
      <translation>Aggiungi operatore</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="120" />
      <source>Use letters, digits, dots, hyphens or underscores, without spaces.</source>
      <translation>Usa lettere, cifre, punti, trattini o trattini bassi, senza spazi.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="122" />
      <source>Enter the full name.</source>
      <translation>Inserisci il nome completo.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="134" />
      <source>Added: {0}</source>
      <translation>Aggiunto: {0}</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="143" />
      <source>This user name is already in use.</source>
      <translation>Questo nome utente è già in uso.</translation>
    </message>
  </context>
  <context>
    <name>OwnPassphraseBox</name>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="180" />
      <source>My passphrase</source>
      <translation>La mia passphrase</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="181" />
      <source>C&amp;urrent passphrase:</source>
      <translation>Passphrase a&amp;ttuale:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="182" />
      <source>Change passphrase</source>
      <translation>Cambia passphrase</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="197" />
      <source>Type your current passphrase.</source>
      <translation>Scrivi la tua passphrase attuale.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="209" />
      <source>Passphrase changed.</source>
      <translation>Passphrase cambiata.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="214" />
      <source>The current passphrase is not right.</source>
      <translation>La passphrase attuale non è corretta.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="217" />
      <source>The new passphrase must differ from the current one.</source>
      <translation>La nuova passphrase deve essere diversa da quella attuale.</translation>
    </message>
  </context>
  <context>
    <name>PassphrasePair</name>
    <message>
      <location filename="../../iam_desktop/ui/widgets.py" line="96" />
      <source>&amp;New passphrase:</source>
      <translation>&amp;Nuova passphrase:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/widgets.py" line="96" />
      <source>&amp;Passphrase:</source>
      <translation>&amp;Passphrase:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/widgets.py" line="97" />
      <source>&amp;Repeat passphrase:</source>
      <translation>&amp;Ripeti la passphrase:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/widgets.py" line="98" />
      <source>at least {0} characters</source>
      <translation>almeno {0} caratteri</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/widgets.py" line="135" />
      <source>Too short: use at least {0} characters (a short sentence is easy to remember).</source>
      <translation>Troppo corta: usa almeno {0} caratteri (una breve frase è facile da ricordare).</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/widgets.py" line="141" />
      <source>The two passphrases are not the same.</source>
      <translation>Le due passphrase non coincidono.</translation>
    </message>
  </context>
  <context>
    <name>PassphraseResetDialog</name>
    <message>
      <location filename="../../iam_desktop/ui/dialogs.py" line="71" />
      <source>Reset a passphrase</source>
      <translation>Reimposta una passphrase</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/dialogs.py" line="74" />
      <source>Type the recovery key from the sheet printed when the desk was set up, then choose a new passphrase for the operator.</source>
      <translation>Scrivi la chiave di recupero dal foglio stampato alla configurazione dello sportello, poi scegli una nuova passphrase per l'operatore.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/dialogs.py" line="78" />
      <source>&amp;Operator:</source>
      <translation>&amp;Operatore:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/dialogs.py" line="79" />
      <source>&amp;Recovery key:</source>
      <translation>&amp;Chiave di recupero:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/dialogs.py" line="80" />
      <source>Set new passphrase</source>
      <translation>Imposta la nuova passphrase</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/dialogs.py" line="81" />
      <source>Cancel</source>
      <translation>Annulla</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/dialogs.py" line="91" />
      <source>Type the recovery key.</source>
      <translation>Scrivi la chiave di recupero.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/dialogs.py" line="111" />
      <source>This recovery key does not open this desk's vault.</source>
      <translation>Questa chiave di recupero non apre l'archivio di questo sportello.</translation>
    </message>
  </context>
  <context>
    <name>RecoveryKeyPage</name>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="228" />
      <source>Recovery key</source>
      <translation>Chiave di recupero</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="231" />
      <source>With this key a coordinator can set a new passphrase for anyone who forgets theirs. It is shown only now: print the sheet or write the key down, and keep it in a safe.</source>
      <translation>Con questa chiave un coordinatore può impostare una nuova passphrase per chi dimentica la propria. Viene mostrata solo ora: stampa il foglio o trascrivi la chiave e conservala in cassaforte.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="235" />
      <source>Save recovery sheet (PDF)…</source>
      <translation>Salva foglio di recupero (PDF)…</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/wizard.py" line="236" />
      <source>I have printed or stored the key</source>
      <translation>Ho stampato/conservato la chiave</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="31" />
      <source>Operator</source>
      <translation>Operatore</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="32" />
      <source>Coordinator</source>
      <translation>Coordinatore</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/operators.py" line="33" />
      <source>Central office</source>
      <translation>Ufficio centrale</translation>
    </message>
  </context>
  <context>
    <name>Sections</name>
    <message>
      <location filename="../../iam_desktop/ui/views/empty.py" line="51" />
      <source>Nothing in the agenda yet</source>
      <translation>Ancora nulla in agenda</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/empty.py" line="55" />
      <source>Here you will see residence permit expiries, actions coming due and follow-ups for the desk's cases.</source>
      <translation>Qui compariranno le scadenze dei permessi di soggiorno, le azioni in scadenza e i follow-up dei casi dello sportello.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/empty.py" line="62" />
      <source>The network will appear here</source>
      <translation>Qui comparirà la rete</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/empty.py" line="66" />
      <source>Here you will find the partners, co-housing places, job and training opportunities and methodology documents shared by the desks, and the referrals between desks.</source>
      <translation>Qui troverai i partner, i posti in co-housing, le opportunità di lavoro e formazione e i documenti di metodo condivisi dagli sportelli, e gli invii tra sportelli.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/empty.py" line="73" />
      <source>No indicators yet</source>
      <translation>Ancora nessun indicatore</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/empty.py" line="77" />
      <source>Here you will see the desk's indicators, the reports for the funder and anonymised statistics, once cases have pathway steps and interventions.</source>
      <translation>Qui compariranno gli indicatori dello sportello, i report per il finanziatore e le statistiche anonime, quando i casi avranno gradini del percorso e interventi.</translation>
    </message>
  </context>
  <context>
    <name>SettingsView</name>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="117" />
      <source>Settings</source>
      <translation>Impostazioni</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="118" />
      <source>Language</source>
      <translation>Lingua</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="119" />
      <source>&amp;Language of the app:</source>
      <translation>&amp;Lingua dell'applicazione:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="120" />
      <source>Automatic lock</source>
      <translation>Blocco automatico</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="121" />
      <source>Lock after &amp;idle minutes:</source>
      <translation>Blocca dopo &amp;minuti di inattività:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="122" />
      <source>Apply</source>
      <translation>Applica</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="123" />
      <source>Backup</source>
      <translation>Backup</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="126" />
      <source>Writes an encrypted, self-checking copy of the whole vault to a file. Keep it on a separate drive; it can only be restored with a passphrase or the recovery key.</source>
      <translation>Scrive in un file una copia cifrata e autoverificante dell'intero archivio. Conservala su un disco separato; si può ripristinare solo con una passphrase o con la chiave di recupero.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="130" />
      <source>Write a backup…</source>
      <translation>Scrivi un backup…</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="162" />
      <source>When nobody uses the app for this long, it locks; unsaved input is kept encrypted.</source>
      <translation>Se nessuno usa l'applicazione per questo tempo, si blocca; i dati non salvati vengono conservati cifrati.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="165" />
      <source>Only a coordinator can change the automatic lock.</source>
      <translation>Solo un coordinatore può modificare il blocco automatico.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="182" />
      <source>Write a backup</source>
      <translation>Scrivi un backup</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="182" />
      <source>I.Am Desk backups (*.iambackup)</source>
      <translation>Backup di I.Am Desk (*.iambackup)</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/settings.py" line="192" />
      <source>Backup written: {0}</source>
      <translation>Backup scritto: {0}</translation>
    </message>
  </context>
  <context>
    <name>ShortIntakeForm</name>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="116" />
      <source>New intake — short form</source>
      <translation>Nuova presa in carico — modulo breve</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="119" />
      <source>This short form opens a case with the essential data. The full intake (documents, status, skills, consent) comes with a later version of the app.</source>
      <translation>Questo modulo breve apre un caso con i dati essenziali. La presa in carico completa (documenti, status, competenze, consenso) arriverà con una prossima versione dell'applicazione.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="123" />
      <source>Your unsaved input was restored.</source>
      <translation>I dati non salvati sono stati ripristinati.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="124" />
      <source>&amp;Given names:</source>
      <translation>&amp;Nomi:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="125" />
      <source>&amp;Family name:</source>
      <translation>&amp;Cognome:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="126" />
      <source>&amp;Codice fiscale:</source>
      <translation>Codice &amp;fiscale:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="127" />
      <source>&amp;Phone:</source>
      <translation>&amp;Telefono:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="128" />
      <source>N&amp;otes:</source>
      <translation>N&amp;ote:</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="129" />
      <source>16 characters, or 11 digits if provisional</source>
      <translation>16 caratteri, o 11 cifre se provvisorio</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="130" />
      <source>&amp;Save case</source>
      <translation>&amp;Salva il caso</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="131" />
      <source>Cancel</source>
      <translation>Annulla</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="200" />
      <source>Enter the given names.</source>
      <translation>Inserisci i nomi.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="201" />
      <source>Enter the family name.</source>
      <translation>Inserisci il cognome.</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/views/intake_form.py" line="204" />
      <source>A codice fiscale has 16 letters and digits, or 11 digits if provisional.</source>
      <translation>Il codice fiscale ha 16 lettere e cifre, o 11 cifre se provvisorio.</translation>
    </message>
  </context>
  <context>
    <name>Workspace</name>
    <message>
      <location filename="../../iam_desktop/ui/main_window.py" line="70" />
      <source>Cases</source>
      <translation>Casi</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/main_window.py" line="70" />
      <source>Agenda</source>
      <translation>Agenda</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/main_window.py" line="70" />
      <source>Network</source>
      <translation>Rete</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/main_window.py" line="70" />
      <source>Monitoring</source>
      <translation>Monitoraggio</translation>
    </message>
    <message>
      <location filename="../../iam_desktop/ui/main_window.py" line="70" />
      <source>Settings</source>
      <translation>Impostazioni</translation>
    </message>
  </context>
</TS>
