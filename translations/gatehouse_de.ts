<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Gatehouse</name>
    <message>
        <source>Gatehouse projects (*.gatehouse);;All files (*)</source>
        <translation>Gatehouse-Projekte (*.gatehouse);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Gatehouse::Autosaver</name>
    <message>
        <source>Cannot create the recovery folder %1.</source>
        <translation>Der Wiederherstellungsordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot lock the recovery file in %1.</source>
        <translation>Die Wiederherstellungsdatei in %1 kann nicht gesperrt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Gatehouse::CircuitBreakerBox</name>
    <message>
        <source>Circuit breaker</source>
        <translation>Circuit-Breaker</translation>
    </message>
    <message>
        <source>Use a circuit breaker for this service</source>
        <translation>Circuit-Breaker für diesen Dienst verwenden</translation>
    </message>
    <message>
        <source>Reset to Defaults</source>
        <translation>Auf Standardwerte zurücksetzen</translation>
    </message>
    <message>
        <source>Failed calls in a row (connection error, timeout or 5xx) that open the circuit.</source>
        <translation>Fehlgeschlagene Aufrufe in Folge (Verbindungsfehler, Zeitlimit oder 5xx), die den Circuit-Breaker öffnen.</translation>
    </message>
    <message>
        <source>How long the gateway answers at once with the route&apos;s fallback or 503 before it tries the service again. Milliseconds, or seconds with &quot;s&quot;.</source>
        <translation>Wie lange das Gateway sofort mit dem Fallback der Route oder 503 antwortet, bevor es den Dienst erneut aufruft. Millisekunden oder Sekunden mit „s“.</translation>
    </message>
    <message>
        <source>Trial calls let through after the open time. That many successes close the circuit; a failure opens it again.</source>
        <translation>Probeaufrufe, die nach der Öffnungszeit durchgelassen werden. Ebenso viele Erfolge schließen den Circuit-Breaker, ein Fehlschlag öffnet ihn erneut.</translation>
    </message>
    <message>
        <source>While the circuit is open, requests get the route&apos;s fallback or 503 at once.</source>
        <translation>Solange der Circuit-Breaker offen ist, erhalten Anfragen sofort den Fallback der Route oder 503.</translation>
    </message>
    <message>
        <source>Failure &amp;threshold:</source>
        <translation>Fehler&amp;schwelle:</translation>
    </message>
    <message>
        <source>&amp;Open time (ms):</source>
        <translation>Ö&amp;ffnungszeit (ms):</translation>
    </message>
    <message>
        <source>Half-open &amp;probes:</source>
        <translation>Halboffene &amp;Probeaufrufe:</translation>
    </message>
    <message>
        <source>The failure threshold is the number of failed calls in a row that open the circuit: a whole number from %1 to %2.</source>
        <translation>Die Fehlerschwelle ist die Zahl fehlgeschlagener Aufrufe in Folge, die den Circuit-Breaker öffnen: eine ganze Zahl von %1 bis %2.</translation>
    </message>
    <message>
        <source>The open time is how long calls are refused before a trial call: %1 to %2 milliseconds (or seconds with &quot;s&quot;, e.g. 30s).</source>
        <translation>Die Öffnungszeit gibt an, wie lange Aufrufe vor einem Probeaufruf abgewiesen werden: %1 bis %2 Millisekunden (oder Sekunden mit „s“, z. B. 30s).</translation>
    </message>
    <message>
        <source>The half-open probes are the trial calls after the open time: a whole number from %1 to %2.</source>
        <translation>Die halboffenen Probeaufrufe sind die Aufrufe nach der Öffnungszeit, die den Zustand entscheiden: eine ganze Zahl von %1 bis %2.</translation>
    </message>
    <message>
        <source>Turn on circuit breaker of %1</source>
        <translation>Circuit-Breaker von %1 einschalten</translation>
    </message>
    <message>
        <source>Turn off circuit breaker of %1</source>
        <translation>Circuit-Breaker von %1 ausschalten</translation>
    </message>
    <message>
        <source>Circuit breaker of %1: failure threshold %2</source>
        <translation>Circuit-Breaker von %1: Fehlerschwelle %2</translation>
    </message>
    <message>
        <source>Circuit breaker of %1: open time %2 ms</source>
        <translation>Circuit-Breaker von %1: Öffnungszeit %2 ms</translation>
    </message>
    <message>
        <source>Circuit breaker of %1: half-open probes %2</source>
        <translation>Circuit-Breaker von %1: halboffene Probeaufrufe %2</translation>
    </message>
    <message>
        <source>Reset circuit breaker of %1</source>
        <translation>Circuit-Breaker von %1 zurücksetzen</translation>
    </message>
</context>
<context>
    <name>Gatehouse::ConnectionProbe</name>
    <message>
        <source>“%1” is not a Redis URL like redis://host:6379/0.</source>
        <translation>„%1“ ist keine Redis-URL wie redis://host:6379/0.</translation>
    </message>
    <message>
        <source>No answer within %1 s.</source>
        <translation>Keine Antwort innerhalb von %1 s.</translation>
    </message>
    <message>
        <source>Redis answered PING.</source>
        <translation>Redis hat auf PING geantwortet.</translation>
    </message>
    <message>
        <source>No bootstrap server given.</source>
        <translation>Kein Bootstrap-Server angegeben.</translation>
    </message>
    <message>
        <source>Reached %1 over TCP. A full metadata check needs librdkafka; the runtime does it when the stack starts.</source>
        <translation>%1 über TCP erreicht. Eine vollständige Metadatenprüfung braucht librdkafka; die Laufzeit führt sie beim Start des Stacks durch.</translation>
    </message>
    <message>
        <source>“%1” is not host:port.</source>
        <translation>„%1“ hat nicht die Form Host:Port.</translation>
    </message>
    <message>
        <source>%1: no answer within %2 s.</source>
        <translation>%1: keine Antwort innerhalb von %2 s.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::CredentialStore</name>
    <message>
        <source>Passwords are kept only in the OS keychain (Secret Service, KWallet, macOS Keychain or the Windows Credential Manager) under the service “%1”, never in the project file.</source>
        <translation>Passwörter werden nur im Schlüsselbund des Betriebssystems (Secret Service, KWallet, macOS-Schlüsselbund oder Windows-Anmeldeinformationsverwaltung) unter dem Dienst „%1“ aufbewahrt, niemals in der Projektdatei.</translation>
    </message>
    <message>
        <source>No OS keychain is available, so passwords cannot be stored (%1). On Linux start a Secret Service provider such as gnome-keyring or KWallet in your session and restart Gatehouse.</source>
        <translation>Es ist kein Schlüsselbund des Betriebssystems verfügbar, daher können keine Passwörter gespeichert werden (%1). Starten Sie unter Linux einen Secret-Service-Anbieter wie gnome-keyring oder KWallet in Ihrer Sitzung und starten Sie Gatehouse neu.</translation>
    </message>
    <message>
        <source>the keychain did not answer</source>
        <translation>der Schlüsselbund hat nicht geantwortet</translation>
    </message>
</context>
<context>
    <name>Gatehouse::DiagramScene</name>
    <message>
        <source>A node cannot connect to itself.</source>
        <translation>Ein Knoten kann nicht mit sich selbst verbunden werden.</translation>
    </message>
    <message>
        <source>Add waypoint</source>
        <translation>Wegpunkt hinzufügen</translation>
    </message>
    <message>
        <source>%1 service</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>%1 cannot connect to %2.</source>
        <translation>%1 kann nicht mit %2 verbunden werden.</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Ausschneiden</translation>
    </message>
    <message>
        <source>Align %1 nodes</source>
        <translation>%1 Knoten ausrichten</translation>
    </message>
    <message>
        <source>Distribute %1 nodes</source>
        <translation>%1 Knoten verteilen</translation>
    </message>
    <message>
        <source>Re-layout all</source>
        <translation>Alles neu anordnen</translation>
    </message>
    <message>
        <source>Auto layout</source>
        <translation>Automatisch anordnen</translation>
    </message>
    <message>
        <source>Clear waypoints</source>
        <translation>Wegpunkte entfernen</translation>
    </message>
</context>
<context>
    <name>Gatehouse::DiagramView</name>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alles aus&amp;wählen</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation>&amp;Links ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;Centre</source>
        <translation>&amp;Zentriert ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;Right</source>
        <translation>&amp;Rechts ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation>&amp;Oben ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;Middle</source>
        <translation>&amp;Mittig ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;Bottom</source>
        <translation>&amp;Unten ausrichten</translation>
    </message>
    <message>
        <source>Distribute &amp;Horizontally</source>
        <translation>&amp;Horizontal verteilen</translation>
    </message>
    <message>
        <source>Distribute &amp;Vertically</source>
        <translation>&amp;Vertikal verteilen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100 %)</source>
        <translation>&amp;Originalgröße (100 %)</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>Am &amp;Raster ausrichten</translation>
    </message>
    <message>
        <source>&amp;Connect Tool</source>
        <translation>&amp;Verbindungswerkzeug</translation>
    </message>
    <message>
        <source>Show S&amp;ync Calls</source>
        <translation>&amp;Synchrone Aufrufe anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Events</source>
        <translation>&amp;Ereignisse anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Data Ownership</source>
        <translation>&amp;Datenbesitz anzeigen</translation>
    </message>
    <message>
        <source>Show Cross-Cutting &amp;Marks</source>
        <translation>&amp;Querschnittsmarkierungen anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Failure Paths</source>
        <translation>&amp;Fehlerpfade anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Internal Routes</source>
        <translation>&amp;Interne Routen anzeigen</translation>
    </message>
    <message>
        <source>Sync Calls Only</source>
        <translation>Nur synchrone Aufrufe</translation>
    </message>
    <message>
        <source>Events Only</source>
        <translation>Nur Ereignisse</translation>
    </message>
    <message>
        <source>Show Everything</source>
        <translation>Alles anzeigen</translation>
    </message>
    <message>
        <source>Auto &amp;Layout</source>
        <translation>Automatisch an&amp;ordnen</translation>
    </message>
    <message>
        <source>Re-layout &amp;All</source>
        <translation>&amp;Alles neu anordnen</translation>
    </message>
    <message>
        <source>Clear &amp;Waypoints</source>
        <translation>&amp;Wegpunkte entfernen</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Ausrichten</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Bring to &amp;Front</source>
        <translation>In den &amp;Vordergrund</translation>
    </message>
    <message>
        <source>Send to &amp;Back</source>
        <translation>In den &amp;Hintergrund</translation>
    </message>
