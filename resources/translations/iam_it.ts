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
    <name>AgendaPanel</name>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="44"/>
        <source>1 item due</source>
        <translation>1 scadenza</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="46"/>
        <source>{0} items due</source>
        <translation>{0} scadenze</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="48"/>
        <source>1 overdue</source>
        <translation>1 in ritardo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="50"/>
        <source>{0} overdue</source>
        <translation>{0} in ritardo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="51"/>
        <source>Today: {0}, {1}</source>
        <translation>Oggi: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="150"/>
        <source>Pathway agenda</source>
        <translation>Agenda del percorso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="151"/>
        <source>&amp;Day</source>
        <translation>&amp;Giorno</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="152"/>
        <source>&amp;Week</source>
        <translation>&amp;Settimana</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="153"/>
        <source>&amp;Today</source>
        <translation>&amp;Oggi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="154"/>
        <source>Previous</source>
        <translation>Precedente</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="155"/>
        <source>Next</source>
        <translation>Successivo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="156"/>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="156"/>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="156"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="156"/>
        <source>Due</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="216"/>
        <source>Review the individual plan with the person</source>
        <translation>Verifica del progetto individualizzato con la persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="218"/>
        <source>Residence permit expires: check the renewal</source>
        <translation>Scade il permesso di soggiorno: controllare il rinnovo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="219"/>
        <source>Follow-up contact {0} months after exit</source>
        <translation>Contatto di follow-up a {0} mesi dall&apos;uscita</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="232"/>
        <source>Week from {0} to {1}</source>
        <translation>Settimana da {0} a {1}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="235"/>
        <source>{0} items, {1} overdue</source>
        <translation>{0} scadenze, {1} in ritardo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="240"/>
        <source>Overdue ({0})</source>
        <translation>In ritardo ({0})</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="249"/>
        <source>{0}: nothing due</source>
        <translation>{0}: nessuna scadenza</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="254"/>
        <source>{0} (today)</source>
        <translation>{0} (oggi)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/agenda_panel.py" line="271"/>
        <source>overdue</source>
        <translation>in ritardo</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="69"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="70"/>
        <source>Residence permits expiring</source>
        <translation>Permessi di soggiorno in scadenza</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="71"/>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="71"/>
        <source>Expires on</source>
        <translation>Scade il</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="71"/>
        <source>Days left</source>
        <translation>Giorni rimasti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="72"/>
        <source>Renewal requested</source>
        <translation>Rinnovo chiesto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="73"/>
        <source>No permit expires within the alert window.</source>
        <translation>Nessun permesso scade entro la finestra di avviso.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="74"/>
        <source>Due</source>
        <translation>Scadenze</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="74"/>
        <source>Residence permits</source>
        <translation>Permessi di soggiorno</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="74"/>
        <source>Steps overview</source>
        <translation>Panoramica dei gradini</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="106"/>
        <source>expired {0} days ago</source>
        <translation>scaduto da {0} giorni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="106"/>
        <source>{0} days</source>
        <translation>{0} giorni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="109"/>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/agenda.py" line="109"/>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="105"/>
        <source>Attachments</source>
        <translation>Allegati</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="106"/>
        <source>&amp;Add a document…</source>
        <translation>&amp;Aggiungi un documento…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="107"/>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="142"/>
        <source>No documents attached yet.</source>
        <translation>Nessun documento allegato.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="188"/>
        <source>arriving</source>
        <translation>in arrivo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="190"/>
        <source>This document was added on another computer. Its content has not reached this computer yet: it arrives with the next syncs, and can be opened then.</source>
        <translation>Questo documento è stato aggiunto su un altro computer. Il suo contenuto non è ancora arrivato su questo computer: arriva con le prossime sincronizzazioni e si potrà aprire allora.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="151"/>
        <source>no connection</source>
        <translation>nessuna connessione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="108"/>
        <source>&amp;Retry now</source>
        <translation>&amp;Riprova ora</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="109"/>
        <source>Try again at once to send or receive the documents that failed</source>
        <translation>Riprova subito a inviare o ricevere i documenti non riusciti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="152"/>
        <source>not on the server</source>
        <translation>non presente sul server</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="153"/>
        <source>this desk may not read it</source>
        <translation>questo sportello non può leggerlo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="154"/>
        <source>the case was erased</source>
        <translation>il caso è stato cancellato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="155"/>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="156"/>
        <source>altered on the way, refused</source>
        <translation>alterato in transito, rifiutato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="157"/>
        <source>too big for the server</source>
        <translation>troppo grande per il server</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="158"/>
        <source>its content is damaged on this computer</source>
        <translation>il contenuto è danneggiato su questo computer</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="164"/>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="195"/>
        <source>trying again</source>
        <translation>nuovo tentativo in corso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="166"/>
        <source>sending</source>
        <translation>in invio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="169"/>
        <source>The content of this document has not reached the server yet: it leaves with the next syncs. It opens here; the desk&apos;s other computers receive it once it is sent.</source>
        <translation>Il contenuto di questo documento non è ancora arrivato al server: parte con le prossime sincronizzazioni. Qui si apre già; gli altri computer dello sportello lo ricevono una volta inviato.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="174"/>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="198"/>
        <source>server error</source>
        <translation>errore del server</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="175"/>
        <source>not sent: {0}</source>
        <translation>non inviato: {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="177"/>
        <source>Sending the content of this document failed ({0}); sync tries again later by itself, or at once with the retry button below.</source>
        <translation>L&apos;invio del contenuto di questo documento non è riuscito ({0}); la sincronizzazione riprova più tardi da sola, oppure subito con il pulsante «Riprova ora» qui sotto.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="196"/>
        <source>A new attempt is made at the next sync, in a few seconds.</source>
        <translation>Un nuovo tentativo parte con la prossima sincronizzazione, tra pochi secondi.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="199"/>
        <source>not arrived: {0}</source>
        <translation>non arrivato: {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="201"/>
        <source>The content of this document could not be received ({0}). Nothing altered is ever stored; sync tries again later by itself.</source>
        <translation>Non è stato possibile ricevere il contenuto di questo documento ({0}). Nulla di alterato viene mai salvato; la sincronizzazione riprova più tardi da sola.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="241"/>
        <source>Attach a document</source>
        <translation>Allega un documento</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="241"/>
        <source>Documents (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Documenti (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="256"/>
        <source>The file is too big ({0} MB): the limit is {1} MB. Scan it again at a lower resolution or in black and white.</source>
        <translation>Il file è troppo grande ({0} MB): il limite è {1} MB. Scansionalo di nuovo a una risoluzione più bassa o in bianco e nero.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="258"/>
        <source>The file is not what its name says (it is not a real {0} file). Save it again as PDF, JPEG or PNG.</source>
        <translation>Il file non è quello che dice il suo nome (non è un vero file {0}). Salvalo di nuovo come PDF, JPEG o PNG.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="260"/>
        <source>Only PDF, JPEG and PNG files can be attached.</source>
        <translation>Si possono allegare solo file PDF, JPEG e PNG.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/attachments.py" line="263"/>
        <source>The file could not be attached.</source>
        <translation>Non è stato possibile allegare il file.</translation>
    </message>
</context>
<context>
    <name>CaseFileView</name>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="278"/>
        <source>← Cases</source>
        <translation>← Casi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="279"/>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="280"/>
        <source>&amp;Refer…</source>
        <translation>&amp;Invia…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="281"/>
        <source>Refer the person to another desk or partner, sharing only the parts of the file you choose</source>
        <translation>Invia la persona a un altro sportello o a un partner, condividendo solo le parti del fascicolo che scegli</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="283"/>
        <source>&amp;Print</source>
        <translation>S&amp;tampa</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="284"/>
        <source>Intake form (scheda di presa in carico)…</source>
        <translation>Scheda di presa in carico…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="285"/>
        <source>Consent form…</source>
        <translation>Modulo di consenso…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="286"/>
        <source>Privacy notice (informativa)…</source>
        <translation>Informativa privacy…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="287"/>
        <source>Blank intake form…</source>
        <translation>Modulo vuoto di presa in carico…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="288"/>
        <source>History of changes</source>
        <translation>Storia delle modifiche</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="289"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="289"/>
        <source>Who</source>
        <translation>Chi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="289"/>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="290"/>
        <source>File</source>
        <translation>Scheda</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="290"/>
        <source>Pathway</source>
        <translation>Percorso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="290"/>
        <source>Plan</source>
        <translation>Progetto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="290"/>
        <source>Diary</source>
        <translation>Diario</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="290"/>
        <source>Placements</source>
        <translation>Inserimenti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="291"/>
        <source>Timeline</source>
        <translation>Cronologia</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="291"/>
        <source>Closure</source>
        <translation>Chiusura</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="294"/>
        <source>&amp;Save changes</source>
        <translation>&amp;Salva le modifiche</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="295"/>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="333"/>
        <source>Opened on {0} by {1} · status: {2} · step {3}</source>
        <translation>Aperto il {0} da {1} · stato: {2} · gradino {3}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="362"/>
        <source>Previous codici fiscali</source>
        <translation>Codici fiscali precedenti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="362"/>
        <source>Consents</source>
        <translation>Consensi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="363"/>
        <source>Residence permit</source>
        <translation>Permesso di soggiorno</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="363"/>
        <source>Registrations</source>
        <translation>Iscrizioni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="386"/>
        <source>case opened</source>
        <translation>caso aperto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="386"/>
        <source>changed</source>
        <translation>modificato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="387"/>
        <source>imported</source>
        <translation>importato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="458"/>
        <source>Editing: {0}</source>
        <translation>Modifica: {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="553"/>
        <source>Language of the document</source>
        <translation>Lingua del documento</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_file.py" line="554"/>
        <source>The document is printed in Italian and in:</source>
        <translation>Il documento è stampato in italiano e in:</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="99"/>
        <source>{0} · expired</source>
        <translation>{0} · scaduto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="101"/>
        <source>{0} · in {1} days</source>
        <translation>{0} · tra {1} giorni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="139"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="139"/>
        <source>Codice fiscale</source>
        <translation>Codice fiscale</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="139"/>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="139"/>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="139"/>
        <source>Step</source>
        <translation>Gradino</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="140"/>
        <source>Operator</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="140"/>
        <source>Opened</source>
        <translation>Aperto il</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="140"/>
        <source>Permit expires</source>
        <translation>Scadenza permesso</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="195"/>
        <source>No cases yet</source>
        <translation>Ancora nessun caso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="197"/>
        <source>The people this desk accompanies will be listed here. Start with “New intake” when you meet someone for the first time.</source>
        <translation>Qui troverai le persone che lo sportello accompagna. Comincia con “Nuova presa in carico” quando incontri qualcuno per la prima volta.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="259"/>
        <source>Cases</source>
        <translation>Casi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="260"/>
        <source>&amp;New intake</source>
        <translation>&amp;Nuova presa in carico</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="261"/>
        <source>&amp;Search:</source>
        <translation>&amp;Cerca:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="262"/>
        <source>name, alias, codice fiscale or phone</source>
        <translation>nome, alias, codice fiscale o telefono</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="263"/>
        <source>No case matches the search.</source>
        <translation>Nessun caso corrisponde alla ricerca.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="264"/>
        <source>Opening the case files…</source>
        <translation>Apertura delle schede dei casi…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="299"/>
        <source>All statuses</source>
        <translation>Tutti gli stati</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="301"/>
        <source>All steps</source>
        <translation>Tutti i gradini</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="301"/>
        <source>Step {0}</source>
        <translation>Gradino {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="303"/>
        <source>All operators</source>
        <translation>Tutti gli operatori</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="308"/>
        <source>{0} cases</source>
        <translation>{0} casi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="308"/>
        <source>1 case</source>
        <translation>1 caso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="310"/>
        <source>{0} of {1} cases</source>
        <translation>{0} di {1} casi</translation>
    </message>
</context>
<context>
    <name>CasePathwayPanel</name>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="177"/>
        <source>&amp;Target step:</source>
        <translation>&amp;Gradino di destinazione:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="178"/>
        <source>&amp;Note on the move:</source>
        <translation>&amp;Nota sul passaggio:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="179"/>
        <source>optional going forward</source>
        <translation>facoltativa in avanti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="180"/>
        <source>Force the move…</source>
        <translation>Forza il passaggio…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="181"/>
        <source>Transitions</source>
        <translation>Passaggi di gradino</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="183"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="183"/>
        <source>From → to</source>
        <translation>Da → a</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="183"/>
        <source>Operator</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="183"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="183"/>
        <source>Override</source>
        <translation>Forzatura</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="185"/>
        <source>The case is closed: reopen it before moving it on the ladder.</source>
        <translation>Il caso è chiuso: riaprilo prima di spostarlo sui gradini.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="249"/>
        <source>since today</source>
        <translation>da oggi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="251"/>
        <source>for 1 day</source>
        <translation>da 1 giorno</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="252"/>
        <source>for {0} days</source>
        <translation>da {0} giorni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="279"/>
        <source>Entry criteria of step {0}</source>
        <translation>Criteri di ingresso del gradino {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="282"/>
        <source>Going back to step {0}: no criteria, a reason is needed</source>
        <translation>Ritorno al gradino {0}: nessun criterio, serve un motivo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="299"/>
        <source>To reach step {0} these are missing: {1}.</source>
        <translation>Per passare al gradino {0} mancano: {1}.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="302"/>
        <source>Every criterion is met.</source>
        <translation>Tutti i criteri sono soddisfatti.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="305"/>
        <source>Move to step {0}</source>
        <translation>Passa al gradino {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="305"/>
        <source>Back to step {0}…</source>
        <translation>Torna al gradino {0}…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="332"/>
        <source>ticked by {0} on {1}</source>
        <translation>spuntato da {0} il {1}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="334"/>
        <source>checklist item: tick it when done</source>
        <translation>voce da spuntare quando è fatta</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="351"/>
        <source>permit recorded, valid until {0}</source>
        <translation>permesso registrato, valido fino al {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="352"/>
        <source>renewal receipt recorded</source>
        <translation>ricevuta di rinnovo registrata</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="354"/>
        <source>Italian level recorded: {0}</source>
        <translation>livello di italiano registrato: {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="358"/>
        <source>contract recorded</source>
        <translation>contratto registrato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="359"/>
        <source>housing placement recorded</source>
        <translation>inserimento abitativo registrato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="360"/>
        <source>household budget balanced</source>
        <translation>bilancio familiare in pareggio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="361"/>
        <source>completed course recorded</source>
        <translation>corso completato registrato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="362"/>
        <source>course in progress recorded</source>
        <translation>corso in svolgimento registrato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="363"/>
        <source>registration recorded</source>
        <translation>iscrizione registrata</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="364"/>
        <source>business project stage recorded</source>
        <translation>fase del progetto d&apos;impresa registrata</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="365"/>
        <source>funding obtained recorded</source>
        <translation>finanziamento ottenuto registrato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="371"/>
        <source>record the contract under Placements</source>
        <translation>registra il contratto negli Inserimenti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="372"/>
        <source>record the housing under Placements</source>
        <translation>registra l&apos;abitazione negli Inserimenti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="373"/>
        <source>record a balanced budget with the housing placement</source>
        <translation>registra un bilancio in pareggio con l&apos;inserimento abitativo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="374"/>
        <source>record the completed course under Placements</source>
        <translation>registra il corso completato negli Inserimenti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="375"/>
        <source>record the course under Placements</source>
        <translation>registra il corso negli Inserimenti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="376"/>
        <source>record a valid permit or the renewal receipt in the case file</source>
        <translation>registra un permesso valido o la ricevuta di rinnovo nella scheda</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="377"/>
        <source>record the Italian level in the case file</source>
        <translation>registra il livello di italiano nella scheda</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="378"/>
        <source>record the registration in the case file</source>
        <translation>registra l&apos;iscrizione nella scheda</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="379"/>
        <source>record the business project under Placements</source>
        <translation>registra il progetto d&apos;impresa negli Inserimenti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="380"/>
        <source>record the funding under Placements</source>
        <translation>registra il finanziamento negli Inserimenti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="396"/>
        <source>forced</source>
        <translation>forzato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="404"/>
        <source>Criteria missing when forced: {0}</source>
        <translation>Criteri mancanti al momento della forzatura: {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="423"/>
        <source>Back to step {0}</source>
        <translation>Ritorno al gradino {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="424"/>
        <source>Why does the person go back to step {0}? The reason is recorded.</source>
        <translation>Perché la persona torna al gradino {0}? Il motivo viene registrato.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="436"/>
        <source>Force the move to step {0}</source>
        <translation>Forza il passaggio al gradino {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="437"/>
        <source>Some criteria are missing. Write why the person moves to step {0} anyway: the reason and the missing criteria are recorded.</source>
        <translation>Mancano alcuni criteri. Scrivi perché la persona passa comunque al gradino {0}: il motivo e i criteri mancanti vengono registrati.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="465"/>
        <source>Move refused: to reach step {0} these are missing: {1}.</source>
        <translation>Passaggio rifiutato: per il gradino {0} mancano: {1}.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/ladder_panel.py" line="472"/>
        <source>Only a coordinator can force a move whose criteria are missing.</source>
        <translation>Solo un coordinatore può forzare un passaggio con criteri mancanti.</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="52"/>
        <source>open</source>
        <translation>aperto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="53"/>
        <source>suspended</source>
        <translation>sospeso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="54"/>
        <source>closed</source>
        <translation>chiuso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/case_list.py" line="55"/>
        <source>draft</source>
        <translation>bozza</translation>
    </message>
</context>
<context>
    <name>ClosurePanel</name>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="118"/>
        <source>Closure and follow-up</source>
        <translation>Chiusura e follow-up</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="119"/>
        <source>Only a coordinator can close or reopen a case.</source>
        <translation>Solo un coordinatore può chiudere o riaprire un caso.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="120"/>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="127"/>
        <source>Close the case</source>
        <translation>Chiudi il caso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="121"/>
        <source>&amp;Outcome:</source>
        <translation>&amp;Esito:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="122"/>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="123"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="126"/>
        <source>required when the outcome is “Other”</source>
        <translation>obbligatoria se l&apos;esito è «Altro»</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="128"/>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="131"/>
        <source>Reopen the case</source>
        <translation>Riapri il caso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="129"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="130"/>
        <source>e.g. the person came back to the desk</source>
        <translation>es. la persona è tornata allo sportello</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="132"/>
        <source>Follow-up after exit</source>
        <translation>Follow-up dopo l&apos;uscita</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="133"/>
        <source>&amp;Contact:</source>
        <translation>&amp;Contatto:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="134"/>
        <source>No&amp;te:</source>
        <translation>No&amp;ta:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="135"/>
        <source>how the person is doing: work, housing, contacts</source>
        <translation>come sta la persona: lavoro, casa, relazioni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="136"/>
        <source>Record the follow-up</source>
        <translation>Registra il follow-up</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="137"/>
        <source>Closures and reopenings</source>
        <translation>Chiusure e riaperture</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="138"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="138"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="138"/>
        <source>Operator</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="138"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="169"/>
        <source>Closed on {0} — {1}</source>
        <translation>Chiuso il {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="172"/>
        <source>Open</source>
        <translation>Aperto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="176"/>
        <source>reopened once</source>
        <translation>riaperto una volta</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="178"/>
        <source>reopened {0} times</source>
        <translation>riaperto {0} volte</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="189"/>
        <source>Closed: {0}</source>
        <translation>Chiuso: {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="191"/>
        <source>Reopened</source>
        <translation>Riaperto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="202"/>
        <source>{0} months after exit</source>
        <translation>a {0} mesi dall&apos;uscita</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="205"/>
        <source>{0} months</source>
        <translation>{0} mesi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="206"/>
        <source>Recorded: {0}</source>
        <translation>Registrati: {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="206"/>
        <source>None recorded yet.</source>
        <translation>Nessuno registrato finora.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="225"/>
        <source>With the outcome “Other”, write a note.</source>
        <translation>Con l&apos;esito «Altro» scrivi una nota.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/closure_panel.py" line="245"/>
        <source>Write why the case is reopened.</source>
        <translation>Scrivi perché il caso viene riaperto.</translation>
    </message>
</context>
<context>
    <name>ComboEditor</name>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="218"/>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="251"/>
        <source>Yes</source>
        <translation>Sì</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="219"/>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="251"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="223"/>
        <source>Stateless or unknown</source>
        <translation>Apolide o sconosciuto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="229"/>
        <source>type to search, or the ISO code</source>
        <translation>scrivi per cercare, o il codice ISO</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="326"/>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="122"/>
        <source>Conflicts</source>
        <translation>Conflitti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="125"/>
        <source>Two computers changed the same field while out of touch. The later edit is the current value; the other one was kept here. Compare them and keep the current value or restore the other one: the choice reaches every computer of the desk.</source>
        <translation>Due computer hanno modificato lo stesso campo mentre non erano collegati. La modifica più recente è il valore attuale; l&apos;altra è stata conservata qui. Confrontale e mantieni il valore attuale o ripristina l&apos;altro: la scelta arriva a tutti i computer dello sportello.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="132"/>
        <source>Case</source>
        <translation>Pratica</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="132"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="132"/>
        <source>Kept on</source>
        <translation>Conservato il</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="139"/>
        <source>No conflicts to review.</source>
        <translation>Nessun conflitto da esaminare.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="141"/>
        <source>Current value</source>
        <translation>Valore attuale</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="143"/>
        <source>Other value</source>
        <translation>Altro valore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="147"/>
        <source>Keep the current value</source>
        <translation>Mantieni il valore attuale</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="148"/>
        <source>Restore the other value</source>
        <translation>Ripristina l&apos;altro valore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="149"/>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="191"/>
        <source>(empty)</source>
        <translation>(vuoto)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="198"/>
        <source>Written on this computer</source>
        <translation>Scritto su questo computer</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="199"/>
        <source>Written on another computer ({0})</source>
        <translation>Scritto su un altro computer ({0})</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/conflicts.py" line="208"/>
        <source>On {0}</source>
        <translation>Il {0}</translation>
    </message>
</context>
<context>
    <name>CoordinatorPage</name>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="122"/>
        <source>The first coordinator</source>
        <translation>Il primo coordinatore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="124"/>
        <source>The coordinator manages the desk&apos;s operators and settings. Choose a passphrase you can remember.</source>
        <translation>Il coordinatore gestisce gli operatori e le impostazioni dello sportello. Scegli una passphrase che riesci a ricordare.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="126"/>
        <source>&amp;User name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="127"/>
        <source>e.g. m.rossi</source>
        <translation>es. m.rossi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="128"/>
        <source>&amp;Full name:</source>
        <translation>Nome &amp;completo:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="129"/>
        <source>Create the desk</source>
        <translation>Crea lo sportello</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="143"/>
        <source>Use letters, digits, dots, hyphens or underscores, without spaces.</source>
        <translation>Usa lettere, cifre, punti, trattini o trattini bassi, senza spazi.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="146"/>
        <source>Enter the coordinator&apos;s full name.</source>
        <translation>Inserisci il nome completo del coordinatore.</translation>
    </message>
</context>
<context>
    <name>CreationPage</name>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="172"/>
        <source>Creating the desk</source>
        <translation>Creazione dello sportello</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="174"/>
        <source>Creating the encrypted vault and the keys…</source>
        <translation>Creazione dell&apos;archivio cifrato e delle chiavi…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="174"/>
        <source>The desk is ready.</source>
        <translation>Lo sportello è pronto.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="195"/>
        <source>The desk could not be created. Go back, correct and try again.</source>
        <translation>Non è stato possibile creare lo sportello. Torna indietro, correggi e riprova.</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../../iam_desktop/ui/sync/demo.py" line="55"/>
        <source>&lt;b&gt;Demo network&lt;/b&gt; — fictitious cases only, never real data. Operator: &lt;b&gt;{0}&lt;/b&gt;, passphrase: &lt;b&gt;{1}&lt;/b&gt;. The demo server runs on this computer until you quit.</source>
        <translation>&lt;b&gt;Rete dimostrativa&lt;/b&gt; — solo pratiche inventate, mai dati reali. Operatore: &lt;b&gt;{0}&lt;/b&gt;, passphrase: &lt;b&gt;{1}&lt;/b&gt;. Il server dimostrativo gira su questo computer finché non esci.</translation>
    </message>
</context>
<context>
    <name>DemoPage</name>
    <message>
        <location filename="../../iam_desktop/ui/sync/first_run.py" line="78"/>
        <source>Demo network</source>
        <translation>Rete dimostrativa</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/first_run.py" line="80"/>
        <source>Starting the demo sync server and preparing the demo desks with fictitious cases…</source>
        <translation>Avvio del server dimostrativo e preparazione degli sportelli di prova con pratiche inventate…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/first_run.py" line="97"/>
        <source>The demo network could not be started. Go back to set up the desk.</source>
        <translation>Non è stato possibile avviare la rete dimostrativa. Torna indietro per configurare lo sportello.</translation>
    </message>
</context>
<context>
    <name>DeskProfilePage</name>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="73"/>
        <source>Your desk</source>
        <translation>Il tuo sportello</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="74"/>
        <source>Welcome to I.Am Desk. First, tell us which desk this computer belongs to.</source>
        <translation>Benvenuto in I.Am Desk. Per prima cosa, indica a quale sportello appartiene questo computer.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="75"/>
        <source>Desk &amp;name:</source>
        <translation>&amp;Nome dello sportello:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="76"/>
        <source>e.g. Sportello Val Trompia</source>
        <translation>es. Sportello Val Trompia</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="77"/>
        <source>&amp;Territory:</source>
        <translation>&amp;Territorio:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="89"/>
        <source>Enter the desk&apos;s name.</source>
        <translation>Inserisci il nome dello sportello.</translation>
    </message>
</context>
<context>
    <name>DiaryEntryDialog</name>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="93"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="94"/>
        <source>&amp;Module:</source>
        <translation>&amp;Modulo:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="96"/>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="98"/>
        <source>D&amp;uration:</source>
        <translation>D&amp;urata:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="100"/>
        <source>&amp;Participants:</source>
        <translation>&amp;Partecipanti:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="101"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="103"/>
        <source>separated by commas (e.g. landlord, flatmates)</source>
        <translation>separati da virgole (es. proprietario, coinquilini)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="112"/>
        <source>Correct an intervention</source>
        <translation>Correggi un intervento</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="121"/>
        <source>New intervention</source>
        <translation>Nuovo intervento</translation>
    </message>
</context>
<context>
    <name>DiaryView</name>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="191"/>
        <source>Diary of interventions</source>
        <translation>Diario degli interventi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="192"/>
        <source>&amp;New intervention…</source>
        <translation>&amp;Nuovo intervento…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="193"/>
        <source>&amp;Correct…</source>
        <translation>&amp;Correggi…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="194"/>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Annulla…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="195"/>
        <source>Show withdrawn</source>
        <translation>Mostra annullati</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="196"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="196"/>
        <source>Intervention</source>
        <translation>Intervento</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="196"/>
        <source>Duration</source>
        <translation>Durata</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="196"/>
        <source>Operator</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="197"/>
        <source>Participants</source>
        <translation>Partecipanti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="197"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="230"/>
        <source>Withdrawn: {0}</source>
        <translation>Annullato: {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="234"/>
        <source>{0} (corrected)</source>
        <translation>{0} (corretto)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="239"/>
        <source>version {0}, written {1}: {2}</source>
        <translation>versione {0}, scritta il {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="291"/>
        <source>Withdraw an intervention</source>
        <translation>Annulla un intervento</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/diary_view.py" line="292"/>
        <source>The intervention stays in the history, marked as withdrawn. Why is it withdrawn (e.g. recorded in the wrong case)?</source>
        <translation>L&apos;intervento resta nello storico, segnato come annullato. Perché viene annullato (es. registrato nel caso sbagliato)?</translation>
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
    <name>EnrolmentDialog</name>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="57"/>
        <source>Connect to a server</source>
        <translation>Collega a un server</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="59"/>
        <source>e.g. https://sync.example.org</source>
        <translation>es. https://sync.example.org</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="62"/>
        <source>e.g. 1A2B-3C4D-5E6F-7081-92A3</source>
        <translation>es. 1A2B-3C4D-5E6F-7081-92A3</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="67"/>
        <source>&amp;Connect</source>
        <translation>&amp;Collega</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="72"/>
        <source>The central office gives you the server address, a one-time enrolment code and the fingerprint of its key (on its sheet or by phone): the server must announce that same key, otherwise nothing is sent to it. If this desk already works on another computer, this one will show a code to compare.</source>
        <translation>L&apos;ufficio centrale ti dà l&apos;indirizzo del server, un codice di registrazione monouso e l&apos;impronta della sua chiave (sul suo foglio o per telefono): il server deve annunciare la stessa chiave, altrimenti non le viene inviato nulla. Se questo sportello lavora già su un altro computer, questo mostrerà un codice da confrontare.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="80"/>
        <source>Server &amp;address:</source>
        <translation>&amp;Indirizzo del server:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="81"/>
        <source>Enrolment &amp;code:</source>
        <translation>&amp;Codice di registrazione:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="82"/>
        <source>Central office &amp;fingerprint:</source>
        <translation>&amp;Impronta dell&apos;ufficio centrale:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="83"/>
        <source>Name of this &amp;computer:</source>
        <translation>&amp;Nome di questo computer:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="93"/>
        <source>Verification code</source>
        <translation>Codice di verifica</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="104"/>
        <source>On a computer of this desk that is already connected, open Desk → Sync… (or click the sync state in the status bar), check that &quot;Devices waiting&quot; lists this computer and type this same code to approve it. If the codes differ, do not approve: someone may be in between.</source>
        <translation>Su un computer dello sportello già collegato apri Sportello → Sincronizzazione… (o fai clic sullo stato della sincronizzazione nella barra in basso), controlla che in «Dispositivi in attesa» compaia questo computer e digita questo stesso codice per approvarlo. Se i codici sono diversi non approvare: qualcuno potrebbe essersi messo in mezzo.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="114"/>
        <source>Waiting for approval…</source>
        <translation>In attesa dell&apos;approvazione…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="135"/>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="158"/>
        <source>Enter the server address and the enrolment code.</source>
        <translation>Inserisci l&apos;indirizzo del server e il codice di registrazione.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="199"/>
        <source>This computer is connected to the desk {0}.</source>
        <translation>Questo computer è collegato allo sportello {0}.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="202"/>
        <source>Central office key: {0} (confirmed).</source>
        <translation>Chiave dell&apos;ufficio centrale: {0} (confermata).</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="204"/>
        <source>Central office key: {0} — NOT confirmed: compare it with the central office&apos;s.</source>
        <translation>Chiave dell&apos;ufficio centrale: {0} — NON confermata: confrontala con quella dell&apos;ufficio centrale.</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="110"/>
        <source>Erase the person</source>
        <translation>Cancella la persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="112"/>
        <source>ERASE</source>
        <translation>CANCELLA</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="114"/>
        <source>Erase {0} from the whole network?</source>
        <translation>Cancellare {0} da tutta la rete?</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="117"/>
        <source>&lt;b&gt;It cannot be undone.&lt;/b&gt; The key of the case is destroyed: nothing of the person can be read again, not even from a backup.</source>
        <translation>&lt;b&gt;Non si può annullare.&lt;/b&gt; La chiave del caso viene distrutta: nulla della persona potrà più essere letto, nemmeno da un backup.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="121"/>
        <source>It happens on this computer now, and on every computer of the network and on the server at the next sync.</source>
        <translation>Avviene subito su questo computer, e su ogni computer della rete e sul server alla prossima sincronizzazione.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="125"/>
        <source>Referrals still pending: {0} — they are released (a booked place becomes free again). Extracts shared with other desks: {1} — they are erased too.</source>
        <translation>Invii ancora in corso: {0} — vengono chiusi (un posto prenotato torna libero). Estratti condivisi con altri sportelli: {1} — vengono cancellati anch&apos;essi.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="129"/>
        <source>No referral in progress and no extract shared with other desks: nothing else to release.</source>
        <translation>Nessun invio in corso e nessun estratto condiviso con altri sportelli: non c&apos;è altro da liberare.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="130"/>
        <source>Only an audit line without personal data stays: that a case was erased, by whom and when.</source>
        <translation>Resta solo una riga del registro senza dati personali: che un caso è stato cancellato, da chi e quando.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="136"/>
        <source>To confirm, type the person&apos;s family name: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Per confermare, scrivi il cognome della persona: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="138"/>
        <source>The case has no family name. To confirm, type the word &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Il caso non ha un cognome. Per confermare, scrivi la parola &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="143"/>
        <source>Erase for good</source>
        <translation>Cancella definitivamente</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="147"/>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../iam_desktop/ui/errors.py" line="41"/>
        <source>Something went wrong and the operation was not completed. If it happens again, tell your coordinator.</source>
        <translation>Qualcosa non ha funzionato e l&apos;operazione non è stata completata. Se succede di nuovo, avvisa il tuo coordinatore.</translation>
    </message>
</context>
<context>
    <name>ExportDoneDialog</name>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="74"/>
        <source>Person&apos;s data exported</source>
        <translation>Dati della persona esportati</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="77"/>
        <source>The person&apos;s data was exported</source>
        <translation>I dati della persona sono stati esportati</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="80"/>
        <source>Two files hold everything this computer keeps about the person, in the folder&lt;br&gt;&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;&lt;b&gt;PDF&lt;/b&gt; (to read and hand over): {1}&lt;br&gt;&lt;b&gt;JSON&lt;/b&gt; (the same data, for another system): {2}&lt;br&gt;&lt;br&gt;They hold personal data: give them to the person directly, then delete them from this folder.</source>
        <translation>Due file contengono tutto ciò che questo computer conserva sulla persona, nella cartella&lt;br&gt;&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;&lt;b&gt;PDF&lt;/b&gt; (da leggere e consegnare): {1}&lt;br&gt;&lt;b&gt;JSON&lt;/b&gt; (gli stessi dati, per un altro sistema): {2}&lt;br&gt;&lt;br&gt;Contengono dati personali: consegnali direttamente alla persona, poi cancellali da questa cartella.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="88"/>
        <source>&amp;Open the PDF</source>
        <translation>&amp;Apri il PDF</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="90"/>
        <source>Close</source>
        <translation>Chiudi</translation>
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
        <location filename="../../iam_desktop/ui/wizard.py" line="301"/>
        <source>I.Am Desk — set-up</source>
        <translation>I.Am Desk — configurazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="302"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Avanti &gt;</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="303"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Indietro</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="304"/>
        <source>&amp;Finish</source>
        <translation>&amp;Fine</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="305"/>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="375"/>
        <source>recovery-key.pdf</source>
        <translation>chiave-di-recupero.pdf</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="377"/>
        <source>Save recovery sheet</source>
        <translation>Salva il foglio di recupero</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="377"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documenti PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="386"/>
        <source>Saved: {0}</source>
        <translation>Salvato: {0}</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <location filename="../../iam_desktop/ui/intake/form_view.py" line="184"/>
        <source>dd/mm/yyyy</source>
        <translation>gg/mm/aaaa</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/form_view.py" line="185"/>
        <source>dd/mm/yyyy, mm/yyyy or only the year</source>
        <translation>gg/mm/aaaa, mm/aaaa o solo l&apos;anno</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/form_view.py" line="186"/>
        <source>more than one: separate with commas</source>
        <translation>se più di uno, separali con una virgola</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/form_view.py" line="187"/>
        <source>e.g. ML, SN</source>
        <translation>es. ML, SN</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/form_view.py" line="188"/>
        <source>e.g. bm, fr, ar</source>
        <translation>es. bm, fr, ar</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/form_view.py" line="189"/>
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
        <location filename="../../iam_desktop/ui/intake/fields.py" line="330"/>
        <source>overall</source>
        <translation>generale</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="331"/>
        <source>listening</source>
        <translation>ascolto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="332"/>
        <source>reading</source>
        <translation>lettura</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="333"/>
        <source>speaking</source>
        <translation>parlato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="334"/>
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
        <location filename="../../iam_desktop/ui/main_window.py" line="198"/>
        <source>&amp;Desk</source>
        <translation>&amp;Sportello</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="199"/>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="200"/>
        <source>Lock</source>
        <translation>Blocca</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="201"/>
        <source>Lock now (Ctrl+L)</source>
        <translation>Blocca ora (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="202"/>
        <source>Quit</source>
        <translation>Esci</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="203"/>
        <source>About I.Am Desk</source>
        <translation>Informazioni su I.Am Desk</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="218"/>
        <source>Unlocked</source>
        <translation>Sbloccato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="218"/>
        <source>Locked</source>
        <translation>Bloccato</translation>
    </message>
</context>
<context>
    <name>MethodologyPanel</name>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="78"/>
        <source>Methodology library</source>
        <translation>Biblioteca metodologica</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="82"/>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="82"/>
        <source>Version</source>
        <translation>Versione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="82"/>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="82"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="82"/>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="86"/>
        <source>Documents and templates the desks share. Files travel with sync to every desk; a file still on its way shows as arriving.</source>
        <translation>Documenti e modelli condivisi dagli sportelli. I file arrivano a ogni sportello con la sincronizzazione; un file ancora in viaggio è indicato come in arrivo.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="90"/>
        <source>&amp;Attach a file…</source>
        <translation>&amp;Allega un file…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="91"/>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Salva una copia…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="111"/>
        <source>no file yet</source>
        <translation>nessun file</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="113"/>
        <source>ready</source>
        <translation>pronto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="115"/>
        <source>arriving</source>
        <translation>in arrivo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="116"/>
        <source>not arrived (sync tries again)</source>
        <translation>non arrivato (la sincronizzazione riprova)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="126"/>
        <source>The file&apos;s content has not reached this computer yet: it arrives with the next syncs.</source>
        <translation>Il contenuto del file non è ancora arrivato su questo computer: arriva con le prossime sincronizzazioni.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="142"/>
        <source>Attach a file to the library</source>
        <translation>Allega un file alla biblioteca</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/methodology.py" line="158"/>
        <source>Save a copy</source>
        <translation>Salva una copia</translation>
    </message>
</context>
<context>
    <name>MonitoringView</name>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="151"/>
        <source>Monitoring</source>
        <translation>Monitoraggio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="152"/>
        <source>PDF report…</source>
        <translation>Rapporto PDF…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="153"/>
        <source>The monitoring report for the funder, for the period and scope chosen</source>
        <translation>Il rapporto di monitoraggio per il finanziatore, per il periodo e l&apos;ambito scelti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="154"/>
        <source>Public summary…</source>
        <translation>Sintesi pubblica…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="155"/>
        <source>One page of figures safe to publish: small numbers are hidden</source>
        <translation>Una pagina di dati pubblicabili: i numeri piccoli sono nascosti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="156"/>
        <source>Steps</source>
        <translation>Gradini</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="156"/>
        <source>Time on each step</source>
        <translation>Tempo sui gradini</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="156"/>
        <source>Outcomes</source>
        <translation>Esiti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="156"/>
        <source>Trend by month</source>
        <translation>Andamento mensile</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="157"/>
        <source>All indicators</source>
        <translation>Tutti gli indicatori</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="171"/>
        <source>People</source>
        <translation>Persone</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="171"/>
        <source>Days</source>
        <translation>Giorni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="171"/>
        <source>Hours</source>
        <translation>Ore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="172"/>
        <source>Courses</source>
        <translation>Corsi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="172"/>
        <source>Initiatives</source>
        <translation>Iniziative</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="172"/>
        <source>Sessions</source>
        <translation>Incontri</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="173"/>
        <source>Referrals</source>
        <translation>Invii</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="228"/>
        <source>Whole network</source>
        <translation>Tutta la rete</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="260"/>
        <source>The figures appear here once they are computed.</source>
        <translation>I dati compaiono qui appena calcolati.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="264"/>
        <source>No cases in this period: no one was in charge of the desk between these dates. Choose another period to see the figures.</source>
        <translation>Nessun caso in questo periodo: tra queste date nessuna persona era in carico allo sportello. Scegli un altro periodo per vedere i dati.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="299"/>
        <source>{0} of {1} discharged</source>
        <translation>{0} su {1} dimesse</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="305"/>
        <source>With a work contract at exit ({0})</source>
        <translation>Con contratto di lavoro all&apos;uscita ({0})</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="308"/>
        <source>People taken in charge (new)</source>
        <translation>Nuove prese in carico</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="309"/>
        <source>People in charge</source>
        <translation>Persone in carico</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="310"/>
        <source>People discharged</source>
        <translation>Persone dimesse</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="312"/>
        <source>{0} days</source>
        <translation>{0} giorni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="313"/>
        <source>Median time to climb a step</source>
        <translation>Tempo mediano per salire un gradino</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="317"/>
        <source>In their own home at exit ({0})</source>
        <translation>In casa autonoma all&apos;uscita ({0})</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="355"/>
        <source>No step was climbed in this period: no time to measure yet.</source>
        <translation>Nessun gradino salito in questo periodo: ancora nessun tempo da misurare.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/view.py" line="363"/>
        <source>No case was closed in this period.</source>
        <translation>Nessun caso chiuso in questo periodo.</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="73"/>
        <source>All entries</source>
        <translation>Tutte le voci</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="74"/>
        <source>Housing</source>
        <translation>Abitazioni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="74"/>
        <source>Jobs and internships</source>
        <translation>Lavoro e tirocini</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="75"/>
        <location filename="../../iam_desktop/ui/network/view.py" line="81"/>
        <source>Training</source>
        <translation>Formazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="75"/>
        <source>Partners</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="76"/>
        <location filename="../../iam_desktop/ui/network/view.py" line="82"/>
        <source>Methodology</source>
        <translation>Metodologia</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="79"/>
        <source>Housing</source>
        <comment>kind of one entry</comment>
        <translation>Alloggio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="80"/>
        <source>Job</source>
        <translation>Lavoro</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="81"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="83"/>
        <source>proposed</source>
        <translation>proposto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="83"/>
        <source>accepted</source>
        <translation>accettato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="84"/>
        <source>declined</source>
        <translation>rifiutato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="84"/>
        <source>withdrawn</source>
        <translation>ritirato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="85"/>
        <source>completed</source>
        <translation>concluso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="86"/>
        <source>housing</source>
        <translation>alloggio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="86"/>
        <source>job</source>
        <translation>lavoro</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="87"/>
        <source>training</source>
        <translation>formazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="88"/>
        <source>transfer of the whole case</source>
        <translation>trasferimento dell&apos;intero caso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="89"/>
        <source>answered after the sender withdrew it</source>
        <translation>risposta dopo il ritiro da parte del mittente</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="90"/>
        <source>the place is booked twice</source>
        <translation>il posto è prenotato due volte</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="92"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="92"/>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="92"/>
        <source>Territory</source>
        <translation>Territorio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="93"/>
        <source>Free places</source>
        <translation>Posti liberi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="93"/>
        <source>Booked</source>
        <translation>Prenotati</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="94"/>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="94"/>
        <source>Purpose</source>
        <translation>Finalità</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="94"/>
        <source>From</source>
        <translation>Da</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="94"/>
        <source>Opportunity</source>
        <translation>Opportunità</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="95"/>
        <source>Problems</source>
        <translation>Problemi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="96"/>
        <source>Accept</source>
        <translation>Accetta</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="97"/>
        <source>Decline…</source>
        <translation>Rifiuta…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="98"/>
        <source>Print &amp;letter…</source>
        <translation>Stampa &amp;lettera…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="112"/>
        <source>The network&apos;s catalogue is empty on this computer. It arrives with sync once a desk has founded it; a coordinator can also import a catalogue file (iam-desktop catalogue import).</source>
        <translation>Il catalogo della rete è vuoto su questo computer. Arriva con la sincronizzazione quando uno sportello lo ha creato; un coordinatore può anche importare un file di catalogo (iam-desktop catalogue import).</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="131"/>
        <source>Catalogue</source>
        <translation>Catalogo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="132"/>
        <source>Referrals received</source>
        <translation>Invii ricevuti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="139"/>
        <source>Network</source>
        <translation>Rete</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="206"/>
        <source>Decline the referral</source>
        <translation>Rifiuta l&apos;invio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="206"/>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="233"/>
        <source>The transfer is over: the case is the sending desk&apos;s and no longer on this computer.</source>
        <translation>Il trasferimento è concluso: il caso è dello sportello che lo ha inviato e non è più su questo computer.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="235"/>
        <source>The sending desk withdrew it before your acceptance reached it.</source>
        <translation>Lo sportello che lo ha inviato lo ha ritirato prima che la vostra accettazione gli arrivasse.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="238"/>
        <source>A transfer: the whole case is in the case list.</source>
        <translation>Un trasferimento: l&apos;intero caso è nell&apos;elenco dei casi.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="241"/>
        <source>The referral is over: the shared extract is no longer on this computer.</source>
        <translation>L&apos;invio è concluso: l&apos;estratto condiviso non è più su questo computer.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/view.py" line="249"/>
        <source>Extract shared by {0} — read only (copied on {1})</source>
        <translation>Estratto condiviso da {0} — sola lettura (copiato il {1})</translation>
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
    <name>OtherIndicators</name>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/others.py" line="79"/>
        <source>Table</source>
        <translation>Tabella</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/others.py" line="109"/>
        <source>not available</source>
        <translation>non disponibile</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/others.py" line="137"/>
        <source>Other figures</source>
        <translation>Altri dati</translation>
    </message>
</context>
<context>
    <name>OverviewModel</name>
    <message>
        <location filename="../../iam_desktop/ui/pathway/overview_panel.py" line="70"/>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/overview_panel.py" line="70"/>
        <source>Step</source>
        <translation>Gradino</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/overview_panel.py" line="70"/>
        <source>On the step since</source>
        <translation>Sul gradino dal</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/overview_panel.py" line="70"/>
        <source>Days on the step</source>
        <translation>Giorni sul gradino</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/overview_panel.py" line="71"/>
        <source>Overdue</source>
        <translation>In ritardo</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <location filename="../../iam_desktop/ui/pathway/overview_panel.py" line="168"/>
        <source>Pathway overview</source>
        <translation>Quadro del percorso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/overview_panel.py" line="169"/>
        <source>The overview of the desk&apos;s cases is for coordinators.</source>
        <translation>Il quadro dei casi dello sportello è riservato ai coordinatori.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/overview_panel.py" line="170"/>
        <source>overdue items</source>
        <translation>scadenze in ritardo</translation>
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
        <location filename="../../iam_desktop/ui/widgets.py" line="135"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nuova passphrase:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/widgets.py" line="135"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/widgets.py" line="136"/>
        <source>&amp;Repeat passphrase:</source>
        <translation>&amp;Ripeti la passphrase:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/widgets.py" line="137"/>
        <source>at least {0} characters</source>
        <translation>almeno {0} caratteri</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/widgets.py" line="174"/>
        <source>Too short: use at least {0} characters (a short sentence is easy to remember).</source>
        <translation>Troppo corta: usa almeno {0} caratteri (una breve frase è facile da ricordare).</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/widgets.py" line="180"/>
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
    <name>PathwayLabels</name>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="47"/>
        <source>Work</source>
        <translation>Lavoro</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="48"/>
        <source>Housing</source>
        <translation>Abitazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="49"/>
        <source>Social</source>
        <translation>Sociale</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="50"/>
        <source>Training</source>
        <translation>Formazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="51"/>
        <source>Health and documents</source>
        <translation>Salute e documenti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="57"/>
        <source>To do</source>
        <translation>Da fare</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="58"/>
        <source>In progress</source>
        <translation>In corso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="59"/>
        <source>Done</source>
        <translation>Fatto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="60"/>
        <source>Cancelled</source>
        <translation>Annullato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="66"/>
        <source>Interview</source>
        <translation>Colloquio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="67"/>
        <source>Job orientation</source>
        <translation>Orientamento al lavoro</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="68"/>
        <source>Housing accompaniment</source>
        <translation>Accompagnamento abitativo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="71"/>
        <source>Paperwork</source>
        <translation>Pratiche burocratiche</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="72"/>
        <source>Language mediation</source>
        <translation>Mediazione linguistica</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="73"/>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="118"/>
        <source>Other</source>
        <translation>Altro</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="79"/>
        <source>Domestic economy</source>
        <translation>Economia domestica</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="80"/>
        <source>Conflict mediation</source>
        <translation>Mediazione dei conflitti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="81"/>
        <source>Managing shared spaces</source>
        <translation>Gestione degli spazi comuni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="87"/>
        <source>Co-housing</source>
        <translation>Co-housing</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="88"/>
        <source>Transitional apartment</source>
        <translation>Appartamento di transizione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="89"/>
        <source>Own apartment</source>
        <translation>Appartamento autonomo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="95"/>
        <source>Internship</source>
        <translation>Tirocinio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="96"/>
        <source>Fixed-term contract</source>
        <translation>Tempo determinato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="97"/>
        <source>Permanent contract</source>
        <translation>Tempo indeterminato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="98"/>
        <source>Apprenticeship</source>
        <translation>Apprendistato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="99"/>
        <source>Self-employed</source>
        <translation>Lavoro autonomo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="105"/>
        <source>Idea</source>
        <translation>Idea</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="106"/>
        <source>Feasibility study</source>
        <translation>Studio di fattibilità</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="107"/>
        <source>Business plan</source>
        <translation>Business plan</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="108"/>
        <source>Start-up</source>
        <translation>Avvio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="109"/>
        <source>Trading</source>
        <translation>Attiva</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="115"/>
        <source>Autonomy reached</source>
        <translation>Autonomia raggiunta</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="116"/>
        <source>Transferred</source>
        <translation>Trasferito</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="117"/>
        <source>Dropped out</source>
        <translation>Abbandono</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="124"/>
        <source>Plan action</source>
        <translation>Azione del progetto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="125"/>
        <source>Plan review</source>
        <translation>Verifica del progetto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="126"/>
        <source>Permit expiry</source>
        <translation>Scadenza permesso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="127"/>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="134"/>
        <source>The person</source>
        <translation>La persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="180"/>
        <source>this field cannot be empty</source>
        <translation>il campo non può essere vuoto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="181"/>
        <source>the duration must be between 1 minute and 12 hours</source>
        <translation>la durata deve essere tra 1 minuto e 12 ore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="184"/>
        <source>choose the module of the housing accompaniment</source>
        <translation>scegli il modulo dell&apos;accompagnamento abitativo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="185"/>
        <source>a module belongs only to housing accompaniment</source>
        <translation>il modulo vale solo per l&apos;accompagnamento abitativo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="188"/>
        <source>the value cannot be negative</source>
        <translation>il valore non può essere negativo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="189"/>
        <source>weekly hours must be between 0 and 60</source>
        <translation>le ore settimanali devono essere tra 0 e 60</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="190"/>
        <source>a certificate needs the course completed</source>
        <translation>un attestato richiede il corso completato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="193"/>
        <source>the review is dated before the plan was made</source>
        <translation>la verifica è precedente alla data del progetto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="196"/>
        <source>the review is dated before the latest review</source>
        <translation>la verifica è precedente all&apos;ultima verifica</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="199"/>
        <source>value not accepted ({0})</source>
        <translation>valore non accettato ({0})</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="86"/>
        <source>{0} pages</source>
        <translation>{0} pagine</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="87"/>
        <source>&amp;Print…</source>
        <translation>S&amp;tampa…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="88"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Salva come PDF…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="89"/>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="127"/>
        <source>Save as PDF</source>
        <translation>Salva come PDF</translation>
    </message>
</context>
<context>
    <name>PdfSaveOnly</name>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="151"/>
        <source>The preview is not available on this computer: save the document and open it with a PDF reader to print it.</source>
        <translation>L&apos;anteprima non è disponibile su questo computer: salva il documento e aprilo con un lettore PDF per stamparlo.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="154"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Salva come PDF…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="155"/>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pdf_preview.py" line="168"/>
        <source>Save as PDF</source>
        <translation>Salva come PDF</translation>
    </message>
</context>
<context>
    <name>PendingDevicesBox</name>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="226"/>
        <source>Devices waiting</source>
        <translation>Dispositivi in attesa</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="228"/>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="228"/>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="228"/>
        <source>Desk</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="238"/>
        <source>code shown on the new computer, e.g. 482 913</source>
        <translation>codice mostrato sul nuovo computer, es. 482 913</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="239"/>
        <source>Refresh</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="240"/>
        <source>&amp;Approve</source>
        <translation>&amp;Approva</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="246"/>
        <source>Code:</source>
        <translation>Codice:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="266"/>
        <source> (recovery)</source>
        <translation> (recupero)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="276"/>
        <source>No computer is waiting.</source>
        <translation>Nessun computer in attesa.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="286"/>
        <source>Choose the computer and type the code its screen shows.</source>
        <translation>Scegli il computer e digita il codice che mostra il suo schermo.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="306"/>
        <source>Approved: the new computer of {0} receives the desk key, recovered from the central office&apos;s copy, at its next sync.</source>
        <translation>Approvato: il nuovo computer di {0} riceve la chiave dello sportello, recuperata dalla copia dell&apos;ufficio centrale, alla prossima sincronizzazione.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/enrolment.py" line="311"/>
        <source>Approved: the new computer receives the desk key at its next sync.</source>
        <translation>Approvato: il nuovo computer riceve la chiave dello sportello alla prossima sincronizzazione.</translation>
    </message>
</context>
<context>
    <name>PeriodSelector</name>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/selectors.py" line="91"/>
        <source>This month</source>
        <translation>Questo mese</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/selectors.py" line="91"/>
        <source>This quarter</source>
        <translation>Questo trimestre</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/selectors.py" line="91"/>
        <source>This year</source>
        <translation>Quest&apos;anno</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/selectors.py" line="91"/>
        <source>Last year</source>
        <translation>Anno scorso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/selectors.py" line="92"/>
        <source>Other period</source>
        <translation>Altro periodo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/selectors.py" line="95"/>
        <source>From</source>
        <translation>Dal</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/selectors.py" line="96"/>
        <source>to</source>
        <translation>al</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/selectors.py" line="97"/>
        <source>Scope</source>
        <translation>Ambito</translation>
    </message>
</context>
<context>
    <name>PersonRightsButton</name>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="195"/>
        <source>Person&apos;s &amp;rights</source>
        <translation>&amp;Diritti della persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="196"/>
        <source>Export the person&apos;s data (access)…</source>
        <translation>Esporta i dati della persona (accesso)…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="197"/>
        <source>Erase the person (right to erasure)…</source>
        <translation>Cancella la persona (diritto alla cancellazione)…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="223"/>
        <source>One PDF and one JSON file with everything this computer holds about the person</source>
        <translation>Un PDF e un file JSON con tutto ciò che questo computer conserva sulla persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="224"/>
        <source>Only a coordinator can export a person&apos;s data</source>
        <translation>Solo un coordinatore può esportare i dati di una persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="227"/>
        <source>The case was transferred: the desk now responsible for it erases it</source>
        <translation>Il caso è stato trasferito: lo cancella lo sportello che ora ne è responsabile</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="229"/>
        <source>Erases the person on every computer and on the server; it cannot be undone</source>
        <translation>Cancella la persona su ogni computer e sul server; non si può annullare</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="231"/>
        <source>Only a coordinator can erase a person</source>
        <translation>Solo un coordinatore può cancellare una persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="233"/>
        <source>The person&apos;s rights: a copy of their data, or their erasure</source>
        <translation>I diritti della persona: una copia dei suoi dati, o la loro cancellazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="239"/>
        <source>Folder for the person&apos;s data</source>
        <translation>Cartella per i dati della persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="256"/>
        <source>Person&apos;s data</source>
        <translation>Dati della persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="299"/>
        <source>The person was erased from this computer. The erasure reaches the server and the other desks at the next sync (the sync panel shows it until then).</source>
        <translation>La persona è stata cancellata da questo computer. La cancellazione raggiunge il server e gli altri sportelli alla prossima sincronizzazione (fino ad allora la mostra il pannello di sincronizzazione).</translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="128"/>
        <source>ends on</source>
        <translation>termina il</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="142"/>
        <source>&amp;From:</source>
        <translation>&amp;Dal:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="143"/>
        <source>&amp;To:</source>
        <translation>&amp;Al:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="146"/>
        <source>Housing placement</source>
        <translation>Inserimento abitativo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="151"/>
        <source>co-housing unit or address</source>
        <translation>unità di co-housing o indirizzo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="153"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="154"/>
        <source>&amp;Place:</source>
        <translation>&amp;Luogo:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="156"/>
        <source>&amp;Rent paid by the person (month):</source>
        <translation>&amp;Affitto a carico della persona (mese):</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="157"/>
        <source>Household budget (domestic economy), per month</source>
        <translation>Bilancio familiare (economia domestica), mensile</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="162"/>
        <source>Income:</source>
        <translation>Entrate:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="162"/>
        <source>Rent:</source>
        <translation>Affitto:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="162"/>
        <source>Utilities:</source>
        <translation>Utenze:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="162"/>
        <source>Food:</source>
        <translation>Spesa alimentare:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="162"/>
        <source>Other:</source>
        <translation>Altro:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="167"/>
        <source>Balance:</source>
        <translation>Saldo:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="182"/>
        <source>Work placement</source>
        <translation>Inserimento lavorativo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="190"/>
        <source>&amp;Employer:</source>
        <translation>&amp;Datore di lavoro:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="191"/>
        <source>&amp;Contract:</source>
        <translation>&amp;Contratto:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="193"/>
        <source>&amp;Hours a week:</source>
        <translation>&amp;Ore settimanali:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="196"/>
        <source>Training</source>
        <translation>Formazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="203"/>
        <source>course completed</source>
        <translation>corso completato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="205"/>
        <source>e.g. attestato di frequenza; empty when none</source>
        <translation>es. attestato di frequenza; vuoto se nessuno</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="206"/>
        <source>&amp;Course:</source>
        <translation>&amp;Corso:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="207"/>
        <source>&amp;Provider:</source>
        <translation>&amp;Ente:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="209"/>
        <source>Hours &amp;planned:</source>
        <translation>Ore &amp;previste:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="210"/>
        <source>Hours &amp;attended:</source>
        <translation>Ore &amp;frequentate:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="212"/>
        <source>Cer&amp;tificate:</source>
        <translation>A&amp;ttestato:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="215"/>
        <source>Self-entrepreneurship</source>
        <translation>Autoimprenditorialità</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="221"/>
        <source>dates of the sessions, e.g. 03/02/2026, 17/02/2026</source>
        <translation>date degli incontri, es. 03/02/2026, 17/02/2026</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="224"/>
        <source>&amp;Business idea:</source>
        <translation>&amp;Idea d&apos;impresa:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="225"/>
        <source>&amp;Stage:</source>
        <translation>&amp;Fase:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="227"/>
        <source>&amp;Mentoring sessions:</source>
        <translation>Incontri di &amp;mentoring:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="228"/>
        <source>Funding &amp;applied for:</source>
        <translation>Finanziamento &amp;richiesto:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="229"/>
        <source>Funding &amp;obtained:</source>
        <translation>Finanziamento &amp;ottenuto:</translation>
    </message>
</context>
<context>
    <name>PlacementsView</name>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="342"/>
        <source>Placements</source>
        <translation>Inserimenti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="343"/>
        <source>+ &amp;Housing…</source>
        <translation>+ &amp;Abitazione…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="343"/>
        <source>+ &amp;Work…</source>
        <translation>+ &amp;Lavoro…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="343"/>
        <source>+ &amp;Training…</source>
        <translation>+ &amp;Formazione…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="344"/>
        <source>+ &amp;Self-entrepreneurship…</source>
        <translation>+ Autoim&amp;prenditorialità…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="347"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="347"/>
        <source>Where / what</source>
        <translation>Dove / cosa</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="347"/>
        <source>From</source>
        <translation>Dal</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="347"/>
        <source>To</source>
        <translation>Al</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="348"/>
        <source>Details</source>
        <translation>Dettagli</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="366"/>
        <source>rent {0}</source>
        <translation>affitto {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="368"/>
        <source>budget balance {0}</source>
        <translation>saldo del bilancio {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="371"/>
        <source>{0} h a week</source>
        <translation>{0} ore settimanali</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="373"/>
        <source>completed</source>
        <translation>completato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="373"/>
        <source>{0}/{1} h attended</source>
        <translation>{0}/{1} ore frequentate</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="376"/>
        <source>Training</source>
        <translation>Formazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="377"/>
        <source>stage: {0}; {1} mentoring sessions</source>
        <translation>fase: {0}; {1} incontri di mentoring</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="379"/>
        <source>funding obtained {0}</source>
        <translation>finanziamento ottenuto {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/placements_view.py" line="380"/>
        <source>Self-entrepreneurship</source>
        <translation>Autoimprenditorialità</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="196"/>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="485"/>
        <source>Individual plan</source>
        <translation>Progetto individualizzato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="197"/>
        <source>&amp;Print the plan…</source>
        <translation>&amp;Stampa progetto…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="198"/>
        <source>Goal / action</source>
        <translation>Obiettivo / azione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="198"/>
        <source>Owner</source>
        <translation>Responsabile</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="198"/>
        <source>Due</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="198"/>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="199"/>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="200"/>
        <source>Reviews with the person</source>
        <translation>Verifiche con la persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="201"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="201"/>
        <source>Operator</source>
        <translation>Operatore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="201"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="202"/>
        <source>New goal</source>
        <translation>Nuovo obiettivo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="203"/>
        <source>A&amp;xis:</source>
        <translation>A&amp;sse:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="204"/>
        <source>&amp;Goal:</source>
        <translation>&amp;Obiettivo:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="205"/>
        <source>e.g. a first work contract</source>
        <translation>es. un primo contratto di lavoro</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="206"/>
        <source>Add goal</source>
        <translation>Aggiungi obiettivo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="209"/>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="210"/>
        <source>For &amp;goal:</source>
        <translation>Per l&apos;&amp;obiettivo:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="211"/>
        <source>&amp;Action:</source>
        <translation>&amp;Azione:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="212"/>
        <source>&amp;Owner:</source>
        <translation>&amp;Responsabile:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="213"/>
        <source>D&amp;ue:</source>
        <translation>S&amp;cadenza:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="214"/>
        <source>&amp;Status:</source>
        <translation>S&amp;tato:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="215"/>
        <source>Ou&amp;tcome:</source>
        <translation>&amp;Esito:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="217"/>
        <source>what is to be done</source>
        <translation>cosa c&apos;è da fare</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="220"/>
        <source>the person, an operator or a partner&apos;s name</source>
        <translation>la persona, un operatore o il nome di un partner</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="223"/>
        <source>New action</source>
        <translation>Nuova azione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="224"/>
        <source>New review</source>
        <translation>Nuova verifica</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="225"/>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="226"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="227"/>
        <source>Add review</source>
        <translation>Aggiungi verifica</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="234"/>
        <source>required: what came of it</source>
        <translation>obbligatorio: com&apos;è andata</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="234"/>
        <source>when done or cancelled</source>
        <translation>quando è fatta o annullata</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="236"/>
        <source>Save action</source>
        <translation>Salva azione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="236"/>
        <source>Add action</source>
        <translation>Aggiungi azione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="261"/>
        <source>agreed on {0}</source>
        <translation>concordato il {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="261"/>
        <source>no plan yet: add a first goal</source>
        <translation>nessun progetto ancora: aggiungi un primo obiettivo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="300"/>
        <source>overdue</source>
        <translation>in ritardo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="340"/>
        <source>Write the goal.</source>
        <translation>Scrivi l&apos;obiettivo.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="375"/>
        <source>Add a goal first: every action serves a goal.</source>
        <translation>Aggiungi prima un obiettivo: ogni azione serve un obiettivo.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="418"/>
        <source>Add a goal first: a review looks at a plan.</source>
        <translation>Aggiungi prima un obiettivo: una verifica riguarda un progetto.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="455"/>
        <source>Language of the plan</source>
        <translation>Lingua del progetto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="455"/>
        <source>The plan is printed in Italian and in:</source>
        <translation>Il progetto viene stampato in italiano e in:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/plan_editor.py" line="480"/>
        <source>Save the plan</source>
        <translation>Salva il progetto</translation>
    </message>
</context>
<context>
    <name>ProposeReferralDialog</name>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="97"/>
        <source>Refer the case to another desk</source>
        <translation>Invia il caso a un altro sportello</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="99"/>
        <source>Housing</source>
        <translation>Abitazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="100"/>
        <source>Job</source>
        <translation>Lavoro</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="101"/>
        <source>Training</source>
        <translation>Formazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="102"/>
        <source>Transfer of the whole case</source>
        <translation>Trasferimento dell&apos;intero caso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="111"/>
        <source>&amp;To:</source>
        <translation>&amp;Destinatario:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="112"/>
        <source>&amp;Purpose:</source>
        <translation>&amp;Finalità:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="113"/>
        <source>&amp;Opportunity:</source>
        <translation>&amp;Opportunità:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="114"/>
        <source>Lawful &amp;basis (no consent):</source>
        <translation>&amp;Base giuridica (senza consenso):</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="115"/>
        <source>coordinators only, when the person has not consented</source>
        <translation>solo coordinatori, se la persona non ha dato il consenso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="116"/>
        <source>Data to share</source>
        <translation>Dati da condividere</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="132"/>
        <source>(none)</source>
        <translation>(nessuna)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="141"/>
        <source>A transfer gives the receiving desk the whole case; this desk keeps read-only access for the configured days.</source>
        <translation>Un trasferimento dà allo sportello destinatario l&apos;intero caso; questo sportello lo conserva in sola lettura per i giorni stabiliti.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/propose.py" line="144"/>
        <source>The receiving desk reads a copy of only these parts (a shared extract), never the rest of the file.</source>
        <translation>Lo sportello destinatario legge una copia solo di queste parti (un estratto condiviso), mai il resto del fascicolo.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../iam_desktop/ui/pathway/common.py" line="329"/>
        <source>Write the reason: it is recorded with the change.</source>
        <translation>Scrivi il motivo: viene registrato con la modifica.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="232"/>
        <source>Recovery key</source>
        <translation>Chiave di recupero</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="235"/>
        <source>With this key a coordinator can set a new passphrase for anyone who forgets theirs. It is shown only now: print the sheet or write the key down, and keep it in a safe.</source>
        <translation>Con questa chiave un coordinatore può impostare una nuova passphrase per chi dimentica la propria. Viene mostrata solo ora: stampa il foglio o trascrivi la chiave e conservala in cassaforte.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="239"/>
        <source>Save recovery sheet (PDF)…</source>
        <translation>Salva foglio di recupero (PDF)…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/wizard.py" line="240"/>
        <source>I have printed or stored the key</source>
        <translation>Ho stampato/conservato la chiave</translation>
    </message>
</context>
<context>
    <name>RepeatEditor</name>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="400"/>
        <source>Add a row</source>
        <translation>Aggiungi una riga</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="401"/>
        <source>Remove last row</source>
        <translation>Togli l&apos;ultima riga</translation>
    </message>
</context>
<context>
    <name>RetentionReviewDialog</name>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="355"/>
        <source>Retention review</source>
        <translation>Revisione della conservazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="358"/>
        <source>Cases due for erasure</source>
        <translation>Casi da cancellare</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="362"/>
        <source>The retention rules of the network say these cases should now be erased: closed cases {0} years after closure, open cases untouched for {1} years. Nothing is erased until you tick the people and confirm; a person you keep stays listed at the next review.</source>
        <translation>Secondo le regole di conservazione della rete questi casi vanno ora cancellati: i casi chiusi {0} anni dopo la chiusura, i casi aperti senza attività da {1} anni. Nulla viene cancellato finché non spunti le persone e confermi; una persona che tieni resta in elenco alla prossima revisione.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="369"/>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="369"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="369"/>
        <source>Since</source>
        <translation>Dal</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="369"/>
        <source>Due on</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="381"/>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="455"/>
        <source>Erase the selected…</source>
        <translation>Cancella i selezionati…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="383"/>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="401"/>
        <source>Case closed: kept for {0} years after closure</source>
        <translation>Caso chiuso: conservato {0} anni dopo la chiusura</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="402"/>
        <source>Open case with no activity for {0} years</source>
        <translation>Caso aperto senza attività da {0} anni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="434"/>
        <source>No case is due for erasure under the retention rules: nothing to do.</source>
        <translation>Nessun caso da cancellare secondo le regole di conservazione: non c&apos;è nulla da fare.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="454"/>
        <source>Erase the selected ({0})…</source>
        <translation>Cancella i selezionati ({0})…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="462"/>
        <source>People selected for erasure: &lt;b&gt;{0}&lt;/b&gt;.&lt;br&gt;&lt;br&gt;Their cases are erased on this computer now, and on every computer of the network and on the server at the next sync. It cannot be undone; only an audit line without personal data stays for each.</source>
        <translation>Persone selezionate per la cancellazione: &lt;b&gt;{0}&lt;/b&gt;.&lt;br&gt;&lt;br&gt;I loro casi vengono cancellati subito su questo computer, e su ogni computer della rete e sul server alla prossima sincronizzazione. Non si può annullare; per ciascuna resta solo una riga del registro senza dati personali.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="466"/>
        <source>Erase the selected people</source>
        <translation>Cancella le persone selezionate</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="467"/>
        <source>Erase for good</source>
        <translation>Cancella definitivamente</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/data_rights.py" line="486"/>
        <source>People erased from this computer: {0}. The erasure reaches the server and the other desks at the next sync.</source>
        <translation>Persone cancellate da questo computer: {0}. La cancellazione raggiunge il server e gli altri sportelli alla prossima sincronizzazione.</translation>
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
    <name>SentPanel</name>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="45"/>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="65"/>
        <source>Referral letter</source>
        <translation>Lettera di invio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="46"/>
        <source>The letter is printed in Italian and in:</source>
        <translation>La lettera è stampata in italiano e in:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="86"/>
        <source>proposed — waiting for an answer</source>
        <translation>proposto — in attesa di risposta</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="87"/>
        <source>accepted</source>
        <translation>accettato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="87"/>
        <source>declined</source>
        <translation>rifiutato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="88"/>
        <source>withdrawn</source>
        <translation>ritirato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="89"/>
        <source>completed</source>
        <translation>concluso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="90"/>
        <source>housing</source>
        <translation>alloggio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="90"/>
        <source>job</source>
        <translation>lavoro</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="91"/>
        <source>training</source>
        <translation>formazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="92"/>
        <source>transfer of the whole case</source>
        <translation>trasferimento dell&apos;intero caso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="93"/>
        <source>accepted before the withdrawal reached them</source>
        <translation>accettato prima che il ritiro arrivasse</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="94"/>
        <source>the place is booked twice</source>
        <translation>il posto è prenotato due volte</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="95"/>
        <source>not sent: the server announces another key for this desk; compare fingerprints by telephone</source>
        <translation>non inviato: il server annuncia un&apos;altra chiave per questo sportello; confrontare le impronte per telefono</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="97"/>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="97"/>
        <source>Purpose</source>
        <translation>Finalità</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="97"/>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="97"/>
        <source>Opportunity</source>
        <translation>Opportunità</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="98"/>
        <source>Proposed on</source>
        <translation>Proposto il</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="98"/>
        <source>Problems</source>
        <translation>Problemi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="102"/>
        <source>This desk has not referred anyone yet. A referral is proposed from the person&apos;s case file (Refer…); its state appears here once the receiving desk answers and both have synced.</source>
        <translation>Questo sportello non ha ancora inviato nessuno. Un invio si propone dalla scheda della persona (Invia…); il suo stato compare qui quando lo sportello ricevente risponde e entrambi hanno sincronizzato.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="108"/>
        <source>Print &amp;letter…</source>
        <translation>Stampa &amp;lettera…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="109"/>
        <source>&amp;Update shared extract</source>
        <translation>A&amp;ggiorna estratto condiviso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="110"/>
        <source>Copy the chosen sections of the file into the extract again (the file changed since the referral).</source>
        <translation>Copia di nuovo nell&apos;estratto le sezioni scelte della scheda (la scheda è cambiata dopo l&apos;invio).</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="112"/>
        <source>Mark as &amp;done…</source>
        <translation>Segna come &amp;concluso…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="113"/>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Ritira…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="131"/>
        <source>Referrals sent</source>
        <translation>Invii fatti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="140"/>
        <source>partner organisation</source>
        <translation>ente partner</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="169"/>
        <source>Withdraw this referral? The receiving desk can no longer accept it, and its access to what was shared ends. A new referral can be proposed later.</source>
        <translation>Ritirare questo invio? Lo sportello ricevente non potrà più accettarlo e il suo accesso a quanto condiviso termina. Più avanti si può proporre un nuovo invio.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="171"/>
        <source>Mark this referral as done? The receiving desk&apos;s access to the shared extract ends; the referral stays in both desks&apos; lists.</source>
        <translation>Segnare questo invio come concluso? L&apos;accesso dello sportello ricevente all&apos;estratto condiviso termina; l&apos;invio resta negli elenchi di entrambi gli sportelli.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/network/referrals_sent.py" line="174"/>
        <source>Referral</source>
        <translation>Invio</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="130"/>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="131"/>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="132"/>
        <source>&amp;Language of the app:</source>
        <translation>&amp;Lingua dell&apos;applicazione:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="133"/>
        <source>Automatic lock</source>
        <translation>Blocco automatico</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="134"/>
        <source>Lock after &amp;idle minutes:</source>
        <translation>Blocca dopo &amp;minuti di inattività:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="135"/>
        <source>Apply</source>
        <translation>Applica</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="136"/>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="139"/>
        <source>Writes an encrypted, self-checking copy of the whole vault to a file. Keep it on a separate drive; it can only be restored with a passphrase or the recovery key.</source>
        <translation>Scrive in un file una copia cifrata e autoverificante dell&apos;intero archivio. Conservala su un disco separato; si può ripristinare solo con una passphrase o con la chiave di recupero.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="143"/>
        <source>Write a backup…</source>
        <translation>Scrivi un backup…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="144"/>
        <source>Data retention</source>
        <translation>Conservazione dei dati</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="145"/>
        <source>The network&apos;s rules say when a person&apos;s data is erased (closed cases after some years). The review lists the cases due; nothing is erased until you choose and confirm.</source>
        <translation>Le regole della rete dicono quando i dati di una persona vanno cancellati (i casi chiusi dopo alcuni anni). La revisione elenca i casi in scadenza; nulla viene cancellato finché non scegli e confermi.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="148"/>
        <source>Retention review…</source>
        <translation>Revisione della conservazione…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="182"/>
        <source>When nobody uses the app for this long, it locks; unsaved input is kept encrypted.</source>
        <translation>Se nessuno usa l&apos;applicazione per questo tempo, si blocca; i dati non salvati vengono conservati cifrati.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="185"/>
        <source>Only a coordinator can change the automatic lock.</source>
        <translation>Solo un coordinatore può modificare il blocco automatico.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="214"/>
        <source>Write a backup</source>
        <translation>Scrivi un backup</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="214"/>
        <source>I.Am Desk backups (*.iambackup)</source>
        <translation>Backup di I.Am Desk (*.iambackup)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/views/settings.py" line="224"/>
        <source>Backup written: {0}</source>
        <translation>Backup scritto: {0}</translation>
    </message>
</context>
<context>
    <name>SignatureNote</name>
    <message>
        <location filename="../../iam_desktop/ui/intake/fields.py" line="363"/>
        <source>Signed on the printed form (Print menu of the case file).</source>
        <translation>Si firma sul modulo stampato (menu Stampa della scheda del caso).</translation>
    </message>
</context>
<context>
    <name>StartChoicePage</name>
    <message>
        <location filename="../../iam_desktop/ui/sync/first_run.py" line="36"/>
        <source>Welcome to I.Am Desk</source>
        <translation>Benvenuti in I.Am Desk</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/first_run.py" line="37"/>
        <source>What would you like to do?</source>
        <translation>Che cosa vuoi fare?</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/first_run.py" line="38"/>
        <source>&amp;Set up the desk</source>
        <translation>&amp;Configura lo sportello</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/first_run.py" line="40"/>
        <source>Create this desk&apos;s encrypted vault and its first coordinator. Choose this for real work.</source>
        <translation>Crea l&apos;archivio cifrato dello sportello e il primo coordinatore. Scegli questo per il lavoro vero.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/first_run.py" line="42"/>
        <source>Try the &amp;demo network</source>
        <translation>Prova la rete &amp;dimostrativa</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/first_run.py" line="45"/>
        <source>Start a sync server on this computer with demo desks and fictitious cases, and open one of them: see sync, conflicts and the case file without any set-up. Nothing real is stored.</source>
        <translation>Avvia su questo computer un server di sincronizzazione con sportelli di prova e pratiche inventate, e aprine uno: vedi sincronizzazione, conflitti e fascicoli senza configurare nulla. Non si salva niente di reale.</translation>
    </message>
</context>
<context>
    <name>SyncControls</name>
    <message>
        <location filename="../../iam_desktop/ui/sync/controls.py" line="79"/>
        <source>Sync now</source>
        <translation>Sincronizza ora</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/controls.py" line="80"/>
        <source>Send and receive changes now (Ctrl+Shift+S)</source>
        <translation>Invia e ricevi le modifiche adesso (Ctrl+Maiusc+S)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/controls.py" line="81"/>
        <source>Sync…</source>
        <translation>Sincronizzazione…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/controls.py" line="82"/>
        <source>Conflicts…</source>
        <translation>Conflitti…</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="75"/>
        <source>Sync</source>
        <translation>Sincronizzazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="77"/>
        <source>Sync with the server</source>
        <translation>Sincronizzazione con il server</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="82"/>
        <source>Runs in this session</source>
        <translation>Sincronizzazioni di questa sessione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="85"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="85"/>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="85"/>
        <source>Sent</source>
        <translation>Inviate</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="85"/>
        <source>Received</source>
        <translation>Ricevute</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="85"/>
        <source>Duration</source>
        <translation>Durata</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="86"/>
        <source>Data</source>
        <translation>Dati</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="96"/>
        <source>Last sync</source>
        <translation>Ultima sincronizzazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="103"/>
        <source>Attachments:</source>
        <translation>Allegati:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="104"/>
        <source>Archive check:</source>
        <translation>Controllo dell&apos;archivio:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="105"/>
        <source>Access withdrawn:</source>
        <translation>Accesso revocato:</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="109"/>
        <source>Cases kept for review</source>
        <translation>Casi tenuti per revisione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="113"/>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="133"/>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="113"/>
        <source>Access withdrawn on</source>
        <translation>Accesso revocato il</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="113"/>
        <source>Changes not accepted</source>
        <translation>Modifiche non accettate</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="116"/>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="338"/>
        <source>Discard…</source>
        <translation>Scarta…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="130"/>
        <source>Set aside</source>
        <translation>Messi da parte</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="133"/>
        <source>What and why</source>
        <translation>Che cosa e perché</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="133"/>
        <source>Since</source>
        <translation>Da quando</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="134"/>
        <source>Attempts</source>
        <translation>Tentativi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="142"/>
        <source>Conflicts…</source>
        <translation>Conflitti…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="144"/>
        <source>Connect to a server…</source>
        <translation>Collega a un server…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="147"/>
        <source>Sync now</source>
        <translation>Sincronizza ora</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="149"/>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="188"/>
        <source>Syncing…</source>
        <translation>Sincronizzazione…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="202"/>
        <source>{0}, server {1}. This computer waits for approval: on a computer of the desk that is already connected, open Sync → Waiting computers and type this short code: {2}</source>
        <translation>{0}, server {1}. Questo computer attende l&apos;approvazione: su un computer dello sportello già collegato apri Sincronizzazione → Dispositivi in attesa e digita questo codice breve: {2}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="207"/>
        <source>never</source>
        <translation>mai</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="209"/>
        <source>{0}, server {1}. Last success: {2}.</source>
        <translation>{0}, server {1}. Ultima sincronizzazione riuscita: {2}.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="213"/>
        <source>This computer is not connected to a sync server yet: its work stays here only.</source>
        <translation>Questo computer non è ancora collegato a un server di sincronizzazione: il suo lavoro resta solo qui.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="217"/>
        <source>Changes set aside: {0}. A change that arrives damaged, or before the key that opens it, is set aside and retried at every sync; the rest keeps flowing.</source>
        <translation>Modifiche messe da parte: {0}. Una modifica che arriva danneggiata, o prima della chiave che la apre, viene messa da parte e riprovata a ogni sincronizzazione; il resto continua ad arrivare.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="226"/>
        <source>Erasures waiting to be sent to the server: {0} (sent at the next sync).</source>
        <translation>Cancellazioni in attesa di invio al server: {0} (partono alla prossima sincronizzazione).</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="275"/>
        <source>{0} sent, {1} received, {2} waiting, {3} failed (retried later)</source>
        <translation>{0} inviati, {1} ricevuti, {2} in attesa, {3} non riusciti (si riprova più tardi)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="279"/>
        <source> · {0} attached before this version, now being sent</source>
        <translation> · {0} allegati prima di questa versione, ora in invio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="286"/>
        <source>parts of the archive compared with the server: {0}; repaired: {1}</source>
        <translation>parti dell&apos;archivio confrontate con il server: {0}; riparate: {1}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="292"/>
        <source>not compared in this run (after changes at most every 10 minutes, otherwise hourly)</source>
        <translation>non confrontato in questa sincronizzazione (dopo modifiche al massimo ogni 10 minuti, altrimenti ogni ora)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="296"/>
        <source>cases removed from this computer: {0}; kept for review: {1}</source>
        <translation>casi rimossi da questo computer: {0}; tenuti per revisione: {1}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="323"/>
        <source>Another desk withdrew this desk&apos;s access while changes written here had not reached the server, which no longer accepts them: {0} case(s), {1} change(s). They are kept here: copy what you need, then discard the case.</source>
        <translation>Un altro sportello ha revocato l&apos;accesso a questo sportello mentre modifiche scritte qui non erano ancora arrivate al server, che ora non le accetta più: casi {0}, modifiche {1}. Restano qui: copia ciò che ti serve, poi scarta il caso.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="362"/>
        <source>Case {0}: the changes not accepted ({1}) and everything of it on this computer will be removed. Click again to confirm.</source>
        <translation>Caso {0}: le modifiche non accettate ({1}) e tutto ciò che ne resta su questo computer saranno rimossi. Fai clic di nuovo per confermare.</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="301"/>
        <source>no case</source>
        <translation>nessun caso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="366"/>
        <source>Confirm: discard</source>
        <translation>Conferma: scarta</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="228"/>
        <source>Conflicts to review: {0}</source>
        <translation>Conflitti da esaminare: {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/panel.py" line="241"/>
        <source>No sync yet.</source>
        <translation>Nessuna sincronizzazione finora.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="115"/>
        <source>Syncing…</source>
        <translation>Sincronizzazione…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="119"/>
        <source>Up to date — last sync at {0}</source>
        <translation>Aggiornato — ultima sincronizzazione alle {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="119"/>
        <source>Up to date</source>
        <translation>Aggiornato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="123"/>
        <source>Computer clock off by {0} minutes</source>
        <translation>Orologio del computer sfasato di {0} minuti</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="124"/>
        <source>Computer clock is wrong</source>
        <translation>L&apos;orologio del computer è sbagliato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="126"/>
        <source>Offline</source>
        <translation>Non in linea</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="127"/>
        <source>Update the application</source>
        <translation>Aggiorna l&apos;applicazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="128"/>
        <source>Device waiting for approval</source>
        <translation>Dispositivo in attesa di approvazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="129"/>
        <source>Not connected to a server</source>
        <translation>Non collegato a un server</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="130"/>
        <source>Computer not recognised by the server</source>
        <translation>Computer non riconosciuto dal server</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="131"/>
        <source>Computer revoked: no sync</source>
        <translation>Computer revocato: niente sincronizzazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="132"/>
        <source>Central office key changed: sync stopped</source>
        <translation>Chiave dell&apos;ufficio centrale cambiata: sincronizzazione ferma</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="133"/>
        <source>Sync failed, it will retry</source>
        <translation>Sincronizzazione non riuscita, riproverà</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="137"/>
        <source>Not synced yet</source>
        <translation>Non ancora sincronizzato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="144"/>
        <source>Open the sync panel (Ctrl+Shift+S syncs now)</source>
        <translation>Apri il pannello della sincronizzazione (Ctrl+Maiusc+S sincronizza ora)</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="151"/>
        <source>Changes waiting: {0}</source>
        <translation>Modifiche in attesa: {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="154"/>
        <source>Conflicts: {0}</source>
        <translation>Conflitti: {0}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/sync/status.py" line="155"/>
        <source>Concurrent edits to review</source>
        <translation>Modifiche contemporanee da esaminare</translation>
    </message>
</context>
<context>
    <name>TableBox</name>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/panels.py" line="112"/>
        <source>Export CSV…</source>
        <translation>Esporta CSV…</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/panels.py" line="113"/>
        <source>Save this table as a CSV file that a spreadsheet can open</source>
        <translation>Salva questa tabella come file CSV da aprire con un foglio di calcolo</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/panels.py" line="130"/>
        <source>Export CSV</source>
        <translation>Esporta CSV</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/monitoring/panels.py" line="130"/>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="48"/>
        <source>Timeline</source>
        <translation>Cronologia</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="49"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="49"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="49"/>
        <source>Details</source>
        <translation>Dettagli</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="49"/>
        <source>Who</source>
        <translation>Chi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="66"/>
        <source>Step</source>
        <translation>Gradino</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="67"/>
        <source>Diary</source>
        <translation>Diario</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="68"/>
        <source>Placement starts</source>
        <translation>Inizio inserimento</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="69"/>
        <source>Placement ends</source>
        <translation>Fine inserimento</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="70"/>
        <source>Permit issued</source>
        <translation>Permesso rilasciato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="71"/>
        <source>Permit renewal requested</source>
        <translation>Rinnovo del permesso richiesto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="72"/>
        <source>Permit expires</source>
        <translation>Scadenza del permesso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="73"/>
        <source>Individual plan agreed</source>
        <translation>Progetto individualizzato concordato</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="74"/>
        <source>Plan review</source>
        <translation>Verifica del progetto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="75"/>
        <source>Case closed</source>
        <translation>Caso chiuso</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="76"/>
        <source>Case reopened</source>
        <translation>Caso riaperto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="82"/>
        <source>from step {0} to step {1}</source>
        <translation>dal gradino {0} al gradino {1}</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="83"/>
        <source>forced by the coordinator</source>
        <translation>forzato dal coordinatore</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="86"/>
        <source>corrected</source>
        <translation>corretto</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="95"/>
        <source>Housing</source>
        <translation>Abitazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="95"/>
        <source>Work</source>
        <translation>Lavoro</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="95"/>
        <source>Training</source>
        <translation>Formazione</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="96"/>
        <source>Self-entrepreneurship</source>
        <translation>Autoimprenditorialità</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/pathway/timeline_view.py" line="113"/>
        <source>planned</source>
        <translation>previsto</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="86"/>
        <source>Cases</source>
        <translation>Casi</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="86"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="86"/>
        <source>Network</source>
        <translation>Rete</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="86"/>
        <source>Monitoring</source>
        <translation>Monitoraggio</translation>
    </message>
    <message>
        <location filename="../../iam_desktop/ui/main_window.py" line="86"/>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
</context>
<context>
    <name>Writers</name>
    <message>
        <location filename="../../iam_desktop/ui/writer_name.py" line="16"/>
        <source>another computer&apos;s operator</source>
        <translation>un operatore di un altro computer</translation>
    </message>
</context>
</TS>
