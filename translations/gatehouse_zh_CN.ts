<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Gatehouse</name>
    <message>
        <source>Gatehouse projects (*.gatehouse);;All files (*)</source>
        <translation>Gatehouse 项目 (*.gatehouse);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Gatehouse::Autosaver</name>
    <message>
        <source>Cannot create the recovery folder %1.</source>
        <translation>无法创建恢复文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot lock the recovery file in %1.</source>
        <translation>无法锁定 %1 中的恢复文件。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>Gatehouse::CircuitBreakerBox</name>
    <message>
        <source>Circuit breaker</source>
        <translation>熔断器</translation>
    </message>
    <message>
        <source>Use a circuit breaker for this service</source>
        <translation>为此服务启用熔断器</translation>
    </message>
    <message>
        <source>Reset to Defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Failed calls in a row (connection error, timeout or 5xx) that open the circuit.</source>
        <translation>使熔断器断开的连续失败调用次数（连接错误、超时或 5xx）。</translation>
    </message>
    <message>
        <source>How long the gateway answers at once with the route&apos;s fallback or 503 before it tries the service again. Milliseconds, or seconds with &quot;s&quot;.</source>
        <translation>网关再次调用服务之前，立即以路由的 Fallback 或 503 应答的时长。单位为毫秒，或加“s”表示秒。</translation>
    </message>
    <message>
        <source>Trial calls let through after the open time. That many successes close the circuit; a failure opens it again.</source>
        <translation>断开时长结束后放行的试探调用数。同样次数的成功会闭合熔断器；一次失败会使其再次断开。</translation>
    </message>
    <message>
        <source>While the circuit is open, requests get the route&apos;s fallback or 503 at once.</source>
        <translation>熔断器断开期间，请求会立即得到路由的 Fallback 或 503。</translation>
    </message>
    <message>
        <source>Failure &amp;threshold:</source>
        <translation>失败阈值(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Open time (ms):</source>
        <translation>断开时长（毫秒）(&amp;O):</translation>
    </message>
    <message>
        <source>Half-open &amp;probes:</source>
        <translation>半开试探次数(&amp;P):</translation>
    </message>
    <message>
        <source>The failure threshold is the number of failed calls in a row that open the circuit: a whole number from %1 to %2.</source>
        <translation>失败阈值是使熔断器断开的连续失败调用次数：%1 到 %2 之间的整数。</translation>
    </message>
    <message>
        <source>The open time is how long calls are refused before a trial call: %1 to %2 milliseconds (or seconds with &quot;s&quot;, e.g. 30s).</source>
        <translation>断开时长是在试探调用之前拒绝调用的时间：%1 到 %2 毫秒（或加“s”表示秒，例如 30s）。</translation>
    </message>
    <message>
        <source>The half-open probes are the trial calls after the open time: a whole number from %1 to %2.</source>
        <translation>半开试探次数是断开时长结束后的试探调用数：%1 到 %2 之间的整数。</translation>
    </message>
    <message>
        <source>Turn on circuit breaker of %1</source>
        <translation>开启 %1 的熔断器</translation>
    </message>
    <message>
        <source>Turn off circuit breaker of %1</source>
        <translation>关闭 %1 的熔断器</translation>
    </message>
    <message>
        <source>Circuit breaker of %1: failure threshold %2</source>
        <translation>%1 的熔断器：失败阈值 %2</translation>
    </message>
    <message>
        <source>Circuit breaker of %1: open time %2 ms</source>
        <translation>%1 的熔断器：断开时长 %2 毫秒</translation>
    </message>
    <message>
        <source>Circuit breaker of %1: half-open probes %2</source>
        <translation>%1 的熔断器：半开试探次数 %2</translation>
    </message>
    <message>
        <source>Reset circuit breaker of %1</source>
        <translation>重置 %1 的熔断器</translation>
    </message>
</context>
<context>
    <name>Gatehouse::ConnectionProbe</name>
    <message>
        <source>“%1” is not a Redis URL like redis://host:6379/0.</source>
        <translation>“%1”不是形如 redis://host:6379/0 的 Redis URL。</translation>
    </message>
    <message>
        <source>No answer within %1 s.</source>
        <translation>%1 秒内无应答。</translation>
    </message>
    <message>
        <source>Redis answered PING.</source>
        <translation>Redis 已应答 PING。</translation>
    </message>
    <message>
        <source>No bootstrap server given.</source>
        <translation>未指定引导服务器。</translation>
    </message>
    <message>
        <source>Reached %1 over TCP. A full metadata check needs librdkafka; the runtime does it when the stack starts.</source>
        <translation>已通过 TCP 连通 %1。完整的元数据检查需要 librdkafka，运行时会在栈启动时执行。</translation>
    </message>
    <message>
        <source>“%1” is not host:port.</source>
        <translation>“%1”不是“主机:端口”格式。</translation>
    </message>
    <message>
        <source>%1: no answer within %2 s.</source>
        <translation>%1：%2 秒内无应答。</translation>
    </message>
</context>
<context>
    <name>Gatehouse::CredentialStore</name>
    <message>
        <source>Passwords are kept only in the OS keychain (Secret Service, KWallet, macOS Keychain or the Windows Credential Manager) under the service “%1”, never in the project file.</source>
        <translation>密码只保存在操作系统密钥环中（Secret Service、KWallet、macOS 钥匙串或 Windows 凭据管理器），服务名为“%1”，绝不写入项目文件。</translation>
    </message>
    <message>
        <source>No OS keychain is available, so passwords cannot be stored (%1). On Linux start a Secret Service provider such as gnome-keyring or KWallet in your session and restart Gatehouse.</source>
        <translation>没有可用的操作系统密钥环，因此无法保存密码（%1）。在 Linux 上，请在会话中启动 gnome-keyring 或 KWallet 等 Secret Service 提供程序，然后重新启动 Gatehouse。</translation>
    </message>
    <message>
        <source>the keychain did not answer</source>
        <translation>密钥环没有响应</translation>
    </message>
</context>
<context>
    <name>Gatehouse::DiagramScene</name>
    <message>
        <source>A node cannot connect to itself.</source>
        <translation>节点不能连接到自身。</translation>
    </message>
    <message>
        <source>Add waypoint</source>
        <translation>添加路径点</translation>
    </message>
    <message>
        <source>%1 service</source>
        <translation>%1 服务</translation>
    </message>
    <message>
        <source>%1 cannot connect to %2.</source>
        <translation>%1 不能连接到 %2。</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <source>Align %1 nodes</source>
        <translation>对齐 %1 个节点</translation>
    </message>
    <message>
        <source>Distribute %1 nodes</source>
        <translation>分布 %1 个节点</translation>
    </message>
    <message>
        <source>Re-layout all</source>
        <translation>全部重新布局</translation>
    </message>
    <message>
        <source>Auto layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>Clear waypoints</source>
        <translation>清除路径点</translation>
    </message>
</context>
<context>
    <name>Gatehouse::DiagramView</name>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation>左对齐(&amp;L)</translation>
    </message>
    <message>
        <source>Align &amp;Centre</source>
        <translation>水平居中对齐(&amp;C)</translation>
    </message>
    <message>
        <source>Align &amp;Right</source>
        <translation>右对齐(&amp;R)</translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation>顶端对齐(&amp;T)</translation>
    </message>
    <message>
        <source>Align &amp;Middle</source>
        <translation>垂直居中对齐(&amp;M)</translation>
    </message>
    <message>
        <source>Align &amp;Bottom</source>
        <translation>底端对齐(&amp;B)</translation>
    </message>
    <message>
        <source>Distribute &amp;Horizontally</source>
        <translation>水平分布(&amp;H)</translation>
    </message>
    <message>
        <source>Distribute &amp;Vertically</source>
        <translation>垂直分布(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100 %)</source>
        <translation>实际大小 (100%)(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Connect Tool</source>
        <translation>连接工具(&amp;C)</translation>
    </message>
    <message>
        <source>Show S&amp;ync Calls</source>
        <translation>显示同步调用(&amp;Y)</translation>
    </message>
    <message>
        <source>Show &amp;Events</source>
        <translation>显示事件(&amp;E)</translation>
    </message>
    <message>
        <source>Show &amp;Data Ownership</source>
        <translation>显示数据归属(&amp;D)</translation>
    </message>
    <message>
        <source>Show Cross-Cutting &amp;Marks</source>
        <translation>显示横切标记(&amp;M)</translation>
    </message>
    <message>
        <source>Show &amp;Failure Paths</source>
        <translation>显示故障路径(&amp;F)</translation>
    </message>
    <message>
        <source>Show &amp;Internal Routes</source>
        <translation>显示内部路由(&amp;I)</translation>
    </message>
    <message>
        <source>Sync Calls Only</source>
        <translation>仅同步调用</translation>
    </message>
    <message>
        <source>Events Only</source>
        <translation>仅事件</translation>
    </message>
    <message>
        <source>Show Everything</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Auto &amp;Layout</source>
        <translation>自动布局(&amp;L)</translation>
    </message>
    <message>
        <source>Re-layout &amp;All</source>
        <translation>全部重新布局(&amp;A)</translation>
    </message>
    <message>
        <source>Clear &amp;Waypoints</source>
        <translation>清除路径点(&amp;W)</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>对齐</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Bring to &amp;Front</source>
        <translation>置于顶层(&amp;F)</translation>
    </message>
    <message>
        <source>Send to &amp;Back</source>
        <translation>置于底层(&amp;B)</translation>
    </message>
</context>
<context>
    <name>Gatehouse::Document</name>
    <message>
        <source>Add “%1”</source>
        <translation>添加“%1”</translation>
    </message>
    <message>
        <source>Both ends of a connection must be nodes of this diagram.</source>
        <translation>连接的两端都必须是本图中的节点。</translation>
    </message>
    <message>
        <source>A node cannot connect to itself.</source>
        <translation>节点不能连接到自身。</translation>
    </message>
    <message>
        <source>“%1” already has a %2 connection to “%3”.</source>
        <translation>“%1”已有一条到“%3”的 %2 连接。</translation>
    </message>
    <message>
        <source>Connect “%1” → “%2”</source>
        <translation>连接“%1”→“%2”</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <source>Delete connection %1</source>
        <translation>删除连接 %1</translation>
    </message>
    <message>
        <source>Delete %1 nodes</source>
        <translation>删除 %1 个节点</translation>
    </message>
    <message>
        <source>Delete %1 connections</source>
        <translation>删除 %1 条连接</translation>
    </message>
    <message>
        <source>Delete %1 nodes and %2 connections</source>
        <translation>删除 %1 个节点和 %2 条连接</translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>移动“%1”</translation>
    </message>
    <message>
        <source>Move %1 nodes</source>
        <translation>移动 %1 个节点</translation>
    </message>
    <message>
        <source>Resize “%1”</source>
        <translation>调整“%1”的大小</translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation>重命名“%1”</translation>
    </message>
    <message>
        <source>Change kind of “%1”</source>
        <translation>更改“%1”的类型</translation>
    </message>
    <message>
        <source>Change role of “%1”</source>
        <translation>更改“%1”的角色</translation>
    </message>
    <message>
        <source>Edit description of “%1”</source>
        <translation>编辑“%1”的描述</translation>
    </message>
    <message>
        <source>Change port of “%1”</source>
        <translation>更改“%1”的端口</translation>
    </message>
    <message>
        <source>Move “%1” to another lane</source>
        <translation>将“%1”移到另一泳道</translation>
    </message>
    <message>
        <source>Set %1 of “%2”</source>
        <translation>设置“%2”的 %1</translation>
    </message>
    <message>
        <source>Change kind of %1</source>
        <translation>更改 %1 的类型</translation>
    </message>
    <message>
        <source>Edit label of %1</source>
        <translation>编辑 %1 的标签</translation>
    </message>
    <message>
        <source>Edit routes of %1</source>
        <translation>编辑 %1 的路由</translation>
    </message>
    <message>
        <source>Edit route %1 %2</source>
        <translation>编辑路由 %1 %2</translation>
    </message>
    <message>
        <source>Edit topics of %1</source>
        <translation>编辑 %1 的主题</translation>
    </message>
    <message>
        <source>Edit consumer group of %1</source>
        <translation>编辑 %1 的消费者组</translation>
    </message>
    <message>
        <source>Edit key prefix of %1</source>
        <translation>编辑 %1 的键前缀</translation>
    </message>
    <message>
        <source>Edit timeout of %1</source>
        <translation>编辑 %1 的超时</translation>
    </message>
    <message>
        <source>Edit retries of %1</source>
        <translation>编辑 %1 的重试次数</translation>
    </message>
    <message>
        <source>Edit fallback of %1</source>
        <translation>编辑 %1 的降级策略</translation>
    </message>
    <message>
        <source>Edit waypoints of %1</source>
        <translation>编辑 %1 的路径点</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>设置 %2 的 %1</translation>
    </message>
    <message>
        <source>Rename diagram</source>
        <translation>重命名图</translation>
    </message>
    <message>
        <source>Edit diagram description</source>
        <translation>编辑图的描述</translation>
    </message>
    <message>
        <source>Edit run settings</source>
        <translation>编辑运行设置</translation>
    </message>
    <message>
        <source>The clipboard does not hold Gatehouse nodes: %1</source>
        <translation>剪贴板中没有 Gatehouse 节点：%1</translation>
    </message>
    <message>
        <source>The clipboard holds no nodes.</source>
        <translation>剪贴板中没有节点。</translation>
    </message>
    <message>
        <source>Paste 1 item</source>
        <translation>粘贴 1 项</translation>
    </message>
    <message>
        <source>Paste %1 items</source>
        <translation>粘贴 %1 项</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Bring to front</source>
        <translation>置于顶层</translation>
    </message>
    <message>
        <source>Send to back</source>
        <translation>置于底层</translation>
    </message>
</context>
<context>
    <name>Gatehouse::EdgeForm</name>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>None: the error goes back to the caller</source>
        <translation>无：错误返回给调用方</translation>
    </message>
    <message>
        <source>Static response</source>
        <translation>静态响应</translation>
    </message>
    <message>
        <source>Defer: accept now, finish via an event</source>
        <translation>延后：立即受理，通过事件完成</translation>
    </message>
    <message>
        <source>shown on the canvas, e.g. accept as PENDING_PAYMENT</source>
        <translation>显示在画布上，例如“以 PENDING_PAYMENT 受理”</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>重试次数(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Fallback:</source>
        <translation>降级策略(&amp;F)：</translation>
    </message>
    <message>
        <source>Fallback &amp;status:</source>
        <translation>降级状态码(&amp;S)：</translation>
    </message>
    <message>
        <source>Fallback &amp;text:</source>
        <translation>降级文本(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Consumer group:</source>
        <translation>消费者组(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Key prefix:</source>
        <translation>键前缀(&amp;K)：</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Add Route</source>
        <translation>添加路由</translation>
    </message>
    <message>
        <source>Remove Route</source>
        <translation>移除路由</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Add Topic</source>
        <translation>添加主题</translation>
    </message>
    <message>
        <source>Remove Topic</source>
        <translation>移除主题</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>从 %2 到 %3 的 %1</translation>
    </message>
    <message>
        <source>A consumer group name has no spaces.</source>
        <translation>消费者组名称不能包含空格。</translation>
    </message>
</context>
<context>
    <name>Gatehouse::EventsPanel</name>
    <message>
        <source>Select a message to see its headers and payload.</source>
        <translation>选择一条消息以查看其消息头和负载。</translation>
    </message>
</context>
<context>
    <name>Gatehouse::FileFormat</name>
    <message>
        <source>draw.io diagram</source>
        <translation>draw.io 图</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG image</source>
        <translation>SVG 图像</translation>
    </message>
</context>
<context>
    <name>Gatehouse::InspectorDocks</name>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>链路追踪</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Not running. Run the diagram to see its live traffic, traces, events and logs here.</source>
        <translation>未运行。运行此图后，可在此查看实时流量、链路追踪、事件和日志。</translation>
    </message>
    <message>
        <source>Disconnected from the runtime. What arrived until then stays here.</source>
        <translation>已与运行时断开连接。此前收到的数据保留在此。</translation>
    </message>
    <message>
        <source>Not running. This is the last run&apos;s data; it stays until the next run starts.</source>
        <translation>未运行。这是上次运行的数据，将保留到下次运行开始。</translation>
    </message>
    <message>
        <source>Not running: the spans of this request are no longer available.</source>
        <translation>未运行：此请求的 span 已不可用。</translation>
    </message>
    <message>
        <source>The runtime could not return this trace: %1</source>
        <translation>运行时无法返回此链路追踪：%1</translation>
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
        <translation>在监管进程内运行：无节点控制</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Kill (crash)</source>
        <translation>强制终止（崩溃）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Pause (hang)</source>
        <translation>暂停（挂起）</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Rate: %1 req/s</source>
        <translation>速率：%1 请求/秒</translation>
    </message>
    <message>
        <source>Add Latency…</source>
        <translation>添加延迟…</translation>
    </message>
    <message>
        <source>Add Error Rate…</source>
        <translation>添加错误率…</translation>
    </message>
    <message>
        <source>Clear Faults</source>
        <translation>清除故障</translation>
    </message>
    <message>
        <source>Add Latency on This Call…</source>
        <translation>为此调用添加延迟…</translation>
    </message>
    <message>
        <source>Add Errors on This Call…</source>
        <translation>为此调用添加错误…</translation>
    </message>
    <message>
        <source>Add Latency</source>
        <translation>添加延迟</translation>
    </message>
    <message>
        <source>Extra latency for %1 (ms):</source>
        <translation>%1 的额外延迟（毫秒）：</translation>
    </message>
    <message>
        <source>Add Error Rate</source>
        <translation>添加错误率</translation>
    </message>
    <message>
        <source>Share of failing requests for %1 (%):</source>
        <translation>%1 失败请求的比例（%）：</translation>
    </message>
    <message>
        <source>%1: the stack is not running</source>
        <translation>%1：栈未运行</translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation>停止 %1</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>启动 %1</translation>
    </message>
    <message>
        <source>Kill %1</source>
        <translation>强制终止 %1</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>暂停 %1</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>恢复 %1</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>重启 %1</translation>
    </message>
    <message>
        <source>Clear faults on %1</source>
        <translation>清除 %1 上的故障</translation>
    </message>
    <message>
        <source>Inject %1 ms latency and %2 % errors on %3</source>
        <translation>在 %3 上注入 %1 毫秒延迟和 %2 % 错误</translation>
    </message>
    <message>
        <source>Set the rate of %1 to %2 req/s</source>
        <translation>将 %1 的速率设为 %2 请求/秒</translation>
    </message>
    <message>
        <source>this runtime does not support it yet</source>
        <translation>此运行时尚不支持</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1：完成</translation>
    </message>
</context>
<context>
    <name>Gatehouse::LiveSession</name>
    <message>
        <source>The stack is already running.</source>
        <translation>栈已在运行。</translation>
    </message>
    <message>
        <source>gatehouse-runtime was not found next to the app, in /usr/bin or on the PATH. Set its path in the environment variable GATEHOUSE_RUNTIME.</source>
        <translation>在应用旁边、/usr/bin 或 PATH 中均未找到 gatehouse-runtime。请在环境变量 GATEHOUSE_RUNTIME 中设置其路径。</translation>
    </message>
    <message>
        <source>gatehouse-runtime exited with code %1.</source>
        <translation>gatehouse-runtime 以代码 %1 退出。</translation>
    </message>
</context>
<context>
    <name>Gatehouse::LiveView</name>
    <message>
        <source>The stack could not run: %1</source>
        <translation>栈无法运行：%1</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2：%3</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run the stack of this diagram (F5)</source>
        <translation>运行此图的栈 (F5)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the running stack (Shift+F5)</source>
        <translation>停止正在运行的栈 (Shift+F5)</translation>
    </message>
    <message>
        <source>R&amp;estart Stack</source>
        <translation>重启栈(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Pause Overlays</source>
        <translation>暂停叠加层(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;low Motion</source>
        <translation>慢动作(&amp;L)</translation>
    </message>
    <message>
        <source>Show &amp;Request Dots</source>
        <translation>显示请求点(&amp;R)</translation>
    </message>
    <message>
        <source>Show &amp;Event Glyphs</source>
        <translation>显示事件符号(&amp;E)</translation>
    </message>
    <message>
        <source>Show Traffic &amp;Labels</source>
        <translation>显示流量标签(&amp;L)</translation>
    </message>
    <message>
        <source>Live &amp;Overlays</source>
        <translation>实时叠加层(&amp;O)</translation>
    </message>
    <message>
        <source>The diagram could not be written for the runtime: %1</source>
        <translation>无法为运行时写入图：%1</translation>
    </message>
    <message>
        <source>Stopping the stack before closing (at most 25 s)…</source>
        <translation>关闭前正在停止栈（最多 25 秒）…</translation>
    </message>
    <message>
        <source>Stopping the stack…</source>
        <translation>正在停止栈…</translation>
    </message>
    <message>
        <source>Starting the stack (first run: creating the databases with initdb)… %1 s</source>
        <translation>正在启动栈（首次运行：正在用 initdb 创建数据库）… %1 秒</translation>
    </message>
    <message>
        <source>Starting the stack… %1 s</source>
        <translation>正在启动栈… %1 秒</translation>
    </message>
    <message>
        <source>Live: %1 of %2 nodes ready</source>
        <translation>实时：%2 个节点中 %1 个就绪</translation>
    </message>
    <message>
        <source>%1 starting</source>
        <translation>%1 个正在启动</translation>
    </message>
    <message>
        <source>%1 degraded</source>
        <translation>%1 个降级</translation>
    </message>
    <message>
        <source>%1 paused</source>
        <translation>%1 个已暂停</translation>
    </message>
    <message>
        <source>%1 down or stopped</source>
        <translation>%1 个宕机或已停止</translation>
    </message>
    <message>
        <source>the diagram changed: restart the stack to apply it (Ctrl+Shift+F5)</source>
        <translation>图已更改：重启栈以应用更改 (Ctrl+Shift+F5)</translation>
    </message>
    <message>
        <source>The running stack did not take the edit: %1</source>
        <translation>运行中的栈未接受此修改：%1</translation>
    </message>
    <message>
        <source>routes of %1</source>
        <translation>%1 的路由</translation>
    </message>
    <message>
        <source>rate of %1: %2/s</source>
        <translation>%1 的速率：%2/秒</translation>
    </message>
    <message>
        <source>Applied to the running stack: %1</source>
        <translation>已应用到运行中的栈：%1</translation>
    </message>
    <message>
        <source>Needs a restart: %1</source>
        <translation>需要重启：%1</translation>
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
        <translation>调试</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>Gatehouse::LogsPanel</name>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>All nodes (merged)</source>
        <translation>所有节点（合并）</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>调试及以上</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Filter log text</source>
        <translation>筛选日志文本</translation>
    </message>
    <message>
        <source>Keep the newest line in view</source>
        <translation>始终显示最新一行</translation>
    </message>
</context>
<context>
    <name>Gatehouse::MainWindow</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>A&amp;rrange</source>
        <translation>排列(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Zoom: %1%</source>
        <translation>缩放：%1%</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>组件面板</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>New from &amp;Example</source>
        <translation>从示例新建(&amp;E)</translation>
    </message>
    <message>
        <source>API gateway: first design</source>
        <translation>API 网关：初步设计</translation>
    </message>
    <message>
        <source>API gateway: refined (rate limits, fallbacks, owners)</source>
        <translation>API 网关：完善版（限流、降级、归属）</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>关于 Gatehouse(&amp;A)</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>关于 Gatehouse</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;Design, run and inspect API-gateway microservice stacks.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;设计、运行并检查 API 网关微服务栈。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Cannot Import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Gatehouse cannot read files like “%1”.</source>
        <translation>Gatehouse 无法读取“%1”这类文件。</translation>
    </message>
    <message>
        <source>“%1” cannot be imported: %2</source>
        <translation>无法导入“%1”：%2</translation>
    </message>
    <message>
        <source>Imported %1: %2 nodes, %3 connections (%4 guessed, %5 not imported)</source>
        <translation>已导入 %1：%2 个节点，%3 条连接（%4 个为推测，%5 个未导入）</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Gatehouse cannot write files like “%1”.</source>
        <translation>Gatehouse 无法写入“%1”这类文件。</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>untitled.gatehouse</source>
        <translation>未命名.gatehouse</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>无法保存“%1”：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Restored unsaved work from %1</source>
        <translation>已恢复 %1 的未保存工作</translation>
    </message>
    <message>
        <source>%1[*] — Gatehouse</source>
        <translation>%1[*] — Gatehouse</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择任何内容</translation>
    </message>
    <message>
        <source>Selected — nodes: %1, connections: %2</source>
        <translation>已选择 — 节点：%1，连接：%2</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>问题：%1</translation>
    </message>
</context>
<context>
    <name>Gatehouse::MessageBoxPrompts</name>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save changes to “%1” before closing?</source>
        <translation>关闭前是否保存对“%1”的更改？</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>如果不保存，您的更改将会丢失。</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>“%1” cannot be opened.</source>
        <translation>无法打开“%1”。</translation>
    </message>
    <message>
        <source>an untitled diagram</source>
        <translation>一个未命名的图</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Gatehouse did not close normally. An autosave of %1 from %2 was found.</source>
        <translation>Gatehouse 上次未正常关闭。找到了 %1 于 %2 的自动保存。</translation>
    </message>
    <message>
        <source>Restore it? If you discard it, it is deleted.</source>
        <translation>是否恢复？如果丢弃，它将被删除。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Open Diagram</source>
        <translation>打开图</translation>
    </message>
    <message>
        <source>Save Diagram As</source>
        <translation>图另存为</translation>
    </message>
    <message>
        <source>Import Diagram</source>
        <translation>导入图</translation>
    </message>
    <message>
        <source>Export Diagram</source>
        <translation>导出图</translation>
    </message>
</context>
<context>
    <name>Gatehouse::NodeBadges</name>
    <message>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>down</source>
        <translation>宕机</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>%1 · %2/s</source>
        <translation>%1 · %2/秒</translation>
    </message>
</context>
<context>
    <name>Gatehouse::NodeForm</name>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>The port the node listens on; automatic lets the runtime choose a free one.</source>
        <translation>节点监听的端口；选择“自动”则由运行时选择一个空闲端口。</translation>
    </message>
    <message>
        <source>defaults to the node id</source>
        <translation>默认为节点 ID</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>Data&amp;base:</source>
        <translation>数据库(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>归属服务(&amp;O)：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>（无归属）</translation>
    </message>
    <message>
        <source>Reset database name of “%1”</source>
        <translation>重置“%1”的数据库名称</translation>
    </message>
    <message>
        <source>Rename database of “%1” to “%2”</source>
        <translation>将“%1”的数据库重命名为“%2”</translation>
    </message>
    <message>
        <source>Remove owner of “%1”</source>
        <translation>移除“%1”的归属服务</translation>
    </message>
    <message>
        <source>Make “%1” the owner of “%2”</source>
        <translation>将“%1”设为“%2”的归属服务</translation>
    </message>
</context>
<context>
    <name>Gatehouse::NodePalette</name>
    <message>
        <source>Drag a component onto the canvas, or double-click it to add it.</source>
        <translation>将组件拖到画布上，或双击以添加。</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Data and messaging</source>
        <translation>数据与消息</translation>
    </message>
</context>
<context>
    <name>Gatehouse::NodeTemplate</name>
    <message>
        <source>Web app</source>
        <translation>Web 应用</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>移动应用</translation>
    </message>
    <message>
        <source>Partner system</source>
        <translation>合作伙伴系统</translation>
    </message>
    <message>
        <source>API gateway</source>
        <translation>API 网关</translation>
    </message>
    <message>
        <source>Redis cache</source>
        <translation>Redis 缓存</translation>
    </message>
    <message>
        <source>Kafka</source>
        <translation>Kafka</translation>
    </message>
    <message>
        <source>PostgreSQL database</source>
        <translation>PostgreSQL 数据库</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Auth service</source>
        <translation>认证服务</translation>
    </message>
    <message>
        <source>Order service</source>
        <translation>订单服务</translation>
    </message>
    <message>
        <source>Inventory service</source>
        <translation>库存服务</translation>
    </message>
    <message>
        <source>Payment service</source>
        <translation>支付服务</translation>
    </message>
    <message>
        <source>Notification service</source>
        <translation>通知服务</translation>
    </message>
    <message>
        <source>A browser front end that calls the API gateway.</source>
        <translation>调用 API 网关的浏览器前端。</translation>
    </message>
    <message>
        <source>A mobile app that calls the API gateway.</source>
        <translation>调用 API 网关的移动应用。</translation>
    </message>
    <message>
        <source>A partner&apos;s system that calls the API gateway with an API key.</source>
        <translation>使用 API 密钥调用 API 网关的合作伙伴系统。</translation>
    </message>
    <message>
        <source>The single entry point: routing, authentication, rate limiting and logging.</source>
        <translation>唯一入口：路由、认证、限流和日志。</translation>
    </message>
    <message>
        <source>A Redis instance for caching and rate-limit counters.</source>
        <translation>用于缓存和限流计数的 Redis 实例。</translation>
    </message>
    <message>
        <source>A Kafka cluster carrying events between services.</source>
        <translation>在服务之间传递事件的 Kafka 集群。</translation>
    </message>
    <message>
        <source>A PostgreSQL database, owned by one service.</source>
        <translation>归属于单个服务的 PostgreSQL 数据库。</translation>
    </message>
    <message>
        <source>A service that does what its edges say.</source>
        <translation>按其连接所述行事的服务。</translation>
    </message>
    <message>
        <source>Issues and checks tokens; owns the user database.</source>
        <translation>签发并校验令牌；拥有用户数据库。</translation>
    </message>
    <message>
        <source>Takes orders; calls payment and publishes order events.</source>
        <translation>接收订单；调用支付并发布订单事件。</translation>
    </message>
    <message>
        <source>Keeps stock levels; reacts to order events.</source>
        <translation>维护库存水平；响应订单事件。</translation>
    </message>
    <message>
        <source>Charges payments; may be slow or fail.</source>
        <translation>执行扣款；可能较慢或失败。</translation>
    </message>
    <message>
        <source>Sends notifications when events arrive.</source>
        <translation>事件到达时发送通知。</translation>
    </message>
</context>
<context>
    <name>Gatehouse::ProblemsPanel</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>%1
Hint: %2</source>
        <translation>%1
提示：%2</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Errors: %1   Warnings: %2   Info: %3</source>
        <translation>错误：%1   警告：%2   信息：%3</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>Gatehouse::PropertyEditor</name>
    <message>
        <source>Diagram &amp;name:</source>
        <translation>图名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Select a node or connection to edit its properties.</source>
        <translation>选择一个节点或连接以编辑其属性。</translation>
    </message>
    <message>
        <source>Node: %1</source>
        <translation>节点：%1</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>连接：%1</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>图</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>%1 nodes and %2 connections selected.</source>
        <translation>已选择 %1 个节点和 %2 条连接。</translation>
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
        <translation>清除最近文件</translation>
    </message>
</context>
<context>
    <name>Gatehouse::RouteDetails</name>
    <message>
        <source>none, or e.g. 100/60s</source>
        <translation>无，或例如 100/60s</translation>
    </message>
    <message>
        <source>the gateway&apos;s default</source>
        <translation>网关默认值</translation>
    </message>
    <message>
        <source>Rate &amp;limit:</source>
        <translation>限流(&amp;L)：</translation>
    </message>
    <message>
        <source>Time&amp;out (ms):</source>
        <translation>超时（毫秒）(&amp;O)：</translation>
    </message>
    <message>
        <source>Re&amp;tries:</source>
        <translation>重试次数(&amp;T)：</translation>
    </message>
    <message>
        <source>Fall&amp;back:</source>
        <translation>降级策略(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>Gatehouse::RouteTableModel</name>
    <message>
        <source>public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>JWT</source>
        <translation>JWT</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>static %1</source>
        <translation>静态 %1</translation>
    </message>
    <message>
        <source>defer</source>
        <translation>延后</translation>
    </message>
    <message>
        <source>%1/%2s</source>
        <translation>%1/%2秒</translation>
    </message>
    <message>
        <source>“%1” is not an HTTP method. Use one of %2.</source>
        <translation>“%1”不是 HTTP 方法。请使用 %2 之一。</translation>
    </message>
    <message>
        <source>A path starts with “/” and has no spaces, e.g. /orders/{id}.</source>
        <translation>路径以“/”开头且不含空格，例如 /orders/{id}。</translation>
    </message>
    <message>
        <source>The path “%1” has unbalanced braces.</source>
        <translation>路径“%1”中的花括号不匹配。</translation>
    </message>
    <message>
        <source>Visibility is “public” or “internal”.</source>
        <translation>可见性为“公开”或“内部”。</translation>
    </message>
    <message>
        <source>Authentication is one of none, JWT, API key or admin.</source>
        <translation>认证方式为无、JWT、API 密钥或管理员之一。</translation>
    </message>
    <message>
        <source>Write a rate limit as requests/seconds, e.g. 100/60s, or leave it empty for none.</source>
        <translation>限流写作“请求数/秒数”，例如 100/60s；留空表示不限流。</translation>
    </message>
    <message>
        <source>The timeout is a number of milliseconds from 0 to 600000 (empty: the gateway&apos;s default).</source>
        <translation>超时为 0 到 600000 之间的毫秒数（留空：使用网关默认值）。</translation>
    </message>
    <message>
        <source>Retries is a whole number from 0 to 10.</source>
        <translation>重试次数为 0 到 10 之间的整数。</translation>
    </message>
    <message>
        <source>The fallback is “none”, “defer” or “static” with an HTTP status, e.g. static 503.</source>
        <translation>降级策略为“无”、“延后”或带 HTTP 状态码的“静态”，例如“静态 503”。</translation>
    </message>
    <message>
        <source>This column cannot be edited.</source>
        <translation>此列不可编辑。</translation>
    </message>
    <message>
        <source>The gateway&apos;s default timeout</source>
        <translation>网关的默认超时</translation>
    </message>
    <message>
        <source>This edge already has a route %1 %2.</source>
        <translation>此连接已有路由 %1 %2。</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可见性</translation>
    </message>
    <message>
        <source>Auth</source>
        <translation>认证</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>限流</translation>
    </message>
    <message>
        <source>Timeout (ms)</source>
        <translation>超时（毫秒）</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation>降级策略</translation>
    </message>
    <message>
        <source>Add route %1 %2</source>
        <translation>添加路由 %1 %2</translation>
    </message>
    <message>
        <source>Remove route %1 %2</source>
        <translation>移除路由 %1 %2</translation>
    </message>
</context>
<context>
    <name>Gatehouse::SettingsDialog</name>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Project Infrastructure</source>
        <translation>项目基础设施</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Follow the system (light or dark)</source>
        <translation>跟随系统（浅色或深色）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>外观(&amp;A)：</translation>
    </message>
    <message>
        <source>Language and appearance changes take effect when Gatehouse restarts.</source>
        <translation>语言和外观的更改将在 Gatehouse 重新启动后生效。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>数据文件夹(&amp;D)：</translation>
    </message>
    <message>
        <source>Default &amp;PostgreSQL port:</source>
        <translation>默认 PostgreSQL 端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Default &amp;Redis port:</source>
        <translation>默认 Redis 端口(&amp;R)：</translation>
    </message>
    <message>
        <source>Default &amp;Kafka port:</source>
        <translation>默认 Kafka 端口(&amp;K)：</translation>
    </message>
    <message>
        <source>Default &amp;gateway port:</source>
        <translation>默认网关端口(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Telemetry sampling:</source>
        <translation>遥测采样率(&amp;T)：</translation>
    </message>
    <message>
        <source>Leave a field empty and Gatehouse starts that part of the stack itself. Passwords go to the OS keychain, never into the project file.</source>
        <translation>某项留空时，Gatehouse 会自行启动栈中的该部分。密码保存在操作系统密钥环中，绝不写入项目文件。</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>host=db.example port=5432 user=gatehouse (no password)</source>
        <translation>host=db.example port=5432 user=gatehouse（不含密码）</translation>
    </message>
    <message>
        <source>PostgreSQL &amp;connection:</source>
        <translation>PostgreSQL 连接(&amp;C)：</translation>
    </message>
    <message>
        <source>PostgreSQL pass&amp;word:</source>
        <translation>PostgreSQL 密码(&amp;W)：</translation>
    </message>
    <message>
        <source>redis://cache.example:6379/0 (no password)</source>
        <translation>redis://cache.example:6379/0（不含密码）</translation>
    </message>
    <message>
        <source>Redis &amp;URL:</source>
        <translation>Redis URL(&amp;U)：</translation>
    </message>
    <message>
        <source>Redis pa&amp;ssword:</source>
        <translation>Redis 密码(&amp;S)：</translation>
    </message>
    <message>
        <source>No authentication</source>
        <translation>无认证</translation>
    </message>
    <message>
        <source>Kafka &amp;bootstrap servers:</source>
        <translation>Kafka 引导服务器(&amp;B)：</translation>
    </message>
    <message>
        <source>Kafka authenticatio&amp;n:</source>
        <translation>Kafka 认证(&amp;N)：</translation>
    </message>
    <message>
        <source>Kafka user na&amp;me:</source>
        <translation>Kafka 用户名(&amp;M)：</translation>
    </message>
    <message>
        <source>Kafka passw&amp;ord:</source>
        <translation>Kafka 密码(&amp;O)：</translation>
    </message>
    <message>
        <source>Keys for this project:
%1</source>
        <translation>本项目的键：
%1</translation>
    </message>
    <message>
        <source>&amp;Delete Stored Credentials</source>
        <translation>删除已保存的凭据(&amp;D)</translation>
    </message>
    <message>
        <source>no keychain available</source>
        <translation>没有可用的密钥环</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>已保存在密钥环中</translation>
    </message>
    <message>
        <source>The keychain is available; nothing is stored for this project.</source>
        <translation>密钥环可用；本项目未保存任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>The keychain is available; %n credential(s) stored for this project.</source>
        <translation>
            <numerusform>密钥环可用；本项目已保存 %n 项凭据。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Stored credentials of this project deleted.</source>
        <translation>已删除本项目保存的凭据。</translation>
    </message>
    <message>
        <source>The PostgreSQL connection contains a password. Remove it and type the password into its own field: it is kept in the OS keychain, not in the project file.</source>
        <translation>PostgreSQL 连接中包含密码。请将其删除，并在单独的密码字段中输入：密码保存在操作系统密钥环中，而不是项目文件中。</translation>
    </message>
    <message>
        <source>The Redis URL contains a password. Remove it and type the password into its own field: it is kept in the OS keychain, not in the project file.</source>
        <translation>Redis URL 中包含密码。请将其删除，并在单独的密码字段中输入：密码保存在操作系统密钥环中，而不是项目文件中。</translation>
    </message>
    <message>
        <source>The share of requests whose whole trace is shown on the canvas and in the docks while a stack runs. The traffic figures always count every request.</source>
        <translation>运行栈时，在画布和停靠面板中显示完整链路的请求比例。流量统计始终计入每个请求。</translation>
    </message>
    <message>
        <source>Ports and the data folder take effect the next time you run a stack; a port set on a node in the diagram wins over these defaults. Telemetry sampling also applies at once to a running stack.</source>
        <translation>端口和数据文件夹在下次运行栈时生效；图中节点上设置的端口优先于这些默认值。遥测采样也会立即应用到正在运行的栈。</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TopicMessagesModel</name>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移量</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>消息头</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TopicTableModel</name>
    <message>
        <source>A topic name uses letters, digits, “.”, “_” and “-” only, e.g. order.created.</source>
        <translation>主题名称只能包含字母、数字、“.”、“_”和“-”，例如 order.created。</translation>
    </message>
    <message>
        <source>Partitions is a whole number from 1 to 1000.</source>
        <translation>分区数为 1 到 1000 之间的整数。</translation>
    </message>
    <message>
        <source>The key names a payload field (letters, digits, “_” and “.”), or is empty.</source>
        <translation>键为负载中的一个字段名（字母、数字、“_”和“.”），或留空。</translation>
    </message>
    <message>
        <source>This column cannot be edited.</source>
        <translation>此列不可编辑。</translation>
    </message>
    <message>
        <source>This edge already carries the topic %1.</source>
        <translation>此连接已承载主题 %1。</translation>
    </message>
    <message>
        <source>Rename topic %1 to %2</source>
        <translation>将主题 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Edit topic %1</source>
        <translation>编辑主题 %1</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区数</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Add topic %1</source>
        <translation>添加主题 %1</translation>
    </message>
    <message>
        <source>Remove topic %1</source>
        <translation>移除主题 %1</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TopicsModel</name>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>no consumer group</source>
        <translation>无消费者组</translation>
    </message>
    <message>
        <source>p%1 committed %2, lag %3</source>
        <translation>p%1 已提交 %2，积压 %3</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区数</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>High offsets</source>
        <translation>最高偏移量</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>Consumer lag</source>
        <translation>消费积压</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TraceModel</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP 状态：%1</translation>
    </message>
    <message>
        <source>Node: %1</source>
        <translation>节点：%1</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>连接：%1</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>耗时：%1</translation>
    </message>
    <message>
        <source>Span: %1</source>
        <translation>Span：%1</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TracePanel</name>
    <message>
        <source>Event it caused</source>
        <translation>引发的事件</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>生产者</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Delivered after</source>
        <translation>投递延迟</translation>
    </message>
    <message>
        <source>Select a request in the Traffic dock to see its trace.</source>
        <translation>在“流量”面板中选择一个请求以查看其链路追踪。</translation>
    </message>
    <message>
        <source>Trace %1: no spans (the runtime no longer holds them).</source>
        <translation>链路追踪 %1：没有 span（运行时已不再保留）。</translation>
    </message>
    <message>
        <source>Trace %1 — %2 spans on %3 nodes, %4</source>
        <translation>链路追踪 %1 — %3 个节点上的 %2 个 span，%4</translation>
    </message>
    <message>
        <source>(not in this trace)</source>
        <translation>（不在此链路追踪中）</translation>
    </message>
    <message>
        <source>not consumed yet</source>
        <translation>尚未消费</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TrafficModel</name>
    <message>
        <source>%1 timeout</source>
        <translation>%1 超时</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>%1 fallback</source>
        <translation>%1 降级策略</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Route: %1</source>
        <translation>路由：%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>追踪 ID</translation>
    </message>
</context>
<context>
    <name>Gatehouse::TrafficOverlay</name>
    <message>
        <source>timeout → fallback</source>
        <translation>超时 → 降级策略</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>error → fallback</source>
        <translation>错误 → 降级策略</translation>
    </message>
    <message>
        <source>fallback</source>
        <translation>降级策略</translation>
    </message>
    <message>
        <source>fallback answer</source>
        <translation>降级应答</translation>
    </message>
    <message>
        <source>%1: %2 msg/s · lag %3</source>
        <translation>%1：%2 消息/秒 · 积压 %3</translation>
    </message>
    <message>
        <source>→ %1: %2</source>
        <translation>→ %1：%2</translation>
    </message>
    <message>
        <source>%1 ev/s · p95 %2 ms</source>
        <translation>%1 事件/秒 · p95 %2 毫秒</translation>
    </message>
    <message>
        <source>%1/s · p95 %2 ms</source>
        <translation>%1/秒 · p95 %2 毫秒</translation>
    </message>
    <message>
        <source> · lag %1</source>
        <translation> · 积压 %1</translation>
    </message>
    <message>
        <source> · %1 %</source>
        <translation> · %1 %</translation>
    </message>
    <message>
        <source>%1/s · ≈ %2 in flight</source>
        <translation>%1/秒 · ≈ %2 处理中</translation>
    </message>
    <message numerus="yes">
        <source> · %n errors</source>
        <translation>
            <numerusform> · %n 个错误</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gatehouse::TrafficPanel</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>复制为 curl</translation>
    </message>
    <message>
        <source>Filter by client, route, status or trace id</source>
        <translation>按客户端、路由、状态或追踪 ID 筛选</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>2xx success</source>
        <translation>2xx 成功</translation>
    </message>
    <message>
        <source>4xx client errors</source>
        <translation>4xx 客户端错误</translation>
    </message>
    <message>
        <source>5xx server errors</source>
        <translation>5xx 服务器错误</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Freeze the table; new requests are counted but not added</source>
        <translation>冻结表格；新请求只计数，不添加</translation>
    </message>
    <message>
        <source>Copy the selected request as a curl command (credentials as $TOKEN / $API_KEY)</source>
        <translation>将所选请求复制为 curl 命令（凭据以 $TOKEN / $API_KEY 表示）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>%1 requests, %2 shown</source>
        <translation>%1 个请求，显示 %2 个</translation>
    </message>
    <message>
        <source>Paused — %1 new requests skipped</source>
        <translation>已暂停 — 跳过了 %1 个新请求</translation>
    </message>
</context>
<context>
    <name>Gatehouse::UndoHistoryPanel</name>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;已打开&gt;</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Synchronous call</source>
        <translation>同步调用</translation>
    </message>
    <message>
        <source>Publishes events</source>
        <translation>发布事件</translation>
    </message>
    <message>
        <source>Consumes events</source>
        <translation>消费事件</translation>
    </message>
    <message>
        <source>Owns database</source>
        <translation>拥有数据库</translation>
    </message>
    <message>
        <source>Uses cache</source>
        <translation>使用缓存</translation>
    </message>
    <message>
        <source>Clients call the API gateway only; they never reach services or data stores directly.</source>
        <translation>客户端只调用 API 网关；它们从不直接访问服务或数据存储。</translation>
    </message>
    <message>
        <source>Only clients, the gateway and services make synchronous calls.</source>
        <translation>只有客户端、网关和服务会发起同步调用。</translation>
    </message>
    <message>
        <source>A synchronous call goes to the gateway or to a service; data stores are reached through their own edge kinds.</source>
        <translation>同步调用发往网关或服务；数据存储通过其专用的连线类型访问。</translation>
    </message>
    <message>
        <source>Services do not call back into the gateway; call the other service directly.</source>
        <translation>服务不会回调网关；请直接调用另一个服务。</translation>
    </message>
    <message>
        <source>A gateway does not route to another gateway in this model.</source>
        <translation>在此模型中，网关不会路由到另一个网关。</translation>
    </message>
    <message>
        <source>Events are published by a service to Kafka.</source>
        <translation>事件由服务发布到 Kafka。</translation>
    </message>
    <message>
        <source>Events are consumed from Kafka by a service.</source>
        <translation>事件由服务从 Kafka 消费。</translation>
    </message>
    <message>
        <source>Only a service owns a database.</source>
        <translation>只有服务才能拥有数据库。</translation>
    </message>
    <message>
        <source>A cache edge must end at a Redis cache.</source>
        <translation>缓存连线必须指向 Redis 缓存。</translation>
    </message>
    <message>
        <source>Only the gateway and services use the cache.</source>
        <translation>只有网关和服务会使用缓存。</translation>
    </message>
    <message>
        <source>Unknown edge kind.</source>
        <translation>未知的连线类型。</translation>
    </message>
</context>
<context>
    <name>Lint</name>
    <message>
        <source>Services %1 call each other synchronously in a cycle; a request can end up waiting on itself.</source>
        <translation>服务 %1 之间存在同步调用环；一个请求可能最终等待它自己。</translation>
    </message>
    <message>
        <source>Break the cycle: replace one call with an event, or move the shared logic into one service.</source>
        <translation>打破这个环：用事件替换其中一个调用，或把共享逻辑移到同一个服务中。</translation>
    </message>
    <message>
        <source>The call from %1 to %2 has no timeout; a slow %2 holds %1&apos;s requests open.</source>
        <translation>从 %1 到 %2 的调用没有超时；%2 变慢时会一直占用 %1 的请求。</translation>
    </message>
    <message>
        <source>Set a timeout on the edge, shorter than the gateway&apos;s timeout for the routes that lead here.</source>
        <translation>为该连接设置超时，且短于网关上通向这里的路由的超时。</translation>
    </message>
    <message>
        <source>When %1 fails, %2&apos;s callers get the error: the call has neither a fallback nor a retry, and users reach %2 through public routes.</source>
        <translation>%1 失败时，%2 的调用方会收到错误：该调用既没有降级策略也没有重试，而用户通过公开路由访问 %2。</translation>
    </message>
    <message>
        <source>Add a fallback (a static response, or defer the work via an event) or a retry for idempotent calls.</source>
        <translation>添加降级策略（静态响应，或通过事件推迟处理），或为幂等调用添加重试。</translation>
    </message>
    <message>
        <source>A route to %1 has a defer fallback, but the gateway cannot publish events to finish deferred work.</source>
        <translation>通往 %1 的一条路由使用 defer 降级策略，但网关无法发布事件来完成被推迟的工作。</translation>
    </message>
    <message>
        <source>Use a static-response fallback on the route; defer belongs on a service&apos;s call.</source>
        <translation>在该路由上使用 static-response 降级策略；defer 应该用在服务的调用上。</translation>
    </message>
    <message>
        <source>The call from %1 to %2 defers on failure, but %1 publishes no topic that %2 consumes; deferred work is never finished.</source>
        <translation>从 %1 到 %2 的调用在失败时推迟处理，但 %1 没有发布 %2 消费的主题；被推迟的工作永远不会完成。</translation>
    </message>
    <message>
        <source>Publish a request topic from %1 (e.g. &quot;payment.requested&quot;) and subscribe %2 to it.</source>
        <translation>从 %1 发布一个请求主题（例如 &quot;payment.requested&quot;），并让 %2 订阅它。</translation>
    </message>
    <message>
        <source>Database %1 is owned by %2 services; ownership is never shared.</source>
        <translation>数据库 %1 归 %2 个服务所有；所有权不应共享。</translation>
    </message>
    <message>
        <source>Give each service its own database and share data through its API or events.</source>
        <translation>为每个服务提供自己的数据库，并通过其 API 或事件共享数据。</translation>
    </message>
    <message>
        <source>Service %1 reaches database %2 through a %3 edge instead of owning it.</source>
        <translation>服务 %1 通过 %3 连接访问数据库 %2，而不是拥有它。</translation>
    </message>
    <message>
        <source>Service %1 reaches database %2, which belongs to %3.</source>
        <translation>服务 %1 访问了属于 %3 的数据库 %2。</translation>
    </message>
    <message>
        <source>Ask the owning service through its API or consume its events; only the owner touches its database.</source>
        <translation>通过所属服务的 API 请求数据或消费其事件；只有所有者才能访问自己的数据库。</translation>
    </message>
    <message>
        <source>Database %1 has no owning service; nobody is responsible for its schema and data.</source>
        <translation>数据库 %1 没有所属服务；没有人负责它的模式和数据。</translation>
    </message>
    <message>
        <source>Draw an owns edge from the one service that owns it, or delete the database.</source>
        <translation>从拥有它的那个服务画一条 owns 连接，或删除该数据库。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (key prefix %2) and %3 (key prefix %4) share a keyspace in %5 and can overwrite each other&apos;s keys.</source>
        <translation>%1（键前缀 %2）和 %3（键前缀 %4）在 %5 中共用键空间，可能互相覆盖对方的键。</translation>
    </message>
    <message>
        <source>Give every cache user its own key prefix, none a prefix of another (e.g. &quot;ratelimit:&quot; and &quot;inventory:&quot;).</source>
        <translation>为每个缓存使用者设置自己的键前缀，且任何一个都不是另一个的前缀（例如 &quot;ratelimit:&quot; 和 &quot;inventory:&quot;）。</translation>
    </message>
    <message>
        <source>%1 is not connected to anything; the runtime would start it for nobody.</source>
        <translation>%1 没有任何连接；运行时启动它也没有人使用。</translation>
    </message>
    <message>
        <source>Connect the gateway or a service to it with a uses-cache edge, or delete it.</source>
        <translation>用 uses-cache 连接把网关或某个服务连到它，或删除它。</translation>
    </message>
    <message>
        <source>Connect producers and consumers to it with publish/subscribe edges, or delete it.</source>
        <translation>用 publish/subscribe 连接把生产者和消费者连到它，或删除它。</translation>
    </message>
    <message>
        <source>Topic &quot;%1&quot; on %2 is published but nobody consumes it.</source>
        <translation>%2 上的主题 &quot;%1&quot; 有发布者，但没有消费者。</translation>
    </message>
    <message>
        <source>Subscribe the service that needs these events, or stop publishing the topic.</source>
        <translation>让需要这些事件的服务订阅它，或停止发布该主题。</translation>
    </message>
    <message>
        <source>Topic &quot;%1&quot; on %2 is consumed but nobody publishes it; its consumers wait forever.</source>
        <translation>%2 上的主题 &quot;%1&quot; 有消费者，但没有发布者；消费者将永远等待。</translation>
    </message>
    <message>
        <source>Add the topic to the producing service&apos;s publish edge, or check the topic name for a typo.</source>
        <translation>把该主题加到生产服务的 publish 连接上，或检查主题名称是否有拼写错误。</translation>
    </message>
    <message>
        <source>Topic &quot;%1&quot; is published with different partition counts (%2).</source>
        <translation>主题 &quot;%1&quot; 以不同的分区数发布（%2）。</translation>
    </message>
    <message>
        <source>Declare the same partition count on every publish edge of the topic.</source>
        <translation>在该主题的每条 publish 连接上声明相同的分区数。</translation>
    </message>
    <message>
        <source>The subscription of %1 has no consumer group; offsets are not committed and instances would each get every event.</source>
        <translation>%1 的订阅没有消费者组；偏移量不会提交，且每个实例都会收到全部事件。</translation>
    </message>
    <message>
        <source>Set a consumer group, usually the service&apos;s name (e.g. &quot;%1&quot;).</source>
        <translation>设置消费者组，通常使用服务名称（例如 &quot;%1&quot;）。</translation>
    </message>
    <message>
        <source>Services %1 share consumer group &quot;%2&quot;, so each receives only part of the events.</source>
        <translation>服务 %1 共用消费者组 &quot;%2&quot;，因此每个服务只收到部分事件。</translation>
    </message>
    <message>
        <source>Give every consuming service its own consumer group.</source>
        <translation>为每个消费服务设置自己的消费者组。</translation>
    </message>
    <message>
        <source>The %1 edge from %2 to %3 names no topic, so no event travels along it.</source>
        <translation>从 %2 到 %3 的 %1 连接没有指定主题，因此没有事件经过它。</translation>
    </message>
    <message>
        <source>Add the topics to the edge, or delete it.</source>
        <translation>为该连接添加主题，或删除它。</translation>
    </message>
    <message>
        <source>Client %1 reaches %2 without going through the API gateway.</source>
        <translation>客户端 %1 绕过 API 网关直接访问 %2。</translation>
    </message>
    <message>
        <source>Connect the client to the gateway and add a route to the service there.</source>
        <translation>把客户端连到网关，并在网关上添加通往该服务的路由。</translation>
    </message>
    <message>
        <source>Client %1 is not connected; its traffic has nowhere to go.</source>
        <translation>客户端 %1 没有连接；它的流量无处可去。</translation>
    </message>
    <message>
        <source>Draw a sync edge from the client to the API gateway.</source>
        <translation>从客户端画一条 sync 连接到 API 网关。</translation>
    </message>
    <message>
        <source>Gateway %1 has no routes; every request to it ends in 404.</source>
        <translation>网关 %1 没有路由；发给它的每个请求都以 404 结束。</translation>
    </message>
    <message>
        <source>Connect it to services and add routes (method, path, visibility, auth) to those edges.</source>
        <translation>把它连到服务，并在这些连接上添加路由（方法、路径、可见性、认证）。</translation>
    </message>
    <message>
        <source>The gateway edge to %1 carries no routes, so the gateway never forwards to it.</source>
        <translation>通往 %1 的网关连接没有路由，因此网关永远不会转发到它。</translation>
    </message>
    <message>
        <source>Add the routes the service answers, or delete the edge.</source>
        <translation>添加该服务响应的路由，或删除该连接。</translation>
    </message>
    <message>
        <source>The edge from %1 to %2 carries %3 route(s), but only gateway edges route; they are ignored.</source>
        <translation>从 %1 到 %2 的连接带有 %3 条路由，但只有网关连接才会路由；这些路由被忽略。</translation>
    </message>
    <message>
        <source>Move the routes to the gateway&apos;s edge to %1, or remove them.</source>
        <translation>把这些路由移到网关通往 %1 的连接上，或删除它们。</translation>
    </message>
    <message>
        <source>The diagram has %1 API gateways; clients no longer have a single front door.</source>
        <translation>图中有 %1 个 API 网关；客户端不再只有一个统一入口。</translation>
    </message>
    <message>
        <source>Fine for a backend-for-frontend split; otherwise merge them into one gateway.</source>
        <translation>如果是按 BFF（Backend for Frontend）拆分则没问题；否则请合并为一个网关。</translation>
    </message>
    <message>
        <source>Public route %1 to %2 needs no authentication; anyone on the internet can call it.</source>
        <translation>通往 %2 的公开路由 %1 无需认证；互联网上的任何人都能调用它。</translation>
    </message>
    <message>
        <source>Require jwt or api-key, or make it internal. Anonymous login routes belong to the auth service and need a rate limit.</source>
        <translation>要求 jwt 或 api-key，或将其设为内部路由。匿名登录路由属于认证服务，并且需要限流。</translation>
    </message>
    <message>
        <source>Public route %1 has no rate limit; one client can exhaust %2.</source>
        <translation>公开路由 %1 没有限流；单个客户端就可能耗尽 %2。</translation>
    </message>
    <message>
        <source>Set a rate limit (requests per window per client) on the route.</source>
        <translation>在该路由上设置限流（每个客户端每个时间窗口的请求数）。</translation>
    </message>
    <message>
        <source>Admin route %1 is public; the admin API must never answer on the public listener.</source>
        <translation>管理路由 %1 是公开的；管理 API 绝不能在公开监听端口上响应。</translation>
    </message>
    <message>
        <source>Admin route %1 uses auth %2 instead of admin.</source>
        <translation>管理路由 %1 使用的认证方式是 %2，而不是 admin。</translation>
    </message>
    <message>
        <source>Make every /admin route internal with auth admin.</source>
        <translation>把每条 /admin 路由设为内部路由，并使用 admin 认证。</translation>
    </message>
    <message>
        <source>Routes %1 (to %2) and %3 (to %4) collide on %5; the gateway cannot choose.</source>
        <translation>路由 %1（到 %2）和 %3（到 %4）在 %5 上冲突；网关无法选择。</translation>
    </message>
    <message>
        <source>Change the method or path of one of them, or delete the duplicate.</source>
        <translation>修改其中一条的方法或路径，或删除重复的路由。</translation>
    </message>
    <message>
        <source>Route %1 is retried %2 time(s), but %3 is not idempotent; a retry can apply it twice.</source>
        <translation>路由 %1 会重试 %2 次，但 %3 不是幂等的；重试可能导致执行两次。</translation>
    </message>
    <message>
        <source>Set retries to 0, or make the handler idempotent (idempotency key) and use PUT.</source>
        <translation>把重试次数设为 0，或让处理程序幂等（幂等键）并使用 PUT。</translation>
    </message>
    <message>
        <source>Edge &quot;%1&quot; ends at a node that does not exist (&quot;%2&quot;).</source>
        <translation>连接 &quot;%1&quot; 的端点是一个不存在的节点（&quot;%2&quot;）。</translation>
    </message>
    <message>
        <source>Delete the edge or reconnect it to an existing node.</source>
        <translation>删除该连接，或把它重新连到现有节点。</translation>
    </message>
    <message>
        <source>A %1 edge from %2 (%3) to %4 (%5) is impossible: %6</source>
        <translation>从 %2（%3）到 %4（%5）的 %1 连接是不可能的：%6</translation>
    </message>
    <message>
        <source>Delete the edge, or change its kind to one of: %1.</source>
        <translation>删除该连接，或将其类型改为以下之一：%1。</translation>
    </message>
    <message>
        <source>none fits between these nodes</source>
        <translation>这些节点之间没有合适的类型</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>internal port</source>
        <translation>内部端口</translation>
    </message>
    <message>
        <source>Port %1 is fixed for %2; only one can listen on it.</source>
        <translation>端口 %1 被固定分配给 %2；只能有一个在其上监听。</translation>
    </message>
    <message>
        <source>Give each listener its own port, or set the port to 0 to let the runtime choose.</source>
        <translation>为每个监听器设置自己的端口，或把端口设为 0 让运行时选择。</translation>
    </message>
    <message>
        <source>%1 has no usable readiness check: readinessPath must be an HTTP path such as &quot;/readyz&quot;.</source>
        <translation>%1 没有可用的就绪检查：readinessPath 必须是 HTTP 路径，例如 &quot;/readyz&quot;。</translation>
    </message>
    <message>
        <source>Set readinessPath to a path starting with &apos;/&apos;, or remove it to use &quot;/readyz&quot;.</source>
        <translation>把 readinessPath 设为以 &apos;/&apos; 开头的路径，或删除它以使用 &quot;/readyz&quot;。</translation>
    </message>
    <message>
        <source>Service %1 is unreachable: nothing calls it and it consumes no events.</source>
        <translation>服务 %1 不可达：没有任何调用指向它，它也不消费任何事件。</translation>
    </message>
    <message>
        <source>Route to it from the gateway, call it from another service, or subscribe it to a topic.</source>
        <translation>从网关添加通往它的路由、从其他服务调用它，或让它订阅某个主题。</translation>
    </message>
    <message>
        <source>The edge from %1 to %2 has circuit-breaker settings, but only a gateway keeps a breaker per upstream service; they are ignored.</source>
        <translation>从 %1 到 %2 的连线带有熔断器设置，但只有网关会为每个上游服务维护熔断器；这些设置将被忽略。</translation>
    </message>
    <message>
        <source>Set the breaker on a gateway&apos;s edge to %1, or remove the settings.</source>
        <translation>请在网关到 %1 的连线上设置熔断器，或删除这些设置。</translation>
    </message>
</context>
<context>
    <name>ProjectFile</name>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB; this is not a project file Gatehouse can open.</source>
        <translation>文件大于 %1 MiB；这不是 Gatehouse 能打开的项目文件。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1): %2.</source>
        <translation>文件不是有效的 JSON（%1）：%2。</translation>
    </message>
    <message>
        <source>The file must hold one JSON object; this one holds an array or a plain value.</source>
        <translation>文件必须包含一个 JSON 对象；此文件包含的是数组或简单值。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB; this is not a project file Gatehouse can open.</source>
        <translation>%1 大于 %2 MiB；这不是 Gatehouse 能打开的项目文件。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot save %1: %2.</source>
        <translation>无法保存 %1：%2。</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <source>is missing; it is required here.</source>
        <translation>缺失；此处必须提供。</translation>
    </message>
    <message>
        <source>must be a string, not %1.</source>
        <translation>必须是字符串，而不是%1。</translation>
    </message>
    <message>
        <source>is %1 characters long; at most %2 are allowed.</source>
        <translation>长度为 %1 个字符；最多允许 %2 个。</translation>
    </message>
    <message>
        <source>must be a number, not %1.</source>
        <translation>必须是数字，而不是%1。</translation>
    </message>
    <message>
        <source>is %1; it must be between %2 and %3.</source>
        <translation>为 %1；必须介于 %2 和 %3 之间。</translation>
    </message>
    <message>
        <source>must be a whole number, not %1.</source>
        <translation>必须是整数，而不是 %1。</translation>
    </message>
    <message>
        <source>must be true or false, not %1.</source>
        <translation>必须是 true 或 false，而不是%1。</translation>
    </message>
    <message>
        <source>%1 is not known; expected one of: %2.</source>
        <translation>%1 未知；应为以下之一：%2。</translation>
    </message>
    <message>
        <source>is not a field Gatehouse knows; remove it or check its spelling.</source>
        <translation>不是 Gatehouse 认识的字段；请删除它或检查拼写。</translation>
    </message>
    <message>
        <source>is missing: this does not look like a Gatehouse project file.</source>
        <translation>缺失：这看起来不是 Gatehouse 项目文件。</translation>
    </message>
    <message>
        <source>must be a whole number of 1 or more.</source>
        <translation>必须是大于等于 1 的整数。</translation>
    </message>
    <message>
        <source>is %1: the file was written by a newer Gatehouse. This version reads format %2; update Gatehouse to open it.</source>
        <translation>为 %1：该文件由更新版本的 Gatehouse 写入。此版本读取格式 %2；请更新 Gatehouse 后再打开。</translation>
    </message>
    <message>
        <source>is missing; a project lists its nodes (an empty list is fine).</source>
        <translation>缺失；项目需要列出其节点（空列表也可以）。</translation>
    </message>
    <message>
        <source>must be an array, not %1.</source>
        <translation>必须是数组，而不是%1。</translation>
    </message>
    <message>
        <source>is missing; a project lists its edges (an empty list is fine).</source>
        <translation>缺失；项目需要列出其连接（空列表也可以）。</translation>
    </message>
    <message>
        <source>must be an object, not %1.</source>
        <translation>必须是对象，而不是%1。</translation>
    </message>
    <message>
        <source>contains a password. Secrets belong in the keychain (Settings → Infrastructure), never in the project file.</source>
        <translation>包含密码。机密应存放在密钥环中（设置 → 基础设施），绝不能写入项目文件。</translation>
    </message>
    <message>
        <source>%1 is not supported; use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.</source>
        <translation>不支持 %1；请使用 PLAIN、SCRAM-SHA-256 或 SCRAM-SHA-512。</translation>
    </message>
    <message>
        <source>%1 is not a valid id; use 1 to 128 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>%1 不是有效的 ID；请使用 1 到 128 个字母、数字、&apos;_&apos;、&apos;.&apos; 或 &apos;-&apos;。</translation>
    </message>
    <message>
        <source>%1 is used twice; every node and edge needs its own id.</source>
        <translation>%1 被使用了两次；每个节点和连接都需要自己的 ID。</translation>
    </message>
    <message>
        <source>applies to services only; this node is a %1.</source>
        <translation>仅适用于服务；此节点的类型是 %1。</translation>
    </message>
    <message>
        <source>must be a string, a number or a boolean, not %1.</source>
        <translation>必须是字符串、数字或布尔值，而不是%1。</translation>
    </message>
    <message>
        <source>is longer than %1 characters.</source>
        <translation>超过 %1 个字符。</translation>
    </message>
    <message>
        <source>must be a finite number.</source>
        <translation>必须是有限的数字。</translation>
    </message>
    <message>
        <source>must be a pair of numbers [x, y].</source>
        <translation>必须是一对数字 [x, y]。</translation>
    </message>
    <message>
        <source>is outside the canvas (coordinates must be within ±%1).</source>
        <translation>超出画布范围（坐标必须在 ±%1 以内）。</translation>
    </message>
    <message>
        <source>a static-response fallback needs an HTTP status between 100 and 599.</source>
        <translation>static-response 降级策略需要 100 到 599 之间的 HTTP 状态码。</translation>
    </message>
    <message>
        <source>%1 is not an HTTP method Gatehouse routes; use one of: %2.</source>
        <translation>%1 不是 Gatehouse 可路由的 HTTP 方法；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>%1 must start with &apos;/&apos;.</source>
        <translation>%1 必须以 &apos;/&apos; 开头。</translation>
    </message>
    <message>
        <source>must be an object with requests and windowSeconds.</source>
        <translation>必须是包含 requests 和 windowSeconds 的对象。</translation>
    </message>
    <message>
        <source>%1 is not a valid Kafka topic name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;; at most 249).</source>
        <translation>%1 不是有效的 Kafka 主题名称（字母、数字、&apos;.&apos;、&apos;_&apos;、&apos;-&apos;；最多 249 个）。</translation>
    </message>
    <message>
        <source>only sync edges carry routes; this edge is %1.</source>
        <translation>只有 sync 连接才能带路由；此连接的类型是 %1。</translation>
    </message>
    <message>
        <source>only publish and subscribe edges carry topics; this edge is %1.</source>
        <translation>只有 publish 和 subscribe 连接才能带主题；此连接的类型是 %1。</translation>
    </message>
    <message>
        <source>names node %1, which does not exist.</source>
        <translation>指向节点 %1，但该节点不存在。</translation>
    </message>
    <message>
        <source>only sync edges carry a circuit breaker (the gateway&apos;s, per upstream); this edge is %1.</source>
        <translation>只有同步连线才能带有熔断器（网关的，按上游）；此连线为 %1。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Design, run and inspect API-gateway microservice stacks.</source>
        <translation>设计、运行并检查 API 网关微服务栈。</translation>
    </message>
    <message>
        <source>A project to open.</source>
        <translation>要打开的项目。</translation>
    </message>
</context>
</TS>