</context>
<context>
    <name>Gatehouse::Document</name>
    <message>
        <source>Add “%1”</source>
        <translation>„%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Both ends of a connection must be nodes of this diagram.</source>
        <translation>Beide Enden einer Verbindung müssen Knoten dieses Diagramms sein.</translation>
    </message>
    <message>
        <source>A node cannot connect to itself.</source>
        <translation>Ein Knoten kann nicht mit sich selbst verbunden werden.</translation>
    </message>
    <message>
        <source>“%1” already has a %2 connection to “%3”.</source>
        <translation>„%1“ hat bereits eine %2-Verbindung zu „%3“.</translation>
    </message>
    <message>
        <source>Connect “%1” → “%2”</source>
        <translation>„%1“ → „%2“ verbinden</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <source>Delete connection %1</source>
        <translation>Verbindung %1 löschen</translation>
    </message>
    <message>
        <source>Delete %1 nodes</source>
        <translation>%1 Knoten löschen</translation>
    </message>
    <message>
        <source>Delete %1 connections</source>
        <translation>%1 Verbindungen löschen</translation>
    </message>
    <message>
        <source>Delete %1 nodes and %2 connections</source>
        <translation>%1 Knoten und %2 Verbindungen löschen</translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>„%1“ verschieben</translation>
    </message>
    <message>
        <source>Move %1 nodes</source>
        <translation>%1 Knoten verschieben</translation>
    </message>
    <message>
        <source>Resize “%1”</source>
        <translation>Größe von „%1“ ändern</translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation>„%1“ umbenennen</translation>
    </message>
    <message>
        <source>Change kind of “%1”</source>
        <translation>Art von „%1“ ändern</translation>
    </message>
    <message>
        <source>Change role of “%1”</source>
        <translation>Rolle von „%1“ ändern</translation>
    </message>
    <message>
        <source>Edit description of “%1”</source>
        <translation>Beschreibung von „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Change port of “%1”</source>
        <translation>Port von „%1“ ändern</translation>
    </message>
    <message>
        <source>Move “%1” to another lane</source>
        <translation>„%1“ in eine andere Bahn verschieben</translation>
    </message>
    <message>
        <source>Set %1 of “%2”</source>
        <translation>%1 von „%2“ setzen</translation>
    </message>
    <message>
        <source>Change kind of %1</source>
        <translation>Art von %1 ändern</translation>
    </message>
    <message>
        <source>Edit label of %1</source>
        <translation>Beschriftung von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit routes of %1</source>
        <translation>Routen von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit route %1 %2</source>
        <translation>Route %1 %2 bearbeiten</translation>
    </message>
    <message>
        <source>Edit topics of %1</source>
        <translation>Topics von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit consumer group of %1</source>
        <translation>Consumer-Gruppe von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit key prefix of %1</source>
        <translation>Schlüsselpräfix von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit timeout of %1</source>
        <translation>Zeitlimit von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit retries of %1</source>
        <translation>Wiederholungen von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit fallback of %1</source>
        <translation>Fallback von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit waypoints of %1</source>
        <translation>Wegpunkte von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>%1 von %2 setzen</translation>
    </message>
    <message>
        <source>Rename diagram</source>
        <translation>Diagramm umbenennen</translation>
    </message>
    <message>
        <source>Edit diagram description</source>
        <translation>Diagrammbeschreibung bearbeiten</translation>
    </message>
    <message>
        <source>Edit run settings</source>
        <translation>Ausführungseinstellungen bearbeiten</translation>
    </message>
    <message>
        <source>The clipboard does not hold Gatehouse nodes: %1</source>
        <translation>Die Zwischenablage enthält keine Gatehouse-Knoten: %1</translation>
    </message>
    <message>
        <source>The clipboard holds no nodes.</source>
        <translation>Die Zwischenablage enthält keine Knoten.</translation>
    </message>
    <message>
        <source>Paste 1 item</source>
        <translation>1 Element einfügen</translation>
    </message>
    <message>
        <source>Paste %1 items</source>
        <translation>%1 Elemente einfügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Bring to front</source>
        <translation>In den Vordergrund</translation>
    </message>
    <message>
        <source>Send to back</source>
        <translation>In den Hintergrund</translation>
    </message>
</context>
<context>
    <name>Gatehouse::EdgeForm</name>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>None: the error goes back to the caller</source>
        <translation>Keiner: der Fehler geht an den Aufrufer zurück</translation>
    </message>
    <message>
        <source>Static response</source>
        <translation>Statische Antwort</translation>
    </message>
    <message>
        <source>Defer: accept now, finish via an event</source>
        <translation>Aufschieben: jetzt annehmen, über ein Ereignis abschließen</translation>
    </message>
    <message>
        <source>shown on the canvas, e.g. accept as PENDING_PAYMENT</source>
        <translation>auf der Zeichenfläche angezeigt, z. B. als PENDING_PAYMENT annehmen</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Beschriftung:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>&amp;Wiederholungen:</translation>
    </message>
    <message>
        <source>&amp;Fallback:</source>
        <translation>&amp;Fallback:</translation>
    </message>
    <message>
        <source>Fallback &amp;status:</source>
        <translation>Fallback-&amp;Status:</translation>
    </message>
    <message>
        <source>Fallback &amp;text:</source>
        <translation>Fallback-&amp;Text:</translation>
    </message>
    <message>
        <source>&amp;Consumer group:</source>
        <translation>&amp;Consumer-Gruppe:</translation>
    </message>
    <message>
        <source>&amp;Key prefix:</source>
        <translation>&amp;Schlüsselpräfix:</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routen</translation>
    </message>
    <message>
        <source>Add Route</source>
        <translation>Route hinzufügen</translation>
    </message>
    <message>
        <source>Remove Route</source>
        <translation>Route entfernen</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Add Topic</source>
        <translation>Topic hinzufügen</translation>
    </message>
    <message>
        <source>Remove Topic</source>
        <translation>Topic entfernen</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>%1 von %2 nach %3</translation>
    </message>
    <message>
        <source>A consumer group name has no spaces.</source>
        <translation>Der Name einer Consumer-Gruppe enthält keine Leerzeichen.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::EventsPanel</name>
    <message>
        <source>Select a message to see its headers and payload.</source>
        <translation>Wählen Sie eine Nachricht, um ihre Header-Felder und Nutzdaten zu sehen.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::FileFormat</name>
    <message>
        <source>draw.io diagram</source>
        <translation>draw.io-Diagramm</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <source>SVG image</source>
        <translation>SVG-Bild</translation>
    </message>
</context>
<context>
    <name>Gatehouse::InspectorDocks</name>
    <message>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Ablaufverfolgung</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Not running. Run the diagram to see its live traffic, traces, events and logs here.</source>
        <translation>Nicht gestartet. Führen Sie das Diagramm aus, um hier den laufenden Datenverkehr, Ablaufverfolgungen, Ereignisse und Protokolle zu sehen.</translation>
    </message>
    <message>
        <source>Disconnected from the runtime. What arrived until then stays here.</source>
        <translation>Die Verbindung zur Laufzeit ist getrennt. Was bis dahin ankam, bleibt hier sichtbar.</translation>
    </message>
    <message>
        <source>Not running. This is the last run&apos;s data; it stays until the next run starts.</source>
        <translation>Nicht gestartet. Dies sind die Daten des letzten Laufs; sie bleiben bis zum Start des nächsten Laufs erhalten.</translation>
    </message>
    <message>
        <source>Not running: the spans of this request are no longer available.</source>
        <translation>Nicht gestartet: Die Spans dieser Anfrage sind nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>The runtime could not return this trace: %1</source>
        <translation>Die Laufzeit konnte diese Ablaufverfolgung nicht liefern: %1</translation>
    </message>
</context>
<context>
    <name>Gatehouse::LiveControls</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Runs inside the supervisor: no node controls</source>
        <translation>Läuft im Supervisor: keine Knotensteuerung</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Kill (crash)</source>
        <translation>Beenden erzwingen (Absturz)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause (hang)</source>
        <translation>Anhalten (hängt)</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Rate: %1 req/s</source>
        <translation>Rate: %1 Anfr./s</translation>
    </message>
    <message>
        <source>Add Latency…</source>
        <translation>Latenz hinzufügen …</translation>
    </message>
    <message>
        <source>Add Error Rate…</source>
        <translation>Fehlerrate hinzufügen …</translation>
    </message>
    <message>
        <source>Clear Faults</source>
        <translation>Fehler zurücksetzen</translation>
    </message>
    <message>
        <source>Add Latency on This Call…</source>
        <translation>Latenz auf diesem Aufruf hinzufügen …</translation>
    </message>
    <message>
        <source>Add Errors on This Call…</source>
        <translation>Fehler auf diesem Aufruf hinzufügen …</translation>
    </message>
    <message>
        <source>Add Latency</source>
        <translation>Latenz hinzufügen</translation>
    </message>
    <message>
        <source>Extra latency for %1 (ms):</source>
        <translation>Zusätzliche Latenz für %1 (ms):</translation>
    </message>
    <message>
        <source>Add Error Rate</source>
        <translation>Fehlerrate hinzufügen</translation>
    </message>
    <message>
        <source>Share of failing requests for %1 (%):</source>
        <translation>Anteil fehlschlagender Anfragen für %1 (%):</translation>
    </message>
    <message>
        <source>%1: the stack is not running</source>
        <translation>%1: Der Stack läuft nicht</translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation>%1 stoppen</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <source>Kill %1</source>
        <translation>%1 erzwungen beenden</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>%1 anhalten</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>%1 fortsetzen</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>%1 neu starten</translation>
    </message>
    <message>
        <source>Clear faults on %1</source>
        <translation>Fehler auf %1 zurücksetzen</translation>
    </message>
    <message>
        <source>Inject %1 ms latency and %2 % errors on %3</source>
        <translation>%1 ms Latenz und %2 % Fehler auf %3 einspeisen</translation>
    </message>
    <message>
        <source>Set the rate of %1 to %2 req/s</source>
        <translation>Rate von %1 auf %2 Anfr./s setzen</translation>
    </message>
    <message>
        <source>this runtime does not support it yet</source>
        <translation>diese Laufzeit unterstützt das noch nicht</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: erledigt</translation>
    </message>
