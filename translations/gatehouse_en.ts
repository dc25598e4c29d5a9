<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Gatehouse</name>
    <message>
        <source>Gatehouse projects (*.gatehouse);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::Autosaver</name>
    <message>
        <source>Cannot create the recovery folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock the recovery file in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::CircuitBreakerBox</name>
    <message>
        <source>Circuit breaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a circuit breaker for this service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed calls in a row (connection error, timeout or 5xx) that open the circuit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the gateway answers at once with the route&apos;s fallback or 503 before it tries the service again. Milliseconds, or seconds with &quot;s&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial calls let through after the open time. That many successes close the circuit; a failure opens it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While the circuit is open, requests get the route&apos;s fallback or 503 at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure &amp;threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open time (ms):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-open &amp;probes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The failure threshold is the number of failed calls in a row that open the circuit: a whole number from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open time is how long calls are refused before a trial call: %1 to %2 milliseconds (or seconds with &quot;s&quot;, e.g. 30s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The half-open probes are the trial calls after the open time: a whole number from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on circuit breaker of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off circuit breaker of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circuit breaker of %1: failure threshold %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circuit breaker of %1: open time %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circuit breaker of %1: half-open probes %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset circuit breaker of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::ConnectionProbe</name>
    <message>
        <source>“%1” is not a Redis URL like redis://host:6379/0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis answered PING.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bootstrap server given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached %1 over TCP. A full metadata check needs librdkafka; the runtime does it when the stack starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no answer within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::CredentialStore</name>
    <message>
        <source>Passwords are kept only in the OS keychain (Secret Service, KWallet, macOS Keychain or the Windows Credential Manager) under the service “%1”, never in the project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keychain is available, so passwords cannot be stored (%1). On Linux start a Secret Service provider such as gnome-keyring or KWallet in your session and restart Gatehouse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain did not answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::DiagramScene</name>
    <message>
        <source>A node cannot connect to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add waypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot connect to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribute %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-layout all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear waypoints</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::DiagramView</name>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align &amp;Centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align &amp;Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align &amp;Middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align &amp;Bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribute &amp;Horizontally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribute &amp;Vertically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size (100 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show S&amp;ync Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Data Ownership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Cross-Cutting &amp;Marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Failure Paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Internal Routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync Calls Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto &amp;Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-layout &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear &amp;Waypoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring to &amp;Front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::Document</name>
    <message>
        <source>Add “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both ends of a connection must be nodes of this diagram.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A node cannot connect to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” already has a %2 connection to “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect “%1” → “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 nodes and %2 connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resize “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change kind of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit description of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change port of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move “%1” to another lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 of “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change kind of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit label of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit routes of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit route %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit topics of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit consumer group of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit key prefix of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit timeout of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit retries of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit fallback of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit waypoints of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit diagram description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit run settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard does not hold Gatehouse nodes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste 1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste %1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring to front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::EdgeForm</name>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: the error goes back to the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Static response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defer: accept now, finish via an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown on the canvas, e.g. accept as PENDING_PAYMENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fallback:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback &amp;status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback &amp;text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consumer group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A consumer group name has no spaces.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::EventsPanel</name>
    <message>
        <source>Select a message to see its headers and payload.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::FileFormat</name>
    <message>
        <source>draw.io diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::InspectorDocks</name>
    <message>
        <source>Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running. Run the diagram to see its live traffic, traces, events and logs here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected from the runtime. What arrived until then stays here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running. This is the last run&apos;s data; it stays until the next run starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running: the spans of this request are no longer available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runtime could not return this trace: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::LiveControls</name>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs inside the supervisor: no node controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill (crash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (hang)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate: %1 req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Latency…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Error Rate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Latency on This Call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Errors on This Call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra latency for %1 (ms):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Error Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of failing requests for %1 (%):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the stack is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear faults on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inject %1 ms latency and %2 % errors on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the rate of %1 to %2 req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this runtime does not support it yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::LiveSession</name>
    <message>
        <source>The stack is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gatehouse-runtime was not found next to the app, in /usr/bin or on the PATH. Set its path in the environment variable GATEHOUSE_RUNTIME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gatehouse-runtime exited with code %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::LiveView</name>
    <message>
        <source>The stack could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the stack of this diagram (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running stack (Shift+F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;estart Stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause Overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;low Motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Request Dots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Event Glyphs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Traffic &amp;Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live &amp;Overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diagram could not be written for the runtime: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the stack before closing (at most 25 s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the stack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the stack (first run: creating the databases with initdb)… %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the stack… %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: %1 of %2 nodes ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 down or stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the diagram changed: restart the stack to apply it (Ctrl+Shift+F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running stack did not take the edit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>routes of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate of %1: %2/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied to the running stack: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a restart: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::LogModel</name>
    <message>
        <source>debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::LogsPanel</name>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All nodes (merged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter log text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest line in view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::MainWindow</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rrange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New from &amp;Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API gateway: first design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API gateway: refined (rate limits, fallbacks, owners)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;Design, run and inspect API-gateway microservice stacks.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse cannot read files like “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be imported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1: %2 nodes, %3 connections (%4 guessed, %5 not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse cannot write files like “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled.gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored unsaved work from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected — nodes: %1, connections: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::MessageBoxPrompts</name>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes to “%1” before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an untitled diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse did not close normally. An autosave of %1 from %2 was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore it? If you discard it, it is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Diagram As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Diagram</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::NodeBadges</name>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::NodeForm</name>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port the node listens on; automatic lets the runtime choose a free one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>defaults to the node id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data&amp;base:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset database name of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename database of “%1” to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove owner of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make “%1” the owner of “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::NodePalette</name>
    <message>
        <source>Drag a component onto the canvas, or double-click it to add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data and messaging</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::NodeTemplate</name>
    <message>
        <source>Web app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A browser front end that calls the API gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mobile app that calls the API gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A partner&apos;s system that calls the API gateway with an API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The single entry point: routing, authentication, rate limiting and logging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Redis instance for caching and rate-limit counters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Kafka cluster carrying events between services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PostgreSQL database, owned by one service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service that does what its edges say.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues and checks tokens; owns the user database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes orders; calls payment and publishes order events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps stock levels; reacts to order events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charges payments; may be slow or fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends notifications when events arrive.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::ProblemsPanel</name>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Hint: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors: %1   Warnings: %2   Info: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::PropertyEditor</name>
    <message>
        <source>Diagram &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a node or connection to edit its properties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes and %2 connections selected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::RecentFiles</name>
    <message>
        <source>&amp;%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::RouteDetails</name>
    <message>
        <source>none, or e.g. 100/60s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate &amp;limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time&amp;out (ms):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;tries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fall&amp;back:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::RouteTableModel</name>
    <message>
        <source>public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>static %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>defer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an HTTP method. Use one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A path starts with “/” and has no spaces, e.g. /orders/{id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path “%1” has unbalanced braces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visibility is “public” or “internal”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication is one of none, JWT, API key or admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a rate limit as requests/seconds, e.g. 100/60s, or leave it empty for none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeout is a number of milliseconds from 0 to 600000 (empty: the gateway&apos;s default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries is a whole number from 0 to 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fallback is “none”, “defer” or “static” with an HTTP status, e.g. static 503.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This column cannot be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s default timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This edge already has a route %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add route %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove route %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::SettingsDialog</name>
    <message numerus="yes">
        <source>The keychain is available; %n credential(s) stored for this project.</source>
        <translation>
            <numerusform>The keychain is available; %n credential stored for this project.</numerusform>
            <numerusform>The keychain is available; %n credentials stored for this project.</numerusform>
        </translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project Infrastructure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system (light or dark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and appearance changes take effect when Gatehouse restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;PostgreSQL port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;Redis port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;Kafka port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;gateway port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Telemetry sampling:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave a field empty and Gatehouse starts that part of the stack itself. Passwords go to the OS keychain, never into the project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host=db.example port=5432 user=gatehouse (no password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL &amp;connection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redis://cache.example:6379/0 (no password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis pa&amp;ssword:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka &amp;bootstrap servers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka authenticatio&amp;n:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka user na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka passw&amp;ord:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys for this project:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Stored Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain is available; nothing is stored for this project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored credentials of this project deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL connection contains a password. Remove it and type the password into its own field: it is kept in the OS keychain, not in the project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Redis URL contains a password. Remove it and type the password into its own field: it is kept in the OS keychain, not in the project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of requests whose whole trace is shown on the canvas and in the docks while a stack runs. The traffic figures always count every request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports and the data folder take effect the next time you run a stack; a port set on a node in the diagram wins over these defaults. Telemetry sampling also applies at once to a running stack.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::TopicMessagesModel</name>
    <message>
        <source>Partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::TopicTableModel</name>
    <message>
        <source>A topic name uses letters, digits, “.”, “_” and “-” only, e.g. order.created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitions is a whole number from 1 to 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key names a payload field (letters, digits, “_” and “.”), or is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This column cannot be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This edge already carries the topic %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename topic %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit topic %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add topic %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove topic %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::TopicsModel</name>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no consumer group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p%1 committed %2, lag %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High offsets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer lag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::TraceModel</name>
    <message>
        <source>%1 µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::TracePanel</name>
    <message>
        <source>Event it caused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a request in the Traffic dock to see its trace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace %1: no spans (the runtime no longer holds them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace %1 — %2 spans on %3 nodes, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not in this trace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not consumed yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::TrafficModel</name>
    <message>
        <source>%1 timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::TrafficOverlay</name>
    <message>
        <source>timeout → fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error → fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 msg/s · lag %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ev/s · p95 %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s · p95 %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · lag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s · ≈ %2 in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n errors</source>
        <translation>
            <numerusform> · %n error</numerusform>
            <numerusform> · %n errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gatehouse::TrafficPanel</name>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by client, route, status or trace id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2xx success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4xx client errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5xx server errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the table; new requests are counted but not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected request as a curl command (credentials as $TOKEN / $API_KEY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests, %2 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused — %1 new requests skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gatehouse::UndoHistoryPanel</name>
    <message>
        <source>&lt;opened&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Synchronous call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishes events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumes events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owns database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients call the API gateway only; they never reach services or data stores directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only clients, the gateway and services make synchronous calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A synchronous call goes to the gateway or to a service; data stores are reached through their own edge kinds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services do not call back into the gateway; call the other service directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway does not route to another gateway in this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events are published by a service to Kafka.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events are consumed from Kafka by a service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a service owns a database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cache edge must end at a Redis cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the gateway and services use the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown edge kind.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lint</name>
    <message>
        <source>Services %1 call each other synchronously in a cycle; a request can end up waiting on itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break the cycle: replace one call with an event, or move the shared logic into one service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call from %1 to %2 has no timeout; a slow %2 holds %1&apos;s requests open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a timeout on the edge, shorter than the gateway&apos;s timeout for the routes that lead here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When %1 fails, %2&apos;s callers get the error: the call has neither a fallback nor a retry, and users reach %2 through public routes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a fallback (a static response, or defer the work via an event) or a retry for idempotent calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A route to %1 has a defer fallback, but the gateway cannot publish events to finish deferred work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a static-response fallback on the route; defer belongs on a service&apos;s call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call from %1 to %2 defers on failure, but %1 publishes no topic that %2 consumes; deferred work is never finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish a request topic from %1 (e.g. &quot;payment.requested&quot;) and subscribe %2 to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1 is owned by %2 services; ownership is never shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give each service its own database and share data through its API or events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 reaches database %2 through a %3 edge instead of owning it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 reaches database %2, which belongs to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the owning service through its API or consume its events; only the owner touches its database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1 has no owning service; nobody is responsible for its schema and data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw an owns edge from the one service that owns it, or delete the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (key prefix %2) and %3 (key prefix %4) share a keyspace in %5 and can overwrite each other&apos;s keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every cache user its own key prefix, none a prefix of another (e.g. &quot;ratelimit:&quot; and &quot;inventory:&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not connected to anything; the runtime would start it for nobody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect the gateway or a service to it with a uses-cache edge, or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect producers and consumers to it with publish/subscribe edges, or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic &quot;%1&quot; on %2 is published but nobody consumes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe the service that needs these events, or stop publishing the topic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic &quot;%1&quot; on %2 is consumed but nobody publishes it; its consumers wait forever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the topic to the producing service&apos;s publish edge, or check the topic name for a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic &quot;%1&quot; is published with different partition counts (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare the same partition count on every publish edge of the topic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscription of %1 has no consumer group; offsets are not committed and instances would each get every event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a consumer group, usually the service&apos;s name (e.g. &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services %1 share consumer group &quot;%2&quot;, so each receives only part of the events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every consuming service its own consumer group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 edge from %2 to %3 names no topic, so no event travels along it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the topics to the edge, or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client %1 reaches %2 without going through the API gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect the client to the gateway and add a route to the service there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client %1 is not connected; its traffic has nowhere to go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a sync edge from the client to the API gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway %1 has no routes; every request to it ends in 404.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect it to services and add routes (method, path, visibility, auth) to those edges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway edge to %1 carries no routes, so the gateway never forwards to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the routes the service answers, or delete the edge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edge from %1 to %2 carries %3 route(s), but only gateway edges route; they are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the routes to the gateway&apos;s edge to %1, or remove them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diagram has %1 API gateways; clients no longer have a single front door.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine for a backend-for-frontend split; otherwise merge them into one gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public route %1 to %2 needs no authentication; anyone on the internet can call it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require jwt or api-key, or make it internal. Anonymous login routes belong to the auth service and need a rate limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public route %1 has no rate limit; one client can exhaust %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a rate limit (requests per window per client) on the route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin route %1 is public; the admin API must never answer on the public listener.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin route %1 uses auth %2 instead of admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make every /admin route internal with auth admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes %1 (to %2) and %3 (to %4) collide on %5; the gateway cannot choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the method or path of one of them, or delete the duplicate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route %1 is retried %2 time(s), but %3 is not idempotent; a retry can apply it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set retries to 0, or make the handler idempotent (idempotency key) and use PUT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge &quot;%1&quot; ends at a node that does not exist (&quot;%2&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the edge or reconnect it to an existing node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 edge from %2 (%3) to %4 (%5) is impossible: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the edge, or change its kind to one of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none fits between these nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is fixed for %2; only one can listen on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give each listener its own port, or set the port to 0 to let the runtime choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no usable readiness check: readinessPath must be an HTTP path such as &quot;/readyz&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set readinessPath to a path starting with &apos;/&apos;, or remove it to use &quot;/readyz&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 is unreachable: nothing calls it and it consumes no events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route to it from the gateway, call it from another service, or subscribe it to a topic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edge from %1 to %2 has circuit-breaker settings, but only a gateway keeps a breaker per upstream service; they are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the breaker on a gateway&apos;s edge to %1, or remove the settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectFile</name>
    <message>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB; this is not a project file Gatehouse can open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file must hold one JSON object; this one holds an array or a plain value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB; this is not a project file Gatehouse can open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing; it is required here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is %1 characters long; at most %2 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is %1; it must be between %2 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not known; expected one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a field Gatehouse knows; remove it or check its spelling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing: this does not look like a Gatehouse project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number of 1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is %1: the file was written by a newer Gatehouse. This version reads format %2; update Gatehouse to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing; a project lists its nodes (an empty list is fine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing; a project lists its edges (an empty list is fine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains a password. Secrets belong in the keychain (Settings → Infrastructure), never in the project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not supported; use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid id; use 1 to 128 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is used twice; every node and edge needs its own id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applies to services only; this node is a %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string, a number or a boolean, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a finite number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a pair of numbers [x, y].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is outside the canvas (coordinates must be within ±%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a static-response fallback needs an HTTP status between 100 and 599.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an HTTP method Gatehouse routes; use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must start with &apos;/&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object with requests and windowSeconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid Kafka topic name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;; at most 249).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only sync edges carry routes; this edge is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only publish and subscribe edges carry topics; this edge is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names node %1, which does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only sync edges carry a circuit breaker (the gateway&apos;s, per upstream); this edge is %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Design, run and inspect API-gateway microservice stacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
