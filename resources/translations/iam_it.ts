<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../../iam_desktop/ui/dialogs.py" line="127"/>
        <source>About I.Am Desk</source>
        <translation>Informazioni su I.Am Desk</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/dialogs.py" line="131"/>
        <source>The case tool of the I.Am network (Integrazione, Autonomia e Mobilità) of the Sportelli del Territorio. Data is encrypted on this computer.</source>
        <translation>Lo strumento per i casi della rete I.Am (Integrazione, Autonomia e Mobilità) degli Sportelli del Territorio. I dati sono cifrati su questo computer.</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="57"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="59"/>
        <source>Plans, actions coming due and follow-ups of the desk&apos;s cases will also appear here.</source>
        <translation>Qui compariranno anche i piani, le azioni in scadenza e i follow-up dei casi dello sportello.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="61"/>
        <source>Residence permits expiring</source>
        <translation>Permessi di soggiorno in scadenza</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="62"/>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="62"/>
        <source>Expires on</source>
        <translation>Scade il</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="62"/>
        <source>Days left</source>
        <translation>Giorni rimasti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="63"/>
        <source>Renewal requested</source>
        <translation>Rinnovo chiesto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="64"/>
        <source>No permit expires within the alert window.</source>
        <translation>Nessun permesso scade entro la finestra di avviso.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="91"/>
        <source>expired {0} days ago</source>
        <translation>scaduto da {0} giorni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="91"/>
        <source>{0} days</source>
        <translation>{0} giorni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="94"/>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="94"/>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="92"/>
        <source>Attachments</source>
        <translation>Allegati</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="93"/>
        <source>&amp;Add a document…</source>
        <translation>&amp;Aggiungi un documento…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="94"/>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="112"/>
        <source>No documents attached yet.</source>
        <translation>Nessun documento allegato.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="129"/>
        <source>Attach a document</source>
        <translation>Allega un documento</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="129"/>
        <source>Documents (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Documenti (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="144"/>
        <source>The file is too big ({0} MB): the limit is {1} MB. Scan it again at a lower resolution or in black and white.</source>
        <translation>Il file è troppo grande ({0} MB): il limite è {1} MB. Scansionalo di nuovo a una risoluzione più bassa o in bianco e nero.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="146"/>
        <source>The file is not what its name says (it is not a real {0} file). Save it again as PDF, JPEG or PNG.</source>
        <translation>Il file non è quello che dice il suo nome (non è un vero file {0}). Salvalo di nuovo come PDF, JPEG o PNG.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="148"/>
        <source>Only PDF, JPEG and PNG files can be attached.</source>
        <translation>Si possono allegare solo file PDF, JPEG e PNG.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="151"/>
        <source>The file could not be attached.</source>
        <translation>Non è stato possibile allegare il file.</translation>
    </message>
</context>
<context>
    <name>CaseFileView</name>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="232"/>
        <source>← Cases</source>
        <translation>← Casi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="233"/>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="234"/>
        <source>&amp;Print</source>
        <translation>S&amp;tampa</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="235"/>
        <source>Intake form (scheda di presa in carico)…</source>
        <translation>Scheda di presa in carico…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="236"/>
        <source>Consent form…</source>
        <translation>Modulo di consenso…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="237"/>
        <source>Privacy notice (informativa)…</source>
        <translation>Informativa privacy…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="238"/>
        <source>Blank intake form…</source>
        <translation>Modulo vuoto di presa in carico…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="239"/>
        <source>History of changes</source>
        <translation>Storia delle modifiche</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="240"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="240"/>
        <source>Who</source>
        <translation>Chi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="240"/>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="241"/>
        <source>&amp;Save changes</source>
        <translation>&amp;Salva le modifiche</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="242"/>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="269"/>
        <source>Opened on {0} by {1} · status: {2} · step {3}</source>
        <translation>Aperto il {0} da {1} · stato: {2} · fase {3}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="291"/>
        <source>case opened</source>
        <translation>caso aperto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="291"/>
        <source>changed</source>
        <translation>modificato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="292"/>
        <source>imported</source>
        <translation>importato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="342"/>
        <source>Editing: {0}</source>
        <translation>Modifica: {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="394"/>
        <source>Language of the document</source>
        <translation>Lingua del documento</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="395"/>
        <source>The document is printed in Italian and in:</source>
        <translation>Il documento è stampato in italiano e in:</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="97"/>
        <source>{0} · expired</source>
        <translation>{0} · scaduto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="99"/>
        <source>{0} · in {1} days</source>
        <translation>{0} · tra {1} giorni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="137"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="137"/>
        <source>Codice fiscale</source>
        <translation>Codice fiscale</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="137"/>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="137"/>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="137"/>
        <source>Step</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="138"/>
        <source>Operator</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="138"/>
        <source>Opened</source>
        <translation>Aperto il</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="138"/>
        <source>Permit expires</source>
        <translation>Scadenza permesso</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="193"/>
        <source>No cases yet</source>
        <translation>Ancora nessun caso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="195"/>
        <source>The people this desk accompanies will be listed here. Start with “New intake” when you meet someone for the first time.</source>
        <translation>Qui troverai le persone che lo sportello accompagna. Comincia con “Nuova presa in carico” quando incontri qualcuno per la prima volta.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="246"/>
        <source>Cases</source>
        <translation>Casi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="247"/>
        <source>&amp;New intake</source>
        <translation>&amp;Nuova presa in carico</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="248"/>
        <source>&amp;Search:</source>
        <translation>&amp;Cerca:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="249"/>
        <source>name, alias, codice fiscale or phone</source>
        <translation>nome, alias, codice fiscale o telefono</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="250"/>
        <source>No case matches the search.</source>
        <translation>Nessun caso corrisponde alla ricerca.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="285"/>
        <source>All statuses</source>
        <translation>Tutti gli stati</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="286"/>
        <source>All steps</source>
        <translation>Tutte le fasi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="286"/>
        <source>Step {0}</source>
        <translation>Fase {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="288"/>
        <source>All operators</source>
        <translation>Tutti gli operatori</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="293"/>
        <source>{0} cases</source>
        <translation>{0} casi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="293"/>
        <source>1 case</source>
        <translation>1 caso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="295"/>
        <source>{0} of {1} cases</source>
        <translation>{0} di {1} casi</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="51"/>
        <source>open</source>
        <translation>aperto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="52"/>
        <source>suspended</source>
        <translation>sospeso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="53"/>
        <source>closed</source>
        <translation>chiuso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="54"/>
        <source>draft</source>
        <translation>bozza</translation>
    </message>
</context>
<context>
    <name>ComboEditor</name>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="209"/>
        <source>Yes</source>
        <translation>Sì</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="210"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="214"/>
        <source>Stateless or unknown</source>
        <translation>Apolide o sconosciuto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="220"/>
        <source>type to search, or the ISO code</source>
        <translation>scrivi per cercare, o il codice ISO</translation>
    </message>
</context>
<context>
    <name>CoordinatorPage</name>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="118"/>
        <source>The first coordinator</source>
        <translation>Il primo coordinatore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="120"/>
        <source>The coordinator manages the desk&apos;s operators and settings. Choose a passphrase you can remember.</source>
        <translation>Il coordinatore gestisce gli operatori e le impostazioni dello sportello. Scegli una passphrase che riesci a ricordare.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="122"/>
        <source>&amp;User name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="123"/>
        <source>e.g. m.rossi</source>
        <translation>es. m.rossi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="124"/>
        <source>&amp;Full name:</source>
        <translation>Nome &amp;completo:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="125"/>
        <source>Create the desk</source>
        <translation>Crea lo sportello</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="139"/>
        <source>Use letters, digits, dots, hyphens or underscores, without spaces.</source>
        <translation>Usa lettere, cifre, punti, trattini o trattini bassi, senza spazi.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="142"/>
        <source>Enter the coordinator&apos;s full name.</source>
        <translation>Inserisci il nome completo del coordinatore.</translation>
    </message>
</context>
<context>
    <name>CreationPage</name>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="168"/>
        <source>Creating the desk</source>
        <translation>Creazione dello sportello</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="170"/>
        <source>Creating the encrypted vault and the keys…</source>
        <translation>Creazione dell&apos;archivio cifrato e delle chiavi…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="170"/>
        <source>The desk is ready.</source>
        <translation>Lo sportello è pronto.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="191"/>
        <source>The desk could not be created. Go back, correct and try again.</source>
        <translation>Non è stato possibile creare lo sportello. Torna indietro, correggi e riprova.</translation>
    </message>
</context>
<context>
    <name>DeskProfilePage</name>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="69"/>
        <source>Your desk</source>
        <translation>Il tuo sportello</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="70"/>
        <source>Welcome to I.Am Desk. First, tell us which desk this computer belongs to.</source>
        <translation>Benvenuto in I.Am Desk. Per prima cosa, indica a quale sportello appartiene questo computer.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="71"/>
        <source>Desk &amp;name:</source>
        <translation>&amp;Nome dello sportello:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="72"/>
        <source>e.g. Sportello Val Trompia</source>
        <translation>es. Sportello Val Trompia</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="73"/>
        <source>&amp;Territory:</source>
        <translation>&amp;Territorio:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="85"/>
        <source>Enter the desk&apos;s name.</source>
        <translation>Inserisci il nome dello sportello.</translation>
    </message>
</context>
<context>
    <name>DuplicatePanel</name>
    <message>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="63"/>
        <source>Possible duplicate: {0} — {1}</source>
        <translation>Possibile doppione: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="70"/>
        <source>Open that case</source>
        <translation>Apri quel caso</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../iam_desktop/ui/errors.py" line="40"/>
        <source>Something went wrong and the operation was not completed. If it happens again, tell your coordinator.</source>
        <translation>Qualcosa non ha funzionato e l&apos;operazione non è stata completata. Se succede di nuovo, avvisa il tuo coordinatore.</translation>
    </message>
</context>
<context>
    <name>FieldProblems</name>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="16"/>
        <source>This field is required.</source>
        <translation>Campo obbligatorio.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="17"/>
        <source>Enter a name.</source>
        <translation>Scrivi un nome.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="18"/>
        <source>This name is too long.</source>
        <translation>Questo nome è troppo lungo.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="19"/>
        <source>A name may have letters, spaces, apostrophes and hyphens only.</source>
        <translation>Un nome può contenere solo lettere, spazi, apostrofi e trattini.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="22"/>
        <source>Write the date as dd/mm/yyyy.</source>
        <translation>Scrivi la data come gg/mm/aaaa.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="23"/>
        <source>This date does not exist.</source>
        <translation>Questa data non esiste.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="24"/>
        <source>Give the full date: day, month and year.</source>
        <translation>Serve la data completa: giorno, mese e anno.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="27"/>
        <source>This date is in the future.</source>
        <translation>Questa data è nel futuro.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="28"/>
        <source>This year is too far in the past.</source>
        <translation>Quest&apos;anno è troppo lontano nel passato.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="29"/>
        <source>This date comes before the date it must follow.</source>
        <translation>Questa data viene prima della data che deve seguire.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="32"/>
        <source>Unknown country: choose one from the list.</source>
        <translation>Paese sconosciuto: scegline uno dall&apos;elenco.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="35"/>
        <source>Unknown language code: use two letters, e.g. fr, ar, bm.</source>
        <translation>Codice di lingua sconosciuto: usa due lettere, es. fr, ar, bm.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="38"/>
        <source>Unknown level: use pre-A1, A1, A2, B1, B2, C1 or C2.</source>
        <translation>Livello sconosciuto: usa pre-A1, A1, A2, B1, B2, C1 o C2.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="41"/>
        <source>Unknown language skill.</source>
        <translation>Abilità linguistica sconosciuta.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="42"/>
        <source>Enter the codice fiscale.</source>
        <translation>Scrivi il codice fiscale.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="43"/>
        <source>A codice fiscale has 16 characters, or 11 digits if provisional.</source>
        <translation>Il codice fiscale ha 16 caratteri, o 11 cifre se provvisorio.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="46"/>
        <source>This is not the pattern of a codice fiscale.</source>
        <translation>Non ha la forma di un codice fiscale.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="49"/>
        <source>The last character does not match: check for a typing error.</source>
        <translation>L&apos;ultimo carattere non torna: controlla se c&apos;è un errore di battitura.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="52"/>
        <source>The check digit of this provisional code does not match.</source>
        <translation>La cifra di controllo di questo codice provvisorio non torna.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="55"/>
        <source>The birth day in this codice fiscale does not exist.</source>
        <translation>Il giorno di nascita in questo codice fiscale non esiste.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="58"/>
        <source>A definitive codice fiscale cannot go back to a provisional one.</source>
        <translation>Un codice fiscale definitivo non può tornare provvisorio.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="61"/>
        <source>Write the phone number with digits only, with +39 or another prefix if needed.</source>
        <translation>Scrivi il numero di telefono solo con cifre, con +39 o un altro prefisso se serve.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="64"/>
        <source>This is not an e-mail address.</source>
        <translation>Questo non è un indirizzo e-mail.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="65"/>
        <source>Letters and digits only.</source>
        <translation>Solo lettere e cifre.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="66"/>
        <source>Write the name of the Questura (the town).</source>
        <translation>Scrivi il nome della Questura (la città).</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="69"/>
        <source>This text is too long.</source>
        <translation>Questo testo è troppo lungo.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="70"/>
        <source>This number is out of range.</source>
        <translation>Questo numero è fuori dall&apos;intervallo ammesso.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="71"/>
        <source>Write a whole number.</source>
        <translation>Scrivi un numero intero.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="72"/>
        <source>Choose one of the options.</source>
        <translation>Scegli una delle opzioni.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="73"/>
        <source>The codice fiscale does not match the sex given (check both).</source>
        <translation>Il codice fiscale non corrisponde al sesso indicato (controlla entrambi).</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="76"/>
        <source>The codice fiscale does not match the year of birth (check both).</source>
        <translation>Il codice fiscale non corrisponde all&apos;anno di nascita (controlla entrambi).</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="79"/>
        <source>The codice fiscale does not match the month of birth (check both).</source>
        <translation>Il codice fiscale non corrisponde al mese di nascita (controlla entrambi).</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="82"/>
        <source>The codice fiscale does not match the day of birth (check both).</source>
        <translation>Il codice fiscale non corrisponde al giorno di nascita (controlla entrambi).</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="85"/>
        <source>The codice fiscale is of a person born abroad, not in Italy.</source>
        <translation>Il codice fiscale è di una persona nata all&apos;estero, non in Italia.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="88"/>
        <source>The codice fiscale is of a person born in Italy.</source>
        <translation>Il codice fiscale è di una persona nata in Italia.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="101"/>
        <source>same codice fiscale</source>
        <translation>stesso codice fiscale</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="102"/>
        <source>same document number</source>
        <translation>stesso numero di documento</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/messages.py" line="103"/>
        <source>similar name and same year of birth</source>
        <translation>nome simile e stesso anno di nascita</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="287"/>
        <source>I.Am Desk — set-up</source>
        <translation>I.Am Desk — configurazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="288"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Avanti &gt;</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="289"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Indietro</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="290"/>
        <source>&amp;Finish</source>
        <translation>&amp;Fine</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="291"/>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="343"/>
        <source>recovery-key.pdf</source>
        <translation>chiave-di-recupero.pdf</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="345"/>
        <source>Save recovery sheet</source>
        <translation>Salva il foglio di recupero</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="345"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documenti PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="354"/>
        <source>Saved: {0}</source>
        <translation>Salvato: {0}</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <location filename="../../iam_desktop/ui/intake/form_view.py" line="183"/>
        <source>dd/mm/yyyy</source>
        <translation>gg/mm/aaaa</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/form_view.py" line="184"/>
        <source>dd/mm/yyyy, mm/yyyy or only the year</source>
        <translation>gg/mm/aaaa, mm/aaaa o solo l&apos;anno</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/form_view.py" line="185"/>
        <source>more than one: separate with commas</source>
        <translation>se più di uno, separali con una virgola</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/form_view.py" line="186"/>
        <source>e.g. ML, SN</source>
        <translation>es. ML, SN</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/form_view.py" line="187"/>
        <source>e.g. bm, fr, ar</source>
        <translation>es. bm, fr, ar</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/form_view.py" line="188"/>
        <source>16 characters, or 11 digits if provisional</source>
        <translation>16 caratteri, o 11 cifre se provvisorio</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="167"/>
        <source>New intake</source>
        <translation>Nuova presa in carico</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="168"/>
        <source>Your unsaved input was restored from the draft.</source>
        <translation>I dati non salvati sono stati ripresi dalla bozza.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="169"/>
        <source>Enter: next field · Ctrl+Enter: next section · Ctrl+S: keep a draft</source>
        <translation>Invio: campo successivo · Ctrl+Invio: sezione successiva · Ctrl+S: salva bozza</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="170"/>
        <source>← Previous section</source>
        <translation>← Sezione precedente</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="171"/>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="193"/>
        <source>Save the intake</source>
        <translation>Salva la presa in carico</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="172"/>
        <source>Ctrl+Shift+Enter</source>
        <translation>Ctrl+Maiusc+Invio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="173"/>
        <source>Keep as draft</source>
        <translation>Salva come bozza</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="174"/>
        <source>Close (the draft stays)</source>
        <translation>Chiudi (la bozza resta)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="175"/>
        <source>Discard</source>
        <translation>Scarta</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="193"/>
        <source>Next section →</source>
        <translation>Sezione successiva →</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/wizard.py" line="194"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Invio</translation>
    </message>
</context>
<context>
    <name>LevelEditor</name>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="283"/>
        <source>overall</source>
        <translation>generale</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="284"/>
        <source>listening</source>
        <translation>ascolto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="285"/>
        <source>reading</source>
        <translation>lettura</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="286"/>
        <source>speaking</source>
        <translation>parlato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="287"/>
        <source>writing</source>
        <translation>scrittura</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../iam_desktop/ui/lock_screen.py" line="128"/>
        <source>&amp;Operator:</source>
        <translation>&amp;Operatore:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/lock_screen.py" line="129"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/lock_screen.py" line="130"/>
        <source>Unlock</source>
        <translation>Sblocca</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/lock_screen.py" line="131"/>
        <source>Forgot your passphrase?</source>
        <translation>Passphrase dimenticata?</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/lock_screen.py" line="134"/>
        <location filename="../../iam_desktop/ui/lock_screen.py" line="238"/>
        <source>Wrong passphrase. Check it and try again.</source>
        <translation>Passphrase errata. Controllala e riprova.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/lock_screen.py" line="200"/>
        <source>Too many wrong attempts: you can try again in {0} s.</source>
        <translation>Troppi tentativi errati: puoi riprovare tra {0} s.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="168"/>
        <source>&amp;Desk</source>
        <translation>&amp;Sportello</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="169"/>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="170"/>
        <source>Lock</source>
        <translation>Blocca</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="171"/>
        <source>Lock now (Ctrl+L)</source>
        <translation>Blocca ora (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="172"/>
        <source>Quit</source>
        <translation>Esci</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="173"/>
        <source>About I.Am Desk</source>
        <translation>Informazioni su I.Am Desk</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="188"/>
        <source>Unlocked</source>
        <translation>Sbloccato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="188"/>
        <source>Locked</source>
        <translation>Bloccato</translation>
    </message>
</context>
<context>
    <name>OperatorsBox</name>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="88"/>
        <source>Operators of this desk</source>
        <translation>Operatori di questo sportello</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="89"/>
        <source>Add an operator:</source>
        <translation>Aggiungi un operatore:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="90"/>
        <source>User &amp;name:</source>
        <translation>&amp;Nome utente:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="91"/>
        <source>F&amp;ull name:</source>
        <translation>Nome c&amp;ompleto:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="92"/>
        <source>R&amp;ole:</source>
        <translation>&amp;Ruolo:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="98"/>
        <source>Add operator</source>
        <translation>Aggiungi operatore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="120"/>
        <source>Use letters, digits, dots, hyphens or underscores, without spaces.</source>
        <translation>Usa lettere, cifre, punti, trattini o trattini bassi, senza spazi.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="122"/>
        <source>Enter the full name.</source>
        <translation>Inserisci il nome completo.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="134"/>
        <source>Added: {0}</source>
        <translation>Aggiunto: {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="143"/>
        <source>This user name is already in use.</source>
        <translation>Questo nome utente è già in uso.</translation>
    </message>
</context>
<context>
    <name>OwnPassphraseBox</name>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="180"/>
        <source>My passphrase</source>
        <translation>La mia passphrase</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="181"/>
        <source>C&amp;urrent passphrase:</source>
        <translation>Passphrase a&amp;ttuale:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="182"/>
        <source>Change passphrase</source>
        <translation>Cambia passphrase</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="197"/>
        <source>Type your current passphrase.</source>
        <translation>Scrivi la tua passphrase attuale.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="209"/>
        <source>Passphrase changed.</source>
        <translation>Passphrase cambiata.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="214"/>
        <source>The current passphrase is not right.</source>
        <translation>La passphrase attuale non è corretta.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="217"/>
        <source>The new passphrase must differ from the current one.</source>
        <translation>La nuova passphrase deve essere diversa da quella attuale.</translation>
    </message>
</context>
<context>
    <name>PassphrasePair</name>
    <message>
        <location filename="../../iam_desktop/ui/widgets.py" line="96"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nuova passphrase:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/widgets.py" line="96"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/widgets.py" line="97"/>
        <source>&amp;Repeat passphrase:</source>
        <translation>&amp;Ripeti la passphrase:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/widgets.py" line="98"/>
        <source>at least {0} characters</source>
        <translation>almeno {0} caratteri</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/widgets.py" line="135"/>
        <source>Too short: use at least {0} characters (a short sentence is easy to remember).</source>
        <translation>Troppo corta: usa almeno {0} caratteri (una breve frase è facile da ricordare).</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/widgets.py" line="141"/>
        <source>The two passphrases are not the same.</source>
        <translation>Le due passphrase non coincidono.</translation>
    </message>
</context>
<context>
    <name>PassphraseResetDialog</name>
    <message>
        <location filename="../../iam_desktop/ui/dialogs.py" line="71"/>
        <source>Reset a passphrase</source>
        <translation>Reimposta una passphrase</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/dialogs.py" line="74"/>
        <source>Type the recovery key from the sheet printed when the desk was set up, then choose a new passphrase for the operator.</source>
        <translation>Scrivi la chiave di recupero dal foglio stampato alla configurazione dello sportello, poi scegli una nuova passphrase per l&apos;operatore.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/dialogs.py" line="78"/>
        <source>&amp;Operator:</source>
        <translation>&amp;Operatore:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/dialogs.py" line="79"/>
        <source>&amp;Recovery key:</source>
        <translation>&amp;Chiave di recupero:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/dialogs.py" line="80"/>
        <source>Set new passphrase</source>
        <translation>Imposta la nuova passphrase</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/dialogs.py" line="81"/>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/dialogs.py" line="91"/>
        <source>Type the recovery key.</source>
        <translation>Scrivi la chiave di recupero.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/dialogs.py" line="111"/>
        <source>This recovery key does not open this desk&apos;s vault.</source>
        <translation>Questa chiave di recupero non apre l&apos;archivio di questo sportello.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="84"/>
        <source>{0} pages</source>
        <translation>{0} pagine</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="85"/>
        <source>&amp;Print…</source>
        <translation>S&amp;tampa…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="86"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Salva come PDF…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="87"/>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="123"/>
        <source>Save as PDF</source>
        <translation>Salva come PDF</translation>
    </message>
</context>
<context>
    <name>PdfSaveOnly</name>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="147"/>
        <source>The preview is not available on this computer: save the document and open it with a PDF reader to print it.</source>
        <translation>L&apos;anteprima non è disponibile su questo computer: salva il documento e aprilo con un lettore PDF per stamparlo.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="150"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Salva come PDF…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="151"/>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="164"/>
        <source>Save as PDF</source>
        <translation>Salva come PDF</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="228"/>
        <source>Recovery key</source>
        <translation>Chiave di recupero</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="231"/>
        <source>With this key a coordinator can set a new passphrase for anyone who forgets theirs. It is shown only now: print the sheet or write the key down, and keep it in a safe.</source>
        <translation>Con questa chiave un coordinatore può impostare una nuova passphrase per chi dimentica la propria. Viene mostrata solo ora: stampa il foglio o trascrivi la chiave e conservala in cassaforte.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="235"/>
        <source>Save recovery sheet (PDF)…</source>
        <translation>Salva foglio di recupero (PDF)…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="236"/>
        <source>I have printed or stored the key</source>
        <translation>Ho stampato/conservato la chiave</translation>
    </message>
</context>
<context>
    <name>RepeatEditor</name>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="344"/>
        <source>Add a row</source>
        <translation>Aggiungi una riga</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="345"/>
        <source>Remove last row</source>
        <translation>Togli l&apos;ultima riga</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="31"/>
        <source>Operator</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="32"/>
        <source>Coordinator</source>
        <translation>Coordinatore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/operators.py" line="33"/>
        <source>Central office</source>
        <translation>Ufficio centrale</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <location filename="../../iam_desktop/ui/views/empty.py" line="51"/>
        <source>Nothing in the agenda yet</source>
        <translation>Ancora nulla in agenda</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/empty.py" line="55"/>
        <source>Here you will see residence permit expiries, actions coming due and follow-ups for the desk&apos;s cases.</source>
        <translation>Qui compariranno le scadenze dei permessi di soggiorno, le azioni in scadenza e i follow-up dei casi dello sportello.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/empty.py" line="62"/>
        <source>The network will appear here</source>
        <translation>Qui comparirà la rete</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/empty.py" line="66"/>
        <source>Here you will find the partners, co-housing places, job and training opportunities and methodology documents shared by the desks, and the referrals between desks.</source>
        <translation>Qui troverai i partner, i posti in co-housing, le opportunità di lavoro e formazione e i documenti di metodo condivisi dagli sportelli, e gli invii tra sportelli.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/empty.py" line="73"/>
        <source>No indicators yet</source>
        <translation>Ancora nessun indicatore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/empty.py" line="77"/>
        <source>Here you will see the desk&apos;s indicators, the reports for the funder and anonymised statistics, once cases have pathway steps and interventions.</source>
        <translation>Qui compariranno gli indicatori dello sportello, i report per il finanziatore e le statistiche anonime, quando i casi avranno gradini del percorso e interventi.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="117"/>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="118"/>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="119"/>
        <source>&amp;Language of the app:</source>
        <translation>&amp;Lingua dell&apos;applicazione:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="120"/>
        <source>Automatic lock</source>
        <translation>Blocco automatico</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="121"/>
        <source>Lock after &amp;idle minutes:</source>
        <translation>Blocca dopo &amp;minuti di inattività:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="122"/>
        <source>Apply</source>
        <translation>Applica</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="123"/>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="126"/>
        <source>Writes an encrypted, self-checking copy of the whole vault to a file. Keep it on a separate drive; it can only be restored with a passphrase or the recovery key.</source>
        <translation>Scrive in un file una copia cifrata e autoverificante dell&apos;intero archivio. Conservala su un disco separato; si può ripristinare solo con una passphrase o con la chiave di recupero.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="130"/>
        <source>Write a backup…</source>
        <translation>Scrivi un backup…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="162"/>
        <source>When nobody uses the app for this long, it locks; unsaved input is kept encrypted.</source>
        <translation>Se nessuno usa l&apos;applicazione per questo tempo, si blocca; i dati non salvati vengono conservati cifrati.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="165"/>
        <source>Only a coordinator can change the automatic lock.</source>
        <translation>Solo un coordinatore può modificare il blocco automatico.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="182"/>
        <source>Write a backup</source>
        <translation>Scrivi un backup</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="182"/>
        <source>I.Am Desk backups (*.iambackup)</source>
        <translation>Backup di I.Am Desk (*.iambackup)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="192"/>
        <source>Backup written: {0}</source>
        <translation>Backup scritto: {0}</translation>
    </message>
</context>
<context>
    <name>SignatureNote</name>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="320"/>
        <source>Signed on the printed form (Print menu of the case file).</source>
        <translation>Si firma sul modulo stampato (menu Stampa della scheda del caso).</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="79"/>
        <source>Cases</source>
        <translation>Casi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="79"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="79"/>
        <source>Network</source>
        <translation>Rete</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="79"/>
        <source>Monitoring</source>
        <translation>Monitoraggio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="79"/>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
</context>
</TS>