</context>
<context>
    <name>Gatehouse::LiveSession</name>
    <message>
        <source>The stack is already running.</source>
        <translation>Der Stack läuft bereits.</translation>
    </message>
    <message>
        <source>gatehouse-runtime was not found next to the app, in /usr/bin or on the PATH. Set its path in the environment variable GATEHOUSE_RUNTIME.</source>
        <translation>gatehouse-runtime wurde weder neben der Anwendung noch in /usr/bin oder im PATH gefunden. Geben Sie den Pfad in der Umgebungsvariablen GATEHOUSE_RUNTIME an.</translation>
    </message>
    <message>
        <source>gatehouse-runtime exited with code %1.</source>
        <translation>gatehouse-runtime wurde mit Code %1 beendet.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::LiveView</name>
    <message>
        <source>The stack could not run: %1</source>
        <translation>Der Stack konnte nicht laufen: %1</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Run the stack of this diagram (F5)</source>
        <translation>Den Stack dieses Diagramms ausführen (F5)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Stop the running stack (Shift+F5)</source>
        <translation>Den laufenden Stack stoppen (Umschalt+F5)</translation>
    </message>
    <message>
        <source>R&amp;estart Stack</source>
        <translation>Stack &amp;neu starten</translation>
    </message>
    <message>
        <source>&amp;Pause Overlays</source>
        <translation>Überlagerungen an&amp;halten</translation>
    </message>
    <message>
        <source>S&amp;low Motion</source>
        <translation>&amp;Zeitlupe</translation>
    </message>
    <message>
        <source>Show &amp;Request Dots</source>
        <translation>&amp;Anfragepunkte anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Event Glyphs</source>
        <translation>&amp;Ereignissymbole anzeigen</translation>
    </message>
    <message>
        <source>Show Traffic &amp;Labels</source>
        <translation>&amp;Verkehrsbeschriftungen anzeigen</translation>
    </message>
    <message>
        <source>Live &amp;Overlays</source>
        <translation>Live-Ü&amp;berlagerungen</translation>
    </message>
    <message>
        <source>The diagram could not be written for the runtime: %1</source>
        <translation>Das Diagramm konnte nicht für die Laufzeit geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Stopping the stack before closing (at most 25 s)…</source>
        <translation>Der Stack wird vor dem Schließen gestoppt (höchstens 25 s) …</translation>
    </message>
    <message>
        <source>Stopping the stack…</source>
        <translation>Stack wird gestoppt …</translation>
    </message>
    <message>
        <source>Starting the stack (first run: creating the databases with initdb)… %1 s</source>
        <translation>Stack wird gestartet (erster Lauf: Datenbanken werden mit initdb angelegt) … %1 s</translation>
    </message>
    <message>
        <source>Starting the stack… %1 s</source>
        <translation>Stack wird gestartet … %1 s</translation>
    </message>
    <message>
        <source>Live: %1 of %2 nodes ready</source>
        <translation>Live: %1 von %2 Knoten bereit</translation>
    </message>
    <message>
        <source>%1 starting</source>
        <translation>%1 startend</translation>
    </message>
    <message>
        <source>%1 degraded</source>
        <translation>%1 eingeschränkt</translation>
    </message>
    <message>
        <source>%1 paused</source>
        <translation>%1 angehalten</translation>
    </message>
    <message>
        <source>%1 down or stopped</source>
        <translation>%1 ausgefallen oder gestoppt</translation>
    </message>
    <message>
        <source>the diagram changed: restart the stack to apply it (Ctrl+Shift+F5)</source>
        <translation>das Diagramm wurde geändert: Starten Sie den Stack neu, um die Änderung zu übernehmen (Strg+Umschalt+F5)</translation>
    </message>
    <message>
        <source>The running stack did not take the edit: %1</source>
        <translation>Der laufende Stack hat die Änderung nicht übernommen: %1</translation>
    </message>
    <message>
        <source>routes of %1</source>
        <translation>Routen von %1</translation>
    </message>
    <message>
        <source>rate of %1: %2/s</source>
        <translation>Rate von %1: %2/s</translation>
    </message>
    <message>
        <source>Applied to the running stack: %1</source>
        <translation>Im laufenden Stack übernommen: %1</translation>
    </message>
    <message>
        <source>Needs a restart: %1</source>
        <translation>Erfordert einen Neustart: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>Gatehouse::LogModel</name>
    <message>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>Gatehouse::LogsPanel</name>
    <message>
        <source>Follow</source>
        <translation>Mitlaufen</translation>
    </message>
    <message>
        <source>All nodes (merged)</source>
        <translation>Alle Knoten (zusammengeführt)</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Filter log text</source>
        <translation>Protokolltext filtern</translation>
    </message>
    <message>
        <source>Keep the newest line in view</source>
        <translation>Die neueste Zeile im Blick behalten</translation>
    </message>
</context>
<context>
    <name>Gatehouse::MainWindow</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>A&amp;rrange</source>
        <translation>An&amp;ordnen</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Zoom: %1%</source>
        <translation>Zoom: %1 %</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>Bearbeitungsverlauf</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>New from &amp;Example</source>
        <translation>Neu aus &amp;Beispiel</translation>
    </message>
    <message>
        <source>API gateway: first design</source>
        <translation>API-Gateway: erster Entwurf</translation>
    </message>
    <message>
        <source>API gateway: refined (rate limits, fallbacks, owners)</source>
        <translation>API-Gateway: verfeinert (Ratenbegrenzungen, Fallbacks, Eigentümer)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>Ü&amp;ber Gatehouse</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>Über Gatehouse</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;Design, run and inspect API-gateway microservice stacks.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;API-Gateway-Microservice-Stacks entwerfen, ausführen und untersuchen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1 …</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <source>Cannot Import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <source>Gatehouse cannot read files like “%1”.</source>
        <translation>Gatehouse kann Dateien wie „%1“ nicht lesen.</translation>
    </message>
    <message>
        <source>“%1” cannot be imported: %2</source>
        <translation>„%1“ kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>Imported %1: %2 nodes, %3 connections (%4 guessed, %5 not imported)</source>
        <translation>%1 importiert: %2 Knoten, %3 Verbindungen (%4 erraten, %5 nicht importiert)</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Gatehouse cannot write files like “%1”.</source>
        <translation>Gatehouse kann Dateien wie „%1“ nicht schreiben.</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>„%1“ konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>untitled.gatehouse</source>
        <translation>unbenannt.gatehouse</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>„%1“ konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Restored unsaved work from %1</source>
        <translation>Ungespeicherte Arbeit vom %1 wiederhergestellt</translation>
    </message>
    <message>
        <source>%1[*] — Gatehouse</source>
        <translation>%1[*] — Gatehouse</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Selected — nodes: %1, connections: %2</source>
        <translation>Ausgewählt — Knoten: %1, Verbindungen: %2</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>Probleme: %1</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Ein&amp;stellungen …</translation>
    </message>
</context>
<context>
    <name>Gatehouse::MessageBoxPrompts</name>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save changes to “%1” before closing?</source>
        <translation>Änderungen an „%1“ vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>Ihre Änderungen gehen verloren, wenn Sie sie nicht speichern.</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>“%1” cannot be opened.</source>
        <translation>„%1“ kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>an untitled diagram</source>
        <translation>ein unbenanntes Diagramm</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>Ungespeicherte Arbeit wiederherstellen</translation>
    </message>
    <message>
        <source>Gatehouse did not close normally. An autosave of %1 from %2 was found.</source>
        <translation>Gatehouse wurde nicht normal beendet. Eine automatische Sicherung von %1 vom %2 wurde gefunden.</translation>
    </message>
    <message>
        <source>Restore it? If you discard it, it is deleted.</source>
        <translation>Wiederherstellen? Wenn Sie sie verwerfen, wird sie gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Open Diagram</source>
        <translation>Diagramm öffnen</translation>
    </message>
    <message>
        <source>Save Diagram As</source>
        <translation>Diagramm speichern unter</translation>
    </message>
    <message>
        <source>Import Diagram</source>
        <translation>Diagramm importieren</translation>
    </message>
    <message>
        <source>Export Diagram</source>
        <translation>Diagramm exportieren</translation>
    </message>
</context>
<context>
    <name>Gatehouse::NodeBadges</name>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>eingeschränkt</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>%1 · %2/s</source>
        <translation>%1 · %2 pro s</translation>
    </message>
</context>
<context>
    <name>Gatehouse::NodeForm</name>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>The port the node listens on; automatic lets the runtime choose a free one.</source>
        <translation>Der Port, auf dem der Knoten lauscht; bei „automatisch“ wählt die Laufzeit einen freien.</translation>
    </message>
    <message>
        <source>defaults to the node id</source>
        <translation>standardmäßig die Knoten-ID</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Data&amp;base:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Eigentümer:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>(kein Eigentümer)</translation>
    </message>
    <message>
        <source>Reset database name of “%1”</source>
        <translation>Datenbanknamen von „%1“ zurücksetzen</translation>
    </message>
    <message>
        <source>Rename database of “%1” to “%2”</source>
        <translation>Datenbank von „%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <source>Remove owner of “%1”</source>
        <translation>Eigentümer von „%1“ entfernen</translation>
    </message>
    <message>
        <source>Make “%1” the owner of “%2”</source>
        <translation>„%1“ zum Eigentümer von „%2“ machen</translation>
    </message>
</context>
<context>
    <name>Gatehouse::NodePalette</name>
    <message>
        <source>Drag a component onto the canvas, or double-click it to add it.</source>
        <translation>Ziehen Sie eine Komponente auf die Zeichenfläche oder doppelklicken Sie sie, um sie hinzuzufügen.</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Data and messaging</source>
        <translation>Daten und Messaging</translation>
    </message>
</context>
<context>
    <name>Gatehouse::NodeTemplate</name>
    <message>
        <source>Web app</source>
        <translation>Web-App</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>Mobile App</translation>
    </message>
    <message>
        <source>Partner system</source>
        <translation>Partnersystem</translation>
    </message>
    <message>
        <source>API gateway</source>
        <translation>API-Gateway</translation>
    </message>
    <message>
        <source>Redis cache</source>
        <translation>Redis-Cache</translation>
    </message>
    <message>
        <source>Kafka</source>
        <translation>Kafka</translation>
    </message>
    <message>
        <source>PostgreSQL database</source>
        <translation>PostgreSQL-Datenbank</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Auth service</source>
        <translation>Authentifizierungsdienst</translation>
    </message>
    <message>
        <source>Order service</source>
        <translation>Bestelldienst</translation>
    </message>
    <message>
        <source>Inventory service</source>
        <translation>Lagerbestandsdienst</translation>
    </message>
    <message>
        <source>Payment service</source>
        <translation>Zahlungsdienst</translation>
    </message>
    <message>
        <source>Notification service</source>
        <translation>Benachrichtigungsdienst</translation>
    </message>
    <message>
        <source>A browser front end that calls the API gateway.</source>
        <translation>Ein Browser-Frontend, das das API-Gateway aufruft.</translation>
    </message>
    <message>
        <source>A mobile app that calls the API gateway.</source>
        <translation>Eine mobile App, die das API-Gateway aufruft.</translation>
    </message>
    <message>
        <source>A partner&apos;s system that calls the API gateway with an API key.</source>
        <translation>Das System eines Partners, das das API-Gateway mit einem API-Schlüssel aufruft.</translation>
    </message>
    <message>
        <source>The single entry point: routing, authentication, rate limiting and logging.</source>
        <translation>Der einzige Einstiegspunkt: Routing, Authentifizierung, Ratenbegrenzung und Protokollierung.</translation>
    </message>
    <message>
        <source>A Redis instance for caching and rate-limit counters.</source>
        <translation>Eine Redis-Instanz für Caching und Zähler der Ratenbegrenzung.</translation>
    </message>
    <message>
        <source>A Kafka cluster carrying events between services.</source>
        <translation>Ein Kafka-Cluster, der Ereignisse zwischen Diensten überträgt.</translation>
    </message>
    <message>
        <source>A PostgreSQL database, owned by one service.</source>
        <translation>Eine PostgreSQL-Datenbank, die genau einem Dienst gehört.</translation>
    </message>
    <message>
        <source>A service that does what its edges say.</source>
        <translation>Ein Dienst, der tut, was seine Verbindungen sagen.</translation>
    </message>
    <message>
        <source>Issues and checks tokens; owns the user database.</source>
        <translation>Stellt Tokens aus und prüft sie; besitzt die Benutzerdatenbank.</translation>
    </message>
    <message>
        <source>Takes orders; calls payment and publishes order events.</source>
        <translation>Nimmt Bestellungen an; ruft die Zahlung auf und veröffentlicht Bestellereignisse.</translation>
    </message>
    <message>
        <source>Keeps stock levels; reacts to order events.</source>
        <translation>Führt den Lagerbestand; reagiert auf Bestellereignisse.</translation>
    </message>
    <message>
        <source>Charges payments; may be slow or fail.</source>
        <translation>Bucht Zahlungen ab; kann langsam sein oder fehlschlagen.</translation>
    </message>
    <message>
        <source>Sends notifications when events arrive.</source>
        <translation>Versendet Benachrichtigungen, wenn Ereignisse eintreffen.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::ProblemsPanel</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>%1
Hint: %2</source>
        <translation>%1
Hinweis: %2</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>Errors: %1   Warnings: %2   Info: %3</source>
        <translation>Fehler: %1   Warnungen: %2   Hinweise: %3</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>Gatehouse::PropertyEditor</name>
    <message>
        <source>Diagram &amp;name:</source>
        <translation>Diagramm&amp;name:</translation>
    </message>
    <message>
        <source>Select a node or connection to edit its properties.</source>
        <translation>Wählen Sie einen Knoten oder eine Verbindung aus, um die Eigenschaften zu bearbeiten.</translation>
    </message>
    <message>
        <source>Node: %1</source>
        <translation>Knoten: %1</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>%1 nodes and %2 connections selected.</source>
        <translation>%1 Knoten und %2 Verbindungen ausgewählt.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::RecentFiles</name>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>Liste zuletzt geöffneter Dateien leeren</translation>
    </message>
</context>
<context>
    <name>Gatehouse::RouteDetails</name>
    <message>
        <source>none, or e.g. 100/60s</source>
        <translation>keine, oder z. B. 100/60s</translation>
    </message>
    <message>
        <source>the gateway&apos;s default</source>
        <translation>Standard des Gateways</translation>
    </message>
    <message>
        <source>Rate &amp;limit:</source>
        <translation>Raten&amp;begrenzung:</translation>
    </message>
    <message>
        <source>Time&amp;out (ms):</source>
        <translation>&amp;Zeitlimit (ms):</translation>
    </message>
    <message>
        <source>Re&amp;tries:</source>
        <translation>&amp;Wiederholungen:</translation>
    </message>
    <message>
        <source>Fall&amp;back:</source>
        <translation>Fall&amp;back:</translation>
    </message>
</context>
<context>
    <name>Gatehouse::RouteTableModel</name>
    <message>
        <source>public</source>
        <translation>öffentlich</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>JWT</source>
        <translation>JWT</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>static %1</source>
        <translation>statisch %1</translation>
    </message>
    <message>
        <source>defer</source>
        <translation>aufschieben</translation>
    </message>
    <message>
        <source>%1/%2s</source>
        <translation>%1/%2 s</translation>
    </message>
    <message>
        <source>“%1” is not an HTTP method. Use one of %2.</source>
        <translation>„%1“ ist keine HTTP-Methode. Verwenden Sie eine von %2.</translation>
    </message>
    <message>
        <source>A path starts with “/” and has no spaces, e.g. /orders/{id}.</source>
        <translation>Ein Pfad beginnt mit „/“ und enthält keine Leerzeichen, z. B. /orders/{id}.</translation>
    </message>
    <message>
        <source>The path “%1” has unbalanced braces.</source>
        <translation>Der Pfad „%1“ hat unausgeglichene geschweifte Klammern.</translation>
    </message>
    <message>
        <source>Visibility is “public” or “internal”.</source>
        <translation>Die Sichtbarkeit ist „öffentlich“ oder „intern“.</translation>
    </message>
    <message>
        <source>Authentication is one of none, JWT, API key or admin.</source>
        <translation>Die Authentifizierung ist keine, JWT, API-Schlüssel oder Admin.</translation>
    </message>
    <message>
        <source>Write a rate limit as requests/seconds, e.g. 100/60s, or leave it empty for none.</source>
        <translation>Geben Sie eine Ratenbegrenzung als Anfragen/Sekunden an, z. B. 100/60s, oder lassen Sie das Feld für keine leer.</translation>
    </message>
    <message>
        <source>The timeout is a number of milliseconds from 0 to 600000 (empty: the gateway&apos;s default).</source>
        <translation>Das Zeitlimit ist eine Zahl von Millisekunden von 0 bis 600000 (leer: Standard des Gateways).</translation>
    </message>
    <message>
        <source>Retries is a whole number from 0 to 10.</source>
        <translation>Wiederholungen ist eine ganze Zahl von 0 bis 10.</translation>
    </message>
    <message>
        <source>The fallback is “none”, “defer” or “static” with an HTTP status, e.g. static 503.</source>
        <translation>Das Fallback ist „keine“, „aufschieben“ oder „statisch“ mit einem HTTP-Status, z. B. statisch 503.</translation>
    </message>
    <message>
        <source>This column cannot be edited.</source>
        <translation>Diese Spalte kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>The gateway&apos;s default timeout</source>
        <translation>Das Standard-Zeitlimit des Gateways</translation>
    </message>
    <message>
        <source>This edge already has a route %1 %2.</source>
        <translation>Diese Verbindung hat bereits eine Route %1 %2.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Auth</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenbegrenzung</translation>
    </message>
    <message>
        <source>Timeout (ms)</source>
        <translation>Zeitlimit (ms)</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation>Fallback</translation>
    </message>
    <message>
        <source>Add route %1 %2</source>
        <translation>Route %1 %2 hinzufügen</translation>
    </message>
    <message>
        <source>Remove route %1 %2</source>
        <translation>Route %1 %2 entfernen</translation>
    </message>
</context>
<context>
    <name>Gatehouse::SettingsDialog</name>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Project Infrastructure</source>
        <translation>Projekt-Infrastruktur</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Follow the system (light or dark)</source>
        <translation>Wie das System (hell oder dunkel)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>&amp;Erscheinungsbild:</translation>
    </message>
    <message>
        <source>Language and appearance changes take effect when Gatehouse restarts.</source>
        <translation>Änderungen an Sprache und Erscheinungsbild werden beim nächsten Start von Gatehouse wirksam.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>&amp;Datenordner:</translation>
    </message>
    <message>
        <source>Default &amp;PostgreSQL port:</source>
        <translation>Standard-&amp;PostgreSQL-Port:</translation>
    </message>
    <message>
        <source>Default &amp;Redis port:</source>
        <translation>Standard-&amp;Redis-Port:</translation>
    </message>
    <message>
        <source>Default &amp;Kafka port:</source>
        <translation>Standard-&amp;Kafka-Port:</translation>
    </message>
    <message>
        <source>Default &amp;gateway port:</source>
        <translation>Standard-&amp;Gateway-Port:</translation>
    </message>
    <message>
        <source>&amp;Telemetry sampling:</source>
        <translation>&amp;Telemetrie-Stichprobe:</translation>
    </message>
    <message>
        <source>Leave a field empty and Gatehouse starts that part of the stack itself. Passwords go to the OS keychain, never into the project file.</source>
        <translation>Lassen Sie ein Feld leer, startet Gatehouse diesen Teil des Stacks selbst. Passwörter kommen in den Schlüsselbund des Betriebssystems, niemals in die Projektdatei.</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>host=db.example port=5432 user=gatehouse (no password)</source>
        <translation>host=db.example port=5432 user=gatehouse (ohne Passwort)</translation>
    </message>
    <message>
        <source>PostgreSQL &amp;connection:</source>
        <translation>PostgreSQL-&amp;Verbindung:</translation>
    </message>
    <message>
        <source>PostgreSQL pass&amp;word:</source>
        <translation>PostgreSQL-Pass&amp;wort:</translation>
    </message>
    <message>
        <source>redis://cache.example:6379/0 (no password)</source>
        <translation>redis://cache.example:6379/0 (ohne Passwort)</translation>
    </message>
    <message>
        <source>Redis &amp;URL:</source>
        <translation>Redis-&amp;URL:</translation>
    </message>
    <message>
        <source>Redis pa&amp;ssword:</source>
        <translation>Redis-Pa&amp;sswort:</translation>
    </message>
    <message>
        <source>No authentication</source>
        <translation>Keine Authentifizierung</translation>
    </message>
    <message>
        <source>Kafka &amp;bootstrap servers:</source>
        <translation>Kafka-&amp;Bootstrap-Server:</translation>
    </message>
    <message>
        <source>Kafka authenticatio&amp;n:</source>
        <translation>Kafka-Authentifizieru&amp;ng:</translation>
    </message>
    <message>
        <source>Kafka user na&amp;me:</source>
        <translation>Kafka-Benutzer&amp;name:</translation>
    </message>
    <message>
        <source>Kafka passw&amp;ord:</source>
        <translation>Kafka-Passw&amp;ort:</translation>
    </message>
    <message>
        <source>Keys for this project:
%1</source>
        <translation>Schlüssel für dieses Projekt:
%1</translation>
    </message>
    <message>
        <source>&amp;Delete Stored Credentials</source>
        <translation>Gespeicherte Zugangsdaten &amp;löschen</translation>
    </message>
    <message>
        <source>no keychain available</source>
        <translation>kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>The keychain is available; nothing is stored for this project.</source>
        <translation>Der Schlüsselbund ist verfügbar; für dieses Projekt ist nichts gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>The keychain is available; %n credential(s) stored for this project.</source>
        <translation>
            <numerusform>Der Schlüsselbund ist verfügbar; für dieses Projekt ist %n Eintrag gespeichert.</numerusform>
            <numerusform>Der Schlüsselbund ist verfügbar; für dieses Projekt sind %n Einträge gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Stored credentials of this project deleted.</source>
        <translation>Die gespeicherten Zugangsdaten dieses Projekts wurden gelöscht.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The PostgreSQL connection contains a password. Remove it and type the password into its own field: it is kept in the OS keychain, not in the project file.</source>
        <translation>Die PostgreSQL-Verbindung enthält ein Passwort. Entfernen Sie es und geben Sie das Passwort in sein eigenes Feld ein: Es wird im Schlüsselbund des Betriebssystems aufbewahrt, nicht in der Projektdatei.</translation>
    </message>
    <message>
        <source>The Redis URL contains a password. Remove it and type the password into its own field: it is kept in the OS keychain, not in the project file.</source>
        <translation>Die Redis-URL enthält ein Passwort. Entfernen Sie es und geben Sie das Passwort in sein eigenes Feld ein: Es wird im Schlüsselbund des Betriebssystems aufbewahrt, nicht in der Projektdatei.</translation>
    </message>
    <message>
        <source>The share of requests whose whole trace is shown on the canvas and in the docks while a stack runs. The traffic figures always count every request.</source>
        <translation>Der Anteil der Anfragen, deren vollständiger Trace bei laufendem Stack auf der Zeichenfläche und in den Docks angezeigt wird. Die Verkehrszahlen zählen immer jede Anfrage.</translation>
    </message>
    <message>
        <source>Ports and the data folder take effect the next time you run a stack; a port set on a node in the diagram wins over these defaults. Telemetry sampling also applies at once to a running stack.</source>
        <translation>Ports und der Datenordner gelten ab dem nächsten Start eines Stacks; ein Port, der im Diagramm an einem Knoten festgelegt ist, hat Vorrang vor diesen Vorgaben. Die Telemetrie-Stichprobe gilt sofort auch für einen laufenden Stack.</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TopicMessagesModel</name>
    <message>
        <source>Partition</source>
        <translation>Partitionsnr.</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset-Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header-Felder</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TopicTableModel</name>
    <message>
        <source>A topic name uses letters, digits, “.”, “_” and “-” only, e.g. order.created.</source>
        <translation>Ein Topic-Name besteht nur aus Buchstaben, Ziffern, „.“, „_“ und „-“, z. B. order.created.</translation>
    </message>
    <message>
        <source>Partitions is a whole number from 1 to 1000.</source>
        <translation>Partitionen ist eine ganze Zahl von 1 bis 1000.</translation>
    </message>
    <message>
        <source>The key names a payload field (letters, digits, “_” and “.”), or is empty.</source>
        <translation>Der Schlüssel nennt ein Feld der Nutzdaten (Buchstaben, Ziffern, „_“ und „.“) oder ist leer.</translation>
    </message>
    <message>
        <source>This column cannot be edited.</source>
        <translation>Diese Spalte kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>This edge already carries the topic %1.</source>
        <translation>Diese Verbindung überträgt bereits das Topic %1.</translation>
    </message>
    <message>
        <source>Rename topic %1 to %2</source>
        <translation>Topic %1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Edit topic %1</source>
        <translation>Topic %1 bearbeiten</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Add topic %1</source>
        <translation>Topic %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove topic %1</source>
        <translation>Topic %1 entfernen</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TopicsModel</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>no consumer group</source>
        <translation>keine Consumer-Gruppe</translation>
    </message>
    <message>
        <source>p%1 committed %2, lag %3</source>
        <translation>p%1 bestätigt %2, Rückstand %3</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>High offsets</source>
        <translation>Höchste Offsets</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Consumer lag</source>
        <translation>Consumer-Rückstand</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TraceModel</name>
    <message>
        <source>%1 µs</source>
        <translation>%1&#x202f;µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP-Status: %1</translation>
    </message>
    <message>
        <source>Node: %1</source>
        <translation>Knoten: %1</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Dauer: %1</translation>
    </message>
    <message>
        <source>Span: %1</source>
        <translation>Span-ID: %1</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TracePanel</name>
    <message>
        <source>Event it caused</source>
        <translation>Ausgelöstes Ereignis</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>Erzeuger</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>Verbraucher</translation>
    </message>
    <message>
        <source>Delivered after</source>
        <translation>Zugestellt nach</translation>
    </message>
    <message>
        <source>Select a request in the Traffic dock to see its trace.</source>
        <translation>Wählen Sie eine Anfrage im Bereich „Datenverkehr“, um ihre Ablaufverfolgung zu sehen.</translation>
    </message>
    <message>
        <source>Trace %1: no spans (the runtime no longer holds them).</source>
        <translation>Ablaufverfolgung %1: keine Spans (die Laufzeit hält sie nicht mehr vor).</translation>
    </message>
    <message>
        <source>Trace %1 — %2 spans on %3 nodes, %4</source>
        <translation>Ablaufverfolgung %1 — %2 Spans auf %3 Knoten, %4</translation>
    </message>
    <message>
        <source>(not in this trace)</source>
        <translation>(nicht in dieser Ablaufverfolgung)</translation>
    </message>
    <message>
        <source>not consumed yet</source>
        <translation>noch nicht verarbeitet</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TrafficModel</name>
    <message>
        <source>%1 timeout</source>
        <translation>%1 Zeitlimit</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>%1 fallback</source>
        <translation>%1 Fallback</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Route: %1</source>
        <translation>Routenmuster: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>Trace-ID</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TrafficOverlay</name>
    <message>
        <source>timeout → fallback</source>
        <translation>Zeitlimit → Fallback</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>error → fallback</source>
        <translation>Fehler → Fallback</translation>
    </message>
    <message>
        <source>fallback</source>
        <translation>Fallback</translation>
    </message>
    <message>
        <source>fallback answer</source>
        <translation>Fallback-Antwort</translation>
    </message>
    <message>
        <source>%1: %2 msg/s · lag %3</source>
        <translation>%1: %2 Nachr./s · Rückstand %3</translation>
    </message>
    <message>
        <source>→ %1: %2</source>
        <translation>→ %1: %2</translation>
    </message>
    <message>
        <source>%1 ev/s · p95 %2 ms</source>
        <translation>%1 Ereign./s · p95 %2 ms</translation>
    </message>
    <message>
        <source>%1/s · p95 %2 ms</source>
        <translation>%1 pro s · p95 %2 ms</translation>
    </message>
    <message>
        <source> · lag %1</source>
        <translation> · Rückstand %1</translation>
    </message>
    <message>
        <source> · %1 %</source>
        <translation> · %1 %</translation>
    </message>
    <message>
        <source>%1/s · ≈ %2 in flight</source>
        <translation>%1 pro s · ≈ %2 in Bearbeitung</translation>
    </message>
    <message numerus="yes">
        <source> · %n errors</source>
        <translation>
            <numerusform> · %n Fehler</numerusform>
            <numerusform> · %n Fehler</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gatehouse::TrafficPanel</name>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <source>Filter by client, route, status or trace id</source>
        <translation>Nach Absender, Route, Status oder Trace-ID filtern</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>2xx success</source>
        <translation>2xx Erfolg</translation>
    </message>
    <message>
        <source>4xx client errors</source>
        <translation>4xx Client-Fehler</translation>
    </message>
    <message>
        <source>5xx server errors</source>
        <translation>5xx Serverfehler</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Zeitüberschreitungen</translation>
    </message>
    <message>
        <source>Freeze the table; new requests are counted but not added</source>
        <translation>Die Tabelle einfrieren; neue Anfragen werden gezählt, aber nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Copy the selected request as a curl command (credentials as $TOKEN / $API_KEY)</source>
        <translation>Die ausgewählte Anfrage als curl-Befehl kopieren (Zugangsdaten als $TOKEN / $API_KEY)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>%1 requests, %2 shown</source>
        <translation>%1 Anfragen, %2 angezeigt</translation>
    </message>
    <message>
        <source>Paused — %1 new requests skipped</source>
        <translation>Angehalten — %1 neue Anfragen übersprungen</translation>
    </message>
</context>
<context>
    <name>Gatehouse::UndoHistoryPanel</name>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Synchronous call</source>
        <translation>Synchroner Aufruf</translation>
    </message>
    <message>
        <source>Publishes events</source>
        <translation>Veröffentlicht Ereignisse</translation>
    </message>
    <message>
        <source>Consumes events</source>
        <translation>Konsumiert Ereignisse</translation>
    </message>
    <message>
        <source>Owns database</source>
        <translation>Besitzt Datenbank</translation>
    </message>
    <message>
        <source>Uses cache</source>
        <translation>Nutzt Cache</translation>
    </message>
    <message>
        <source>Clients call the API gateway only; they never reach services or data stores directly.</source>
        <translation>Clients rufen nur das API-Gateway auf; sie erreichen Dienste oder Datenspeicher nie direkt.</translation>
    </message>
    <message>
        <source>Only clients, the gateway and services make synchronous calls.</source>
        <translation>Nur Clients, das Gateway und Dienste führen synchrone Aufrufe aus.</translation>
    </message>
    <message>
        <source>A synchronous call goes to the gateway or to a service; data stores are reached through their own edge kinds.</source>
        <translation>Ein synchroner Aufruf geht an das Gateway oder an einen Dienst; Datenspeicher werden über eigene Verbindungsarten erreicht.</translation>
    </message>
    <message>
        <source>Services do not call back into the gateway; call the other service directly.</source>
        <translation>Dienste rufen nicht zurück ins Gateway; rufen Sie den anderen Dienst direkt auf.</translation>
    </message>
    <message>
        <source>A gateway does not route to another gateway in this model.</source>
        <translation>Ein Gateway leitet in diesem Modell nicht an ein anderes Gateway weiter.</translation>
    </message>
    <message>
        <source>Events are published by a service to Kafka.</source>
        <translation>Ereignisse werden von einem Dienst an Kafka veröffentlicht.</translation>
    </message>
    <message>
        <source>Events are consumed from Kafka by a service.</source>
        <translation>Ereignisse werden von einem Dienst aus Kafka konsumiert.</translation>
    </message>
    <message>
        <source>Only a service owns a database.</source>
        <translation>Nur ein Dienst besitzt eine Datenbank.</translation>
    </message>
    <message>
        <source>A cache edge must end at a Redis cache.</source>
        <translation>Eine Cache-Verbindung muss an einem Redis-Cache enden.</translation>
    </message>
    <message>
        <source>Only the gateway and services use the cache.</source>
        <translation>Nur das Gateway und Dienste nutzen den Cache.</translation>
    </message>
    <message>
        <source>Unknown edge kind.</source>
        <translation>Unbekannte Verbindungsart.</translation>
    </message>
</context>
<context>
    <name>Lint</name>
    <message>
        <source>Services %1 call each other synchronously in a cycle; a request can end up waiting on itself.</source>
        <translation>Die Dienste %1 rufen sich synchron im Kreis auf; eine Anfrage kann am Ende auf sich selbst warten.</translation>
    </message>
    <message>
        <source>Break the cycle: replace one call with an event, or move the shared logic into one service.</source>
        <translation>Unterbrechen Sie den Kreis: Ersetzen Sie einen Aufruf durch ein Ereignis, oder verlagern Sie die gemeinsame Logik in einen Dienst.</translation>
    </message>
    <message>
        <source>The call from %1 to %2 has no timeout; a slow %2 holds %1&apos;s requests open.</source>
        <translation>Der Aufruf von %1 an %2 hat kein Zeitlimit; ein langsamer %2 hält die Anfragen von %1 offen.</translation>
    </message>
    <message>
        <source>Set a timeout on the edge, shorter than the gateway&apos;s timeout for the routes that lead here.</source>
        <translation>Legen Sie für die Verbindung ein Zeitlimit fest, kürzer als das Zeitlimit des Gateways für die Routen, die hierher führen.</translation>
    </message>
    <message>
        <source>When %1 fails, %2&apos;s callers get the error: the call has neither a fallback nor a retry, and users reach %2 through public routes.</source>
        <translation>Fällt %1 aus, erhalten die Aufrufer von %2 den Fehler: Der Aufruf hat weder ein Fallback noch eine Wiederholung, und Benutzer erreichen %2 über öffentliche Routen.</translation>
    </message>
    <message>
        <source>Add a fallback (a static response, or defer the work via an event) or a retry for idempotent calls.</source>
        <translation>Fügen Sie ein Fallback hinzu (eine statische Antwort oder die Arbeit per Ereignis aufschieben) oder eine Wiederholung für idempotente Aufrufe.</translation>
    </message>
    <message>
        <source>A route to %1 has a defer fallback, but the gateway cannot publish events to finish deferred work.</source>
        <translation>Eine Route zu %1 hat das Fallback „defer“, aber das Gateway kann keine Ereignisse veröffentlichen, um aufgeschobene Arbeit abzuschließen.</translation>
    </message>
    <message>
        <source>Use a static-response fallback on the route; defer belongs on a service&apos;s call.</source>
        <translation>Verwenden Sie auf der Route das Fallback „static-response“; „defer“ gehört an den Aufruf eines Dienstes.</translation>
    </message>
    <message>
        <source>The call from %1 to %2 defers on failure, but %1 publishes no topic that %2 consumes; deferred work is never finished.</source>
        <translation>Der Aufruf von %1 an %2 wird bei einem Fehler aufgeschoben, aber %1 veröffentlicht kein Topic, das %2 konsumiert; aufgeschobene Arbeit wird nie abgeschlossen.</translation>
    </message>
    <message>
        <source>Publish a request topic from %1 (e.g. &quot;payment.requested&quot;) and subscribe %2 to it.</source>
        <translation>Veröffentlichen Sie von %1 aus ein Anfrage-Topic (z. B. „payment.requested“) und abonnieren Sie es mit %2.</translation>
    </message>
    <message>
        <source>Database %1 is owned by %2 services; ownership is never shared.</source>
        <translation>Die Datenbank %1 gehört %2 Diensten; Eigentum wird nie geteilt.</translation>
    </message>
    <message>
        <source>Give each service its own database and share data through its API or events.</source>
        <translation>Geben Sie jedem Dienst eine eigene Datenbank und teilen Sie Daten über seine API oder Ereignisse.</translation>
    </message>
    <message>
        <source>Service %1 reaches database %2 through a %3 edge instead of owning it.</source>
        <translation>Der Dienst %1 greift über eine %3-Verbindung auf die Datenbank %2 zu, statt ihr Eigentümer zu sein.</translation>
    </message>
    <message>
        <source>Service %1 reaches database %2, which belongs to %3.</source>
        <translation>Der Dienst %1 greift auf die Datenbank %2 zu, die %3 gehört.</translation>
    </message>
    <message>
        <source>Ask the owning service through its API or consume its events; only the owner touches its database.</source>
        <translation>Fragen Sie den Eigentümerdienst über seine API oder konsumieren Sie seine Ereignisse; nur der Eigentümer greift auf seine Datenbank zu.</translation>
    </message>
    <message>
        <source>Database %1 has no owning service; nobody is responsible for its schema and data.</source>
        <translation>Die Datenbank %1 hat keinen Eigentümerdienst; niemand ist für ihr Schema und ihre Daten verantwortlich.</translation>
    </message>
    <message>
        <source>Draw an owns edge from the one service that owns it, or delete the database.</source>
        <translation>Zeichnen Sie eine owns-Verbindung von dem einen Dienst, dem sie gehört, oder löschen Sie die Datenbank.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message>
        <source>%1 (key prefix %2) and %3 (key prefix %4) share a keyspace in %5 and can overwrite each other&apos;s keys.</source>
        <translation>%1 (Schlüsselpräfix %2) und %3 (Schlüsselpräfix %4) teilen sich in %5 einen Schlüsselraum und können gegenseitig ihre Schlüssel überschreiben.</translation>
    </message>
    <message>
        <source>Give every cache user its own key prefix, none a prefix of another (e.g. &quot;ratelimit:&quot; and &quot;inventory:&quot;).</source>
        <translation>Geben Sie jedem Cache-Nutzer ein eigenes Schlüsselpräfix, keines davon Präfix eines anderen (z. B. „ratelimit:“ und „inventory:“).</translation>
    </message>
    <message>
        <source>%1 is not connected to anything; the runtime would start it for nobody.</source>
        <translation>%1 ist mit nichts verbunden; die Laufzeit würde es für niemanden starten.</translation>
    </message>
    <message>
        <source>Connect the gateway or a service to it with a uses-cache edge, or delete it.</source>
        <translation>Verbinden Sie das Gateway oder einen Dienst über eine uses-cache-Verbindung damit, oder löschen Sie es.</translation>
    </message>
    <message>
        <source>Connect producers and consumers to it with publish/subscribe edges, or delete it.</source>
        <translation>Verbinden Sie Produzenten und Konsumenten über publish/subscribe-Verbindungen damit, oder löschen Sie es.</translation>
    </message>
    <message>
        <source>Topic &quot;%1&quot; on %2 is published but nobody consumes it.</source>
        <translation>Das Topic „%1“ auf %2 wird veröffentlicht, aber niemand konsumiert es.</translation>
    </message>
    <message>
        <source>Subscribe the service that needs these events, or stop publishing the topic.</source>
        <translation>Abonnieren Sie das Topic mit dem Dienst, der diese Ereignisse braucht, oder veröffentlichen Sie das Topic nicht mehr.</translation>
    </message>
    <message>
        <source>Topic &quot;%1&quot; on %2 is consumed but nobody publishes it; its consumers wait forever.</source>
        <translation>Das Topic „%1“ auf %2 wird konsumiert, aber niemand veröffentlicht es; seine Konsumenten warten ewig.</translation>
    </message>
    <message>
        <source>Add the topic to the producing service&apos;s publish edge, or check the topic name for a typo.</source>
        <translation>Fügen Sie das Topic der publish-Verbindung des produzierenden Dienstes hinzu, oder prüfen Sie den Topic-Namen auf Tippfehler.</translation>
    </message>
    <message>
        <source>Topic &quot;%1&quot; is published with different partition counts (%2).</source>
        <translation>Das Topic „%1“ wird mit unterschiedlichen Partitionszahlen veröffentlicht (%2).</translation>
    </message>
    <message>
        <source>Declare the same partition count on every publish edge of the topic.</source>
        <translation>Geben Sie auf jeder publish-Verbindung des Topics dieselbe Partitionszahl an.</translation>
    </message>
    <message>
        <source>The subscription of %1 has no consumer group; offsets are not committed and instances would each get every event.</source>
        <translation>Das Abonnement von %1 hat keine Consumer-Gruppe; Offsets werden nicht festgeschrieben, und jede Instanz würde jedes Ereignis erhalten.</translation>
    </message>
    <message>
        <source>Set a consumer group, usually the service&apos;s name (e.g. &quot;%1&quot;).</source>
        <translation>Legen Sie eine Consumer-Gruppe fest, meist den Namen des Dienstes (z. B. „%1“).</translation>
    </message>
    <message>
        <source>Services %1 share consumer group &quot;%2&quot;, so each receives only part of the events.</source>
        <translation>Die Dienste %1 teilen sich die Consumer-Gruppe „%2“, daher erhält jeder nur einen Teil der Ereignisse.</translation>
    </message>
    <message>
        <source>Give every consuming service its own consumer group.</source>
        <translation>Geben Sie jedem konsumierenden Dienst eine eigene Consumer-Gruppe.</translation>
    </message>
    <message>
        <source>The %1 edge from %2 to %3 names no topic, so no event travels along it.</source>
        <translation>Die %1-Verbindung von %2 zu %3 nennt kein Topic, daher läuft kein Ereignis über sie.</translation>
    </message>
    <message>
        <source>Add the topics to the edge, or delete it.</source>
        <translation>Fügen Sie der Verbindung die Topics hinzu, oder löschen Sie sie.</translation>
    </message>
    <message>
        <source>Client %1 reaches %2 without going through the API gateway.</source>
        <translation>Der Client %1 erreicht %2, ohne über das API-Gateway zu gehen.</translation>
    </message>
    <message>
        <source>Connect the client to the gateway and add a route to the service there.</source>
        <translation>Verbinden Sie den Client mit dem Gateway und legen Sie dort eine Route zum Dienst an.</translation>
    </message>
    <message>
        <source>Client %1 is not connected; its traffic has nowhere to go.</source>
        <translation>Der Client %1 ist nicht verbunden; sein Datenverkehr kann nirgendwohin.</translation>
    </message>
    <message>
        <source>Draw a sync edge from the client to the API gateway.</source>
        <translation>Zeichnen Sie eine sync-Verbindung vom Client zum API-Gateway.</translation>
    </message>
    <message>
        <source>Gateway %1 has no routes; every request to it ends in 404.</source>
        <translation>Das Gateway %1 hat keine Routen; jede Anfrage an es endet mit 404.</translation>
    </message>
    <message>
        <source>Connect it to services and add routes (method, path, visibility, auth) to those edges.</source>
        <translation>Verbinden Sie es mit Diensten und fügen Sie diesen Verbindungen Routen hinzu (Methode, Pfad, Sichtbarkeit, Authentifizierung).</translation>
    </message>
    <message>
        <source>The gateway edge to %1 carries no routes, so the gateway never forwards to it.</source>
        <translation>Die Gateway-Verbindung zu %1 trägt keine Routen, daher leitet das Gateway nie dorthin weiter.</translation>
    </message>
    <message>
        <source>Add the routes the service answers, or delete the edge.</source>
        <translation>Fügen Sie die Routen hinzu, die der Dienst beantwortet, oder löschen Sie die Verbindung.</translation>
    </message>
    <message>
        <source>The edge from %1 to %2 carries %3 route(s), but only gateway edges route; they are ignored.</source>
        <translation>Die Verbindung von %1 zu %2 trägt %3 Route(n), aber nur Gateway-Verbindungen leiten weiter; sie werden ignoriert.</translation>
    </message>
    <message>
        <source>Move the routes to the gateway&apos;s edge to %1, or remove them.</source>
        <translation>Verschieben Sie die Routen auf die Verbindung des Gateways zu %1, oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>The diagram has %1 API gateways; clients no longer have a single front door.</source>
        <translation>Das Diagramm hat %1 API-Gateways; Clients haben keinen einzigen Eingang mehr.</translation>
    </message>
    <message>
        <source>Fine for a backend-for-frontend split; otherwise merge them into one gateway.</source>
        <translation>Für eine Aufteilung nach Backend-for-Frontend in Ordnung; andernfalls führen Sie sie zu einem Gateway zusammen.</translation>
    </message>
    <message>
        <source>Public route %1 to %2 needs no authentication; anyone on the internet can call it.</source>
        <translation>Die öffentliche Route %1 zu %2 erfordert keine Authentifizierung; jeder im Internet kann sie aufrufen.</translation>
    </message>
    <message>
        <source>Require jwt or api-key, or make it internal. Anonymous login routes belong to the auth service and need a rate limit.</source>
        <translation>Verlangen Sie jwt oder api-key, oder machen Sie sie intern. Anonyme Anmelderouten gehören zum Authentifizierungsdienst und brauchen eine Ratenbegrenzung.</translation>
    </message>
    <message>
        <source>Public route %1 has no rate limit; one client can exhaust %2.</source>
        <translation>Die öffentliche Route %1 hat keine Ratenbegrenzung; ein einzelner Client kann %2 erschöpfen.</translation>
    </message>
    <message>
        <source>Set a rate limit (requests per window per client) on the route.</source>
        <translation>Legen Sie auf der Route eine Ratenbegrenzung fest (Anfragen pro Zeitfenster und Client).</translation>
    </message>
    <message>
        <source>Admin route %1 is public; the admin API must never answer on the public listener.</source>
        <translation>Die Admin-Route %1 ist öffentlich; die Admin-API darf nie auf dem öffentlichen Listener antworten.</translation>
    </message>
    <message>
        <source>Admin route %1 uses auth %2 instead of admin.</source>
        <translation>Die Admin-Route %1 verwendet die Authentifizierung %2 statt admin.</translation>
    </message>
    <message>
        <source>Make every /admin route internal with auth admin.</source>
        <translation>Machen Sie jede /admin-Route intern mit der Authentifizierung admin.</translation>
    </message>
    <message>
        <source>Routes %1 (to %2) and %3 (to %4) collide on %5; the gateway cannot choose.</source>
        <translation>Die Routen %1 (zu %2) und %3 (zu %4) überschneiden sich bei %5; das Gateway kann nicht wählen.</translation>
    </message>
    <message>
        <source>Change the method or path of one of them, or delete the duplicate.</source>
        <translation>Ändern Sie die Methode oder den Pfad einer der beiden, oder löschen Sie das Duplikat.</translation>
    </message>
    <message>
        <source>Route %1 is retried %2 time(s), but %3 is not idempotent; a retry can apply it twice.</source>
        <translation>Die Route %1 wird %2-mal wiederholt, aber %3 ist nicht idempotent; eine Wiederholung kann sie doppelt ausführen.</translation>
    </message>
    <message>
        <source>Set retries to 0, or make the handler idempotent (idempotency key) and use PUT.</source>
        <translation>Setzen Sie die Wiederholungen auf 0, oder machen Sie den Handler idempotent (Idempotenzschlüssel) und verwenden Sie PUT.</translation>
    </message>
    <message>
        <source>Edge &quot;%1&quot; ends at a node that does not exist (&quot;%2&quot;).</source>
        <translation>Die Verbindung „%1“ endet an einem Knoten, den es nicht gibt („%2“).</translation>
    </message>
    <message>
        <source>Delete the edge or reconnect it to an existing node.</source>
        <translation>Löschen Sie die Verbindung oder verbinden Sie sie mit einem vorhandenen Knoten.</translation>
    </message>
    <message>
        <source>A %1 edge from %2 (%3) to %4 (%5) is impossible: %6</source>
        <translation>Eine %1-Verbindung von %2 (%3) zu %4 (%5) ist nicht möglich: %6</translation>
    </message>
    <message>
        <source>Delete the edge, or change its kind to one of: %1.</source>
        <translation>Löschen Sie die Verbindung, oder ändern Sie ihre Art in eine von: %1.</translation>
    </message>
    <message>
        <source>none fits between these nodes</source>
        <translation>keine passt zwischen diese Knoten</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>internal port</source>
        <translation>interner Port</translation>
    </message>
    <message>
        <source>Port %1 is fixed for %2; only one can listen on it.</source>
        <translation>Der Port %1 ist für %2 festgelegt; nur einer kann darauf lauschen.</translation>
    </message>
    <message>
        <source>Give each listener its own port, or set the port to 0 to let the runtime choose.</source>
        <translation>Geben Sie jedem Listener einen eigenen Port, oder setzen Sie den Port auf 0, damit die Laufzeit einen wählt.</translation>
    </message>
    <message>
        <source>%1 has no usable readiness check: readinessPath must be an HTTP path such as &quot;/readyz&quot;.</source>
        <translation>%1 hat keine verwendbare Bereitschaftsprüfung: readinessPath muss ein HTTP-Pfad wie „/readyz“ sein.</translation>
    </message>
    <message>
        <source>Set readinessPath to a path starting with &apos;/&apos;, or remove it to use &quot;/readyz&quot;.</source>
        <translation>Setzen Sie readinessPath auf einen Pfad, der mit „/“ beginnt, oder entfernen Sie ihn, um „/readyz“ zu verwenden.</translation>
    </message>
    <message>
        <source>Service %1 is unreachable: nothing calls it and it consumes no events.</source>
        <translation>Der Dienst %1 ist nicht erreichbar: Nichts ruft ihn auf, und er konsumiert keine Ereignisse.</translation>
    </message>
    <message>
        <source>Route to it from the gateway, call it from another service, or subscribe it to a topic.</source>
        <translation>Leiten Sie vom Gateway eine Route zu ihm, rufen Sie ihn von einem anderen Dienst auf, oder abonnieren Sie mit ihm ein Topic.</translation>
    </message>
    <message>
        <source>The edge from %1 to %2 has circuit-breaker settings, but only a gateway keeps a breaker per upstream service; they are ignored.</source>
        <translation>Die Verbindung von %1 zu %2 hat Circuit-Breaker-Einstellungen, aber nur ein Gateway führt einen Breaker pro Upstream-Dienst; sie werden ignoriert.</translation>
    </message>
    <message>
        <source>Set the breaker on a gateway&apos;s edge to %1, or remove the settings.</source>
        <translation>Legen Sie den Breaker auf der Verbindung eines Gateways zu %1 fest, oder entfernen Sie die Einstellungen.</translation>
    </message>
</context>
<context>
    <name>ProjectFile</name>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB; this is not a project file Gatehouse can open.</source>
        <translation>Die Datei ist größer als %1 MiB; das ist keine Projektdatei, die Gatehouse öffnen kann.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1): %2.</source>
        <translation>Die Datei ist kein gültiges JSON (%1): %2.</translation>
    </message>
    <message>
        <source>The file must hold one JSON object; this one holds an array or a plain value.</source>
        <translation>Die Datei muss ein JSON-Objekt enthalten; diese enthält ein Array oder einen einfachen Wert.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>%1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB; this is not a project file Gatehouse can open.</source>
        <translation>%1 ist größer als %2 MiB; das ist keine Projektdatei, die Gatehouse öffnen kann.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Cannot save %1: %2.</source>
        <translation>%1 kann nicht gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>is missing; it is required here.</source>
        <translation>fehlt; es ist hier erforderlich.</translation>
    </message>
    <message>
        <source>must be a string, not %1.</source>
        <translation>muss eine Zeichenkette sein, nicht %1.</translation>
    </message>
    <message>
        <source>is %1 characters long; at most %2 are allowed.</source>
        <translation>ist %1 Zeichen lang; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>must be a number, not %1.</source>
        <translation>muss eine Zahl sein, nicht %1.</translation>
    </message>
    <message>
        <source>is %1; it must be between %2 and %3.</source>
        <translation>ist %1; der Wert muss zwischen %2 und %3 liegen.</translation>
    </message>
    <message>
        <source>must be a whole number, not %1.</source>
        <translation>muss eine ganze Zahl sein, nicht %1.</translation>
    </message>
    <message>
        <source>must be true or false, not %1.</source>
        <translation>muss true oder false sein, nicht %1.</translation>
    </message>
    <message>
        <source>%1 is not known; expected one of: %2.</source>
        <translation>%1 ist unbekannt; erwartet wird eines von: %2.</translation>
    </message>
    <message>
        <source>is not a field Gatehouse knows; remove it or check its spelling.</source>
        <translation>ist kein Feld, das Gatehouse kennt; entfernen Sie es oder prüfen Sie die Schreibweise.</translation>
    </message>
    <message>
        <source>is missing: this does not look like a Gatehouse project file.</source>
        <translation>fehlt: Das sieht nicht nach einer Gatehouse-Projektdatei aus.</translation>
    </message>
    <message>
        <source>must be a whole number of 1 or more.</source>
        <translation>muss eine ganze Zahl ab 1 sein.</translation>
    </message>
    <message>
        <source>is %1: the file was written by a newer Gatehouse. This version reads format %2; update Gatehouse to open it.</source>
        <translation>ist %1: Die Datei wurde von einer neueren Gatehouse-Version geschrieben. Diese Version liest Format %2; aktualisieren Sie Gatehouse, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>is missing; a project lists its nodes (an empty list is fine).</source>
        <translation>fehlt; ein Projekt listet seine Knoten auf (eine leere Liste ist in Ordnung).</translation>
    </message>
    <message>
        <source>must be an array, not %1.</source>
        <translation>muss ein Array sein, nicht %1.</translation>
    </message>
    <message>
        <source>is missing; a project lists its edges (an empty list is fine).</source>
        <translation>fehlt; ein Projekt listet seine Verbindungen auf (eine leere Liste ist in Ordnung).</translation>
    </message>
    <message>
        <source>must be an object, not %1.</source>
        <translation>muss ein Objekt sein, nicht %1.</translation>
    </message>
    <message>
        <source>contains a password. Secrets belong in the keychain (Settings → Infrastructure), never in the project file.</source>
        <translation>enthält ein Passwort. Geheimnisse gehören in den Schlüsselbund (Einstellungen → Infrastruktur), nie in die Projektdatei.</translation>
    </message>
    <message>
        <source>%1 is not supported; use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.</source>
        <translation>%1 wird nicht unterstützt; verwenden Sie PLAIN, SCRAM-SHA-256 oder SCRAM-SHA-512.</translation>
    </message>
    <message>
        <source>%1 is not a valid id; use 1 to 128 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>%1 ist keine gültige ID; verwenden Sie 1 bis 128 Buchstaben, Ziffern, „_“, „.“ oder „-“.</translation>
    </message>
    <message>
        <source>%1 is used twice; every node and edge needs its own id.</source>
        <translation>%1 wird doppelt verwendet; jeder Knoten und jede Verbindung braucht eine eigene ID.</translation>
    </message>
    <message>
        <source>applies to services only; this node is a %1.</source>
        <translation>gilt nur für Dienste; dieser Knoten ist vom Typ %1.</translation>
    </message>
    <message>
        <source>must be a string, a number or a boolean, not %1.</source>
        <translation>muss eine Zeichenkette, eine Zahl oder ein Wahrheitswert sein, nicht %1.</translation>
    </message>
    <message>
        <source>is longer than %1 characters.</source>
        <translation>ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>must be a finite number.</source>
        <translation>muss eine endliche Zahl sein.</translation>
    </message>
    <message>
        <source>must be a pair of numbers [x, y].</source>
        <translation>muss ein Zahlenpaar [x, y] sein.</translation>
    </message>
    <message>
        <source>is outside the canvas (coordinates must be within ±%1).</source>
        <translation>liegt außerhalb der Zeichenfläche (Koordinaten müssen innerhalb von ±%1 liegen).</translation>
    </message>
    <message>
        <source>a static-response fallback needs an HTTP status between 100 and 599.</source>
        <translation>ein Fallback „static-response“ braucht einen HTTP-Status zwischen 100 und 599.</translation>
    </message>
    <message>
        <source>%1 is not an HTTP method Gatehouse routes; use one of: %2.</source>
        <translation>%1 ist keine HTTP-Methode, die Gatehouse weiterleitet; verwenden Sie eine von: %2.</translation>
    </message>
    <message>
        <source>%1 must start with &apos;/&apos;.</source>
        <translation>%1 muss mit „/“ beginnen.</translation>
    </message>
    <message>
        <source>must be an object with requests and windowSeconds.</source>
        <translation>muss ein Objekt mit requests und windowSeconds sein.</translation>
    </message>
    <message>
        <source>%1 is not a valid Kafka topic name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;; at most 249).</source>
        <translation>%1 ist kein gültiger Kafka-Topic-Name (Buchstaben, Ziffern, „.“, „_“, „-“; höchstens 249).</translation>
    </message>
    <message>
        <source>only sync edges carry routes; this edge is %1.</source>
        <translation>nur sync-Verbindungen tragen Routen; diese Verbindung ist vom Typ %1.</translation>
    </message>
    <message>
        <source>only publish and subscribe edges carry topics; this edge is %1.</source>
        <translation>nur publish- und subscribe-Verbindungen tragen Topics; diese Verbindung ist vom Typ %1.</translation>
    </message>
    <message>
        <source>names node %1, which does not exist.</source>
        <translation>nennt den Knoten %1, den es nicht gibt.</translation>
    </message>
    <message>
        <source>only sync edges carry a circuit breaker (the gateway&apos;s, per upstream); this edge is %1.</source>
        <translation>nur synchrone Verbindungen haben einen Circuit-Breaker (den des Gateways, pro Upstream); diese Verbindung ist %1.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Design, run and inspect API-gateway microservice stacks.</source>
        <translation>API-Gateway-Microservice-Stacks entwerfen, ausführen und untersuchen.</translation>
    </message>
    <message>
        <source>A project to open.</source>
        <translation>Ein zu öffnendes Projekt.</translation>
    </message>
</context>
</TS>
