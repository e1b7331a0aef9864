<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Sales CRM</source>
        <translation type="vanished">关于销售客户管理</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="+115" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Sales CRM {version}</source>
        <translation type="vanished">销售客户管理 {version}</translation>
    </message>
    <message>
        <source>Sales CRM: an offline CRM for B2B salespeople.
Every record lives in one local SQLite file that you can back up and move.</source>
        <translation type="vanished">销售客户管理：为 B2B 业务员打造的离线 CRM。
所有记录都保存在一个本地 SQLite 文件中，可以随时备份和迁移。</translation>
    </message>
    <message>
        <location line="-5" />
        <source>About Desktop CRM</source>
        <translation>关于销售客户管理</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Desktop CRM {version}</source>
        <translation>销售客户管理 {version}</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Desktop CRM: an offline CRM for B2B salespeople.
Every record lives in one local SQLite file that you can back up and move.</source>
        <translation>销售客户管理：为 B2B 业务员打造的离线 CRM。
所有记录都保存在一个本地 SQLite 文件中，可以随时备份和迁移。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Data folder: {path}</source>
        <translation>数据文件夹：{path}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location line="+22" />
        <source>psycopg2 is used under the same licence, with an exception for OpenSSL. The texts of the GNU Lesser General Public License and of the GNU General Public License it builds on follow.</source>
        <translation>psycopg2 同样依据该许可证使用，并附有针对 OpenSSL 的例外条款。下面是 GNU 宽通用公共许可证及其所依据的 GNU 通用公共许可证的全文。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Desktop CRM is free software under the MIT licence. It bundles:</source>
        <translation>销售客户管理是依据 MIT 许可证发布的自由软件。其中包含：</translation>
    </message>
    <message>
        <location line="+23" />
        <source>(the licence file {name} is missing)</source>
        <translation>（缺少许可证文件 {name}）</translation>
    </message>
    <message>
        <location line="-30" />
        <source>Qt is used under the GNU Lesser General Public License version 3: its libraries are separate files in the program's folder, and you may replace them with a compatible build of your own.</source>
        <translation>Qt 依据 GNU 宽通用公共许可证第 3 版（LGPL v3）使用：它的库是程序文件夹中的独立文件，您可以用自己编译的兼容版本替换它们。</translation>
    </message>
    <message>
        <source>Sales CRM is free software under the MIT licence. It bundles:</source>
        <translation type="vanished">销售客户管理是依据 MIT 许可证发布的自由软件。其中包含：</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Part</source>
        <translation>组件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Source and licence text</source>
        <translation>源代码与许可证全文</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Licence of the WenQuanYi Micro Hei font</source>
        <translation>文泉驿微米黑字体的许可证</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../ui/a11y.py" line="+136" />
        <source>Clear the text</source>
        <translation>清除文字</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <location line="+87" />
        <location line="+25" />
        <source>{heading}: {row}</source>
        <translation>{heading}：{row}</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/pages/goals/dialogs.py" line="+391" />
        <source>Edit action</source>
        <translation>编辑行动目标</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New action</source>
        <translation>新建行动目标</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Name of the custom category</source>
        <translation>自定义类别名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due by</source>
        <translation>截止</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Custom category</source>
        <translation>自定义类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clients</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>ActionsBar</name>
    <message>
        <location filename="../../ui/pages/today/actions_bar.py" line="+23" />
        <source>Complete…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Log the follow-up that answers this step and set the next one</source>
        <translation>记录完成此事务的跟进，并设定下步事务</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <location line="+4" />
        <source>In 1 hour</source>
        <translation>1 小时后</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tonight</source>
        <translation>今晚</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tomorrow morning</source>
        <translation>明天上午</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next week</source>
        <translation>下周</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Reschedule…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+8" />
        <location line="+8" />
        <source>Open client</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <location line="-11" />
        <source>Log follow-up…</source>
        <translation>记录跟进…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Record payment…</source>
        <translation>登记回款…</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <location filename="../../ui/pages/clients/analysis_panel.py" line="+57" />
        <source>Support won</source>
        <translation>已获支持</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Potential support</source>
        <translation>潜在支持</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opposition faced</source>
        <translation>面对的反对</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Potential opposition</source>
        <translation>潜在反对</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Red flags</source>
        <translation>风险警示</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Next moves</source>
        <translation>下一步行动</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Nobody yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No red flags.</source>
        <translation>暂无风险警示。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Nothing to suggest.</source>
        <translation>暂无建议。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Opposes us</source>
        <translation>反对我们</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cooled from {previous} to neutral</source>
        <translation>已从{previous}转为中立</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Reports to {boss}, who opposes us</source>
        <translation>上级{boss}反对我们</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Neutral: can be won</source>
        <translation>中立，可以争取</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Top-down</source>
        <translation>自上而下</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From the middle</source>
        <translation>从中层切入</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bottom-up</source>
        <translation>自下而上</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Start with: {names}</source>
        <translation>从这些人入手：{names}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Suggested entry point: {point}</source>
        <translation>建议切入点：{point}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The approver {names} is on our side.</source>
        <translation>批准者{names}站在我们这边。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Coach {coach} can vouch for us with the approver {approver}.</source>
        <translation>保荐者{coach}可以在批准者{approver}面前为我们作保。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{name} ({role}) is {stance}: start there.</source>
        <translation>{name}（{role}）是{stance}：从这里切入。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No friendly access above: win the users first.</source>
        <translation>上层没有友好的通道：先赢得使用者。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No friendly access yet: map the organisation and find a first supporter.</source>
        <translation>还没有友好的通道：先摸清组织结构，找到第一个支持者。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No stakeholder holds the {role} role.</source>
        <translation>没有人担任{role}角色。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{name} ({role}) is {stance}.</source>
        <translation>{name}（{role}）的立场是{stance}。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{count} close allies ({names}); keep one or two, more allies compete with each other.</source>
        <translation>良友有{count}位（{names}）；保持一两位即可，良友过多会相互争利。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{name} is a high-influence neutral, never contacted.</source>
        <translation>{name}是高影响力的中立者，从未联系过。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{name} is a high-influence neutral, not contacted for {days} days.</source>
        <translation>{name}是高影响力的中立者，已{days}天未联系。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Nobody is our coach/sponsor.</source>
        <translation>还没有为我们作保的保荐者。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Turn {name} ({role}) into a supporter with the help of coach {coach}.</source>
        <translation>借助保荐者{coach}，把{name}（{role}）争取为支持者。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Turn {name} ({role}) into a supporter.</source>
        <translation>把{name}（{role}）争取为支持者。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Neutralise {name}: address what they care about ({interests}).</source>
        <translation>化解{name}的反对：回应其关心的利益（{interests}）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Neutralise {name}: address what they care about.</source>
        <translation>化解{name}的反对：回应其关心的利益。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hold {name} at neutral before they turn against us.</source>
        <translation>稳住{name}的中立立场，防止其转为反对。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Court {name}: a high-influence neutral decides close contests.</source>
        <translation>争取{name}：高影响力的中立者往往决定胶着的竞争。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Develop {name} into our coach.</source>
        <translation>把{name}发展为我们的保荐者。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Find a coach who will vouch for us.</source>
        <translation>寻找一位愿意为我们作保的保荐者。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keep one or two close allies; let the others be supporters.</source>
        <translation>良友保持一两位即可，其他人做支持者。</translation>
    </message>
</context>
<context>
    <name>AnnotateDialog</name>
    <message>
        <location filename="../../ui/pages/weekly/dialogs.py" line="+157" />
        <source>Annotate</source>
        <translation>批注</translation>
    </message>
    <message>
        <location line="+9" />
        <source>On</source>
        <translation>批注位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Annotation</source>
        <translation>批注</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="+213" />
        <source>The file is damaged</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+7" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Something went wrong: {error}

The details were written to the log file.</source>
        <translation>出错了：{error}

详细信息已写入日志文件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="vanished">无法打开数据库</translation>
    </message>
</context>
<context>
    <name>AttachmentKinds</name>
    <message>
        <location filename="../../ui/attachments/kinds.py" line="+11" />
        <source>Call recording</source>
        <translation>通话录音</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text / chat export</source>
        <translation>文本/聊天记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other file</source>
        <translation>其他文件</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-up</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service record</source>
        <translation>服务单</translation>
    </message>
</context>
<context>
    <name>AttachmentPreview</name>
    <message>
        <location filename="../../ui/attachments/preview.py" line="+117" />
        <source>Select a file to preview it.
Drop files here to attach them.</source>
        <translation>选择一个文件即可预览。
把文件拖到这里即可添加为附件。</translation>
    </message>
    <message>
        <location line="+25" />
        <source>The file is missing from the attachments folder.</source>
        <translation>附件文件夹中找不到这个文件。</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <location filename="../../ui/attachments/panel.py" line="+497" />
        <source>Attachments: {what}</source>
        <translation>附件：{what}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location line="-401" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Removed files</source>
        <translation>已移除的文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete for good…</source>
        <translation>永久删除…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attached to</source>
        <translation>所属记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>By</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Export the attachment list</source>
        <translation>导出附件清单</translation>
    </message>
    <message>
        <location line="+109" />
        <source>Attaching {count} file(s)…</source>
        <translation>正在添加 {count} 个文件…</translation>
    </message>
    <message>
        <location line="+18" />
        <source>{kind} (deleted)</source>
        <translation>{kind}（已删除）</translation>
    </message>
    <message>
        <location line="+24" />
        <source>{count} removed file(s): restore them, or delete them for good.</source>
        <translation>已移除 {count} 个文件：可以恢复，或永久删除。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No removed files.</source>
        <translation>没有已移除的文件。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{count} file(s), {size} · drop files here to attach them</source>
        <translation>{count} 个文件，共 {size} · 把文件拖到这里即可添加</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No attachments yet: add call recordings, e-mails, chat exports, PDFs or images, or drop files here.</source>
        <translation>还没有附件：可以添加通话录音、电子邮件、聊天记录、PDF 或图片，也可以把文件拖到这里。</translation>
    </message>
    <message>
        <location line="+65" />
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location line="+4" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recordings, e-mails, PDFs and images</source>
        <translation>录音、邮件、PDF 和图片</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Fetching {name}…</source>
        <translation>正在获取 {name}…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The file could not be prepared: {error}</source>
        <translation>无法准备文件：{error}</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+10" />
        <source>No application opened {name}.</source>
        <translation>没有应用程序能打开 {name}。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Remove attachment {name}</source>
        <translation>移除附件 {name}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Removed {name}. Undo with Ctrl+Z.</source>
        <translation>已移除 {name}。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Restored {name}.</source>
        <translation>已恢复 {name}。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Delete for good</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete {name} for good? This cannot be undone.</source>
        <translation>永久删除 {name}？此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Deleted {name} for good.</source>
        <translation>已永久删除 {name}。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Attached {done} of {count} file(s).</source>
        <translation>已添加 {done} 个文件（共 {count} 个）。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Attached {count} file(s).</source>
        <translation>已添加 {count} 个文件。</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <location filename="../../ui/backup_ui.py" line="+86" />
        <source>Team database</source>
        <translation>团队数据库</translation>
    </message>
    <message>
        <location line="+44" />
        <source>Backing up before closing…</source>
        <translation>关闭前正在备份…</translation>
    </message>
    <message>
        <location line="+15" />
        <location line="+18" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="-7" />
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CRM database (*.sqlite3)</source>
        <translation>CRM 数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Replace the open database with {path}?

The current file is kept as a backup first, so this can be undone by restoring that backup.</source>
        <translation>用 {path} 替换当前打开的数据库吗？

当前文件会先保存为一份备份，恢复那份备份即可撤销此操作。</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+97" />
        <location line="+10" />
        <location line="+3" />
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="-92" />
        <source>Restoring from backup…</source>
        <translation>正在从备份恢复…</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Automatic backup saved: {name}</source>
        <translation>已自动备份：{name}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The automatic backup failed: {error}</source>
        <translation>自动备份失败：{error}</translation>
    </message>
    <message>
        <location line="+14" />
        <location line="+15" />
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="-14" />
        <source>The backup on closing failed: {error}

Your data is unchanged.</source>
        <translation>关闭时的备份失败：{error}

您的数据没有改动。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Backed up to {path} ({size}, checked)</source>
        <translation>已备份到 {path}（{size}，已校验）</translation>
    </message>
    <message>
        <location line="+32" />
        <source>The database was restored from {source}.</source>
        <translation>数据库已从 {source} 恢复。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The previous file was kept as {path}.</source>
        <translation>原来的文件已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>BackupSettingsSection</name>
    <message>
        <location filename="../../ui/pages/settings_backups.py" line="+68" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A checked copy of the database is made when the window closes and once a day while it is open, and before every upgrade. Older copies are thinned out: the newest of each recent day, week and month are kept.</source>
        <translation>关闭窗口时、窗口打开期间每天一次以及每次升级前，都会生成一份经过校验的数据库副本。较旧的副本会逐步精简：保留最近每天、每周和每月最新的一份。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Daily backups kept</source>
        <translation>保留每日备份</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weekly backups kept</source>
        <translation>保留每周备份</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Monthly backups kept</source>
        <translation>保留每月备份</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Manual backups kept</source>
        <translation>保留手动备份</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation type="vanished">轮换</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Export the backup list</source>
        <translation>导出备份列表</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+69" />
        <source>No backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <location line="-62" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Loading the backups…</source>
        <translation>正在读取备份…</translation>
    </message>
    <message>
        <location line="+32" />
        <source>The backups could not be listed: {error}</source>
        <translation>无法列出备份：{error}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Saved. The next backup keeps copies by these numbers.</source>
        <translation>已保存。下次备份起按这些数量保留副本。</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Backed up: {name}</source>
        <translation>已备份：{name}</translation>
    </message>
</context>
<context>
    <name>BackupTable</name>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="+28" />
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Before the first sync</source>
        <translation>首次同步之前</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Damaged file (kept)</source>
        <translation>损坏的文件（已保留）</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Schema</source>
        <translation>数据结构</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <location filename="../../ui/pages/clients/bulk_edit.py" line="+33" />
        <source>Edit {count} clients</source>
        <translation>批量修改 {count} 个客户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Change the selected clients. Fields left at “Keep” stay as they are.</source>
        <translation>修改所选客户。保持为“不变”的字段不会改动。</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+5" />
        <source>Keep</source>
        <translation>不变</translation>
    </message>
    <message>
        <location line="-4" />
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Category to add (optional)</source>
        <translation>要添加的分类（可选）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grade</source>
        <translation>定级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add category</source>
        <translation>添加分类</translation>
    </message>
</context>
<context>
    <name>BusyPrompt</name>
    <message>
        <location filename="../../ui/file_status.py" line="+381" />
        <source>Database busy</source>
        <translation>数据库忙</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <location filename="../../ui/pages/today/care_section.py" line="+31" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="vanished">定级</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Last contract</source>
        <translation>最近合同</translation>
    </message>
    <message>
        <location line="+2" />
        <source>First contract {first}, last contract {last}</source>
        <translation>首份合同 {first}，最近合同 {last}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{days} ago</source>
        <translation>{days}前</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Never</source>
        <translation>从未联系</translation>
    </message>
</context>
<context>
    <name>CareDateTableModel</name>
    <message>
        <location line="+12" />
        <source>When</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Occasion</source>
        <translation>事由</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In {days}</source>
        <translation>{days}后</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Signed 1 year ago</source>
        <translation>签约 1 周年</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed {years} years ago</source>
        <translation>签约 {years} 周年</translation>
    </message>
    <message>
        <source>1 year since the first contract</source>
        <translation type="vanished">首次签约 1 周年</translation>
    </message>
    <message>
        <source>{years} years since the first contract</source>
        <translation type="vanished">首次签约 {years} 周年</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Birthday of {name}</source>
        <translation>{name} 生日</translation>
    </message>
</context>
<context>
    <name>CareSections</name>
    <message>
        <location line="+19" />
        <source>Re-develop old clients</source>
        <translation>老客户二次开发</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No signed client has gone quiet.</source>
        <translation>没有需要二次开发的老客户。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Anniversaries and birthdays</source>
        <translation>周年与生日</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No anniversary or birthday in the coming week.</source>
        <translation>未来一周没有签约周年或生日。</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+3" />
        <source>Log follow-up…</source>
        <translation>记录跟进…</translation>
    </message>
    <message>
        <location line="-1" />
        <location line="+3" />
        <source>Open client</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>…</source>
        <translation type="vanished">…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Clients whose first contract is more than {signed} months old and that have had no new opportunity for {quiet} months (Settings → Client care).</source>
        <translation>首份合同签订已超过 {signed} 个月、且 {quiet} 个月内没有新商机的客户（设置 → 客户关怀）。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Log follow-up</source>
        <translation>记录跟进</translation>
    </message>
</context>
<context>
    <name>CareSettingsSection</name>
    <message>
        <location filename="../../ui/pages/settings_care.py" line="+31" />
        <source>Client care</source>
        <translation>客户关怀</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Today lists the clients to re-develop (二次开发): signed long ago and without a new opportunity lately. The dossier's web search opens this address with the company name in place of {query}.</source>
        <translation>“今天”页列出需要二次开发的老客户：签约已久、近期没有新商机。客户档案的网页搜索会打开下面的地址，并用公司名称替换其中的 {query}。</translation>
    </message>
    <message>
        <location line="+17" />
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location line="+5" />
        <source>First contract signed more than</source>
        <translation>首份合同签订超过</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No new opportunity for</source>
        <translation>没有新商机已达</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Web search address</source>
        <translation>网页搜索地址</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <location filename="../../ui/charts/canvas.py" line="+312" />
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save as SVG…</source>
        <translation>另存为 SVG…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Copy data as CSV</source>
        <translation>复制数据（CSV）</translation>
    </message>
    <message>
        <location line="+11" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SVG image (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+16" />
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Could not save {path}: {error}</source>
        <translation>无法保存 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>ClientEditorDialog</name>
    <message>
        <location filename="../../ui/pages/clients/editor.py" line="+102" />
        <source>Profile</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Classification &amp;&amp; value</source>
        <translation>分类与价值</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Key milestones</source>
        <translation>关键节点</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Business features</source>
        <translation>业务特征</translation>
    </message>
    <message>
        <location line="+64" />
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Company name as the client writes it</source>
        <translation>客户的正式公司名称</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Value verdict</source>
        <translation>价值定性</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grade</source>
        <translation>定级</translation>
    </message>
    <message>
        <location line="+11" />
        <source>A: big deal, worth most of your time · B: normal · C: small deal, keep it light</source>
        <translation>A：大单，值得投入最多精力 · B：正常 · C：小单，轻量跟进</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Expected signing</source>
        <translation>预计签约</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Expected amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The steps that decide this deal, e.g. a trial run, a tender, the contract.</source>
        <translation>决定这单成败的关键步骤，例如试用、招标、签合同。</translation>
    </message>
    <message>
        <location line="+22" />
        <location line="+1" />
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Edit client</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location line="+15" />
        <source>(no owner)</source>
        <translation>（无负责人）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{name} (inactive)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Enter an amount of 0 or more.</source>
        <translation>请输入不小于 0 的金额。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Use at most 2 decimals (cents).</source>
        <translation>最多保留 2 位小数（到分）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This number is implausibly large; check the digits.</source>
        <translation>这个数字大得不合常理，请检查位数。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enter a number, e.g. 12,345.67.</source>
        <translation>请输入数字，例如 12,345.67。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Enter the client's name.</source>
        <translation>请输入客户名称。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Enter a date between 1900 and 2100.</source>
        <translation>请输入 1900 年到 2100 年之间的日期。</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Give the milestone a title, or remove it.</source>
        <translation>请填写节点名称，或删除这一行。</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A client with the same name or phone already exists:
{names}</source>
        <translation>已有同名或同电话的客户：
{names}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open it</source>
        <translation>打开已有客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Edit client {name}</source>
        <translation>编辑客户 {name}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The client could not be saved: {error}</source>
        <translation>客户未能保存：{error}</translation>
    </message>
</context>
<context>
    <name>ClientFilterPanel</name>
    <message>
        <location filename="../../ui/pages/clients/filter_panel.py" line="+121" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grade</source>
        <translation>定级</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+26" />
        <location line="+5" />
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <location line="-30" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Not contacted for</source>
        <translation>未联系超过</translation>
    </message>
    <message>
        <location line="+4" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Custom field</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+16" />
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location line="+1" />
        <source>is</source>
        <translation>等于</translation>
    </message>
    <message>
        <location line="+1" />
        <source>at least</source>
        <translation>不少于</translation>
    </message>
    <message>
        <location line="+1" />
        <source>at most</source>
        <translation>不多于</translation>
    </message>
    <message>
        <location line="+1" />
        <source>includes</source>
        <translation>包括</translation>
    </message>
    <message>
        <location line="+1" />
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location line="+1" />
        <source>is not empty</source>
        <translation>不为空</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Custom field…</source>
        <translation>业务特征…</translation>
    </message>
</context>
<context>
    <name>ClientFormSettingsSection</name>
    <message>
        <location filename="../../ui/pages/settings_form.py" line="+50" />
        <location line="+203" />
        <source>Client form</source>
        <translation>客户表单</translation>
    </message>
    <message>
        <location line="-199" />
        <source>Hide the client fields your business does not use, give them your own labels and order the client editor's sections. Everyone who uses this file sees the same form; a hidden field keeps its value. An empty label keeps the built-in one. Add your own fields under Custom fields.</source>
        <translation>屏蔽贵公司用不到的客户字段，修改字段标签，调整客户编辑窗口中各部分的顺序。使用此数据文件的所有人看到同样的表单；被隐藏的字段保留原有的值。标签留空则使用内置标签。自定义字段请在下方“自定义字段”中添加。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Shown</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+0" />
        <source>English label</source>
        <translation>英文标签</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Chinese label</source>
        <translation>中文标签</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Every client needs a name: it cannot be hidden.</source>
        <translation>每个客户都必须有名称：不能隐藏。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>built-in label</source>
        <translation>内置标签</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Order of the client editor's sections</source>
        <translation>客户编辑窗口各部分的顺序</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Save client form</source>
        <translation>保存客户表单</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Back to the built-in form…</source>
        <translation>恢复内置表单…</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Value verdict</source>
        <translation>价值定性</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grade</source>
        <translation>定级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected signing</source>
        <translation>预计签约</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Profile</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Classification &amp; value</source>
        <translation>分类与价值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Key milestones</source>
        <translation>关键节点</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Business features</source>
        <translation>业务特征</translation>
    </message>
    <message>
        <location line="+93" />
        <source>Saved. The client editor and the clients list use this form.</source>
        <translation>已保存。客户编辑窗口和客户列表使用此表单。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Show every field with its built-in label and the sections in their usual order?</source>
        <translation>显示所有字段并使用内置标签，各部分恢复原来的顺序？</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The built-in client form is back.</source>
        <translation>已恢复内置客户表单。</translation>
    </message>
</context>
<context>
    <name>ClientHubView</name>
    <message>
        <location filename="../../ui/pages/clients/hub.py" line="+97" />
        <source>← Clients</source>
        <translation>← 客户</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Edit client</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete client</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Log follow-up…</source>
        <translation>记录跟进…</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Stakeholders</source>
        <translation>关系人</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Follow-ups</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contracts &amp; payments</source>
        <translation>合同与回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referrals</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dossier</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location line="-33" />
        <location line="+104" />
        <location line="+6" />
        <source>Loading the client…</source>
        <translation>正在加载客户…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The client could not be loaded: {error}</source>
        <translation>无法加载该客户：{error}</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+4" />
        <source>This client no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <location line="+55" />
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Owner: {name}</source>
        <translation>负责人：{name}</translation>
    </message>
    <message>
        <location line="+0" />
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected: {amount}</source>
        <translation>预计：{amount}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Last contact: {when}</source>
        <translation>最近联系：{when}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Stakeholders ({count})</source>
        <translation>关系人（{count}）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-ups ({count})</source>
        <translation>跟进记录（{count}）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opportunities ({count})</source>
        <translation>商机（{count}）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contracts &amp; payments ({count})</source>
        <translation>合同与回款（{count}）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Service ({count})</source>
        <translation>服务 ({count})</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Attachments ({count})</source>
        <translation>附件 ({count})</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Referrals ({count})</source>
        <translation>转介绍 ({count})</translation>
    </message>
</context>
<context>
    <name>ClientList</name>
    <message>
        <location filename="../../ui/pages/goals/dialogs.py" line="-60" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>ClientListView</name>
    <message>
        <location filename="../../ui/pages/clients/list_view.py" line="+128" />
        <source>Search name, short name, contacts, phone…</source>
        <translation>搜索名称、简称、联系人、电话…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Bulk edit…</source>
        <translation>批量修改…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Export the clients shown, with these columns, to CSV or Excel</source>
        <translation>把当前显示的客户按这些列导出为 CSV 或 Excel</translation>
    </message>
    <message>
        <location line="+3" />
        <source>New client</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-101" />
        <location line="+102" />
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grade</source>
        <translation>定级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="-110" />
        <location line="+111" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="-113" />
        <source>Matched</source>
        <translation>匹配项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Loading clients…</source>
        <translation>正在加载客户…</translation>
    </message>
    <message>
        <location line="+86" />
        <source>Expected amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected signing</source>
        <translation>预计签约</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+32" />
        <location line="+21" />
        <location line="+152" />
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{count} in the trash</source>
        <translation>回收站中 {count} 个</translation>
    </message>
    <message>
        <location line="+0" />
        <source>{count} clients</source>
        <translation>{count} 个客户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{count} of {total} match</source>
        <translation>{total} 个中匹配 {count} 个</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <location filename="../../ui/pages/followups/client_picker.py" line="+29" />
        <source>Type a name, short name or phone…</source>
        <translation>输入客户名称、简称或电话…</translation>
    </message>
    <message>
        <location line="+49" />
        <source>No client matches “{query}”</source>
        <translation>没有与“{query}”匹配的客户</translation>
    </message>
</context>
<context>
    <name>ClientStatusSettingsSection</name>
    <message>
        <location filename="../../ui/pages/settings_client_status.py" line="+22" />
        <source>Client status</source>
        <translation>客户状态</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A won opportunity or a signed contract makes the client a customer</source>
        <translation>商机赢单或签订合同后，客户自动转为成交客户</translation>
    </message>
    <message>
        <location line="+7" />
        <source>A lead, prospect, dormant or lost client becomes a customer when one of its opportunities is won or a contract is signed. You can still set the status by hand in the client editor; the rule acts again only at the next won opportunity or signed contract.</source>
        <translation>线索、潜在、休眠或流失状态的客户，在其商机赢单或签订合同时转为成交客户。你仍可在客户编辑器中手动设置状态；规则只会在下一次赢单或签约时再次生效。</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Name</source>
        <translation type="vanished">名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="vanished">状态</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="vanished">定级</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="vanished">行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="vanished">地区</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="vanished">负责人</translation>
    </message>
    <message>
        <source>Expected amount</source>
        <translation type="vanished">预计金额</translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="vanished">创建日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/clients/page.py" line="+80" />
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Delete {count} client(s)</source>
        <translation>删除 {count} 个客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Moved {count} client(s) to the trash. Undo with Ctrl+Z.</source>
        <translation>已将 {count} 个客户移入回收站。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Restore {count} client(s)</source>
        <translation>恢复 {count} 个客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Edit {count} client(s)</source>
        <translation>修改 {count} 个客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cannot edit the clients</source>
        <translation>无法修改客户</translation>
    </message>
    <message>
        <location line="+47" />
        <source>{count} clients. Double-click a row to open it; Delete moves it to the trash.</source>
        <translation>共 {count} 个客户。双击一行打开；按 Delete 移入回收站。</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation type="vanished">无法撤销</translation>
    </message>
    <message>
        <source>{count} clients, newest first</source>
        <translation type="vanished">共 {count} 个客户，最新的在前</translation>
    </message>
</context>
<context>
    <name>CloseDropCard</name>
    <message>
        <location filename="../../ui/pages/pipeline/drop_targets.py" line="+37" />
        <source>Drop a card here to close it as won</source>
        <translation>把卡片拖到这里，关闭为赢单</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Drop a card here to close it as lost</source>
        <translation>把卡片拖到这里，关闭为输单</translation>
    </message>
</context>
<context>
    <name>CloseOpportunityDialog</name>
    <message>
        <location filename="../../ui/pages/deals/close_dialog.py" line="+32" />
        <source>Close opportunity</source>
        <translation>关闭商机</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{name} · {amount}</source>
        <translation>{name} · {amount}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Closed on</source>
        <translation>关闭日期</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Why did we win or lose? (price, relationship, product…)</source>
        <translation>赢单或输单的原因？（价格、关系、产品……）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
</context>
<context>
    <name>CollectionLineDialog</name>
    <message>
        <location filename="../../ui/pages/weekly/dialogs.py" line="-76" />
        <source>Add a planned collection</source>
        <translation>添加计划回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>(no client)</source>
        <translation>（无客户）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="+150" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Original</source>
        <translation>原值</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+20" />
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location line="-19" />
        <location line="+19" />
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <location line="-18" />
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location line="+10" />
        <source>You chose this value on {when}.</source>
        <translation>您于 {when} 选择了这个值。</translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="vanished">原因</translation>
    </message>
    <message>
        <location line="-7" />
        <source>{value} (your choice)</source>
        <translation>{value}（您的选择）</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location line="+69" />
        <location line="+120" />
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>When two computers changed the same field, sync kept one value and lists the other here. Select a row to keep the other value: it is an ordinary edit, sent with the next sync.</source>
        <translation type="vanished">两台电脑修改了同一字段时，同步保留了其中一个值，另一个值列在这里。选中一行即可改为保留另一个值：这是一次普通的修改，会随下次同步发送。</translation>
    </message>
    <message>
        <location line="-114" />
        <source>When two computers changed the same field, sync kept one value (in bold) and lists both here. To use the other value, select the row and click Keep mine or Keep theirs: it is an ordinary edit, sent with the next sync.</source>
        <translation>两台电脑修改了同一字段时，同步保留其中一个值（粗体），并在这里列出两个值。要改用另一个值，请选中该行，点击“保留我的”或“保留对方的”：这是一次普通的修改，会随下次同步发送。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Loading the conflicts…</source>
        <translation>正在读取冲突…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No conflicts: every change merged cleanly.</source>
        <translation>没有冲突：所有修改都已顺利合并。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Keep &amp;mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep &amp;theirs</source>
        <translation>保留对方的(&amp;T)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Saved. The value travels with the next sync.</source>
        <translation>已保存。该值会随下次同步发送。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The conflicts could not be read: {error}</source>
        <translation>无法读取冲突：{error}</translation>
    </message>
    <message>
        <location line="+19" />
        <source>There is no value to choose.</source>
        <translation>没有需要选择的值。</translation>
    </message>
    <message>
        <source>Two records with the same name were merged into one: there is no value to choose.</source>
        <translation type="vanished">两条同名记录已合并为一条：没有可选择的值。</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/pages/clients/contact_dialog.py" line="+54" />
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tenure</source>
        <translation>任职期限</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Stance</source>
        <translation>立场</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason for the change</source>
        <translation>变化原因</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Optional: what changed their mind?</source>
        <translation>选填：是什么让其改变了立场？</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <location line="+2" />
        <source>e.g. 3 years in the post</source>
        <translation>例如：任现职3年</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Nobody (top of the map)</source>
        <translation>无（位于组织图顶端）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Reports to</source>
        <translation>汇报对象</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+2" />
        <source>What they care about</source>
        <translation>其关心的利益</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Interests</source>
        <translation>关心的利益</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not involved</source>
        <translation>未参与</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Role in “{deal}”</source>
        <translation>在“{deal}”中的角色</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Stance history</source>
        <translation>立场变化记录</translation>
    </message>
    <message>
        <location line="+71" />
        <location line="+14" />
        <source>Enter the contact's name.</source>
        <translation>请输入联系人姓名。</translation>
    </message>
    <message>
        <location line="-12" />
        <source>This is not a valid e-mail address.</source>
        <translation>这不是有效的电子邮件地址。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This would make a reporting loop: nobody can report to themselves or their reports.</source>
        <translation>这会形成汇报循环：任何人都不能向自己或自己的下属汇报。</translation>
    </message>
</context>
<context>
    <name>ContactReferralsList</name>
    <message>
        <location filename="../../ui/pages/clients/referrals_list.py" line="+31" />
        <source>Clients referred ({count})</source>
        <translation>介绍的客户 ({count})</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nobody yet.</source>
        <translation>暂无。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>signed {date}</source>
        <translation>{date} 已签约</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not signed yet</source>
        <translation>尚未签约</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <location filename="../../ui/pages/clients/contacts.py" line="+35" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stance</source>
        <translation>立场</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Last contacted</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+0" />
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <location line="+31" />
        <source>Export contacts</source>
        <translation>导出联系人</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Import vCard…</source>
        <translation>导入 vCard…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Add contacts from a .vcf file exported by a phone or e-mail program</source>
        <translation>从手机或邮件程序导出的 .vcf 文件添加联系人</translation>
    </message>
    <message>
        <location line="+28" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Import contacts from vCard</source>
        <translation>从 vCard 导入联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>vCard files (*.vcf *.vcard);;All files (*)</source>
        <translation>vCard 文件 (*.vcf *.vcard);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Contacts added: {created} · updated: {updated} · left out: {skipped}</source>
        <translation>新增联系人：{created} 位 · 更新：{updated} 位 · 未导入：{skipped} 张</translation>
    </message>
    <message>
        <source>{created} contacts added, {updated} updated, {skipped} left out.</source>
        <translation type="vanished">新增 {created} 位联系人，更新 {updated} 位，未导入 {skipped} 张。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Delete the contact {name}? Their history is kept.</source>
        <translation>删除联系人{name}？其历史记录会保留。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cannot delete the contact</source>
        <translation>无法删除该联系人</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../ui/pages/deals/contract_dialog.py" line="+31" />
        <source>New contract</source>
        <translation>新建合同</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{client} · from opportunity “{name}” ({stage})</source>
        <translation>{client} · 来自商机“{name}”（{stage}）</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A contract is created from a won opportunity: close this one as won first.</source>
        <translation>合同须由赢单的商机创建：请先将此商机关闭为赢单。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This opportunity already has a contract.</source>
        <translation>此商机已有合同。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Enter the contract amount.</source>
        <translation>请输入合同金额。</translation>
    </message>
</context>
<context>
    <name>ContractsSection</name>
    <message>
        <location filename="../../ui/pages/clients/deals_section.py" line="+194" />
        <source>Signed</source>
        <translation>签约额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Collected</source>
        <translation>已回款</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation type="vanished">未回款</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Payment plan…</source>
        <translation>回款计划…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Record payment…</source>
        <translation>登记回款…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attachments…</source>
        <translation>附件…</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+11" />
        <source>Receivable</source>
        <translation>应收</translation>
    </message>
    <message>
        <location line="-10" />
        <location line="+11" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="-6" />
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+27" />
        <location line="+26" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="-52" />
        <source>Planned</source>
        <translation>计划回款</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+26" />
        <source>Paid</source>
        <translation>已回款</translation>
    </message>
    <message>
        <location line="-10" />
        <source>Export contracts</source>
        <translation>导出合同</translation>
    </message>
    <message>
        <location line="+7" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Still due</source>
        <translation>未收</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Export the payment plan</source>
        <translation>导出回款计划</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Received on</source>
        <translation>回款日期</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Instalment</source>
        <translation>期次</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Export payments</source>
        <translation>导出回款记录</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Contracts: {count} · contracts are created from won opportunities.</source>
        <translation>合同：{count} · 合同由赢单的商机创建。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No contracts yet: win an opportunity, then create its contract.</source>
        <translation>暂无合同：商机赢单后即可创建合同。</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Plan: {count} instalments · paid {paid} · receivable {outstanding}</source>
        <translation>回款计划：{count} 期 · 已回款 {paid} · 应收 {outstanding}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>overdue {amount}</source>
        <translation>逾期 {amount}</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Contract signed on {date}</source>
        <translation>{date} 签订的合同</translation>
    </message>
    <message>
        <source>Contracts: {count}</source>
        <translation type="vanished">合同：{count}</translation>
    </message>
    <message>
        <source>No contracts yet.</source>
        <translation type="vanished">暂无合同。</translation>
    </message>
</context>
<context>
    <name>CustomFieldDialog</name>
    <message>
        <location filename="../../ui/pages/custom_fields.py" line="+218" />
        <source>New custom field</source>
        <translation>新建业务特征字段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rename custom field</source>
        <translation>重命名字段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Edit choices</source>
        <translation>编辑选项</translation>
    </message>
    <message>
        <location line="+21" />
        <source>One choice per line</source>
        <translation>每行一个选项</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Choices</source>
        <translation>选项</translation>
    </message>
</context>
<context>
    <name>CustomFieldsForm</name>
    <message>
        <location filename="../../ui/pages/clients/editor_custom.py" line="+81" />
        <source>No business-feature fields yet. Define them in Settings → Custom fields.</source>
        <translation>还没有业务特征字段。请在“设置 → 业务特征”中定义。</translation>
    </message>
</context>
<context>
    <name>CustomFieldsSection</name>
    <message>
        <location filename="../../ui/pages/custom_fields.py" line="+90" />
        <location line="+124" />
        <location line="+131" />
        <location line="+36" />
        <source>Custom fields</source>
        <translation>业务特征</translation>
    </message>
    <message>
        <location line="-286" />
        <source>Business features you record for every client, e.g. annual purchases or plant size. They appear in the client editor in this order; hidden fields keep their values.</source>
        <translation>为每个客户记录的业务特征，例如年采购额、工厂规模。客户编辑窗口按此顺序显示；隐藏的字段保留已有的值。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Visibility</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Export the custom fields</source>
        <translation>导出业务特征</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Edit choices…</source>
        <translation>编辑选项…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+67" />
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location line="-66" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Shown</source>
        <translation>显示中</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Enter a name for the field.</source>
        <translation>请输入字段名称。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A field named “{name}” already exists.</source>
        <translation>已有名为“{name}”的字段。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>List at least one choice, one per line.</source>
        <translation>请至少填写一个选项，每行一个。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>“{choice}” is listed twice.</source>
        <translation>“{choice}”重复了。</translation>
    </message>
    <message>
        <location line="+48" />
        <source>Counting the clients that use the removed choices…</source>
        <translation>正在统计使用已删除选项的客户…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>{count} client(s) use a choice you removed from “{name}”. Remove it anyway and clear it from those clients?</source>
        <translation>有 {count} 个客户使用了从“{name}”中删除的选项。仍要删除并清除这些客户的该值吗？</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Remove a choice in use</source>
        <translation>删除使用中的选项</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Clearing the removed choices…</source>
        <translation>正在清除已删除的选项…</translation>
    </message>
    <message>
        <location line="+51" />
        <source>Counting the clients with a value in “{name}”…</source>
        <translation>正在统计“{name}”中有值的客户…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Delete the field “{name}”? {count} client(s) have a value in it; those values are deleted too.</source>
        <translation>删除字段“{name}”？有 {count} 个客户填写了该字段，这些值也会一并删除。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Delete custom field</source>
        <translation>删除业务特征字段</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Deleting the field and its values…</source>
        <translation>正在删除字段及其值…</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Signed, last 12 months</source>
        <translation type="vanished">近 12 个月签约额</translation>
    </message>
    <message>
        <source>Collected, last 12 months</source>
        <translation type="vanished">近 12 个月回款额</translation>
    </message>
    <message>
        <source>Collected / signed</source>
        <translation type="vanished">回款 / 签约</translation>
    </message>
    <message>
        <source>How they are counted:</source>
        <translation type="vanished">口径说明：</translation>
    </message>
    <message>
        <source>Signed amount</source>
        <translation type="vanished">签约额</translation>
    </message>
    <message>
        <source>Collected amount</source>
        <translation type="vanished">回款额</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard/page.py" line="+174" />
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Export review pack…</source>
        <translation>导出评审报告…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Show by</source>
        <translation>粒度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+14" />
        <location line="+368" />
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <location line="-352" />
        <location line="+116" />
        <location line="+217" />
        <source>Whole team</source>
        <translation>全团队</translation>
    </message>
    <message>
        <location line="-272" />
        <source>Export the per-person summary</source>
        <translation>导出人员汇总</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+35" />
        <source>KPI cards, charts and the per-salesperson summary</source>
        <translation>关键指标卡片、图表与人员汇总</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{who} · {period} compared with the previous period (MoM) and a year earlier (YoY)</source>
        <translation>{who} · {period}，与上期（环比）和去年同期（同比）比较</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{period} at a glance</source>
        <translation>{period}概览</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Trends from {first} to {last}</source>
        <translation>{first} 至 {last} 的趋势</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Per salesperson, {period}</source>
        <translation>人员汇总，{period}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ranked by signed, then collected amount. “Busy, not converting”: more follow-ups than the team median while conversion and signed amount are below it. Double-click a person for their weekly forms; right-click for their goals.</source>
        <translation>按签约额、再按回款额排名。“忙而不转化”：跟进次数高于团队中位数，而转化率和签约额低于中位数。双击人员查看其周报；右键查看其目标。</translation>
    </message>
    <message>
        <location line="+199" />
        <source>{kpi}, {period}, {who}</source>
        <translation>{kpi}，{period}，{who}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Listing the records behind {kpi}…</source>
        <translation>正在列出“{kpi}”背后的明细记录…</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Open weekly forms</source>
        <translation>打开周报</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open goals</source>
        <translation>打开目标</translation>
    </message>
    <message>
        <location line="+18" />
        <location line="+16" />
        <source>Export review pack</source>
        <translation>导出评审报告</translation>
    </message>
    <message>
        <location line="-16" />
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Writing the review pack…</source>
        <translation>正在生成评审报告…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Review pack written to {path}</source>
        <translation>评审报告已保存到 {path}</translation>
    </message>
    <message>
        <source>Signed and collected amounts per month, whole team</source>
        <translation type="vanished">全团队每月签约额与回款额</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="vanished">签约额</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="vanished">回款额</translation>
    </message>
    <message>
        <source>Signed vs collected per month</source>
        <translation type="vanished">每月签约额与回款额</translation>
    </message>
    <message>
        <source>No contracts or payments in the last 12 months</source>
        <translation type="vanished">近 12 个月没有合同或回款</translation>
    </message>
</context>
<context>
    <name>DashboardTexts</name>
    <message>
        <location filename="../../ui/pages/dashboard/specs.py" line="+64" />
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <location line="+13" />
        <source>W{week}</source>
        <translation>第{week}周</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{year} Q{quarter}</source>
        <translation>{year}年第{quarter}季度</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Week {week}, {year}</source>
        <translation>{year}年第{week}周</translation>
    </message>
    <message>
        <location line="+2" />
        <source>MMMM yyyy</source>
        <comment>QDate format of a month in a title</comment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <location line="+9" />
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>far behind</source>
        <translation>严重落后</translation>
    </message>
    <message>
        <location line="+1" />
        <source>missed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no pace yet</source>
        <translation>暂无进度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+1" />
        <source>on pace</source>
        <translation>进度正常</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reached</source>
        <translation>已达成</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nothing recorded in these periods</source>
        <translation>这些期间没有记录</translation>
    </message>
    <message>
        <location line="+20" />
        <source>No new clients in these periods</source>
        <translation>这些期间没有新增客户</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+18" />
        <source>No first signings in these periods</source>
        <translation>这些期间没有首次签约</translation>
    </message>
    <message>
        <location line="-10" />
        <source>Mean (days)</source>
        <translation>平均（天）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Median (days)</source>
        <translation>中位数（天）</translation>
    </message>
    <message>
        <location line="+12" />
        <source>No follow-ups in these periods</source>
        <translation>这些期间没有跟进记录</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Expected amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No open opportunities</source>
        <translation>没有进行中的商机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{count} open</source>
        <translation>{count} 个进行中</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No goals with a target for this period</source>
        <translation>本期没有设定目标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Signed, collected and planned collection</source>
        <translation>签约额、回款额与计划回款</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Activity by channel</source>
        <translation>各渠道行动</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Conversion rate</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location line="+7" />
        <source>First-order average value</source>
        <translation>首次客单价</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Follow-up cycle</source>
        <translation>跟单周期</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Open pipeline by stage</source>
        <translation>各阶段进行中商机</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Goal attainment, {period}</source>
        <translation>目标完成情况，{period}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Monthly behaviour score</source>
        <translation>月度周行为分</translation>
    </message>
    <message>
        <location line="+19" />
        <source>No scored weekly forms in these months</source>
        <translation>这些月份没有已评分的周报</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
</context>
<context>
    <name>DossierNoteDialog</name>
    <message>
        <location filename="../../ui/pages/clients/dossier_note_dialog.py" line="+36" />
        <source>New public-information note</source>
        <translation>新增公开信息</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Edit note</source>
        <translation>编辑公开信息</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Where it was read: a site, a paper, a person</source>
        <translation>信息来源：网站、报刊或某人</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note *</source>
        <translation>内容 *</translation>
    </message>
</context>
<context>
    <name>DossierTab</name>
    <message>
        <location filename="../../ui/pages/clients/dossier_tab.py" line="+77" />
        <source>Call</source>
        <translation>拨打电话</translation>
    </message>
    <message>
        <location line="+2" />
        <source>E-mail</source>
        <translation>发邮件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Search the web</source>
        <translation>网页搜索</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Credit registry</source>
        <translation>企业信用公示</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Opens the National Enterprise Credit Information Publicity System; the company name is put on the clipboard to paste in its search box.</source>
        <translation>打开国家企业信用信息公示系统；公司名称已复制到剪贴板，可粘贴到其搜索框。</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Registration facts</source>
        <translation>工商登记信息</translation>
    </message>
    <message>
        <location line="+5" />
        <source>18 characters, e.g. 91440300708461136T</source>
        <translation>18 位，例如 91440300708461136T</translation>
    </message>
    <message>
        <location line="+7" />
        <source>e.g. 5,000,000.00</source>
        <translation>例如 5,000,000.00</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+5" />
        <source>As registered: what the company may do</source>
        <translation>按登记填写：公司的经营范围</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Registered capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Founding date</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Headcount</source>
        <translation>人员规模</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Revenue</source>
        <translation>营收规模</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Business scope</source>
        <translation>经营范围</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Save facts</source>
        <translation>保存登记信息</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Add note…</source>
        <translation>添加信息…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Export dossier notes</source>
        <translation>导出客户雷达记录</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No public information noted yet: news, court rulings, tenders, filings…</source>
        <translation>尚无公开信息：新闻、裁判文书、招投标、年报……</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Public information ({count})</source>
        <translation>公开信息 ({count})</translation>
    </message>
    <message>
        <location line="+24" />
        <source>No phone number: add one to the client or a contact.</source>
        <translation>没有电话号码：请为客户或联系人添加。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No e-mail address: add one to a contact.</source>
        <translation>没有电子邮箱：请为联系人添加。</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+26" />
        <source>No program on this computer opens {url}.</source>
        <translation>本机没有可以打开 {url} 的程序。</translation>
    </message>
    <message>
        <location line="-6" />
        <source>“{name}” is on the clipboard: paste it in the registry's search box.</source>
        <translation>“{name}”已复制到剪贴板，请粘贴到公示系统的搜索框中。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>No code recorded.</source>
        <translation>未填写代码。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>✓ Valid code</source>
        <translation>✓ 代码有效</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{count} of 18 characters</source>
        <translation>已输入 {count}/18 位</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✗ Not a valid code</source>
        <translation>✗ 代码无效</translation>
    </message>
    <message>
        <source>Write an amount such as 5,000,000.00.</source>
        <translation type="vanished">请填写金额，例如 5,000,000.00。</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+40" />
        <location line="+5" />
        <source>Delete note</source>
        <translation>删除公开信息</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Delete this note for good?</source>
        <translation>永久删除这条信息？</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <location filename="../../ui/pages/dashboard/drill.py" line="+96" />
        <source>{count} records. Double-click one to open its client.</source>
        <translation>共 {count} 条记录。双击打开对应客户。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No records behind this value.</source>
        <translation>该数值没有对应记录。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>DrillRowModel</name>
    <message>
        <location line="-73" />
        <location line="+16" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-15" />
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Payment</source>
        <translation>回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Instalment</source>
        <translation>回款计划</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-up</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weekly form</source>
        <translation>周报</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <location filename="../../ui/encryption_ui.py" line="+135" />
        <source>Encrypted database</source>
        <translation>加密数据库</translation>
    </message>
    <message>
        <location line="+260" />
        <source>Unlocking the database…</source>
        <translation>正在解锁数据库…</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Export not encrypted</source>
        <translation>导出文件不加密</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The database is encrypted, but the exported file will not be: anyone who gets the file can read it. Export anyway?</source>
        <translation>数据库已加密，但导出的文件不会加密：任何拿到该文件的人都能读取。仍要导出吗？</translation>
    </message>
</context>
<context>
    <name>EncryptionController</name>
    <message>
        <source>&amp;Encrypt database…</source>
        <translation type="vanished">加密数据库(&amp;E)…</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Change &amp;passphrase…</source>
        <translation>更改口令(&amp;P)…</translation>
    </message>
    <message>
        <source>Remove encr&amp;yption…</source>
        <translation type="vanished">移除加密(&amp;Y)…</translation>
    </message>
    <message>
        <source>New encr&amp;ypted database…</source>
        <translation type="vanished">新建加密数据库(&amp;Y)…</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Encry&amp;pt database…</source>
        <translation>加密数据库(&amp;P)…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Remo&amp;ve encryption…</source>
        <translation>移除加密(&amp;V)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>New encrypted &amp;database…</source>
        <translation>新建加密数据库(&amp;D)…</translation>
    </message>
    <message>
        <location line="+58" />
        <source>Encrypting the database…</source>
        <translation>正在加密数据库…</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Changing the passphrase…</source>
        <translation>正在更改口令…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Remove encryption</source>
        <translation>移除加密</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remove the encryption of {path}?

The database and the backups in its backups folder will be readable without a passphrase by anyone who gets the files.</source>
        <translation>移除 {path} 的加密？

移除后，数据库及其备份文件夹中的备份无需口令即可读取，任何拿到这些文件的人都能看到数据。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Removing the encryption…</source>
        <translation>正在移除加密…</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+7" />
        <source>New encrypted database</source>
        <translation>新建加密数据库</translation>
    </message>
    <message>
        <location line="+75" />
        <source>The database is now encrypted.</source>
        <translation>数据库已加密。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The database is no longer encrypted.</source>
        <translation>数据库已不再加密。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The passphrase was changed.</source>
        <translation>口令已更改。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{count} backups converted with it.</source>
        <translation>同时转换了 {count} 个备份。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{count} backups could not be converted (damaged, or under another passphrase) and were left as they were: {names}</source>
        <translation>{count} 个备份无法转换（已损坏，或使用其他口令），保持原样：{names}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../ui/exporter/tables.py" line="+97" />
        <source>records</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../ui/exporter/actions.py" line="+39" />
        <source>Export clients</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export contacts</source>
        <translation>导出联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export follow-ups</source>
        <translation>导出跟进记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export opportunities</source>
        <translation>导出商机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export contracts</source>
        <translation>导出合同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export payment plans</source>
        <translation>导出回款计划</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export payments</source>
        <translation>导出回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export service records</source>
        <translation>导出服务单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export referrals</source>
        <translation>导出转介绍</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export dossier notes</source>
        <translation>导出客户雷达记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export the attachment list</source>
        <translation>导出附件清单</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Exported {count} rows to {path}.</source>
        <translation>已导出 {count} 行到 {path}。</translation>
    </message>
    <message>
        <location line="+82" />
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <location line="+54" />
        <source>Export the pipeline</source>
        <translation>导出销售漏斗</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Export next steps to a calendar</source>
        <translation>导出下步事务到日历</translation>
    </message>
    <message>
        <location line="+7" />
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 日历文件 (*.ics)</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Exported {count} open next steps to {path}.</source>
        <translation>已导出 {count} 条未完成的下步事务到 {path}。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/exporter/dialog.py" line="+82" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+9" />
        <source>CSV (comma separated)</source>
        <translation>CSV（逗号分隔）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Excel workbook (XLSX)</source>
        <translation>Excel 工作簿（XLSX）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+4" />
        <source>UTF-8 with BOM (Excel opens Chinese correctly)</source>
        <translation>UTF-8 带 BOM（Excel 可正确显示中文）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>UTF-8 without BOM</source>
        <translation>UTF-8 不带 BOM</translation>
    </message>
    <message>
        <location line="+1" />
        <source>GB18030 (Chinese Windows, every character)</source>
        <translation>GB18030（中文 Windows，支持所有字符）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>GBK (older Chinese software)</source>
        <translation>GBK（较旧的中文软件）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+3" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Column headers</source>
        <translation>列标题</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Text that starts like a formula (=, +, -, @) gets a leading apostrophe, so a spreadsheet never runs it; numbers stay numbers.</source>
        <translation>以公式字符（=、+、-、@）开头的文本会加上前导单引号，电子表格不会把它当公式执行；数字仍然是数字。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+46" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Choose the file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This is a folder; add a file name.</source>
        <translation>这是一个文件夹，请加上文件名。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location line="+0" />
        <source>{name} exists. Replace it?</source>
        <translation>{name} 已存在，要替换吗？</translation>
    </message>
</context>
<context>
    <name>FileBanner</name>
    <message>
        <location filename="../../ui/file_status.py" line="-103" />
        <source>This file is damaged: it is open read-only so that nothing more is lost. Restore the latest backup.</source>
        <translation>此文件已损坏：已以只读方式打开，以免丢失更多数据。请恢复最近的备份。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Read-only: this file is open in another window. Changes cannot be saved here.</source>
        <translation>只读：此文件已在另一个窗口中打开，在此处无法保存更改。</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+6" />
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Read-only: this file or its folder cannot be written. You can look at everything, but changes cannot be saved.</source>
        <translation>只读：此文件或其所在文件夹不可写入。您可以查看全部内容，但无法保存更改。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Checking the file for damage… Changes are possible in a moment.</source>
        <translation>正在检查文件是否损坏……稍后即可进行更改。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checking…</source>
        <translation>检查中……</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This file is also open in another window ({owner}). Both can save; refresh (F5) to see the other window's changes.</source>
        <translation>此文件也在另一个窗口中打开（{owner}）。两个窗口都可以保存；刷新（F5）即可看到另一个窗口的更改。</translation>
    </message>
</context>
<context>
    <name>FirstUserDialog</name>
    <message>
        <location filename="../../ui/working_as.py" line="+122" />
        <source>Who is working?</source>
        <translation>谁在使用？</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Tell the CRM who you are. Your goals and weekly forms are kept under your name; you can add your colleagues later in Settings → Team.</source>
        <translation>请告诉系统您是谁。您的目标和周报将记在您的名下；之后可以在“设置 → 团队”中添加同事。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Role</source>
        <translation>职务</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../ui/pages/followups/dialog.py" line="+96" />
        <source>Complete the next step</source>
        <translation>完成下步事务</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Log a follow-up</source>
        <translation>记录跟进</translation>
    </message>
    <message>
        <location line="+94" />
        <source>Completing the next step “{what}” ({plan}, due {due}).</source>
        <translation>正在完成下步事务“{what}”（{plan}，到期 {due}）。</translation>
    </message>
    <message>
        <location line="-31" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+4" />
        <source>What was said, what they need, what you promised</source>
        <translation>谈了什么、客户需要什么、你承诺了什么</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Next step</source>
        <translation>下步事务</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Ctrl+Enter saves · Alt+1 … Alt+7 pick the next-step time</source>
        <translation>Ctrl+Enter 保存 · Alt+1 … Alt+7 选择下步时间</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Client #{id}</source>
        <translation>客户 #{id}</translation>
    </message>
    <message>
        <location line="+13" />
        <source>No opportunity</source>
        <translation>不关联商机</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pick the client first.</source>
        <translation>请先选择客户。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No contacts yet for this client.</source>
        <translation>该客户还没有联系人。</translation>
    </message>
    <message>
        <location line="+41" />
        <source>“{name}” has been deleted: restore it from the trash before logging a follow-up.</source>
        <translation>“{name}”已被删除：请先从回收站恢复，再记录跟进。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This time is already past: pick a later one.</source>
        <translation>该时间已经过去：请选择更晚的时间。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A checked contact has been deleted: uncheck them.</source>
        <translation>勾选的联系人已被删除：请取消勾选。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This next step is already done.</source>
        <translation>该下步事务已完成。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Pick the client: type part of its name and press Enter.</source>
        <translation>请选择客户：输入部分名称后按回车。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Add a salesperson first: follow-ups are logged by a user.</source>
        <translation>请先添加业务员：跟进记录需要记录人。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No summary</source>
        <translation>没有纪要</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save without a summary? What was said is what you will want to read before the next contact.</source>
        <translation>不写纪要就保存吗？下次联系前，你最想看的就是这次谈了什么。</translation>
    </message>
</context>
<context>
    <name>FollowUpTimeline</name>
    <message>
        <location filename="../../ui/pages/followups/timeline.py" line="+116" />
        <source>Planned next steps</source>
        <translation>已计划的下步事务</translation>
    </message>
    <message>
        <location line="+22" />
        <source>{count} older follow-ups are not shown.</source>
        <translation>另有 {count} 条更早的跟进记录未显示。</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Show older follow-ups ({count})</source>
        <translation>显示更早的跟进（{count}）</translation>
    </message>
    <message>
        <location line="+49" />
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location line="+7" />
        <source>With {names}</source>
        <translation>联系人：{names}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Deal: {name}</source>
        <translation>商机：{name}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✓ Completes “{what}”</source>
        <translation>✓ 完成“{what}”</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Attachments ({count})…</source>
        <translation>附件 ({count})…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Attach files…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Next step</source>
        <translation>下步事务</translation>
    </message>
    <message>
        <location line="+16" />
        <source>↑ answered by the follow-up of {when}</source>
        <translation>↑ 已由 {when} 的跟进完成</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Complete…</source>
        <translation>完成…</translation>
    </message>
</context>
<context>
    <name>FollowUpsSection</name>
    <message>
        <location filename="../../ui/pages/clients/followups_section.py" line="+54" />
        <source>Log follow-up…</source>
        <translation>记录跟进…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Log a follow-up with this client ({shortcut})</source>
        <translation>记录与该客户的跟进（{shortcut}）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location line="+8" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next step</source>
        <translation>下步事务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next step due</source>
        <translation>下步到期</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Export follow-ups</source>
        <translation>导出跟进记录</translation>
    </message>
    <message>
        <location line="+33" />
        <source>{count} follow-ups, newest first · open next steps: {open}</source>
        <translation>跟进记录 {count} 条，最新在前 · 待办下步事务：{open}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No follow-ups logged yet: log the first one and set the next step.</source>
        <translation>还没有跟进记录：记录第一次跟进并设定下步事务。</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Follow-up {when}</source>
        <translation>跟进记录 {when}</translation>
    </message>
    <message>
        <source>Follow-ups: {count}, newest first, each with the next step it set.</source>
        <translation type="vanished">跟进记录：{count}条，最新的在前，每条附其设定的下步事务。</translation>
    </message>
    <message>
        <source>No follow-ups logged yet.</source>
        <translation type="vanished">暂无跟进记录。</translation>
    </message>
</context>
<context>
    <name>FormHtml</name>
    <message>
        <location filename="../../ui/pages/weekly/form_html.py" line="+110" />
        <source>Weekly goal form</source>
        <translation>周目标/周报</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{name} · week {week} ({dates}) · {status}</source>
        <translation>{name} · 第 {week} 周（{dates}）· {status}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Submitted {when}</source>
        <translation>提交于 {when}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Supervisor: {name}</source>
        <translation>主管：{name}</translation>
    </message>
    <message>
        <location line="+14" />
        <source>1. Assessment task</source>
        <translation>一、考核任务</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No month or quarter goal holds this week.</source>
        <translation>本周不属于任何月度或季度目标。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To date</source>
        <translation>至今完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gap</source>
        <translation>差额</translation>
    </message>
    <message>
        <location line="+6" />
        <source>2. Collections</source>
        <translation>二、回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last week: planned and received</source>
        <translation>上周计划回款与实际回款</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+35" />
        <location line="+27" />
        <source>(no client)</source>
        <translation>（无客户）</translation>
    </message>
    <message>
        <location line="-54" />
        <location line="+34" />
        <location line="+25" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="-48" />
        <location line="+27" />
        <location line="+25" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-52" />
        <location line="+52" />
        <source>Planned</source>
        <translation>计划回款</translation>
    </message>
    <message>
        <location line="-52" />
        <source>Received</source>
        <translation>实际回款</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nothing planned or received last week.</source>
        <translation>上周没有计划回款，也没有回款。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This week: planned collections</source>
        <translation>本周回款计划</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Instalment due {date}</source>
        <translation>回款计划 {date} 到期</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Added by hand</source>
        <translation>手工添加</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Contract / note</source>
        <translation>合同/备注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To collect</source>
        <translation>待回款</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+6" />
        <source>No collection planned.</source>
        <translation>没有计划回款。</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Planned collections</source>
        <translation>计划回款</translation>
    </message>
    <message>
        <location line="+24" />
        <location line="+39" />
        <location line="+21" />
        <source>Day</source>
        <translation>星期</translation>
    </message>
    <message>
        <location line="-60" />
        <location line="+40" />
        <location line="+21" />
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location line="-56" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+20" />
        <source>3. Work</source>
        <translation>三、工作</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Last week: planned and done ({done} of {total})</source>
        <translation>上周计划工作与完成情况（完成 {done}/{total}）</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+21" />
        <source>Client / goal</source>
        <translation>客户/目标</translation>
    </message>
    <message>
        <location line="-62" />
        <location line="+5" />
        <location line="+37" />
        <location line="+21" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="-222" />
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No summary yet.</source>
        <translation>尚无总结。</translation>
    </message>
    <message>
        <location line="+203" />
        <source>No plan last week.</source>
        <translation>上周没有工作计划。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Planned and done ({done} of {total})</source>
        <translation>计划与完成（完成 {done}/{total}）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No plan.</source>
        <translation>没有工作计划。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This week: plan per day</source>
        <translation>本周计划工作（按天）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No plan yet.</source>
        <translation>尚无工作计划。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>4. Facts of the week</source>
        <translation>四、本周成果</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No annotations.</source>
        <translation>暂无批注。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Not scored yet.</source>
        <translation>尚未评分。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>by {name}, {when}</source>
        <translation>评分人 {name}，{when}</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Criterion</source>
        <translation>评分项</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="-22" />
        <location line="+22" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../ui/fmt.py" line="+58" />
        <source>MMM yy</source>
        <comment>QDate format of a month on a chart axis</comment>
        <translation>yy年M月</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <location filename="../../ui/pages/goals/dialogs.py" line="-151" />
        <source>Edit goal</source>
        <translation>编辑目标</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New sub-goal</source>
        <translation>新建子目标</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New goal</source>
        <translation>新建目标</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Qualitative (judged, not measured)</source>
        <translation>定性目标（凭判断评价，不量化）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>GoalFormDialog</name>
    <message>
        <location line="-54" />
        <source>Saved with warnings:</source>
        <translation>已保存，但有以下提醒：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>GoalTexts</name>
    <message>
        <location filename="../../ui/pages/goals/texts.py" line="+18" />
        <source>Market activity</source>
        <translation>市场活动</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Channel/agent training</source>
        <translation>渠道/代理培训</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Routine work</source>
        <translation>例行工作</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Special communication</source>
        <translation>专项沟通</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+3" />
        <source>On pace</source>
        <translation>进度正常</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Far behind</source>
        <translation>严重落后</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reached</source>
        <translation>已达成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Missed</source>
        <translation>未达成</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Agreed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assigned</source>
        <translation>已下达</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposed</source>
        <translation>已提议</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rate (%)</source>
        <translation>比率（%）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Manual (entered by hand)</source>
        <translation>手工（手动录入实际值）</translation>
    </message>
    <message>
        <location line="+66" />
        <source>Not specific: the goal has no metric, no action and no linked client.</source>
        <translation>不够具体：该目标没有指标、没有行动，也没有关联客户。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not measurable: the goal has no numeric target and is not marked qualitative.</source>
        <translation>不可衡量：该目标没有数字目标，也未标记为定性目标。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not attainable: the target for "{name}" is more than twice the best of the last four comparable periods ({best}).</source>
        <translation>难以达成：“{name}”的目标值超过前四个可比周期最好成绩（{best}）的两倍。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not attainable as growth: the target for "{name}" is below the last comparable period's actual ({last}).</source>
        <translation>不是增长目标：“{name}”的目标值低于上一个可比周期的实际值（{last}）。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Not relevant: a goal below a year should be part of a larger goal.</source>
        <translation>缺少关联：年度以下的目标应属于一个上级目标。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not time-bound: the goal's period is empty.</source>
        <translation>没有时限：该目标的周期为空。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not time-bound: the period ({days} days) is longer than the goal's kind allows.</source>
        <translation>时限不当：周期（{days} 天）超出了该目标类型的长度。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The sub-goals' targets for "{name}" add up to more than this goal's target.</source>
        <translation>子目标中“{name}”的目标值合计超过了本目标的目标值。</translation>
    </message>
</context>
<context>
    <name>GoalsPage</name>
    <message>
        <location filename="../../ui/pages/goals/page.py" line="+105" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location line="+9" />
        <source>New goal…</source>
        <translation>新建目标…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New sub-goal…</source>
        <translation>新建子目标…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+489" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="-488" />
        <source>Add target…</source>
        <translation>添加数字目标…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add action…</source>
        <translation>添加行动目标…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Split target…</source>
        <translation>分解目标…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move…</source>
        <translation>移动…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Link clients…</source>
        <translation>关联客户…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Propose value…</source>
        <translation>提议目标值…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+546" />
        <source>Agree</source>
        <translation>同意</translation>
    </message>
    <message>
        <location line="-545" />
        <location line="+551" />
        <source>Accept proposal</source>
        <translation>接受提议</translation>
    </message>
    <message>
        <location line="-550" />
        <location line="+560" />
        <source>Keep target</source>
        <translation>维持原目标</translation>
    </message>
    <message>
        <location line="-559" />
        <location line="+339" />
        <location line="+226" />
        <location line="+20" />
        <source>Mark done</source>
        <translation>标记为完成</translation>
    </message>
    <message>
        <location line="-584" />
        <source>What does this KPI mean?</source>
        <translation>这个指标是什么意思？</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <location line="+1" />
        <source>On pace</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Export the goals</source>
        <translation>导出目标</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Loading goals…</source>
        <translation>正在加载目标…</translation>
    </message>
    <message>
        <location line="+45" />
        <source>No goal of {name} in {year} yet: start with New goal….</source>
        <translation>{name} 在 {year} 年还没有目标：请点击“新建目标…”开始。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{name} · {year}: {count} goals; progress from the recorded data up to {day}</source>
        <translation>{name} · {year}：共 {count} 个目标；进度按截至 {day} 的实际数据计算</translation>
    </message>
    <message>
        <location line="+14" />
        <source>qualitative</source>
        <translation>定性</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Clients: {names}</source>
        <translation>客户：{names}</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Target: {name}</source>
        <translation>数字目标：{name}</translation>
    </message>
    <message>
        <location line="+40" />
        <source>{action} · done</source>
        <translation>{action} · 已完成</translation>
    </message>
    <message>
        <location line="+78" />
        <source>Mark not done</source>
        <translation>标记为未完成</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Select a goal, target or action to see its details.</source>
        <translation>选择一个目标、数字目标或行动目标查看详情。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Time elapsed: {elapsed}; reached: {reached}</source>
        <translation>时间已过：{elapsed}；已完成：{reached}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Agreement: {state}</source>
        <translation>目标确认：{state}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Proposed {value}: {reason}</source>
        <translation>提议 {value}：{reason}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>declined</source>
        <translation>未采纳</translation>
    </message>
    <message>
        <location line="+1" />
        <source>accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <location line="+6" />
        <source>SMART check: no warning.</source>
        <translation>SMART 检查：没有提醒。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>SMART check:</source>
        <translation>SMART 检查：</translation>
    </message>
    <message>
        <location line="+106" />
        <source>Delete the target "{name}"?</source>
        <translation>删除数字目标“{name}”？</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Delete the action "{name}"?</source>
        <translation>删除行动目标“{name}”？</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Delete the goal "{name}"?</source>
        <translation>删除目标“{name}”？</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Its {count} sub-goals are deleted with it.</source>
        <translation>它的 {count} 个子目标也会一并删除。</translation>
    </message>
    <message>
        <source>No year, quarter or month goal covers today yet.</source>
        <translation type="vanished">还没有覆盖今天的年度、季度或月度目标。</translation>
    </message>
    <message>
        <source>Goals of {name} for the current year, quarter and month</source>
        <translation type="vanished">{name} 本年度、本季度和本月的目标</translation>
    </message>
    <message>
        <source>Team goals for the current year, quarter and month</source>
        <translation type="vanished">团队本年度、本季度和本月的目标</translation>
    </message>
    <message>
        <source>Target: {label}</source>
        <translation type="vanished">数字目标：{label}</translation>
    </message>
    <message>
        <location line="-241" />
        <source>Action: {title}</source>
        <translation>行动目标：{title}</translation>
    </message>
</context>
<context>
    <name>HandbookEntryDialog</name>
    <message>
        <location filename="../../ui/pages/handbook/dialog.py" line="+39" />
        <source>Edit handbook entry</source>
        <translation>编辑手册条目</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New handbook entry</source>
        <translation>新建手册条目</translation>
    </message>
    <message>
        <location line="+11" />
        <source>e.g. How is the conversion rate worked out?</source>
        <translation>例如：转化率是怎么算的？</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+4" />
        <source>(No topic)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scoring rule</source>
        <translation>评分规则</translation>
    </message>
    <message>
        <location line="+1" />
        <source>KPI</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A blank line starts a new paragraph; lines starting with “- ” become a list.</source>
        <translation>空一行开始新段落；以“- ”开头的行显示为列表。</translation>
    </message>
</context>
<context>
    <name>HandbookLinks</name>
    <message>
        <location filename="../../ui/handbook_link.py" line="+62" />
        <source>How this figure is counted and judged</source>
        <translation>这个数字怎么算、怎么评判</translation>
    </message>
</context>
<context>
    <name>HandbookPage</name>
    <message>
        <location filename="../../ui/pages/handbook/page.py" line="+77" />
        <source>Search questions and answers…</source>
        <translation>搜索问题和答案…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Export the handbook's questions</source>
        <translation>导出绩效手册的问题</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Fill with the first edition</source>
        <translation>填入初版手册</translation>
    </message>
    <message>
        <location line="+22" />
        <source>How each KPI and the weekly form are judged, and what each role is judged on.</source>
        <translation>每个关键指标和周报怎么评判，每个岗位考核什么。</translation>
    </message>
    <message>
        <location line="+12" />
        <location line="+167" />
        <source>Handbook</source>
        <translation>绩效手册</translation>
    </message>
    <message>
        <location line="-143" />
        <source>No handbook entry explains “{topic}” yet. Use Add… to write one.</source>
        <translation>手册里还没有解释“{topic}”的条目。可以用“添加…”写一条。</translation>
    </message>
    <message>
        <location line="+39" />
        <source>KPI</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Scoring rule</source>
        <translation>评分规则</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+17" />
        <source>No question or answer contains “{text}”.</source>
        <translation>没有问题或答案包含“{text}”。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The handbook is empty. Add the questions your team asks about how work is judged, or fill it with the first edition: every KPI, the scoring rules and each role.</source>
        <translation>手册是空的。请添加团队关心的考核问题，或填入初版手册：每个关键指标、评分规则和每个岗位的职务说明。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Revised on {date}</source>
        <translation>修订于 {date}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not revised yet</source>
        <translation>尚未修订</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(No answer yet.)</source>
        <translation>（还没有答案。）</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Delete the question “{question}” and its answer?</source>
        <translation>删除问题“{question}”及其答案？</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+6" />
        <source>Delete handbook entry</source>
        <translation>删除手册条目</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Move handbook entry</source>
        <translation>移动手册条目</translation>
    </message>
</context>
<context>
    <name>ImportKinds</name>
    <message>
        <location filename="../../ui/importer/common.py" line="+32" />
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-ups</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Payment plans</source>
        <translation>回款计划</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Payments</source>
        <translation>回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service records</source>
        <translation>服务单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referrals</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dossier notes</source>
        <translation>客户雷达记录</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/importer/wizard.py" line="+42" />
        <location line="+48" />
        <location line="+289" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="-291" />
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+75" />
        <source>1 File</source>
        <translation>1 文件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>2 Columns</source>
        <translation>2 列对应</translation>
    </message>
    <message>
        <location line="+0" />
        <source>3 Check</source>
        <translation>3 检查</translation>
    </message>
    <message>
        <location line="+0" />
        <source>4 Import</source>
        <translation>4 导入</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+9" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="-7" />
        <source>{rows} rows are being written in one go. Cancel leaves the database as it was.</source>
        <translation>正在一次性写入 {rows} 行。取消则数据库保持原样。</translation>
    </message>
    <message>
        <location line="+26" />
        <location line="+66" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="-49" />
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Spreadsheets (*.csv *.txt *.xlsx *.xlsm);;CSV and text (*.csv *.txt);;Excel (*.xlsx *.xlsm);;All files (*)</source>
        <translation>表格文件 (*.csv *.txt *.xlsx *.xlsm);;CSV 和文本 (*.csv *.txt);;Excel (*.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+59" />
        <source>{done} of {total} rows written. Cancel leaves the database as it was.</source>
        <translation>已写入 {done} / {total} 行。取消则数据库保持原样。</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Nothing was imported</source>
        <translation>未导入任何数据</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nothing was imported: the database is as it was before.</source>
        <translation>未导入任何数据：数据库与之前完全相同。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reading the file was cancelled.</source>
        <translation>已取消读取文件。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The check was cancelled.</source>
        <translation>已取消检查。</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Import complete</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{kind}: {created} created, {updated} updated, {skipped} skipped.</source>
        <translation>{kind}：新建 {created} 条，更新 {updated} 条，跳过 {skipped} 条。</translation>
    </message>
</context>
<context>
    <name>InstalmentTableModel</name>
    <message>
        <location filename="../../ui/pages/today/models.py" line="+203" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remaining</source>
        <translation>未回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+9" />
        <source>{days} overdue</source>
        <translation>已逾期 {days}</translation>
    </message>
    <message>
        <location line="-8" />
        <location line="+10" />
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location line="-9" />
        <location line="+10" />
        <source>In {days}</source>
        <translation>{days}后到期</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <location filename="../../ui/pages/dashboard/cards.py" line="+51" />
        <source>MoM</source>
        <translation>环比</translation>
    </message>
    <message>
        <location line="+2" />
        <source>YoY</source>
        <translation>同比</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Previous period: {value}</source>
        <translation>上期：{value}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A year earlier: {value}</source>
        <translation>去年同期：{value}</translation>
    </message>
</context>
<context>
    <name>KpiNames</name>
    <message>
        <location filename="../../ui/pages/weekly/kpi_names.py" line="+8" />
        <source>New clients</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First signings</source>
        <translation>首次签约</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Conversion rate</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Repeat rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First-order average value</source>
        <translation>首次客单价</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-up cycle (mean days)</source>
        <translation>跟单周期（平均天数）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-up cycle (median days)</source>
        <translation>跟单周期（中位天数）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-ups per signed client</source>
        <translation>跟单次数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed amount</source>
        <translation>签约额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Collected amount</source>
        <translation>回款额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Planned collection</source>
        <translation>计划回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Calls</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+1" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mails</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-ups in total</source>
        <translation>跟进总数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Call minutes</source>
        <translation>通话分钟</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New opportunity value</source>
        <translation>新增商机金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Won</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Won amount</source>
        <translation>成功金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lost</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lost amount</source>
        <translation>失败金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Behaviour score</source>
        <translation>月度周行为分</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaints opened</source>
        <translation>新增投诉</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaints resolved</source>
        <translation>已解决投诉</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mean resolution days</source>
        <translation>平均解决天数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referrals</source>
        <translation>转介绍客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referral conversion</source>
        <translation>转介绍转化率</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="+14" />
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Customer</source>
        <translation>成交客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dormant</source>
        <translation>休眠</translation>
    </message>
    <message>
        <location line="+63" />
        <source>Lost</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="-59" />
        <source>Valuable</source>
        <translation>有价值</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Churned</source>
        <translation>流失</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not valuable</source>
        <translation>无价值</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A · Big deal</source>
        <translation>A · 大单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>B · Normal</source>
        <translation>B · 正常</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C · Small deal</source>
        <translation>C · 小单</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Approver</source>
        <translation>批准者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decision maker</source>
        <translation>决策者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Evaluator</source>
        <translation>评估者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Coach</source>
        <translation>保荐者</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Close ally</source>
        <translation>良友</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supporter</source>
        <translation>支持者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Neutral</source>
        <translation>中立</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opponent</source>
        <translation>反对者</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+77" />
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="-76" />
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+73" />
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="-70" />
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+1" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Keep in touch</source>
        <translation>保持联络</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Improve relationship</source>
        <translation>增进关系</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cultivate demand</source>
        <translation>培养需求</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dig opportunity</source>
        <translation>挖掘机会</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Beat a competitor</source>
        <translation>打击竞品</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign &amp; collect</source>
        <translation>签约回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Greeting</source>
        <translation>普通问候</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Later today</source>
        <translation>今天稍后</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tonight</source>
        <translation>今晚</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This week</source>
        <translation>本周内</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next week</source>
        <translation>下周</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next month</source>
        <translation>下月</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Exact time</source>
        <translation>指定时间</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Initial contact</source>
        <translation>初步接触</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Needs analysis</source>
        <translation>需求分析</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposal</source>
        <translation>方案报价</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Negotiation</source>
        <translation>商务谈判</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Won</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Paid</source>
        <translation>已回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Partly paid</source>
        <translation>部分回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Multiple choice</source>
        <translation>多选</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Installation</source>
        <translation>安装</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Maintenance</source>
        <translation>维修保养</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirmed by the client</source>
        <translation>客户已确认</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Under 20 staff</source>
        <translation>20 人以下</translation>
    </message>
    <message>
        <location line="+1" />
        <source>20–99 staff</source>
        <translation>20–99 人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>100–299 staff</source>
        <translation>100–299 人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>300–999 staff</source>
        <translation>300–999 人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>1,000 staff or more</source>
        <translation>1000 人及以上</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Under 5 million a year</source>
        <translation>年营收 500 万以下</translation>
    </message>
    <message>
        <location line="+1" />
        <source>5–50 million a year</source>
        <translation>年营收 500 万–5000 万</translation>
    </message>
    <message>
        <location line="+1" />
        <source>50–200 million a year</source>
        <translation>年营收 5000 万–2 亿</translation>
    </message>
    <message>
        <location line="+1" />
        <source>200 million – 1 billion a year</source>
        <translation>年营收 2 亿–10 亿</translation>
    </message>
    <message>
        <location line="+1" />
        <source>1 billion a year or more</source>
        <translation>年营收 10 亿及以上</translation>
    </message>
</context>
<context>
    <name>LinkClientsDialog</name>
    <message>
        <location filename="../../ui/pages/goals/dialogs.py" line="+279" />
        <source>Linked clients</source>
        <translation>关联客户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clients</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sales CRM</source>
        <translation type="vanished">销售客户管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="+114" />
        <location line="+24" />
        <location line="+314" />
        <source>Desktop CRM</source>
        <translation>销售客户管理</translation>
    </message>
    <message>
        <location line="-310" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Connect to team database…</source>
        <translation>连接团队数据库(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Backup…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Import &amp;template…</source>
        <translation>导入模板(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Clients…</source>
        <translation>客户(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;ontacts…</source>
        <translation>联系人(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Follow-ups…</source>
        <translation>跟进记录(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>O&amp;pportunities…</source>
        <translation>商机(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Con&amp;tracts…</source>
        <translation>合同(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Payment p&amp;lans…</source>
        <translation>回款计划(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Payments…</source>
        <translation>回款(&amp;Y)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Service records…</source>
        <translation>服务单(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Referrals…</source>
        <translation>转介绍(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Dossier notes…</source>
        <translation>客户雷达记录(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Attachment list…</source>
        <translation>附件清单(&amp;A)…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Next steps to a calendar (.ics)…</source>
        <translation>下步事务到日历 (.ics)(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Performance &amp;handbook</source>
        <translation>绩效手册(&amp;H)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>New &amp;client…</source>
        <translation>新建客户(&amp;C)…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Log &amp;follow-up…</source>
        <translation>记录跟进(&amp;F)…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Open the next step due</source>
        <translation>打开到期的下步事务</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database file and its backups are encrypted: they open only with the passphrase.</source>
        <translation>数据库文件及其备份已加密：只有输入口令才能打开。</translation>
    </message>
    <message>
        <location line="+162" />
        <source>Team database: {url}</source>
        <translation>团队数据库：{url}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Desktop CRM — {database}</source>
        <translation>销售客户管理 — {database}</translation>
    </message>
    <message>
        <source>Sales CRM — {database}</source>
        <translation type="vanished">销售客户管理 — {database}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{count} clients</source>
        <translation>{count} 个客户</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Schema v{version}</source>
        <translation>数据结构 v{version}</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="vanished">无法打开数据库</translation>
    </message>
    <message>
        <location line="+64" />
        <source>{title} ({count})</source>
        <translation>{title}（{count}）</translation>
    </message>
    <message>
        <location line="+85" />
        <location line="+6" />
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path} already exists. Use Open database to open it.</source>
        <translation>{path} 已存在。请用“打开数据库”打开它。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location line="+62" />
        <source>Cannot undo</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <source>About Sales CRM</source>
        <translation type="vanished">关于销售客户管理</translation>
    </message>
    <message>
        <source>Sales CRM: an offline CRM for B2B salespeople.
Every record lives in one local SQLite file that you can back up and move.</source>
        <translation type="vanished">销售客户管理：为 B2B 业务员打造的离线 CRM。
所有记录都保存在一个本地 SQLite 文件中，可以随时备份和迁移。</translation>
    </message>
    <message>
        <source>The performance handbook is empty.</source>
        <translation type="vanished">绩效手册还是空的。</translation>
    </message>
    <message>
        <source>Performance handbook</source>
        <translation type="vanished">绩效手册</translation>
    </message>
</context>
<context>
    <name>MappingStep</name>
    <message>
        <location filename="../../ui/importer/mapping_step.py" line="+60" />
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sample values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Import into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <location line="+28" />
        <source>(column {number})</source>
        <translation>（第 {number} 列）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{field} (required)</source>
        <translation>{field}（必填）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Choose the field each column of the file goes into. Columns set to "Do not import" are left out. Your choices are remembered for files with the same headers.</source>
        <translation>为文件的每一列选择要导入的字段。设为“不导入”的列将被忽略。您的选择会被记住，用于表头相同的文件。</translation>
    </message>
    <message>
        <source>Choose the field each column of the file goes into. Columns set to “Do not import” are left out. Your choices are remembered for files with the same headers.</source>
        <translation type="vanished">为文件的每一列选择要导入的字段。设为“不导入”的列将被忽略。您的选择会被记住，用于表头相同的文件。</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Required fields not mapped yet: {fields}.</source>
        <translation>尚未对应的必填字段：{fields}。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Several columns go into the same field: {fields}. Choose one column for each.</source>
        <translation>多列对应到了同一字段：{fields}。每个字段只能选一列。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No column is imported yet.</source>
        <translation>还没有要导入的列。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>{count} of {total} columns will be imported.</source>
        <translation>将导入 {total} 列中的 {count} 列。</translation>
    </message>
</context>
<context>
    <name>MilestoneList</name>
    <message>
        <location filename="../../ui/pages/clients/editor_milestones.py" line="+67" />
        <source>Milestone</source>
        <translation>节点</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No milestones yet.</source>
        <translation>还没有关键节点。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Add milestone</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Remove this milestone</source>
        <translation>删除此节点</translation>
    </message>
    <message>
        <location line="+2" />
        <source>e.g. Technical evaluation passed</source>
        <translation>例如：技术评估通过</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../../ui/inputs.py" line="+195" />
        <source>Enter an amount of 0 or more.</source>
        <translation>请输入不小于 0 的金额。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Use at most 2 decimals (cents).</source>
        <translation>最多保留 2 位小数（到分）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This amount is implausibly large; check the digits.</source>
        <translation>金额大得不合常理，请检查位数。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enter an amount, e.g. {example}.</source>
        <translation>请输入金额，例如 {example}。</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../ui/pages/goals/dialogs.py" line="+110" />
        <source>Move goal</source>
        <translation>移动目标</translation>
    </message>
    <message>
        <location line="+3" />
        <source>(no parent: a top goal)</source>
        <translation>（无上级：作为顶层目标）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New parent</source>
        <translation>新的上级目标</translation>
    </message>
</context>
<context>
    <name>MultiSelectButton</name>
    <message>
        <location filename="../../ui/pages/clients/filter_panel.py" line="-105" />
        <source>{title}: {count}</source>
        <translation>{title}：{count}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{title}: any</source>
        <translation>{title}：全部</translation>
    </message>
</context>
<context>
    <name>NeglectedTableModel</name>
    <message>
        <location filename="../../ui/pages/today/models.py" line="-55" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grade</source>
        <translation>定级</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+6" />
        <location line="+8" />
        <source>Never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <location line="-12" />
        <location line="+12" />
        <source>{days} ago</source>
        <translation>{days}前</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Limit</source>
        <translation>上限</translation>
    </message>
</context>
<context>
    <name>NextStepBox</name>
    <message>
        <location filename="../../ui/pages/followups/next_step.py" line="+78" />
        <source>Alt+{number}</source>
        <translation>Alt+{number}</translation>
    </message>
    <message>
        <location line="+27" />
        <source>What to do, e.g. send the quote</source>
        <translation>要做什么，例如：发送报价单</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Exact:</source>
        <translation>指定：</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Plan</source>
        <translation>计划类型</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Title</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+46" />
        <source>ddd d MMM, HH:mm</source>
        <comment>QDateTime format of a next step's due time</comment>
        <translation>M月d日 ddd HH:mm</translation>
    </message>
</context>
<context>
    <name>OpenFlow</name>
    <message>
        <location filename="../../ui/file_status.py" line="-129" />
        <source>Open elsewhere</source>
        <translation>已在别处打开</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{path} is already open in another window ({owner}).

Open it read-only here, or open it anyway? Both windows can save; each sees the other's changes after a refresh.</source>
        <translation>{path} 已在另一个窗口中打开（{owner}）。

在此以只读方式打开，还是仍然打开？两个窗口都可以保存；刷新后可看到对方的更改。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open anyway</source>
        <translation>仍然打开</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+43" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-30" />
        <source>Empty file</source>
        <translation>空文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path} is empty (0 bytes).

Start a new, empty database in this file?</source>
        <translation>{path} 是空文件（0 字节）。

要在此文件中新建一个空数据库吗？</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+23" />
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location line="-7" />
        <source>The latest backup is from {when}. Restore it? The damaged file is kept.</source>
        <translation>最近的备份时间为 {when}。要恢复它吗？损坏的文件会被保留。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open another file…</source>
        <translation>打开其他文件……</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
</context>
<context>
    <name>OpportunitiesSection</name>
    <message>
        <location filename="../../ui/pages/clients/deals_section.py" line="-288" />
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stakeholders</source>
        <translation>关系人</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Show this deal's power map</source>
        <translation>查看该商机的权力地图</translation>
    </message>
    <message>
        <location line="-4" />
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close won/lost…</source>
        <translation>赢单/输单…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Create contract…</source>
        <translation>创建合同…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Log follow-up…</source>
        <translation>记录跟进…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Export opportunities</source>
        <translation>导出商机</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Opportunities: {count} · open pipeline: {amount}</source>
        <translation>商机：{count} · 进行中金额：{amount}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No opportunities yet.</source>
        <translation>暂无商机。</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <location filename="../../ui/pages/deals/opportunity_dialog.py" line="+55" />
        <source>New opportunity</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Edit opportunity</source>
        <translation>编辑商机</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Type to search clients…</source>
        <translation>输入以搜索客户…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Name</source>
        <translation>商机名称</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Stage / probability</source>
        <translation>阶段 / 赢率</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Expected amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(client's owner)</source>
        <translation>（客户负责人）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stakeholder</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Role in this deal</source>
        <translation>在此商机中的角色</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Stakeholders</source>
        <translation>关键人</translation>
    </message>
    <message>
        <location line="+52" />
        <source>— not in this deal —</source>
        <translation>— 不参与此商机 —</translation>
    </message>
    <message>
        <location line="+58" />
        <source>Enter the opportunity's name.</source>
        <translation>请输入商机名称。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose the client this opportunity belongs to.</source>
        <translation>请选择此商机所属的客户。</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../ui/pages/clients/editor_inputs.py" line="+64" />
        <source>Set a date</source>
        <translation>设置日期</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ui/encryption_ui.py" line="-490" />
        <source>Encrypted database</source>
        <translation>加密数据库</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Encrypt database</source>
        <translation>加密数据库</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+87" />
        <source>Change passphrase</source>
        <translation>更改口令</translation>
    </message>
    <message>
        <location line="-86" />
        <source>New encrypted database</source>
        <translation>新建加密数据库</translation>
    </message>
    <message>
        <source>{name} is encrypted. Enter its passphrase to open it.</source>
        <translation type="vanished">{name} 已加密。请输入口令以打开。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{name} is encrypted (or is not a database file). Enter its passphrase to open it.</source>
        <translation>{name} 已加密（或不是数据库文件）。请输入口令以打开。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Encrypt {name} with a passphrase: without it, nobody can read the file.</source>
        <translation>用口令加密 {name}：没有口令，任何人都无法读取该文件。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change the passphrase of {name}.</source>
        <translation>更改 {name} 的口令。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The new database {name} will be encrypted with this passphrase.</source>
        <translation>新数据库 {name} 将用此口令加密。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Current passphrase:</source>
        <translation>当前口令：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New passphrase:</source>
        <translation>新口令：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Repeat:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location line="+4" />
        <source>At least {minimum} characters, without a space at the start or end. A long sentence is easier to remember and harder to guess.</source>
        <translation>至少 {minimum} 个字符，开头和结尾不能有空格。一句较长的话更容易记住，也更难被猜到。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The backups in the backups folder are encrypted too. Exported files and the attached documents' files stay as they are, not encrypted.</source>
        <translation>备份文件夹中的备份也会一并加密。导出的文件和附件文件保持原样，不加密。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>A forgotten passphrase cannot be recovered: keep it safe, without it the data is lost.</source>
        <translation>忘记的口令无法找回：请妥善保管，没有口令数据将无法读取。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Remember in the system keychain</source>
        <translation>在系统钥匙串中记住</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+105" />
        <source>Checking the passphrase…</source>
        <translation>正在验证口令…</translation>
    </message>
    <message>
        <location line="-92" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Encrypt</source>
        <translation>加密</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+84" />
        <source>Preparing the encrypted database…</source>
        <translation>正在准备加密数据库…</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/pages/deals/payment_dialog.py" line="+34" />
        <source>Record payment</source>
        <translation>登记回款</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{client} · {title} · contract amount {amount}</source>
        <translation>{client} · {title} · 合同金额 {amount}</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Not linked (pays the earliest instalments first)</source>
        <translation>不指定期次（先冲抵最早的期次）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>#{seq} due {date}: {amount}, {rest} still owed</source>
        <translation>第 {seq} 期 {date} 到期：{amount}，未收 {rest}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Instalment</source>
        <translation>期次</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Still owed</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Amount received</source>
        <translation>回款金额</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Received on</source>
        <translation>回款日期</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cheque</source>
        <translation>支票</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Bank acceptance bill</source>
        <translation>银行承兑汇票</translation>
    </message>
    <message>
        <location line="+1" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Nothing is owed on this contract</source>
        <translation>本合同已无欠款</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{amount} on this contract</source>
        <translation>本合同尚欠 {amount}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{amount} on the next instalment #{seq} ({total} on the contract)</source>
        <translation>下一期（第 {seq} 期）尚欠 {amount}（合同尚欠 {total}）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{amount} on this instalment ({total} on the contract)</source>
        <translation>本期尚欠 {amount}（合同尚欠 {total}）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Enter the amount received.</source>
        <translation>请输入回款金额。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Record an overpayment?</source>
        <translation>登记超额回款？</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{amount} is more than the {owed} still owed. Record it anyway? The excess shows as overpaid on the contract.</source>
        <translation>{amount} 超过尚欠的 {owed}。仍要登记吗？超出部分将在合同上显示为多收。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Not saved: the amount is more than what is still owed ({owed}).</source>
        <translation>未保存：金额超过尚欠金额（{owed}）。</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Record payment {amount}</source>
        <translation>记录回款 {amount}</translation>
    </message>
</context>
<context>
    <name>PaymentPlanDialog</name>
    <message>
        <location filename="../../ui/pages/deals/plan_dialog.py" line="+51" />
        <source>Payment plan</source>
        <translation>回款计划</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{title} · contract amount {amount}</source>
        <translation>{title} · 合同金额 {amount}</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Split evenly</source>
        <translation>平均拆分</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Instalments</source>
        <translation>期数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>monthly from</source>
        <translation>按月，首期</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Due date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Add instalment</source>
        <translation>添加一期</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location line="+61" />
        <source>Planned {total} of {amount}</source>
        <translation>已计划 {total} / {amount}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{excess} too much</source>
        <translation>超出 {excess}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{rest} not planned</source>
        <translation>尚有 {rest} 未计划</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Two instalments are due on the same day; change a date or merge them.</source>
        <translation>两期的计划日期相同：请修改日期或合并。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The plan totals more than the contract amount.</source>
        <translation>回款计划总额超过合同金额。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Every instalment needs an amount.</source>
        <translation>每一期都需要金额。</translation>
    </message>
</context>
<context>
    <name>PersonSummaryModel</name>
    <message>
        <location filename="../../ui/pages/dashboard/summary.py" line="+65" />
        <source>Calls</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Won</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lost</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New opp. value</source>
        <translation>新增商机金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Behaviour score</source>
        <translation>行为分</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Flag</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Busy, not converting</source>
        <translation>忙而不转化</translation>
    </message>
    <message>
        <location line="+21" />
        <source>More follow-ups than the team median, but conversion and signed amount below it: coach on value, not on more calls.</source>
        <translation>跟进次数高于团队中位数，但转化率和签约额低于中位数：应辅导其创造价值，而不是增加拜访次数。</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/working_as.py" line="-55" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
</context>
<context>
    <name>PipelineCardModel</name>
    <message>
        <location filename="../../ui/pages/pipeline/models.py" line="+48" />
        <source>Drag to another stage to move it (Ctrl+Shift+Right/Left)</source>
        <translation>拖到其他阶段即可移动（Ctrl+Shift+→/←）</translation>
    </message>
</context>
<context>
    <name>PipelinePage</name>
    <message>
        <location filename="../../ui/pages/pipeline/page.py" line="+79" />
        <source>Open opportunities</source>
        <translation>进行中的商机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open amount</source>
        <translation>进行中金额</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+286" />
        <source>Weighted amount</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <location line="-284" />
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location line="+30" />
        <location line="+253" />
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <location line="-253" />
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Period</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <location line="+6" />
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+230" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="-227" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+3" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Every open opportunity the board counts, with its filter</source>
        <translation>看板按当前筛选统计的全部进行中商机</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Me ({name})</source>
        <translation>我（{name}）</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Loading the pipeline…</source>
        <translation>正在加载销售漏斗…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The pipeline could not be loaded: {error}</source>
        <translation>无法加载销售漏斗：{error}</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Won ({count})</source>
        <translation>赢单（{count}）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Lost ({count})</source>
        <translation>输单（{count}）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Open opportunities per stage; weighted = amount × probability. Won/lost: closed in the period.</source>
        <translation>各阶段进行中的商机；加权金额 = 金额 × 赢率。赢单/输单：期间内关闭的商机。</translation>
    </message>
    <message>
        <location line="+44" />
        <source>Cannot move the opportunity</source>
        <translation>无法移动商机</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Move {name} to {stage}</source>
        <translation>将 {name} 移到 {stage}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Move {count} opportunities to {stage}</source>
        <translation>将 {count} 个商机移到 {stage}</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move to</source>
        <translation>移至</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Close as won…</source>
        <translation>关闭为赢单…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close as lost…</source>
        <translation>关闭为输单…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Log follow-up…</source>
        <translation>记录跟进…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open client</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Expected amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Probability (%)</source>
        <translation>赢率（%）</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation type="vanished">成功金额</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation type="vanished">商机数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="vanished">金额</translation>
    </message>
    <message>
        <location line="-200" />
        <source>Pipeline</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Expected amounts per stage; weighted by each opportunity's probability</source>
        <translation type="vanished">各阶段的预计金额；加权金额按每个商机的成功概率计算</translation>
    </message>
</context>
<context>
    <name>PlanItemDialog</name>
    <message>
        <location filename="../../ui/pages/weekly/dialogs.py" line="+23" />
        <source>Plan work</source>
        <translation>计划工作</translation>
    </message>
    <message>
        <location line="+8" />
        <source>e.g. Visit the buyer with the revised quote</source>
        <translation>例如：带修改后的报价拜访采购</translation>
    </message>
    <message>
        <location line="+1" />
        <source>(no client)</source>
        <translation>（无客户）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>(no event goal)</source>
        <translation>（无事件目标）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Day</source>
        <translation>星期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Event goal</source>
        <translation>事件目标</translation>
    </message>
</context>
<context>
    <name>PreviewStep</name>
    <message>
        <location filename="../../ui/importer/preview_step.py" line="+51" />
        <source>Duplicates:</source>
        <translation>重复记录：</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A row with the same name or phone as an earlier row or a record already in the database</source>
        <translation>与前面某行或数据库中已有记录名称或电话相同的行</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Update the existing record</source>
        <translation>更新已有记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Create them anyway</source>
        <translation>仍然新建</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Only rows with problems</source>
        <translation>只看有问题的行</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Create: &lt;b&gt;{count}&lt;/b&gt;</source>
        <translation>新建：&lt;b&gt;{count}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Update: &lt;b&gt;{count}&lt;/b&gt;</source>
        <translation>更新：&lt;b&gt;{count}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skip: &lt;b&gt;{count}&lt;/b&gt;</source>
        <translation>跳过：&lt;b&gt;{count}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Errors: &lt;b&gt;{count}&lt;/b&gt;</source>
        <translation>错误：&lt;b&gt;{count}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Every row is valid. Import writes them all in one go; nothing is written before.</source>
        <translation>每一行都有效。导入会一次性全部写入；在此之前不会写入任何数据。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Rows with errors cannot be imported. Correct the file and choose it again, or change the columns. Nothing is imported until every row is valid.</source>
        <translation>有错误的行无法导入。请修改文件后重新选择，或调整列对应。所有行都有效之前不会导入任何数据。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Row {row}, column "{column}": {message}</source>
        <translation>第 {row} 行，“{column}”列：{message}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Column "{column}": {message}</source>
        <translation>“{column}”列：{message}</translation>
    </message>
    <message>
        <location line="+26" />
        <source>More problems are not listed: tick "Only rows with problems" to see every one.</source>
        <translation>还有更多问题未列出：勾选“只看有问题的行”即可查看全部。</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}”: {message}</source>
        <translation type="vanished">第 {row} 行，“{column}”列：{message}</translation>
    </message>
    <message>
        <location line="-28" />
        <source>Row {row}: {message}</source>
        <translation>第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>Column “{column}”: {message}</source>
        <translation type="vanished">“{column}”列：{message}</translation>
    </message>
    <message>
        <source>More problems are not listed: tick “Only rows with problems” to see every one.</source>
        <translation type="vanished">还有更多问题未列出：勾选“只看有问题的行”即可查看全部。</translation>
    </message>
</context>
<context>
    <name>PreviewTableModel</name>
    <message>
        <location filename="../../ui/importer/preview_model.py" line="+91" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Repeats row {row} of the file</source>
        <translation>与文件第 {row} 行重复</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Create</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../ui/prompts.py" line="+48" />
        <source>CRM database (*.sqlite3 *.db);;All files (*)</source>
        <translation>CRM 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <location filename="../../ui/pages/goals/dialogs.py" line="-39" />
        <source>Propose a value</source>
        <translation>提议目标值</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Assigned</source>
        <translation>下达的目标</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your value</source>
        <translation>你的提议</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../ui/pages/clients/referrals_dialog.py" line="+46" />
        <source>Referral of {client}</source>
        <translation>{client} 的转介绍</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nobody chosen yet</source>
        <translation>尚未选择介绍人</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Type part of a client's or a contact's name</source>
        <translation>输入客户或联系人姓名的一部分</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Referred by *</source>
        <translation>介绍人 *</translation>
    </message>
    <message>
        <location line="+2" />
        <source>e.g. a shopping card, a free training day</source>
        <translation>例如：购物卡、一天免费培训</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reward promised</source>
        <translation>许诺的奖励</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+5" />
        <source>Optional amount</source>
        <translation>金额（可选）</translation>
    </message>
    <message>
        <location line="-4" />
        <source>Amount promised</source>
        <translation>许诺金额</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reward given</source>
        <translation>已给奖励</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Amount given</source>
        <translation>已给金额</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Given on</source>
        <translation>给予日期</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation type="vanished">金额不能为负数。</translation>
    </message>
    <message>
        <source>Use at most two decimals.</source>
        <translation type="vanished">最多两位小数。</translation>
    </message>
    <message>
        <source>This amount is implausibly large.</source>
        <translation type="vanished">金额大得不合常理。</translation>
    </message>
    <message>
        <source>Write an amount such as 1,200.50.</source>
        <translation type="vanished">请填写金额，例如 1,200.50。</translation>
    </message>
</context>
<context>
    <name>ReferralsSection</name>
    <message>
        <location filename="../../ui/pages/clients/referrals_section.py" line="+45" />
        <location line="+95" />
        <source>Set referrer…</source>
        <translation>设置介绍人…</translation>
    </message>
    <message>
        <location line="-92" />
        <location line="+125" />
        <location line="+5" />
        <source>Remove referrer</source>
        <translation>移除介绍人</translation>
    </message>
    <message>
        <location line="-120" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referred by</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First contract</source>
        <translation>首份合同</translation>
    </message>
    <message>
        <location line="+0" />
        <source>not yet</source>
        <translation>尚未签约</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reward promised</source>
        <translation>许诺的奖励</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reward given</source>
        <translation>已给奖励</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Export referrals</source>
        <translation>导出转介绍</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This client has not referred anybody yet.</source>
        <translation>该客户尚未介绍过其他客户。</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Clients brought by {client}: {count}, {signed} signed</source>
        <translation>{client} 介绍的客户：{count} 家，已签约 {signed} 家</translation>
    </message>
    <message>
        <location line="+22" />
        <source>the client itself</source>
        <translation>客户本身</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Nobody is recorded as having referred this client.</source>
        <translation>未记录该客户的介绍人。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Edit referral…</source>
        <translation>编辑转介绍…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Referred by {referrer}</source>
        <translation>介绍人：{referrer}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Reward promised: {reward}</source>
        <translation>许诺的奖励：{reward}</translation>
    </message>
    <message>
        <location line="+0" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Reward given: {reward}</source>
        <translation>已给奖励：{reward}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Reward given: not yet</source>
        <translation>已给奖励：尚未给予</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Forget that {referrer} referred {client}?</source>
        <translation>不再记录 {referrer} 介绍了 {client}？</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <location filename="../../ui/reminders.py" line="+187" />
        <source>{time} · {client}: {title}</source>
        <translation>{time} · {client}：{title}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>… and {count} more</source>
        <translation>… 另有 {count} 项</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Next step due at {time}</source>
        <translation>下步事务将于 {time} 到期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{count} next steps coming due</source>
        <translation>{count} 项下步事务即将到期</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Due {time}: {step} — {client}</source>
        <translation>{time} 到期：{step} — {client}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{reminder} (+{count} more)</source>
        <translation>{reminder}（另有 {count} 项）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Click to open the step on Today.</source>
        <translation>点击在“今天”页打开这项下步事务。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Desktop CRM</source>
        <translation>销售客户管理</translation>
    </message>
    <message>
        <source>Sales CRM</source>
        <translation type="vanished">销售客户管理</translation>
    </message>
</context>
<context>
    <name>ReminderSettingsSection</name>
    <message>
        <location filename="../../ui/pages/settings_reminders.py" line="+33" />
        <source>Today and reminders</source>
        <translation>今日待办与提醒</translation>
    </message>
    <message>
        <location line="+10" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Neglected after (grade {grade})</source>
        <translation>久未联系（{grade}）超过</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remind me of next steps coming due</source>
        <translation>下步事务到期前提醒我</translation>
    </message>
    <message>
        <location line="+6" />
        <source> min before</source>
        <translation> 分钟前</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remind</source>
        <translation>提醒时间</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Saved. The Today page uses the new limits.</source>
        <translation>已保存，“今天”页面按新的天数显示。</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <location filename="../../ui/pages/today/dialogs.py" line="+47" />
        <source>Reschedule next step</source>
        <translation>下步事务改期</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Next step</source>
        <translation>下步事务</translation>
    </message>
    <message>
        <location line="+4" />
        <source>New due time</source>
        <translation>新的到期时间</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/backup_dialogs.py" line="+42" />
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Choose the backup to restore. It is checked before it replaces anything, and the current database is kept as a backup first.</source>
        <translation>请选择要恢复的备份。替换任何内容之前都会先校验它，并且当前数据库会先保存为一份备份。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>No backups of this database yet: choose a file with “Other file…”.</source>
        <translation>该数据库还没有备份：请用“其他文件…”选择一个文件。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CRM database (*.sqlite3 *.db);;All files (*)</source>
        <translation>CRM 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/pages/weekly/dialogs.py" line="+106" />
        <source>Return for revision</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReviewPack</name>
    <message>
        <location filename="../../ui/pages/dashboard/review_pack.py" line="+67" />
        <source>Whole team</source>
        <translation>全团队</translation>
    </message>
    <message>
        <location line="+2" />
        <source>One salesperson</source>
        <translation>一名业务员</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Changes against the previous period (MoM) and a year earlier (YoY).</source>
        <translation>与上期（环比）和去年同期（同比）的变化。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Per salesperson</source>
        <translation>人员汇总</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weekly forms of the period</source>
        <translation>本期周报</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No weekly form was handed in for this period.</source>
        <translation>本期没有提交的周报。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>KPI</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previous</source>
        <translation>上期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MoM</source>
        <translation>环比</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A year earlier</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>YoY</source>
        <translation>同比</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nobody to summarise.</source>
        <translation>没有可汇总的人员。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Review pack</source>
        <translation>评审报告</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Review pack · page {page} of {pages}</source>
        <translation>评审报告 · 第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Review pack: {who}, {period}</source>
        <translation>评审报告：{who}，{period}</translation>
    </message>
</context>
<context>
    <name>RoleStanceMatrixModel</name>
    <message>
        <location filename="../../ui/pages/clients/matrix.py" line="+74" />
        <source>No role</source>
        <translation>无角色</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Export the role × stance matrix</source>
        <translation>导出角色 × 立场矩阵</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>SavedViewsBar</name>
    <message>
        <location filename="../../ui/pages/clients/saved_views.py" line="+60" />
        <source>Saved view</source>
        <translation>已保存的视图</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Save current view…</source>
        <translation>保存当前视图…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rename view…</source>
        <translation>重命名视图…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+60" />
        <location line="+5" />
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <location line="-56" />
        <source>All clients</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <location line="+22" />
        <location line="+6" />
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <location line="-6" />
        <source>Name of the view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <location line="+14" />
        <location line="+6" />
        <source>Rename view</source>
        <translation>重命名视图</translation>
    </message>
    <message>
        <location line="-6" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Delete the saved view “{name}”?</source>
        <translation>删除已保存的视图“{name}”？</translation>
    </message>
</context>
<context>
    <name>ScheduleRulesSection</name>
    <message>
        <location filename="../../ui/pages/settings_schedule.py" line="+53" />
        <source>Next-step times</source>
        <translation>下步事务时间</translation>
    </message>
    <message>
        <location line="+7" />
        <source>When a fuzzy next-step time falls due. The preview shows each one from now.</source>
        <translation>模糊的下步时间何时到期。预览显示从现在起各项对应的时间。</translation>
    </message>
    <message>
        <location line="+12" />
        <source> h from now</source>
        <translation> 小时后</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Day ends at</source>
        <translation>一天结束于</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mornings start at</source>
        <translation>上午开始于</translation>
    </message>
    <message>
        <location line="+1" />
        <source>“This week” time</source>
        <translation>“本周内”时间</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Skip weekends (Saturday and Sunday move to Monday)</source>
        <translation>跳过周末（周六、周日顺延到周一）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Preview from now</source>
        <translation>从现在起的预览</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+57" />
        <source>ddd d MMM, HH:mm</source>
        <comment>QDateTime format of a next step's due time</comment>
        <translation>M月d日 ddd HH:mm</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Not saved yet.</source>
        <translation>尚未保存。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Saved: new next steps use these times.</source>
        <translation>已保存：新的下步事务将使用这些时间。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Defaults shown: press Save to keep them.</source>
        <translation>已显示默认值：点击保存后生效。</translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <location filename="../../ui/pages/weekly/dialogs.py" line="-71" />
        <source>Score the week</source>
        <translation>周评分</translation>
    </message>
    <message>
        <location line="+3" />
        <source>One total score</source>
        <translation>一个总分</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A score per criterion</source>
        <translation>按评分项打分</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Scoring</source>
        <translation>评分方式</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+8" />
        <source>{name} (weight {weight})</source>
        <translation>{name}（权重 {weight}）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Comment</source>
        <translation>评语</translation>
    </message>
</context>
<context>
    <name>ServiceAgendaSection</name>
    <message>
        <location filename="../../ui/pages/today/service_section.py" line="+37" />
        <source>Service &amp; complaints</source>
        <translation>服务与投诉</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No open complaint, and no service item due in the next days.</source>
        <translation>没有未处理的投诉，近几天也没有到期的服务单。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+7" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{type} · {title}</source>
        <translation>{type} · {title}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="vanished">类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="vanished">标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="vanished">状态</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
</context>
<context>
    <name>ServiceErrors</name>
    <message>
        <location filename="../../ui/service_text.py" line="+69" />
        <source>--from must not be after --to</source>
        <translation>--from 不能晚于 --to</translation>
    </message>
    <message>
        <location line="+24" />
        <source>--to {end} is before --from {start}</source>
        <translation>--to {end} 早于 --from {start}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>--user must name a salesperson (leave it out for the whole team)</source>
        <translation>--user 必须填写一位业务员（查看整个团队时请不要使用该参数）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>--user needs a salesperson's name; leave it out for the whole team.</source>
        <translation>--user 需要填写一位业务员的姓名；查看整个团队时请不要使用该参数。</translation>
    </message>
    <message>
        <source>--week: {exc}</source>
        <translation type="vanished">--week：{exc}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>--year must be between 1900 and 2100</source>
        <translation>--year 必须在 1900 到 2100 之间</translation>
    </message>
    <message>
        <location line="+71" />
        <source>A choice field needs at least one choice.</source>
        <translation>选项字段至少需要一个选项。</translation>
    </message>
    <message>
        <location line="-52" />
        <source>A contact cannot report to themselves, directly or through others.</source>
        <translation>联系人不能直接或间接向自己汇报。</translation>
    </message>
    <message>
        <source>A custom field named {name} already exists.</source>
        <translation type="vanished">已存在名为 {name} 的业务特征字段。</translation>
    </message>
    <message>
        <location line="+981" />
        <source>A user cannot report to themselves, directly or through others.</source>
        <translation>用户不能直接或间接向自己汇报。</translation>
    </message>
    <message>
        <location line="-19" />
        <source>A user must be given by their number.</source>
        <translation>必须用编号指定用户。</translation>
    </message>
    <message>
        <source>A user named {name} already exists.</source>
        <translation type="vanished">已存在名为 {name} 的用户。</translation>
    </message>
    <message>
        <source>A view named {name} already exists.</source>
        <translation type="vanished">已存在名为 {name} 的视图。</translation>
    </message>
    <message>
        <location line="-912" />
        <source>A {kind} field has no choices.</source>
        <translation>{kind}类型的字段没有选项。</translation>
    </message>
    <message>
        <location line="+909" />
        <source>Active must be true or false.</source>
        <translation>“启用”必须是真或假。</translation>
    </message>
    <message>
        <location line="-685" />
        <source>Actual value: it comes from the recorded data for a KPI target.</source>
        <translation>实际值：指标类目标的实际值来自已记录的数据。</translation>
    </message>
    <message>
        <source>Amount: the payment plan already totals {planned} cents; reduce the plan first.</source>
        <translation type="vanished">金额：回款计划合计已达 {planned} 分，请先减少计划。</translation>
    </message>
    <message>
        <source>Amount: the payment plan would total {p0} cents, more than the contract amount of {amount_cents} cents.</source>
        <translation type="vanished">金额：回款计划合计将达 {p0} 分，超过合同金额 {amount_cents} 分。</translation>
    </message>
    <message>
        <source>Amount: {amount} cents is more than the {owed} cents still owed {where}; confirm to record an overpayment.</source>
        <translation type="vanished">金额：{amount} 分超过尚欠的 {owed} 分（{where}）；确认后才能登记超额回款。</translation>
    </message>
    <message>
        <source>At most {MAX_CRITERIA} criteria.</source>
        <translation type="vanished">评分项最多 {MAX_CRITERIA} 个。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Category name is required for a custom category.</source>
        <translation>自定义类别必须填写类别名称。</translation>
    </message>
    <message>
        <source>Choice {text} is listed twice.</source>
        <translation type="vanished">选项 {text} 重复了。</translation>
    </message>
    <message>
        <location line="-236" />
        <source>Choices must be a list of texts.</source>
        <translation>选项必须是一组文字。</translation>
    </message>
    <message>
        <location line="-62" />
        <source>Client "{name}" has been deleted; restore it before linking records to it.</source>
        <translation>客户“{name}”已删除；请先恢复，再关联记录。</translation>
    </message>
    <message>
        <source>Client {name} has been deleted; its contacts cannot be changed.</source>
        <translation type="vanished">客户 {name} 已删除，不能修改其联系人。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Contact "{name}" has been deleted.</source>
        <translation>联系人“{name}”已删除。</translation>
    </message>
    <message>
        <source>Contact "{name}" works for another client, not for "{name2}".</source>
        <translation type="vanished">联系人“{name}”属于其他客户，不属于“{name2}”。</translation>
    </message>
    <message>
        <source>Criterion {label} is listed twice.</source>
        <translation type="vanished">评分项 {label} 重复了。</translation>
    </message>
    <message>
        <source>Custom field {field_id} does not exist.</source>
        <translation type="vanished">业务特征字段 {field_id} 不存在。</translation>
    </message>
    <message>
        <location line="+67" />
        <source>Custom values must be a mapping of field to value.</source>
        <translation>业务特征值必须是“字段 → 值”的对应关系。</translation>
    </message>
    <message>
        <source>Due date: another instalment of this contract is already due on {p0} (overlapping instalments); change the date or merge them.</source>
        <translation type="vanished">到期日：本合同已有一期在 {p0} 到期（期次重叠）；请修改日期或合并。</translation>
    </message>
    <message>
        <location line="+209" />
        <source>Due date: it must lie within the goal's period.</source>
        <translation>到期日：必须在目标的周期之内。</translation>
    </message>
    <message>
        <source>Due date: two instalments are due on {p0} (overlapping instalments); change a date or merge them.</source>
        <translation type="vanished">到期日：有两期都在 {p0} 到期（期次重叠）；请修改日期或合并。</translation>
    </message>
    <message>
        <source>E-mail {email} is not a valid address.</source>
        <translation type="vanished">电子邮件 {email} 不是有效地址。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>End date must be after the start date.</source>
        <translation>结束日期必须晚于开始日期。</translation>
    </message>
    <message>
        <location line="+648" />
        <source>Enter {name}'s PIN.</source>
        <translation>请输入{name}的 PIN 码。</translation>
    </message>
    <message>
        <source>Enter {name}'s current PIN, or switch to {name2} or to a supervisor first.</source>
        <translation type="vanished">请输入{name}当前的 PIN 码，或先切换到{name2}或主管。</translation>
    </message>
    <message>
        <location line="+116" />
        <source>Give either a total score or scores per criterion, not both.</source>
        <translation>请给出总分或按评分项打分，不能两者都给。</translation>
    </message>
    <message>
        <location line="-23" />
        <source>Goal: it is another person's goal.</source>
        <translation>目标：这是别人的目标。</translation>
    </message>
    <message>
        <location line="-1138" />
        <source>Grade {grade}: the number of days must be a whole number.</source>
        <translation>定级 {grade}：天数必须是整数。</translation>
    </message>
    <message>
        <source>Grade {grade}: the number of days must be from {MIN_DAYS} to {MAX_DAYS}.</source>
        <translation type="vanished">定级 {grade}：天数必须在 {MIN_DAYS} 到 {MAX_DAYS} 之间。</translation>
    </message>
    <message>
        <location line="+157" />
        <source>Hidden must be true or false.</source>
        <translation>“隐藏”必须是真或假。</translation>
    </message>
    <message>
        <location line="+681" />
        <source>Instalment: it belongs to another contract.</source>
        <translation>回款期次：属于另一份合同。</translation>
    </message>
    <message>
        <source>Kind: a {kind} goal cannot be part of a {kind2} goal (it must be a finer kind).</source>
        <translation type="vanished">类型：{kind} 目标不能属于 {kind2} 目标（必须更细一级）。</translation>
    </message>
    <message>
        <source>Kind: a {kind} goal cannot contain its {kind2} goals.</source>
        <translation type="vanished">类型：{kind} 目标不能包含其 {kind2} 子目标。</translation>
    </message>
    <message>
        <location line="-430" />
        <source>Label is required.</source>
        <translation>名称为必填项。</translation>
    </message>
    <message>
        <location line="+55" />
        <source>Language must be text.</source>
        <translation>语言必须是文本。</translation>
    </message>
    <message>
        <source>Line: {line} is not a line of the weekly form.</source>
        <translation type="vanished">批注位置：{line} 不是这张周报中的一行。</translation>
    </message>
    <message>
        <source>Line: {ref} is not a KPI of the weekly form.</source>
        <translation type="vanished">批注位置：{ref} 不是周报中的指标。</translation>
    </message>
    <message>
        <source>Metric: unknown KPI {metric}.</source>
        <translation type="vanished">指标：未知的关键指标 {metric}。</translation>
    </message>
    <message>
        <location line="+695" />
        <source>Only a submitted form can be returned; this one is {status}.</source>
        <translation>只有已提交的周报才能退回；这份周报的状态是“{status}”。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Only a submitted form can be scored; this one is {status}.</source>
        <translation>只有已提交的周报才能评分；这份周报的状态是“{status}”。</translation>
    </message>
    <message>
        <location line="-70" />
        <source>Only a supervisor can change the team; switch to a supervisor first.</source>
        <translation>只有主管可以修改团队，请先切换到主管。</translation>
    </message>
    <message>
        <location line="-651" />
        <source>Only a supervisor can edit the team's goals.</source>
        <translation>只有主管可以编辑团队目标。</translation>
    </message>
    <message>
        <location line="-59" />
        <source>Only the goal's owner can agree to a target.</source>
        <translation>只有目标的负责人可以确认目标值。</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Only the goal's owner can propose a different target value.</source>
        <translation>只有目标的负责人可以提议不同的目标值。</translation>
    </message>
    <message>
        <location line="-32" />
        <source>Only the owner's supervisor can decide on a proposal.</source>
        <translation>只有负责人的主管可以决定是否采纳提议。</translation>
    </message>
    <message>
        <location line="-279" />
        <source>Opportunity "{name}" already has a contract; record a repeat order as a new opportunity.</source>
        <translation>商机“{name}”已有合同；复购请新建一个商机记录。</translation>
    </message>
    <message>
        <source>Opportunity "{name}" belongs to another client, not to "{name2}".</source>
        <translation type="vanished">商机“{name}”属于其他客户，不属于“{name2}”。</translation>
    </message>
    <message>
        <location line="+713" />
        <source>Opportunity "{name}" has been deleted.</source>
        <translation>商机“{name}”已删除。</translation>
    </message>
    <message>
        <source>PDF export needs the graphical interface's modules: {exc}</source>
        <translation type="vanished">导出 PDF 需要图形界面的模块：{exc}</translation>
    </message>
    <message>
        <location line="-414" />
        <source>Parent goal: a goal cannot be moved under itself or its sub-goals.</source>
        <translation>上级目标：目标不能移到自己或自己的子目标之下。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Parent goal: it belongs to another person.</source>
        <translation>上级目标：它属于其他人。</translation>
    </message>
    <message>
        <location line="+436" />
        <source>Payment plan: each instalment is a (due date, amount) pair.</source>
        <translation>回款计划：每一期都是（到期日，金额）。</translation>
    </message>
    <message>
        <source>Period: it must lie within the parent goal's period ({p0} to {p1}).</source>
        <translation type="vanished">周期：必须在上级目标的周期内（{p0} 至 {p1}）。</translation>
    </message>
    <message>
        <location line="-433" />
        <source>Period: it must still contain sub-goal "{title}".</source>
        <translation>周期：必须仍然包含子目标“{title}”。</translation>
    </message>
    <message>
        <location line="-22" />
        <source>Qualitative: this goal has numeric targets; delete them first.</source>
        <translation>定性：该目标有数字目标，请先删除。</translation>
    </message>
    <message>
        <location line="-401" />
        <source>Grade {grade}: the number of days must be from {low} to {high}.</source>
        <translation>定级 {grade}：天数必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The reminder lead time must be from {low} to {high} minutes.</source>
        <translation>提前提醒时间必须在 {low} 到 {high} 分钟之间。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unknown grade {grade!r}.</source>
        <translation>未知的定级 {grade!r}。</translation>
    </message>
    <message>
        <location line="+21" />
        <source>The database could not be backed up before its upgrade from schema {version} ({reason}); it was left as it was.</source>
        <translation>数据库从数据结构 {version} 升级前无法备份（{reason}）；文件保持原样。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The backup was cancelled; nothing was replaced.</source>
        <translation>备份已取消；没有替换任何文件。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path} cannot be backed up ({reason}).</source>
        <translation>{path} 无法备份（{reason}）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The backup could not be written to {path} ({reason}).</source>
        <translation>无法把备份写入 {path}（{reason}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The backup copy failed its check ({reason}); no older backup was replaced.</source>
        <translation>备份副本未通过校验（{reason}）；没有替换任何较旧的备份。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The backup copy does not match the database; no older backup was replaced.</source>
        <translation>备份副本与数据库不一致；没有替换任何较旧的备份。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Keep between {low} and {high} backups of this kind.</source>
        <translation>此类备份的保留数量须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The number of backups to keep must be a whole number.</source>
        <translation>保留的备份数量必须是整数。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>There is no database at {path} to back up.</source>
        <translation>{path} 没有可备份的数据库。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A backup cannot replace the database it is made from.</source>
        <translation>备份不能覆盖它所备份的数据库本身。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>--week: {reason}</source>
        <translation>--week：{reason}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>no database at {path} (create one with: desktop-crm --db {path} demo)</source>
        <translation>{path} 没有数据库（可用 desktop-crm --db {path} demo 创建）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no folder {folder} to write {name} in</source>
        <translation>没有文件夹 {folder}，无法写入 {name}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the graphical interface is not available: {reason}</source>
        <translation>图形界面不可用：{reason}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no user named {name!r} (users: {users})</source>
        <translation>没有名为 {name!r} 的用户（现有用户：{users}）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>PDF export needs the graphical interface's modules: {reason}</source>
        <translation>导出 PDF 需要图形界面的模块：{reason}</translation>
    </message>
    <message>
        <source>restore replaces the database: add --yes to confirm when not at a terminal.</source>
        <translation type="vanished">restore 会替换数据库：不在终端中运行时请加 --yes 确认。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the review pack needs the graphical interface's modules: {reason}</source>
        <translation>生成评审资料包需要图形界面的模块：{reason}</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Unknown client field: {key!r}.</source>
        <translation>未知的客户字段：{key!r}。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Client {client!r} has been deleted; its contacts cannot be changed.</source>
        <translation>客户 {client!r} 已删除，不能修改其联系人。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Contact "{name}" works for another client, not for "{client}".</source>
        <translation>联系人“{name}”属于其他客户，不属于“{client}”。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Unknown contact field: {key!r}.</source>
        <translation>未知的联系人字段：{key!r}。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount: the payment plan already totals {planned_cents}; reduce the plan first.</source>
        <translation>金额：回款计划合计已达 {planned_cents}，请先减少计划。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>A contract is created from a won opportunity. "{name}" is not won; close it as won before signing a contract.</source>
        <translation>合同须由赢单的商机生成。“{name}”尚未赢单；请先将其关闭为赢单，再签合同。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A contract is created from a won opportunity. Choose one of this client's won opportunities.</source>
        <translation>合同须由赢单的商机生成。请选择该客户的一个赢单商机。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Criterion {name!r} is listed twice.</source>
        <translation>评分项 {name!r} 重复了。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>At most {max} criteria.</source>
        <translation>评分项最多 {max} 个。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>{count} clients use a removed choice ({choices}). Keep it, or remove it anyway to clear it from those clients.</source>
        <translation>有 {count} 个客户使用了被删除的选项（{choices}）。请保留该选项，或仍然删除并从这些客户的值中清除它。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>1 client uses a removed choice ({choices}). Keep it, or remove it anyway to clear it from that client.</source>
        <translation>有 1 个客户使用了被删除的选项（{choices}）。请保留该选项，或仍然删除并从该客户的值中清除它。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>A custom field named {name!r} already exists.</source>
        <translation>已存在名为 {name!r} 的业务特征字段。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Choice {choice!r} is listed twice.</source>
        <translation>选项 {choice!r} 重复了。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Custom field {id!r} does not exist.</source>
        <translation>业务特征字段 {id!r} 不存在。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{label}: {value!r} is not one of the choices.</source>
        <translation>{label}：{value!r} 不在选项中。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The database is busy: another program is writing to it; try again in a moment.</source>
        <translation>数据库忙：另一个程序正在写入，请稍后重试。</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+929" />
        <source>{path} cannot be read ({reason}).</source>
        <translation>无法读取 {path}（{reason}）。</translation>
    </message>
    <message>
        <location line="-928" />
        <source>The file is still being checked for damage; changes are possible in a moment.</source>
        <translation>仍在检查文件是否损坏，稍后即可进行更改。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{path} is damaged and cannot be opened safely; restore it from a backup.</source>
        <translation>{path} 已损坏，无法安全打开；请从备份恢复。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database file is damaged; nothing more can be saved to it. Restore it from a backup.</source>
        <translation>数据库文件已损坏，无法再向其中保存任何内容。请从备份恢复。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The disk is full: the change was not saved; free some space and try again.</source>
        <translation>磁盘已满：更改未保存；请释放一些空间后重试。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{path} is empty (0 bytes): it holds no CRM data.</source>
        <translation>{path} 是空文件（0 字节）：其中没有 CRM 数据。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{path} cannot be created: its folder is read-only.</source>
        <translation>无法创建 {path}：其所在文件夹为只读。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{path} is a database of another application; it was not opened and not modified.</source>
        <translation>{path} 是其他应用程序的数据库；未打开，也未做任何修改。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The disk could not be read or written (input/output error): the change was not saved.</source>
        <translation>磁盘无法读取或写入（输入/输出错误）：更改未保存。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This database was written by a newer version of the application (schema {version}, this version understands up to {latest}). Please update the application; the file was not modified.</source>
        <translation>该数据库由更新版本的程序写入（数据结构 {version}，本版本最高支持 {latest}）。请升级程序；文件未被修改。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{path} was written by a newer version of the application (schema {version}, this version understands up to {latest}). Please update the application; the file was not modified.</source>
        <translation>{path} 由更新版本的程序写入（数据结构 {version}，本版本最高支持 {latest}）。请升级程序；文件未被修改。</translation>
    </message>
    <message>
        <source>{path} is not a database this application can open ({reason}).</source>
        <translation type="vanished">{path} 不是本程序能打开的数据库（{reason}）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{path} is not a database file.</source>
        <translation>{path} 不是数据库文件。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This database is open read-only: changes cannot be saved.</source>
        <translation>此数据库以只读方式打开：无法保存更改。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{path} is read-only and must be upgraded to schema {latest} before it can be opened; copy it to a folder you can write to.</source>
        <translation>{path} 为只读，且须先升级到架构版本 {latest} 才能打开；请将其复制到可写入的文件夹。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{path} could not be upgraded to the current schema ({reason}); it was left as it was.</source>
        <translation>{path} 无法升级到当前数据结构（{reason}）；文件保持原样。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The demo data cannot be generated while another change is in progress.</source>
        <translation>另一项修改正在进行，暂时不能生成演示数据。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Demo data generation cancelled; nothing was written.</source>
        <translation>已取消生成演示数据；没有写入任何内容。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database already has {name!r} ({kind_label}); demo data needs an empty database.</source>
        <translation>数据库中已有 {name!r}（{kind_label}）；演示数据需要空数据库。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Demo data is not available in this version.</source>
        <translation>此版本不提供演示数据。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The database already holds clients: demo data can only be added to an empty database.</source>
        <translation>数据库中已有客户：演示数据只能写入空数据库。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Unknown demo size {size!r} (choose one of: {sizes}).</source>
        <translation>未知的演示数据规模 {size!r}（可选：{sizes}）。</translation>
    </message>
    <message>
        <location line="+108" />
        <source>The follow-up is about another client, not "{client}".</source>
        <translation>这条跟进记录属于其他客户，不属于“{client}”。</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Kind: a {kind} goal cannot contain its {child_kind} goals.</source>
        <translation>类型：{kind}目标不能包含其{child_kind}子目标。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Kind: a {kind} goal cannot be part of a {parent_kind} goal (it must be a finer kind).</source>
        <translation>类型：{kind}目标不能属于{parent_kind}目标（必须更细一级）。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Period: it must lie within the parent goal's period ({start} to {end}).</source>
        <translation>周期：必须在上级目标的周期内（{start} 至 {end}）。</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Metric: unknown KPI {metric!r}.</source>
        <translation>指标：未知的关键指标 {metric!r}。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Weights: give one weight per sub-goal ({count}).</source>
        <translation>权重：每个子目标需要一个权重（共 {count} 个）。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Question is required.</source>
        <translation>问题为必填项。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unknown handbook field: {key!r}.</source>
        <translation>未知的绩效手册字段：{key!r}。</translation>
    </message>
    <message>
        <location line="+229" />
        <source>Rows with problems: {count}. Nothing was imported; correct them (or leave those rows out) and import again.</source>
        <translation>有问题的行：{count}。未导入任何内容；请改正这些行（或去掉它们）后重新导入。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <location line="+95" />
        <source>Unknown milestone field: {key!r}.</source>
        <translation>未知的关键节点字段：{key!r}。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This next step of "{client}" is already done.</source>
        <translation>“{client}”的这条下步事务已完成。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Snooze minutes must be a whole number from 1 to {high}.</source>
        <translation>推迟的分钟数必须是 1 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{label} must be a list.</source>
        <translation>{label}必须是一个列表。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{label} must be a table of names and values.</source>
        <translation>{label}必须是名称与值的对照表。</translation>
    </message>
    <message>
        <location line="-120" />
        <location line="+124" />
        <source>{label} must be more than 0.</source>
        <translation>{label}必须大于 0。</translation>
    </message>
    <message>
        <location line="-809" />
        <source>The file of {name} is not in the attachments folder; restore a backup that has it.</source>
        <translation>附件文件夹中没有 {name} 的文件；请恢复一个包含它的备份。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{name} is not a file (a folder?). Nothing was attached.</source>
        <translation>{name} 不是文件（是文件夹？）。未添加任何附件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Remove {name} first; only a removed attachment can be deleted for good.</source>
        <translation>请先移除 {name}；只有已移除的附件才能永久删除。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{name} is {size_mb} MB: an attachment can be at most {limit_mb} MB. Nothing was attached.</source>
        <translation>{name} 有 {size_mb} MB：附件最大为 {limit_mb} MB。未添加任何附件。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{name} cannot be read ({reason}). Nothing was attached.</source>
        <translation>无法读取 {name}（{reason}）。未添加任何附件。</translation>
    </message>
    <message>
        <location line="+28" />
        <source>{label} must be from {low} to {high} months.</source>
        <translation>{label}必须在 {low} 到 {high} 个月之间。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The web search address must start with http:// or https:// and contain {placeholder} where the company name goes.</source>
        <translation>网页搜索地址必须以 http:// 或 https:// 开头，并在放公司名称的位置包含 {placeholder}。</translation>
    </message>
    <message>
        <location line="+44" />
        <source>The client status rule is either on or off (true or false).</source>
        <translation>客户状态规则只能是开启或关闭（true 或 false）。</translation>
    </message>
    <message>
        <location line="+931" />
        <source>The PostgreSQL driver (psycopg2) is not installed: the team database cannot be opened.</source>
        <translation>未安装 PostgreSQL 驱动（psycopg2）：无法打开团队数据库。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>The team database {url} cannot be reached ({reason}). Check the address and that the server is running; nothing was changed.</source>
        <translation>无法连接团队数据库 {url}（{reason}）。请检查地址并确认服务器正在运行；未做任何更改。</translation>
    </message>
    <message>
        <location line="-4" />
        <source>The team database {url} asks for a password.</source>
        <translation>团队数据库 {url} 需要密码。</translation>
    </message>
    <message>
        <location line="-28" />
        <source>The team database {url} refused the user name or password.</source>
        <translation>团队数据库 {url} 拒绝了该用户名或密码。</translation>
    </message>
    <message>
        <location line="+21" />
        <source>The team database {url} does not exist on the server: ask whoever runs the server to create it (see the README).</source>
        <translation>服务器上不存在团队数据库 {url}：请让服务器管理员创建它（见 README）。</translation>
    </message>
    <message>
        <location line="-3" />
        <source>{url} holds the tables of another application; it was not opened and not modified.</source>
        <translation>{url} 中是其他应用程序的数据表；未打开，也未做任何修改。</translation>
    </message>
    <message>
        <location line="-8" />
        <source>The team database {url} is at schema {version} and this version cannot upgrade it to {latest}; nothing was changed.</source>
        <translation>团队数据库 {url} 的结构版本为 {version}，本版本无法将其升级到 {latest}；未做任何更改。</translation>
    </message>
    <message>
        <location line="-762" />
        <source>A unified social credit code cannot hold {character!r} (the letters I, O, S, V and Z are never used).</source>
        <translation>统一社会信用代码中不能出现 {character!r}（不使用字母 I、O、S、V、Z）。</translation>
    </message>
    <message>
        <location line="-252" />
        <source>The file of {name} is not in the team database yet: it was attached on a computer that kept it in its own folder. It is shared when that computer opens the team database again.</source>
        <translation>{name} 的文件还不在团队数据库中：添加它的电脑把它保存在了自己的文件夹里。那台电脑再次打开团队数据库时会共享该文件。</translation>
    </message>
    <message>
        <location line="+49" />
        <source>give the new passphrase with --new-passphrase-file FILE (or run the command in a terminal to be asked for it)</source>
        <translation>请用 --new-passphrase-file FILE 提供新口令（或在终端中运行该命令以便输入）</translation>
    </message>
    <message>
        <location line="+10" />
        <source>the passphrase file {path} cannot be read ({reason})</source>
        <translation>无法读取口令文件 {path}（{reason}）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{path} is encrypted, or is not a database file: give its passphrase with --passphrase-file FILE (or run the command in a terminal to be asked for it)</source>
        <translation>{path} 已加密，或不是数据库文件：请用 --passphrase-file FILE 提供其口令（或在终端中运行该命令以便输入）</translation>
    </message>
    <message>
        <location line="+55" />
        <source>{target} is not empty (table {table} has rows): copy only into a new file or an empty team database.</source>
        <translation>{target} 不是空的（表 {table} 中有数据）：只能复制到新文件或空的团队数据库。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The source and the destination are the same database ({target}).</source>
        <translation>源和目标是同一个数据库（{target}）。</translation>
    </message>
    <message>
        <location line="+46" />
        <source>{path} cannot be opened ({reason}).</source>
        <translation>无法打开 {path}（{reason}）。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>{path} is encrypted, or is not a database file; this installation cannot open encrypted databases (SQLCipher is not available on this system).</source>
        <translation>{path} 已加密，或不是数据库文件；此安装无法打开加密数据库（本系统没有 SQLCipher）。</translation>
    </message>
    <message>
        <location line="+24" />
        <source>{path} is encrypted, or is not a database file: an encrypted database opens only with its passphrase.</source>
        <translation>{path} 已加密，或不是数据库文件：加密数据库只有输入口令才能打开。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>The passphrase does not open {path}: it is wrong, or the file is not a database file.</source>
        <translation>口令无法打开 {path}：口令错误，或该文件不是数据库文件。</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Demo data cannot be generated into the open team database: create it in a local file (desktop-crm --db demo.sqlite3 demo) and copy that file into an empty team database (desktop-crm copy demo.sqlite3 postgresql://...).</source>
        <translation>无法在已打开的团队数据库中生成演示数据：请先在本地文件中生成（desktop-crm --db demo.sqlite3 demo），再把该文件复制到空的团队数据库（desktop-crm copy demo.sqlite3 postgresql://...）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{target} already holds records (table {table}): demo data goes only into an empty team database.</source>
        <translation>{target} 中已有记录（表 {table}）：演示数据只能放入空的团队数据库。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>This unified social credit code fails its check character (it should end in {expected}): look for a typing mistake.</source>
        <translation>该统一社会信用代码校验位不符（最后一位应为 {expected}），请检查是否输错。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Characters 3 to 8 of a unified social credit code are the region's digits.</source>
        <translation>统一社会信用代码第 3 至 8 位是行政区划代码，只能是数字。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A unified social credit code has 18 characters, not {length}.</source>
        <translation>统一社会信用代码为 18 位，不是 {length} 位。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{name} already has this unified social credit code.</source>
        <translation>{name} 已使用该统一社会信用代码。</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+599" />
        <source>{label} cannot be after today.</source>
        <translation>{label}不能晚于今天。</translation>
    </message>
    <message>
        <location line="-598" />
        <source>This public-information note no longer exists.</source>
        <translation>这条公开信息已不存在。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database is already encrypted; change its passphrase instead.</source>
        <translation>数据库已经加密；如需更换，请更改口令。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The conversion was cancelled; the database was left as it was.</source>
        <translation>转换已取消；数据库保持原样。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{path} could not be converted: the folder cannot be written ({reason}); the database was left as it was.</source>
        <translation>无法转换 {path}：文件夹无法写入（{reason}）；数据库保持原样。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The converted copy failed its check ({reason}); the database was left as it was.</source>
        <translation>转换后的副本未通过检查（{reason}）；数据库保持原样。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{path} could not be converted ({reason}); it was left as it was.</source>
        <translation>无法转换 {path}（{reason}）；文件保持原样。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Another program has the database open; close it and try again. Nothing was changed.</source>
        <translation>另一个程序正打开着该数据库；请关闭后重试。未做任何更改。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database is not encrypted.</source>
        <translation>数据库未加密。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path} already exists: only a new database can start encrypted (encrypt an existing one from its File menu).</source>
        <translation>{path} 已存在：只有新数据库才能一开始就加密（已有的数据库请在“文件”菜单中加密）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{path} is open in a window ({owner}); close it there and try again. Nothing was changed.</source>
        <translation>{path} 已在一个窗口中打开（{owner}）；请在那里关闭后重试。未做任何更改。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Enter a passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The passphrase must have at least {minimum} characters.</source>
        <translation>口令至少需要 {minimum} 个字符。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The passphrase must not start or end with a space.</source>
        <translation>口令的开头和结尾不能是空格。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A team database is protected by its server, not by a passphrase: encryption applies to database files.</source>
        <translation>团队数据库由其服务器保护，不使用口令：加密只适用于数据库文件。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Encryption is not available in this installation (SQLCipher is missing on this system); the database stays as it is.</source>
        <translation>此安装无法使用加密（本系统缺少 SQLCipher）；数据库保持原样。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，没有写入任何文件。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path} cannot be written ({reason}); nothing was exported.</source>
        <translation>无法写入 {path}（{reason}），没有导出任何内容。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Row {row}, column {column}: the text has {length} characters, more than the {limit} an Excel cell holds; export as CSV instead.</source>
        <translation>第 {row} 行，“{column}”列：文本有 {length} 个字符，超过 Excel 单元格可容纳的 {limit} 个；请改为导出 CSV。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>An XLSX file has no text encoding; choose the encoding only for CSV.</source>
        <translation>XLSX 文件没有文本编码，只有 CSV 才需要选择编码。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Next steps are written as iCalendar: --format and --encoding are for the other kinds.</source>
        <translation>下步事务导出为 iCalendar 文件：--format 和 --encoding 只用于其他类型。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{rows} rows are more than the {limit} an Excel sheet holds; export as CSV instead.</source>
        <translation>{rows} 行超过了 Excel 工作表可容纳的 {limit} 行；请改为导出 CSV。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Row {row}, column {column}: the character {char!r} cannot be written in {encoding}; choose UTF-8 or GB18030.</source>
        <translation>第 {row} 行，“{column}”列：字符 {char!r} 无法用 {encoding} 编码写入；请选择 UTF-8 或 GB18030。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Unknown encoding {encoding!r} (allowed: {allowed}).</source>
        <translation>未知的编码 {encoding!r}（可用：{allowed}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unknown format {format!r} (allowed: {allowed}).</source>
        <translation>未知的格式 {format!r}（可用：{allowed}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unknown kind of record {kind!r} (allowed: {kinds}, next-steps).</source>
        <translation>未知的记录类型 {kind!r}（可用：{kinds}、next-steps）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unknown header language {lang!r} (allowed: {allowed}).</source>
        <translation>未知的标题语言 {lang!r}（可用：{allowed}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>--user is for next-steps; the other kinds export every record.</source>
        <translation>--user 只用于 next-steps；其他类型导出全部记录。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>List each section of the client form once ({allowed}).</source>
        <translation>客户表单的每个部分都要列出且只列一次（{allowed}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label} cannot be hidden: every client needs it.</source>
        <translation>{label}不能隐藏：每个客户都需要它。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{field!r} is not a field of the client form.</source>
        <translation>{field!r} 不是客户表单的字段。</translation>
    </message>
    <message>
        <location line="+90" />
        <source>{label}: {count} clients are named {value!r}; give them different names first.</source>
        <translation>{label}：有 {count} 个客户都叫 {value!r}，请先把它们改成不同的名称。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: client {client!r} has {count} contacts named {value!r}.</source>
        <translation>{label}：客户 {client!r} 有 {count} 个名为 {value!r} 的联系人。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: client {client!r} has {count} contracts called {value!r}; use the contract number.</source>
        <translation>{label}：客户 {client!r} 有 {count} 份名为 {value!r} 的合同，请使用合同编号。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{label}: client {client!r} has {count} opportunities named {value!r}.</source>
        <translation>{label}：客户 {client!r} 有 {count} 个名为 {value!r} 的商机。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: {count} contacts match {value!r}; give them different names first.</source>
        <translation>{label}：有 {count} 个联系人与 {value!r} 相符；请先给他们取不同的名字。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Attachments cannot be imported: an attachment list names files but does not hold them. Add the files on the client's Attachments tab (drag and drop them there).</source>
        <translation>附件无法导入：附件清单只列出文件名，并不包含文件本身。请在客户的“附件”标签页添加文件（可直接拖放）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The column separator must be one character (not {delimiter!r}).</source>
        <translation>列分隔符必须是一个字符（不能是 {delimiter!r}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The column mapping must be a table of column numbers and field names.</source>
        <translation>列对应关系必须是列号与字段名的对照表。</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+608" />
        <source>Duplicates can be skipped, updated or created (skip, update, create), not {value!r}.</source>
        <translation>重复项可以跳过、更新或新建（skip、update、create），不能是 {value!r}。</translation>
    </message>
    <message>
        <location line="-604" />
        <source>{file}, row {row}: the quotation marks are broken ({reason}).</source>
        <translation>{file}，第 {row} 行：引号格式有误（{reason}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label} ({value}) is before the record was opened ({opened}).</source>
        <translation>{label}（{value}）早于服务单的创建时间（{opened}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{file} cannot be read ({reason}).</source>
        <translation>无法读取 {file}（{reason}）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path} cannot be written ({reason}).</source>
        <translation>无法写入 {path}（{reason}）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{file}, row {row}: a cell holds more than {max_chars} characters.</source>
        <translation>{file}，第 {row} 行：有单元格超过 {max_chars} 个字符。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>--map {value!r}: write SOURCE=FIELD, SOURCE being a column header of the file.</source>
        <translation>--map {value!r}：请写成 SOURCE=FIELD，SOURCE 是文件中的列标题。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>--map: unknown field {field!r} for {kind} (fields: {fields}).</source>
        <translation>--map：{kind} 没有字段 {field!r}（字段：{fields}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>--map: the file has no column {header!r} (columns: {headers}).</source>
        <translation>--map：文件中没有列 {header!r}（列：{headers}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label} ({value}) is before the record was resolved.</source>
        <translation>{label}（{value}）早于服务单的解决时间。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label} contains a control character (such as NUL).</source>
        <translation>{label}含有控制字符（如 NUL）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: {value!r} is not between 1900 and 2100.</source>
        <translation>{label}：{value!r} 不在 1900 年到 2100 年之间。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The same record is already there: skipped.</source>
        <translation>相同的记录已存在：已跳过。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Same name or phone as row {other}: skipped.</source>
        <translation>与第 {other} 行的名称或电话相同：已跳过。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Already there as client {name!r} (same name or phone): skipped.</source>
        <translation>已存在客户 {name!r}（名称或电话相同）：已跳过。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{file} is empty: there is nothing to import.</source>
        <translation>{file} 是空文件，没有可导入的内容。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This row has {count} cells more than the header's {width} columns.</source>
        <translation>此行的单元格比表头的 {width} 列多出 {count} 个。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{file} is larger than {max_mb} MB; split it into smaller files.</source>
        <translation>{file} 超过 {max_mb} MB，请拆分成较小的文件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: {value!r} is a formula without a saved value; open the file in Excel or WPS and save it again.</source>
        <translation>{label}：{value!r} 是没有保存计算结果的公式，请在 Excel 或 WPS 中打开该文件并重新保存。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{file} has a header row but no records to import.</source>
        <translation>{file} 只有表头行，没有可导入的记录。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: {value!r} no longer works here (inactive user).</source>
        <translation>{label}：{value!r} 已离职（停用的用户）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Column {column} does not exist (the file has {count} columns).</source>
        <translation>第 {column} 列不存在（文件共有 {count} 列）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label} is taken from two columns ({first} and {second}); map it once.</source>
        <translation>{label}对应了两列（{first} 和 {second}），只能对应一列。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unknown field {field!r} (fields: {fields}).</source>
        <translation>未知字段 {field!r}（字段：{fields}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No column is mapped to {label}, which is required.</source>
        <translation>没有列对应到必填字段 {label}。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{file} mixes text encodings: row {row} is not UTF-8 like other rows; save the whole file in one encoding.</source>
        <translation>{file} 混用了多种文本编码：第 {row} 行不像其他行那样是 UTF-8；请用同一种编码保存整个文件。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{label}: {value!r} is implausibly large.</source>
        <translation>{label}：{value!r} 大得不合常理。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{label} must not be negative ({value}).</source>
        <translation>{label}不能为负数（{value}）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>There is no file {path}.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{file} has no sheet {sheet!r} (sheets: {sheets}).</source>
        <translation>{file} 中没有工作表 {sheet!r}（工作表：{sheets}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: {value!r} is not a date (write it like 2026-03-09, 2026/3/9 or 2026年3月9日).</source>
        <translation>{label}：{value!r} 不是日期（请写成 2026-03-09、2026/3/9 或 2026年3月9日）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{label}: {value!r} is not a date and time (write it like 2026-03-09 14:30).</source>
        <translation>{label}：{value!r} 不是日期时间（请写成 2026-03-09 14:30）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: {value!r} is not an amount of money.</source>
        <translation>{label}：{value!r} 不是金额。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{label}: {value!r} is not a number.</source>
        <translation>{label}：{value!r} 不是数字。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{file} is not a spreadsheet (a CSV or XLSX file).</source>
        <translation>{file} 不是表格文件（CSV 或 XLSX）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: {value!r} is not a whole number.</source>
        <translation>{label}：{value!r} 不是整数。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{file} is an old Excel (.xls) file: open it in Excel, save it as .xlsx or CSV and import that.</source>
        <translation>{file} 是旧版 Excel（.xls）文件：请在 Excel 中打开，另存为 .xlsx 或 CSV 后再导入。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{label} is only for service records the client has confirmed.</source>
        <translation>{label}只适用于客户已确认的服务单。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label} is only for resolved or confirmed service records.</source>
        <translation>{label}只适用于已解决或客户已确认的服务单。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label} is only for won or lost opportunities.</source>
        <translation>{label}只适用于赢单或输单的商机。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: {value!r} already has a contract.</source>
        <translation>{label}：{value!r} 已经有合同了。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: {value!r} is not won; a contract comes from a won opportunity.</source>
        <translation>{label}：{value!r} 尚未赢单；合同必须来自赢单的商机。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label} must be between {low} and {high} (not {value}).</source>
        <translation>{label}必须在 {low} 到 {high} 之间（不能是 {value}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: the plan would total {total_cents}, more than the contract's {contract_cents}.</source>
        <translation>{label}：回款计划合计将为 {total_cents}，超过合同金额 {contract_cents}。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{label}: this contract already has an instalment due on {date}; change the date or merge them.</source>
        <translation>{label}：该合同在 {date} 已有一期回款计划；请修改日期或合并。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Client {value!r} already has a referral (one per client): import with "update" to change it or "skip" to keep it.</source>
        <translation>客户 {value!r} 已有转介绍记录（每个客户一条）：如需修改请以“更新”方式导入，保留原记录请选“跳过”。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Client {value!r} is referred in row {other} too: a client has one referral.</source>
        <translation>客户 {value!r} 在第 {other} 行也有转介绍记录：每个客户只有一条转介绍。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{label} is required: a resolved or confirmed service record has a resolution.</source>
        <translation>{label}为必填项：已解决或客户已确认的服务单必须有处理结果。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label} (1 to 5) is required: the client gives it when confirming.</source>
        <translation>{label}（1 到 5）为必填项：客户确认时给出。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: the service type {value!r} is turned off; turn it on in Settings first.</source>
        <translation>{label}：服务类型 {value!r} 已停用；请先在设置中启用。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Templates are written as csv or xlsx, not {fmt!r}.</source>
        <translation>模板只能写成 csv 或 xlsx，不能是 {fmt!r}。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Templates are written in en or zh_CN, not {lang!r}.</source>
        <translation>模板语言只能是 en 或 zh_CN，不能是 {lang!r}。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{file} has {count} rows; at most {max_rows} can be imported at once.</source>
        <translation>{file} 有 {count} 行，一次最多只能导入 {max_rows} 行。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{file}, row {row}, character {column}: the bytes are not valid {encoding} text; save the file as UTF-8 or choose its encoding.</source>
        <translation>{file}，第 {row} 行第 {column} 个字符：这些字节不是有效的 {encoding} 文本；请将文件另存为 UTF-8，或选择它的编码。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{label}: there is no client named {value!r}.</source>
        <translation>{label}：没有名为 {value!r} 的客户。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: client {client!r} has no contact named {value!r}.</source>
        <translation>{label}：客户 {client!r} 没有名为 {value!r} 的联系人。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: client {client!r} has no contract with the number or title {value!r}.</source>
        <translation>{label}：客户 {client!r} 没有编号或名称为 {value!r} 的合同。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unknown text encoding {encoding!r}.</source>
        <translation>未知的文本编码 {encoding!r}。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{label}: contract {contract!r} has no instalment due on {value}.</source>
        <translation>{label}：合同 {contract!r} 没有 {value} 到期的回款计划。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unknown kind of records {kind!r} (allowed: {kinds}).</source>
        <translation>未知的记录类型 {kind!r}（可用：{kinds}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: client {client!r} has no opportunity named {value!r}.</source>
        <translation>{label}：客户 {client!r} 没有名为 {value!r} 的商机。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: {value!r} is neither a client nor a contact written as "Contact name (Client name)".</source>
        <translation>{label}：{value!r} 既不是客户，也不是按“联系人姓名 (客户名称)”填写的联系人。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{label}: unknown service type {value!r} (types: {types}).</source>
        <translation>{label}：未知的服务类型 {value!r}（可用类型：{types}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: there is no user named {value!r} (users: {users}).</source>
        <translation>{label}：没有名为 {value!r} 的用户（用户：{users}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{file}, row {row}, column {column}: a quotation mark opens here and is never closed.</source>
        <translation>{file}，第 {row} 行第 {column} 列：此处的引号没有闭合。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Updates the client {name!r} (same name or phone).</source>
        <translation>更新客户 {name!r}（名称或电话相同）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Updates the same record already there.</source>
        <translation>更新已存在的相同记录。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{file} is a damaged or incomplete Excel file; open it in Excel and save it again.</source>
        <translation>{file} 是损坏或不完整的 Excel 文件，请在 Excel 中打开并重新保存。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The import was cancelled; nothing was written.</source>
        <translation>导入已取消，未写入任何内容。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The dump's header is damaged (format_version and schema_version must be whole numbers written before the tables); nothing was loaded.</source>
        <translation>转储文件的文件头已损坏（format_version 和 schema_version 必须是写在数据表之前的整数）；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Table {table}: a text holds a broken character (half of an emoji); nothing was loaded.</source>
        <translation>表 {table}：某个文本含有残缺字符（半个表情符号）；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Table {table}, record {id}: {column} is not a valid {kind} value; nothing was loaded.</source>
        <translation>表 {table}，记录 {id}：{column} 不是有效的 {kind} 值；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Table {table}, record {id}: {column} = {value} points at a missing {parent} record; nothing was loaded.</source>
        <translation>表 {table}，记录 {id}：{column} = {value} 指向不存在的 {parent} 记录；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The dump cannot be loaded while another change is in progress.</source>
        <translation>另一项修改正在进行，暂时无法载入转储文件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Table {table}: a record breaks a rule of the database ({detail}); nothing was loaded.</source>
        <translation>表 {table}：某条记录违反了数据库规则（{detail}）；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Table {table}: two records have the same {detail}; nothing was loaded.</source>
        <translation>表 {table}：有两条记录的 {detail} 相同；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The dump lists table {table} twice; nothing was loaded.</source>
        <translation>转储文件中表 {table} 出现了两次；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The dump file is empty; nothing was loaded.</source>
        <translation>转储文件是空的；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path} is a folder, not a dump file.</source>
        <translation>{path} 是文件夹，不是转储文件。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Table {table}, record {row}: column {column} is missing; nothing was loaded.</source>
        <translation>表 {table}，第 {row} 条记录：缺少列 {column}；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Table {table}: a record has no value for {detail}; nothing was loaded.</source>
        <translation>表 {table}：某条记录的 {detail} 没有值；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The dump was written in format {version} by a newer version of the application (this version reads up to {latest}); nothing was loaded.</source>
        <translation>该转储文件由更新版本的程序以格式 {version} 写出（本版本最高只能读取格式 {latest}）；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The dump comes from a newer version of the application (schema {version}, this version understands up to {latest}); nothing was loaded.</source>
        <translation>该转储文件来自更新版本的程序（结构版本 {version}，本版本最高支持 {latest}）；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>There is no dump file at {path}.</source>
        <translation>{path} 处没有转储文件。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The dump has no tables; nothing was loaded.</source>
        <translation>转储文件中没有数据表；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The file is not a desktop-crm dump (one is made by: desktop-crm dump); nothing was loaded.</source>
        <translation>该文件不是 desktop-crm 转储文件（转储文件由 desktop-crm dump 生成）；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The database already holds records (table {table}): a dump can only be loaded into an empty database; nothing was written.</source>
        <translation>数据库中已有记录（表 {table}）：转储文件只能载入空数据库；未写入任何数据。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The dump is not valid JSON (near line {line}); nothing was loaded.</source>
        <translation>转储文件不是有效的 JSON（约第 {line} 行）；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The dump is not UTF-8 text, so it is not a desktop-crm dump; nothing was loaded.</source>
        <translation>该文件不是 UTF-8 文本，因此不是 desktop-crm 转储文件；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The dump is of an older schema ({version}) than the database ({target}): load it into a new file, which is then upgraded; nothing was written.</source>
        <translation>转储文件的结构版本（{version}）比数据库（{target}）旧：请载入到一个新文件，载入后会自动升级；未写入任何数据。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Table {table}, record {row}: not a record (a JSON object was expected); nothing was loaded.</source>
        <translation>表 {table}，第 {row} 条：不是一条记录（应为 JSON 对象）；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The dump is of schema {version} but the database is at schema {target}; nothing was loaded.</source>
        <translation>转储文件的结构版本是 {version}，而数据库是 {target}；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The dump has extra text after its end (line {line}); nothing was loaded.</source>
        <translation>转储文件结尾之后还有多余内容（第 {line} 行）；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The dump ends too early (the file is incomplete); nothing was loaded.</source>
        <translation>转储文件提前结束（文件不完整）；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Table {table}, record {row}: unknown column {column!r}; nothing was loaded.</source>
        <translation>表 {table}，第 {row} 条记录：未知的列 {column!r}；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The dump has an unknown table {table!r}; nothing was loaded.</source>
        <translation>转储文件中有未知的表 {table!r}；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A record of the dump near line {line} is implausibly large; nothing was loaded.</source>
        <translation>转储文件约第 {line} 行的一条记录大得不合常理；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Table {table}: a value of the wrong type ({detail}); nothing was loaded.</source>
        <translation>表 {table}：某个值的类型不对（{detail}）；未载入任何数据。</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Opportunity "{name}" belongs to another client, not to "{client}".</source>
        <translation>商机“{name}”属于其他客户，不属于“{client}”。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Due date: another instalment of this contract is already due on {date} (overlapping instalments); change the date or merge them.</source>
        <translation>到期日：本合同已有一期在 {date} 到期（期次重叠）；请修改日期或合并。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Amount: {amount_cents} is more than the {owed_cents} still owed on this contract; confirm to record an overpayment.</source>
        <translation>金额：{amount_cents} 超过本合同尚欠的 {owed_cents}；确认后才能登记超额回款。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Amount: {amount_cents} is more than the {owed_cents} still owed on this instalment; confirm to record an overpayment.</source>
        <translation>金额：{amount_cents} 超过本期尚欠的 {owed_cents}；确认后才能登记超额回款。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Amount: the payment plan would total {total_cents}, more than the contract amount of {contract_cents}.</source>
        <translation>金额：回款计划合计将达 {total_cents}，超过合同金额 {contract_cents}。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Due date: two instalments are due on {date} (overlapping instalments); change a date or merge them.</source>
        <translation>到期日：有两期都在 {date} 到期（期次重叠）；请修改日期或合并。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The PDF writer could not be started.</source>
        <translation>无法启动 PDF 写入程序。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The PDF {path} could not be written.</source>
        <translation>无法写入 PDF 文件 {path}。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{label} must be given by its record number.</source>
        <translation>{label}必须以记录编号指定。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{label} #{id} was changed by someone else after your change (saved {when}): undoing or redoing your change now would overwrite theirs, so nothing was changed.</source>
        <translation>{label} #{id} 在您修改之后已被他人修改（保存于 {when}）：现在撤销或重做您的修改会覆盖对方的修改，因此未做任何更改。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{label} #{id} was changed by someone else since you opened it (saved {when}); your changes were not saved: reload to see theirs.</source>
        <translation>{label} #{id} 在您打开之后已被他人修改（保存于 {when}）；您的修改未保存：请重新加载以查看对方的修改。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{label} #{id} has been deleted.</source>
        <translation>{label} #{id} 已删除。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{label}: no record has such a number.</source>
        <translation>{label}：没有这个编号的记录。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{label} #{id} does not exist.</source>
        <translation>{label} #{id} 不存在。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Say what was given (text or amount) before its date.</source>
        <translation>请先填写给予的奖励（内容或金额），再填写给予日期。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This client records no referrer.</source>
        <translation>该客户没有记录介绍人。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose who referred this client: a client or one of a client's contacts.</source>
        <translation>请选择介绍人：某个客户或某个客户的联系人。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{name} is a contact of this client: a client cannot refer itself.</source>
        <translation>{name} 是该客户的联系人：客户不能介绍自己。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A client cannot be its own referrer.</source>
        <translation>客户不能是自己的介绍人。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A referral names one referrer: a client or a contact, not both.</source>
        <translation>介绍人只能有一个：客户或联系人，不能两者都选。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The backup could not be put in place of {path} ({reason}); nothing was replaced.</source>
        <translation>无法用备份替换 {path}（{reason}）；没有替换任何内容。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{path} is damaged ({reason}) and cannot be restored.</source>
        <translation>{path} 已损坏（{reason}），无法用于恢复。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{path} is not a database of this application.</source>
        <translation>{path} 不是本程序的数据库。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The database is open in another program; close it there and try again.</source>
        <translation>数据库正被另一个程序打开；请先在那里关闭，然后重试。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path} was written by a newer version of the application (schema {version}, this version understands up to {latest}).</source>
        <translation>{path} 由更新版本的程序写入（数据结构 {version}，本版本最高支持 {latest}）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{path} is not a file.</source>
        <translation>{path} 不是文件。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path} is not a SQLite database.</source>
        <translation>{path} 不是 SQLite 数据库。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path} is open in a window ({owner}); close it there and try again.</source>
        <translation>{path} 正在一个窗口中打开（{owner}）；请先在那里关闭，然后重试。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A database cannot be restored from itself.</source>
        <translation>数据库不能从它自身恢复。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{setting} must be a time like 09:00.</source>
        <translation>{setting} 必须是类似 09:00 的时间。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{setting} must be a weekday number 0 (Monday) to 6 (Sunday).</source>
        <translation>{setting} 必须是 0（周一）到 6（周日）之间的星期数。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{setting} must be a whole number.</source>
        <translation>{setting} 必须是整数。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Unknown time bucket {bucket!r}.</source>
        <translation>未知的时间段 {bucket!r}。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A service type is either offered or not (true or false).</source>
        <translation>服务类型只能启用或停用（true 或 false）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The service record is already {status}.</source>
        <translation>该服务单已经是“{status}”状态。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A service record that is {status} cannot become {new_status}.</source>
        <translation>“{status}”状态的服务单不能改为“{new_status}”。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Complaints cannot be turned off: the complaint KPIs count them.</source>
        <translation>投诉类型不能停用：投诉类关键指标要统计它。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Only a resolved service record can be confirmed by the client (this one is {status}).</source>
        <translation>只有已解决的服务单才能由客户确认（该服务单为“{status}”）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The client has confirmed this service record; if the problem returns, open a new one.</source>
        <translation>客户已确认该服务单；如果问题再次出现，请新建一张服务单。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Contract "{name}" belongs to another client, not to "{client}".</source>
        <translation>合同“{name}”属于其他客户，不属于“{client}”。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The due time ({due_at}) is before the record was opened ({created_at}).</source>
        <translation>到期时间（{due_at}）早于服务单的创建时间（{created_at}）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Only a resolved service record can be reopened (this one is {status}).</source>
        <translation>只有已解决的服务单才能重新打开（该服务单为“{status}”）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Describe the resolution: a service record is resolved with a resolution text.</source>
        <translation>请填写解决方案：服务单必须写明如何解决才能标为已解决。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Give the client's satisfaction (1 to 5) to confirm the service record.</source>
        <translation>请给出客户满意度（1 到 5）后再确认服务单。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The service type "{name}" is used by {count} records: turn it off instead of removing it.</source>
        <translation>服务类型“{name}”已被 {count} 张服务单使用：请停用它，而不是删除。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>There is already a service type called "{name}".</source>
        <translation>已经有名为“{name}”的服务类型。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The service type "{name}" is turned off; choose another one or turn it on in Settings.</source>
        <translation>服务类型“{name}”已停用；请选择其他类型，或在设置中重新启用。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The service type {value!r} is listed twice.</source>
        <translation>服务类型 {value!r} 重复出现。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unknown service type {value!r}.</source>
        <translation>未知的服务类型 {value!r}。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Setting {key!r} cannot be stored: {reason}.</source>
        <translation>无法保存设置 {key!r}：{reason}。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stage {stage}: the probability is fixed at {percent}%.</source>
        <translation>阶段“{stage}”：概率固定为 {percent}%。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stage: {stage!r} is not a stage.</source>
        <translation>阶段：{stage!r} 不是有效阶段。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A conflict is settled with mine or theirs, not {choice!r}.</source>
        <translation>同步冲突只能选 mine（我的）或 theirs（对方的），不能是 {choice!r}。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The change file is damaged or incomplete ({reason}); nothing was changed.</source>
        <translation>变更文件已损坏或不完整（{reason}）；没有做任何更改。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>There is no sync conflict number {number}.</source>
        <translation>没有编号为 {number} 的同步冲突。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>There is no change file at {path}.</source>
        <translation>{path} 处没有变更文件。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>There is no folder at {path} to sync with.</source>
        <translation>{path} 处没有可用于同步的文件夹。</translation>
    </message>
    <message>
        <source>Choose the shared folder to sync with first (desktop-crm sync --with FOLDER, or File → Sync).</source>
        <translation type="vanished">请先选择要同步的共享文件夹（desktop-crm sync --with 文件夹，或 文件 → 同步）。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Changes are exchanged by a database file; the team database is the hub the files sync with.</source>
        <translation>变更通过数据库文件交换；团队数据库是文件同步的中心，不能这样同步。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{path} is not a change file of this application.</source>
        <translation>{path} 不是本程序的变更文件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{path} holds this database's own changes; import it on the other computer.</source>
        <translation>{path} 是本数据库自己的变更；请在另一台电脑上导入。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{path} was written by a newer version of the application (schema {theirs}, this one has {ours}): update the application on this computer first; nothing was changed.</source>
        <translation>{path} 由更新版本的程序写出（结构版本 {theirs}，本程序为 {ours}）：请先更新这台电脑上的程序；没有做任何更改。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{path} was written by an older version of the application (schema {theirs}, this one has {ours}): update the application on the other computer first; nothing was changed.</source>
        <translation>{path} 由较旧版本的程序写出（结构版本 {theirs}，本程序为 {ours}）：请先更新另一台电脑上的程序；没有做任何更改。</translation>
    </message>
    <message>
        <source>Syncing with a team database directly is not available yet: exchange change files through a shared folder (desktop-crm sync --with FOLDER) or export and import them.</source>
        <translation type="vanished">暂不支持直接与团队数据库同步：请通过共享文件夹交换变更文件（desktop-crm sync --with 文件夹），或导出再导入。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The team database {url} could not be backed up ({reason}); no backup was written.</source>
        <translation>团队数据库 {url} 无法备份（{reason}）；未写入任何备份。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A team database is backed up by its server's tools: list and restore its backups with pg_restore (see the README's team database section); `desktop-crm backup` writes one.</source>
        <translation>团队数据库由其服务器的工具备份：用 pg_restore 列出和恢复备份（见 README 的团队数据库一节）；`desktop-crm backup` 可写入一份备份。</translation>
    </message>
    <message>
        <location line="+33" />
        <source>{label} contains a control character (such as NUL); remove it.</source>
        <translation>{label}包含控制字符（如 NUL），请删除。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label} contains a broken character (half of an emoji); type it again.</source>
        <translation>{label}包含残缺的字符（如半个表情符号），请重新输入。</translation>
    </message>
    <message>
        <location line="-417" />
        <location line="+421" />
        <source>{label} is too long ({length} characters, at most {max_length}).</source>
        <translation>{label}太长（{length} 个字符，最多 {max_length} 个）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{label}: at most {max_items} items.</source>
        <translation>{label}：最多 {max_items} 项。</translation>
    </message>
    <message>
        <location line="-414" />
        <location line="+415" />
        <source>{label}: unknown value {value!r} (allowed: {allowed}).</source>
        <translation>{label}：未知的值 {value!r}（允许：{allowed}）。</translation>
    </message>
    <message>
        <location line="-72" />
        <source>Choose the shared folder to sync with first: desktop-crm sync --with FOLDER (it is remembered after that).</source>
        <translation>请先选择要同步的共享文件夹：desktop-crm sync --with 文件夹（之后会记住）。</translation>
    </message>
    <message>
        <location line="+76" />
        <source>E-mail {email!r} is not a valid address.</source>
        <translation>电子邮件 {email!r} 不是有效地址。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Enter {name}'s current PIN, or switch to {name} or to a supervisor first.</source>
        <translation>请输入{name}当前的 PIN 码，或先切换到{name}或主管。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>A user named {name!r} already exists.</source>
        <translation>已存在名为 {name!r} 的用户。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Unknown user field: {key!r}.</source>
        <translation>未知的用户字段：{key!r}。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Card {number}: the {property} value is not readable text.</source>
        <translation>第 {number} 张名片：{property} 的值不是可读的文本。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The file is larger than {max_mb} MB: it is not a contacts file.</source>
        <translation>文件大于 {max_mb} MB：不是联系人文件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Card {number} has a problem ({count} cards in all): skip those cards or correct the file; nothing was imported.</source>
        <translation>第 {number} 张名片有问题（共 {count} 张）：请跳过这些名片或修改文件；未导入任何联系人。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The file holds no contact cards (BEGIN:VCARD ... END:VCARD): it is not a vCard file.</source>
        <translation>文件中没有联系人名片（BEGIN:VCARD ... END:VCARD）：不是 vCard 文件。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Card {number} has no name.</source>
        <translation>第 {number} 张名片没有姓名。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The cards to import must be a list of vCards.</source>
        <translation>要导入的名片必须是 vCard 列表。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The file holds more than {max_cards} cards; split it into smaller files.</source>
        <translation>文件中的名片超过 {max_cards} 张；请拆分成较小的文件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The file is not text in a known encoding (UTF-8, UTF-16, GBK/GB18030): it is not a vCard file.</source>
        <translation>文件不是已知编码（UTF-8、UTF-16、GBK/GB18030）的文本：不是 vCard 文件。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Card {number}: unknown character set {charset!r}.</source>
        <translation>第 {number} 张名片：未知的字符集 {charset!r}。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Card {number} has no end (END:VCARD is missing); the file may be cut short.</source>
        <translation>第 {number} 张名片没有结尾（缺少 END:VCARD）；文件可能不完整。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A view named {name!r} already exists.</source>
        <translation>已存在名为 {name!r} 的视图。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unknown page {page!r}.</source>
        <translation>未知的页面 {page!r}。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>This weekly form was submitted on {when}; ask your supervisor to return it for revision before changing it.</source>
        <translation>这张周报已于 {when} 提交；修改前请让你的主管退回修改。</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Score must be a number.</source>
        <translation>评分必须是数字。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Score must be between 0 and 100.</source>
        <translation>评分必须在 0 到 100 之间。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Score: {key!r} is not one of the scoring criteria.</source>
        <translation>评分：{key!r} 不是评分项之一。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Line: {line!r} is not a KPI of the weekly form.</source>
        <translation>批注位置：{line!r} 不是周报中的指标。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Line: {line!r} is not a line of the weekly form.</source>
        <translation>批注位置：{line!r} 不是这张周报中的一行。</translation>
    </message>
    <message>
        <source>Score: {key} is not one of the scoring criteria.</source>
        <translation type="vanished">评分：{key} 不是评分项之一。</translation>
    </message>
    <message>
        <source>Setting {clean_key} cannot be stored: {exc}.</source>
        <translation type="vanished">无法保存设置 {clean_key}：{exc}。</translation>
    </message>
    <message>
        <location line="-372" />
        <source>Snooze by a time bucket or by a number of minutes.</source>
        <translation>请按时间段或分钟数推迟。</translation>
    </message>
    <message>
        <source>Snooze minutes must be a whole number from 1 to {MAX_SNOOZE_MINUTES}.</source>
        <translation type="vanished">推迟的分钟数必须是 1 到 {MAX_SNOOZE_MINUTES} 之间的整数。</translation>
    </message>
    <message>
        <location line="-368" />
        <source>Split: a {kind} goal cannot be split into {child_kind} goals.</source>
        <translation>分解：{kind}目标不能分解为{child_kind}目标。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Split: sub-goal "{title}" is qualitative.</source>
        <translation>分解：子目标“{title}”是定性目标。</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Split: there is no sub-period to split into.</source>
        <translation>分解：没有可分解的子周期。</translation>
    </message>
    <message>
        <source>Stage {stage}: the probability is fixed at {p0}%.</source>
        <translation type="vanished">阶段 {stage}：概率固定为 {p0}%。</translation>
    </message>
    <message>
        <location line="+384" />
        <source>Stage: an opportunity is won or lost only by closing it.</source>
        <translation>阶段：只有关闭商机才能赢单或输单。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Stage: contracts were signed from this opportunity; delete or unlink them before reopening.</source>
        <translation>阶段：此商机已签合同；重新打开前请删除或解除关联。</translation>
    </message>
    <message>
        <location line="-10" />
        <source>Stage: this opportunity is already closed ({stage}).</source>
        <translation>阶段：此商机已关闭（{stage}）。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Stage: this opportunity is closed; reopen it to change its stage.</source>
        <translation>阶段：此商机已关闭；请重新打开后再改阶段。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Stage: this opportunity is not closed.</source>
        <translation>阶段：此商机尚未关闭。</translation>
    </message>
    <message>
        <source>Stage: {stage} is not a stage.</source>
        <translation type="vanished">阶段：{stage} 不是有效阶段。</translation>
    </message>
    <message>
        <location line="+253" />
        <source>Switch to {name} or to a supervisor to set their PIN.</source>
        <translation>请先切换到{name}或主管，再设置其 PIN 码。</translation>
    </message>
    <message>
        <location line="-992" />
        <source>Tag is required.</source>
        <translation>分类标签为必填项。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tags must be a list of names.</source>
        <translation>分类标签必须是一组名称。</translation>
    </message>
    <message>
        <location line="+348" />
        <source>Target not found on this goal.</source>
        <translation>该目标下找不到这个数字目标。</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Target value: it was assigned to you; propose a different value instead.</source>
        <translation>目标值：这是下达给你的目标，请改为提议一个不同的值。</translation>
    </message>
    <message>
        <location line="+629" />
        <source>The PIN must be 4 to 12 digits.</source>
        <translation>PIN 码必须是 4 到 12 位数字。</translation>
    </message>
    <message>
        <location line="-279" />
        <source>The client of milestone #{id} has been deleted.</source>
        <translation>关键节点 #{id} 的客户已删除。</translation>
    </message>
    <message>
        <source>The follow-up is about another client, not "{name}".</source>
        <translation type="vanished">这条跟进记录属于其他客户，不属于“{name}”。</translation>
    </message>
    <message>
        <location line="-650" />
        <source>The move must be a whole number of places.</source>
        <translation>移动的位置数必须是整数。</translation>
    </message>
    <message>
        <location line="+659" />
        <source>The new due time is in the past: choose a time from now on.</source>
        <translation>新的到期时间已过去：请选择现在之后的时间。</translation>
    </message>
    <message>
        <location line="-658" />
        <source>The new order must list every custom field exactly once.</source>
        <translation>新的顺序必须包含每个业务特征字段且只出现一次。</translation>
    </message>
    <message>
        <location line="+223" />
        <source>The next step is due {due}, which is in the past: pick a later time.</source>
        <translation>下步事务的到期时间 {due} 已过去：请选择更晚的时间。</translation>
    </message>
    <message>
        <source>The reminder lead time must be from {MIN_LEAD} to {MAX_LEAD} minutes.</source>
        <translation type="vanished">提前提醒时间必须在 {MIN_LEAD} 到 {MAX_LEAD} 分钟之间。</translation>
    </message>
    <message>
        <location line="+675" />
        <source>The team already has people; add others in Settings, Team.</source>
        <translation>团队中已有成员，请在“设置 → 团队”中添加其他人。</translation>
    </message>
    <message>
        <location line="+97" />
        <source>The view definition cannot be saved.</source>
        <translation>无法保存该视图。</translation>
    </message>
    <message>
        <location line="-1" />
        <source>The view definition is not valid JSON.</source>
        <translation>视图定义不是有效的 JSON。</translation>
    </message>
    <message>
        <location line="-726" />
        <source>There is no proposal waiting on this target.</source>
        <translation>这个目标没有待决定的提议。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of the application (schema {current}, this version understands up to {LATEST_VERSION}). Please update the application; the file was not modified.</source>
        <translation type="vanished">该数据库由更新版本的程序写入（数据结构 {current}，本版本最高支持 {LATEST_VERSION}）。请升级程序；文件未被修改。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>This goal is qualitative; it has no numeric targets.</source>
        <translation>该目标是定性目标，没有数字目标。</translation>
    </message>
    <message>
        <location line="+363" />
        <source>This next step is already done.</source>
        <translation>该下步事务已完成。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This next step is not done.</source>
        <translation>该下步事务尚未完成。</translation>
    </message>
    <message>
        <source>This next step of "{name}" is already done.</source>
        <translation type="vanished">“{name}”的这条下步事务已完成。</translation>
    </message>
    <message>
        <location line="-373" />
        <source>This target is your own; change its value instead.</source>
        <translation>这是你自己设定的目标，直接修改目标值即可。</translation>
    </message>
    <message>
        <location line="+710" />
        <source>This weekly form was submitted on {when} and has been scored; it can no longer be changed.</source>
        <translation>这张周报已于 {when} 提交并已评分，不能再修改。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This weekly form was submitted on {when}; ask {who} to return it for revision before changing it.</source>
        <translation>这张周报已于 {when} 提交；如需修改，请先让{who}退回。</translation>
    </message>
    <message>
        <location line="-683" />
        <source>Topic must be a KPI key or a prefixed key such as rule:smart.</source>
        <translation>主题必须是关键指标的键，或带前缀的键，例如 rule:smart。</translation>
    </message>
    <message>
        <source>This weekly form is {status}; it can be changed only while it is a draft or returned.</source>
        <translation type="vanished">该周报状态为 {status}；只有草稿或被退回时才能修改。</translation>
    </message>
    <message>
        <source>Unknown client field: {key}.</source>
        <translation type="vanished">未知的客户字段：{key}。</translation>
    </message>
    <message>
        <source>Unknown contact field: {key}.</source>
        <translation type="vanished">未知的联系人字段：{key}。</translation>
    </message>
    <message>
        <source>Unknown grade {grade}.</source>
        <translation type="vanished">未知的定级 {grade}。</translation>
    </message>
    <message>
        <source>Unknown handbook field: {key}.</source>
        <translation type="vanished">未知的绩效手册字段：{key}。</translation>
    </message>
    <message>
        <source>Unknown milestone field: {key}.</source>
        <translation type="vanished">未知的关键节点字段：{key}。</translation>
    </message>
    <message>
        <source>Unknown page {page}.</source>
        <translation type="vanished">未知的页面 {page}。</translation>
    </message>
    <message>
        <source>Unknown time bucket {bucket}.</source>
        <translation type="vanished">未知的时间段 {bucket}。</translation>
    </message>
    <message>
        <source>Unknown user field: {key}.</source>
        <translation type="vanished">未知的用户字段：{key}。</translation>
    </message>
    <message>
        <location line="-69" />
        <source>User: a sub-goal belongs to the same person as its parent goal.</source>
        <translation>用户：子目标必须与上级目标属于同一人。</translation>
    </message>
    <message>
        <location line="+760" />
        <source>Week: {year} has no ISO week {week}.</source>
        <translation>周：{year} 年没有第 {week} 周（ISO）。</translation>
    </message>
    <message>
        <location line="-1015" />
        <source>Weight must be a number.</source>
        <translation>权重必须是数字。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weight must be more than 0 and at most 100.</source>
        <translation>权重必须大于 0 且不超过 100。</translation>
    </message>
    <message>
        <location line="+314" />
        <source>Weights: at least one weight must be above 0.</source>
        <translation>权重：至少有一个权重要大于 0。</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Weights: each weight is a number of at least 0.</source>
        <translation>权重：每个权重都必须是不小于 0 的数字。</translation>
    </message>
    <message>
        <source>Weights: give one weight per sub-goal ({p0}).</source>
        <translation type="vanished">权重：每个子目标需要一个权重（共 {p0} 个）。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Weights: use even, days or one number per sub-goal.</source>
        <translation>权重：请选择平均、按天数，或为每个子目标填写一个数字。</translation>
    </message>
    <message>
        <location line="+642" />
        <source>Wrong PIN.</source>
        <translation>PIN 码错误。</translation>
    </message>
    <message>
        <location line="-689" />
        <source>You can only edit your own goals.</source>
        <translation>你只能编辑自己的目标。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Your proposal is waiting for the supervisor's decision.</source>
        <translation>你的提议正在等待主管决定。</translation>
    </message>
    <message>
        <location line="+492" />
        <source>later_today_hours must be between 1 and 12.</source>
        <translation>“今天稍后”的小时数必须在 1 到 12 之间。</translation>
    </message>
    <message>
        <source>no database at {path} (create one with: desktop-crm --db {path2} demo)</source>
        <translation type="vanished">{path} 没有数据库（可用 desktop-crm --db {path2} demo 创建）</translation>
    </message>
    <message>
        <source>no folder {parent} to write {name} in</source>
        <translation type="vanished">没有文件夹 {parent}，无法写入 {name}</translation>
    </message>
    <message>
        <source>no user named {name} (users: {p0})</source>
        <translation type="vanished">没有名为 {name} 的用户（现有用户：{p0}）</translation>
    </message>
    <message>
        <source>no user named {user} (users: {p0})</source>
        <translation type="vanished">没有名为 {user} 的用户（现有用户：{p0}）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>skip_weekends must be true or false.</source>
        <translation>“跳过周末”必须是真或假。</translation>
    </message>
    <message>
        <source>the graphical interface is not available: {exc}</source>
        <translation type="vanished">图形界面不可用：{exc}</translation>
    </message>
    <message>
        <source>the review pack needs the graphical interface's modules: {exc}</source>
        <translation type="vanished">生成评审资料包需要图形界面的模块：{exc}</translation>
    </message>
    <message>
        <source>{WON_REQUIRED} "{name}" is not won; close it as won before signing a contract.</source>
        <translation type="vanished">合同须由赢单的商机生成。“{name}”尚未赢单；请先将其关闭为赢单再签合同。</translation>
    </message>
    <message>
        <source>{WON_REQUIRED} Choose one of this client's won opportunities.</source>
        <translation type="vanished">合同须由赢单的商机生成。请选择该客户的一个赢单商机。</translation>
    </message>
    <message>
        <source>{clients} the removed {noun} {p0}. Keep it, or remove it anyway to clear it from those clients.</source>
        <translation type="vanished">{clients}，使用了要删除的{noun} {p0}。保留它，或仍然删除并清除这些客户上的值。</translation>
    </message>
    <message>
        <source>{field} must be a time like 09:00.</source>
        <translation type="vanished">{field} 必须是类似 09:00 的时间。</translation>
    </message>
    <message>
        <source>{label} #{record_id} does not exist.</source>
        <translation type="vanished">{label} #{record_id} 不存在。</translation>
    </message>
    <message>
        <source>{label} #{record_id} has been deleted.</source>
        <translation type="vanished">{label} #{record_id} 已删除。</translation>
    </message>
    <message>
        <location line="+136" />
        <source>{label} is implausibly large.</source>
        <translation>{label}大得不合理。</translation>
    </message>
    <message>
        <location line="-250" />
        <source>{label} is not a valid date (expected YYYY-MM-DD).</source>
        <translation>{label}不是有效日期（格式应为 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{label} is not a valid date and time.</source>
        <translation>{label}不是有效的日期时间。</translation>
    </message>
    <message>
        <location line="-187" />
        <location line="+270" />
        <source>{label} is required.</source>
        <translation>{label}为必填项。</translation>
    </message>
    <message>
        <source>{label} is too long ({p0} characters, at most {max_length}).</source>
        <translation type="vanished">{label}太长（{p0} 个字符，最多 {max_length} 个）。</translation>
    </message>
    <message>
        <location line="-78" />
        <source>{label} must be a finite number of reasonable size.</source>
        <translation>{label}必须是大小合理的有限数字。</translation>
    </message>
    <message>
        <location line="-646" />
        <source>{label} must be a list of choices.</source>
        <translation>{label}必须是一组选项。</translation>
    </message>
    <message>
        <location line="+644" />
        <source>{label} must be a number.</source>
        <translation>{label}必须是数字。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{label} must be a whole number of cents.</source>
        <translation>{label}必须是以分为单位的整数。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{label} must be a whole number.</source>
        <translation>{label}必须是整数。</translation>
    </message>
    <message>
        <location line="-24" />
        <source>{label} must be at least 0.</source>
        <translation>{label}不能小于 0。</translation>
    </message>
    <message>
        <location line="-621" />
        <source>{label} must be between 1900 and 2100.</source>
        <translation>{label}必须在 1900 年到 2100 年之间。</translation>
    </message>
    <message>
        <location line="+664" />
        <source>{label} must be between {low} and {high}.</source>
        <translation>{label}必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <location line="-20" />
        <source>{label} must be text.</source>
        <translation>{label}必须是文字。</translation>
    </message>
    <message>
        <source>{label} must be {p0}.</source>
        <translation type="vanished">{label}必须{p0}。</translation>
    </message>
    <message>
        <source>{label}: unknown value {value} (allowed: {p0}).</source>
        <translation type="vanished">{label}：未知的值 {value}（允许：{p0}）。</translation>
    </message>
    <message>
        <source>{label}: {item} is not one of the choices.</source>
        <translation type="vanished">{label}：{item} 不在选项中。</translation>
    </message>
    <message>
        <source>{label}: {value} is not one of the choices.</source>
        <translation type="vanished">{label}：{value} 不在选项中。</translation>
    </message>
    <message>
        <location line="+338" />
        <source>{name} does not supervise the author of this form.</source>
        <translation>{name}不是这张周报填写人的主管。</translation>
    </message>
    <message>
        <location line="-1062" />
        <source>{name} is inactive and cannot own clients.</source>
        <translation>{name} 已停用，不能负责客户。</translation>
    </message>
    <message>
        <location line="+957" />
        <source>{name} is inactive; reactivate them before working as them.</source>
        <translation>{name}已停用，请先重新启用再以其身份工作。</translation>
    </message>
    <message>
        <location line="-887" />
        <source>{name} is not a choice field; it has no choices.</source>
        <translation>{name} 不是选项字段，没有选项。</translation>
    </message>
    <message>
        <location line="+922" />
        <source>{name} is not a supervisor.</source>
        <translation>{name} 不是主管。</translation>
    </message>
    <message>
        <location line="+67" />
        <source>{name} is not a supervisor; only a supervisor can do this.</source>
        <translation>{name} 不是主管；只有主管才能这样做。</translation>
    </message>
    <message>
        <location line="-71" />
        <source>{name} is the last active supervisor; add or reactivate another supervisor before deactivating them.</source>
        <translation>{name}是最后一位在职主管，请先添加或重新启用另一位主管再停用。</translation>
    </message>
    <message>
        <location line="-7" />
        <source>{name} is the person working now; switch to someone else before deactivating them.</source>
        <translation>{name}是当前使用者，请先切换到其他人再停用。</translation>
    </message>
    <message>
        <source>{name} must be a weekday number 0 (Monday) to 6 (Sunday).</source>
        <translation type="vanished">{name} 必须是 0（周一）到 6（周日）之间的星期数。</translation>
    </message>
    <message>
        <source>{name} must be a whole number.</source>
        <translation type="vanished">{name} 必须是整数。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>{name} still has people reporting to them; reassign them before changing the role.</source>
        <translation>{name} 还有下属；请先调整汇报关系再修改角色。</translation>
    </message>
    <message>
        <location line="-15" />
        <source>{name} still has people reporting to them; reassign them before deactivating.</source>
        <translation>仍有人向{name}汇报，请先为他们更换上级再停用。</translation>
    </message>
    <message>
        <location line="-97" />
        <source>{name} works at another client than this opportunity.</source>
        <translation>{name} 属于其他客户，与该商机不是同一客户。</translation>
    </message>
    <message>
        <location line="-876" />
        <source>{name} works at another client.</source>
        <translation>{name} 属于其他客户。</translation>
    </message>
    <message>
        <source>{path} could not be upgraded to the current schema ({exc}); it was left as it was.</source>
        <translation type="vanished">{path} 无法升级到当前数据结构（{exc}）；文件保持原样。</translation>
    </message>
    <message>
        <source>{path} is not a database this application can open ({exc}).</source>
        <translation type="vanished">{path} 不是本程序能打开的数据库（{exc}）。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of the application (schema {version}, this version understands up to {LATEST_VERSION}). Please update the application; the file was not modified.</source>
        <translation type="vanished">{path} 由更新版本的程序写入（数据结构 {version}，本版本最高支持 {LATEST_VERSION}）。请升级程序；文件未被修改。</translation>
    </message>
</context>
<context>
    <name>ServiceItemsHtml</name>
    <message>
        <location filename="../../ui/pages/weekly/service_html.py" line="+19" />
        <source>Service items of the week</source>
        <translation>本周服务单</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No service record was opened or resolved this week.</source>
        <translation>本周没有新建或解决的服务单。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{opened} opened, {resolved} resolved</source>
        <translation>新建 {opened} 张，解决 {resolved} 张</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Opened</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ServiceLabels</name>
    <message>
        <location filename="../../ui/service_text.py" line="+1077" />
        <source>Action</source>
        <translation>行动目标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Annotation</source>
        <translation>批注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Business scope</source>
        <translation>经营范围</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category name</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Client field</source>
        <translation>客户字段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed on</source>
        <translation>关闭日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Collection item</source>
        <translation>回款计划项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact first name</source>
        <translation>联系人名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact last name</source>
        <translation>联系人姓</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contacts</source>
        <translation>参与联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Criterion</source>
        <translation>评分项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Custom field</source>
        <translation>业务特征字段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Date of change</source>
        <translation>变更日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due time</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Duration (minutes)</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expected signing date</source>
        <translation>预计签约日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Field kind</source>
        <translation>字段类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Field name</source>
        <translation>字段名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Follow-up</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Founding date</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grade</source>
        <translation>定级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Handbook entry</source>
        <translation>绩效手册条目</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Headcount</source>
        <translation>人员规模</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Instalment</source>
        <translation>回款期次</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Instalment due</source>
        <translation>对应回款计划</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Interests</source>
        <translation>关心的利益</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation type="vanished">关键指标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Line</source>
        <translation>批注位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Logged by</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Manager</source>
        <translation>上级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Milestone</source>
        <translation>关键节点</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Months of quiet</source>
        <translation>无新商机月数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Months since signing</source>
        <translation>签约后月数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next contact</source>
        <translation>下次联系时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next step</source>
        <translation>下步事务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parent goal</source>
        <translation>上级目标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Payment</source>
        <translation>回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Payment date</source>
        <translation>回款日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plan item</source>
        <translation>计划项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plan type</source>
        <translation>计划类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Planned collection</source>
        <translation>计划回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Probability</source>
        <translation>成交概率</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referrer</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Registered capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Response target (hours)</source>
        <translation>响应时限（小时）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Revenue</source>
        <translation>营收规模</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Revision date</source>
        <translation>修订日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reward given</source>
        <translation>已给奖励</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reward given on</source>
        <translation>奖励给予日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reward promised</source>
        <translation>许诺的奖励</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sections</source>
        <translation>表单部分</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service record</source>
        <translation>服务单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service types</source>
        <translation>服务类型列表</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Setting name</source>
        <translation>设置名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signing date</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stance</source>
        <translation>立场</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tag</source>
        <translation>分类标签</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tenure</source>
        <translation>任职期限</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Value verdict</source>
        <translation>价值定性</translation>
    </message>
    <message>
        <location line="+1" />
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location line="+1" />
        <source>View name</source>
        <translation>视图名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Web search address</source>
        <translation>网页搜索地址</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weekly form</source>
        <translation>周报</translation>
    </message>
    <message>
        <location line="+1" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
</context>
<context>
    <name>ServiceRecordDialog</name>
    <message>
        <location filename="../../ui/pages/clients/service_dialog.py" line="+41" />
        <source>Edit service record</source>
        <translation>编辑服务单</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New service record</source>
        <translation>新建服务单</translation>
    </message>
    <message>
        <location line="+10" />
        <source>{name} · respond within {hours} h</source>
        <translation>{name} · {hours} 小时内响应</translation>
    </message>
    <message>
        <location line="+10" />
        <source>What the client needs, in a few words</source>
        <translation>用几句话说明客户的需求</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+5" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Resolution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opened {when}</source>
        <translation>创建于 {when}</translation>
    </message>
    <message>
        <location line="+44" />
        <source>The due time is before the record was opened ({when}).</source>
        <translation>到期时间早于服务单的创建时间（{when}）。</translation>
    </message>
</context>
<context>
    <name>ServiceStatusDialog</name>
    <message>
        <location line="+51" />
        <source>Resolve service record</source>
        <translation>解决服务单</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Client confirmation</source>
        <translation>客户确认</translation>
    </message>
    <message>
        <location line="+8" />
        <source>What was done, and what the client was told</source>
        <translation>做了什么，向客户说明了什么</translation>
    </message>
    <message>
        <location line="+6" />
        <source>1 · Very unhappy</source>
        <translation>1 · 非常不满意</translation>
    </message>
    <message>
        <location line="+1" />
        <source>2 · Unhappy</source>
        <translation>2 · 不满意</translation>
    </message>
    <message>
        <location line="+1" />
        <source>3 · Acceptable</source>
        <translation>3 · 一般</translation>
    </message>
    <message>
        <location line="+1" />
        <source>4 · Satisfied</source>
        <translation>4 · 满意</translation>
    </message>
    <message>
        <location line="+1" />
        <source>5 · Delighted</source>
        <translation>5 · 非常满意</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+5" />
        <source>Resolution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>ServiceTab</name>
    <message>
        <location filename="../../ui/pages/clients/service_tab.py" line="+64" />
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+2" />
        <source>New service record…</source>
        <translation>新建服务单…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Log complaint…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+188" />
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <location line="-185" />
        <source>Start work</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Client confirmed…</source>
        <translation>客户已确认…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Attachments…</source>
        <translation>附件…</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Resolved</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Export service records</source>
        <translation>导出服务单</translation>
    </message>
    <message>
        <location line="+57" />
        <source>{open} open ({complaints} complaints, {overdue} overdue) · {total} in all</source>
        <translation>未完成 {open} 张（投诉 {complaints} 张，逾期 {overdue} 张）· 共 {total} 张</translation>
    </message>
    <message>
        <location line="+36" />
        <source>New service record</source>
        <translation>新建服务单</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Delete the service record “{title}”?</source>
        <translation>删除服务单“{title}”？</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+5" />
        <source>Delete service record</source>
        <translation>删除服务单</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Select a record to see its description and resolution.</source>
        <translation>选择一张服务单，查看它的描述和解决方案。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Opened {when}</source>
        <translation>创建于 {when}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Contract: {name}</source>
        <translation>合同：{name}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Due {when}</source>
        <translation>到期 {when}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Resolved {when}</source>
        <translation>解决于 {when}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Resolution:</source>
        <translation>解决方案：</translation>
    </message>
</context>
<context>
    <name>ServiceTypesSection</name>
    <message>
        <location filename="../../ui/pages/settings_service.py" line="+43" />
        <source>Service types</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The response target sets a new service record's due time (it can be moved on the record). A type turned off is no longer offered for new records; complaints always stay on.</source>
        <translation>响应时限决定新服务单的到期时间（可在服务单上调整）。停用的类型不再用于新服务单；投诉类型始终启用。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Response target (hours)</source>
        <translation>响应时限（小时）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Offered</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Add type</source>
        <translation>添加类型</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Remove type</source>
        <translation>删除类型</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Save service types</source>
        <translation>保存服务类型</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Name of the type</source>
        <translation>类型名称</translation>
    </message>
    <message>
        <location line="+7" />
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+49" />
        <source>Removed from the list; save to keep the change.</source>
        <translation>已从列表中移除；保存后生效。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <location filename="../../ui/pages/settings_team.py" line="+180" />
        <source>PIN for {name}</source>
        <translation>{name}的 PIN 码</translation>
    </message>
    <message>
        <location line="+6" />
        <source>4 to 12 digits. Anyone switching to {name} will have to enter it.</source>
        <translation>4 到 12 位数字。任何人切换到{name}时都需要输入。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Current PIN</source>
        <translation>当前 PIN 码</translation>
    </message>
    <message>
        <location line="+3" />
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Repeat the new PIN</source>
        <translation>再次输入新 PIN 码</translation>
    </message>
    <message>
        <location line="+21" />
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>两次输入的 PIN 码不一致，请输入相同的 PIN 码。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="+75" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The window switches language at once; your choice is remembered.</source>
        <translation>窗口会立即切换语言，并记住你的选择。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Working as</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Language, data location, the team and the clients' custom fields</source>
        <translation>语言、数据位置、团队和客户业务特征</translation>
    </message>
    <message>
        <source>Language, data location and the clients' custom fields</source>
        <translation type="vanished">语言、数据位置和客户业务特征</translation>
    </message>
    <message>
        <source>Language and data location</source>
        <translation type="vanished">语言和数据位置</translation>
    </message>
    <message>
        <source>(no user yet)</source>
        <translation type="vanished">（尚无用户）</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Demo data is not available in this version.</source>
        <translation type="vanished">此版本不提供演示数据。</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="+107" />
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This database is new and empty.

Start with demo data? You can explore every page with realistic clients, follow-ups and goals, then create a new database for real work.</source>
        <translation>这是一个新的空数据库。

要从演示数据开始吗？你可以用逼真的客户、跟进记录和目标浏览每个页面，之后再新建一个数据库用于实际工作。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Generating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
</context>
<context>
    <name>SourceStep</name>
    <message>
        <location filename="../../ui/importer/source_step.py" line="+60" />
        <source>Save an empty template…</source>
        <translation>保存空白模板…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A CSV or Excel file with the right column headers, to fill in and import</source>
        <translation>带有正确表头的 CSV 或 Excel 文件，填写后即可导入</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Import:</source>
        <translation>导入：</translation>
    </message>
    <message>
        <location line="+6" />
        <source>A CSV, TXT or Excel (XLSX) file</source>
        <translation>CSV、TXT 或 Excel（XLSX）文件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+11" />
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location line="-9" />
        <location line="+174" />
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location line="-173" />
        <location line="+174" />
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <location line="-173" />
        <location line="+174" />
        <location line="+1" />
        <source>Chinese (GBK/GB18030)</source>
        <translation>中文（GBK/GB18030）</translation>
    </message>
    <message>
        <location line="-174" />
        <location line="+175" />
        <location line="+1" />
        <location line="+1" />
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <location line="-165" />
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delimiter:</source>
        <translation>分隔符：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Read as:</source>
        <translation>读取方式：</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The first rows of the file:</source>
        <translation>文件的前几行：</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Comma ( , )</source>
        <translation>逗号（ , ）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Semicolon ( ; )</source>
        <translation>分号（ ; ）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Vertical bar ( | )</source>
        <translation>竖线（ | ）</translation>
    </message>
    <message>
        <location line="+68" />
        <source>Choose what to import and the file. The first row of the file must hold the column headers; Chinese and English headers of common CRM exports are recognised.</source>
        <translation>选择要导入的内容和文件。文件第一行须为表头；常见 CRM 导出的中英文表头均可识别。</translation>
    </message>
    <message>
        <location line="+23" />
        <source>{rows} rows and {columns} columns read from {name}.</source>
        <translation>已从 {name} 读取 {rows} 行、{columns} 列。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Encoding: {encoding}</source>
        <translation>编码：{encoding}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Delimiter: {delimiter}</source>
        <translation>分隔符：{delimiter}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sheet: {sheet}</source>
        <translation>工作表：{sheet}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{summary} {details}.</source>
        <translation>{summary}{details}。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>If the text looks garbled, choose another encoding or delimiter above.</source>
        <translation>如果文字显示为乱码，请在上方选择其他编码或分隔符。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{summary} {hint}</source>
        <translation>{summary}{hint}</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../ui/pages/goals/dialogs.py" line="-80" />
        <source>Split target</source>
        <translation>分解目标</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Evenly</source>
        <translation>平均分配</translation>
    </message>
    <message>
        <location line="+1" />
        <source>By days</source>
        <translation>按天数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>By weights</source>
        <translation>按权重</translation>
    </message>
    <message>
        <location line="+3" />
        <source>One number per sub-goal, e.g. 2, 3, 3, 4</source>
        <translation>每个子目标一个数字，例如 2, 3, 3, 4</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Target</source>
        <translation>数字目标</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Into</source>
        <translation>分解为</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Share</source>
        <translation>分配方式</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sub-goals</source>
        <translation>子目标</translation>
    </message>
    <message>
        <location line="+22" />
        <source>A goal of this kind cannot be split.</source>
        <translation>这种类型的目标不能分解。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{count} sub-goals of kind {kind}</source>
        <translation>{count} 个{kind}子目标</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <location filename="../../ui/pages/pipeline/board.py" line="+331" />
        <source>{stage} · {probability}%</source>
        <translation>{stage} · {probability}%</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{count} opportunities</source>
        <translation>{count} 个商机</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Weighted {amount}</source>
        <translation>加权 {amount}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>{count} more… (showing the largest {shown}; narrow the filters)</source>
        <translation>另有 {count} 个…（仅显示金额最大的 {shown} 个；请缩小筛选范围）</translation>
    </message>
</context>
<context>
    <name>StageProbabilitiesSection</name>
    <message>
        <location filename="../../ui/pages/settings_stages.py" line="+32" />
        <source>Opportunity stages</source>
        <translation>商机阶段</translation>
    </message>
    <message>
        <location line="+13" />
        <source>{won}: 100% · {lost}: 0% (fixed)</source>
        <translation>{won}：100% · {lost}：0%（固定）</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Save probabilities</source>
        <translation>保存赢率</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location line="+9" />
        <source>New opportunities and stage changes use these; existing opportunities keep theirs.</source>
        <translation>新建商机和阶段变更时使用这些赢率；已有商机保留各自的赢率。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Defaults restored.</source>
        <translation>已恢复默认。</translation>
    </message>
</context>
<context>
    <name>StakeholdersSection</name>
    <message>
        <location filename="../../ui/pages/clients/stakeholders_section.py" line="+73" />
        <source>Deal:</source>
        <translation>商机：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Double-click a person to edit</source>
        <translation>双击人员卡片可编辑</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Roles × stances</source>
        <translation>角色 × 立场</translation>
    </message>
    <message>
        <location line="+74" />
        <source>All contacts</source>
        <translation>全部联系人</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Nobody is attached to this deal yet: edit a contact to give them a role in it.</source>
        <translation>该商机还没有关系人：编辑联系人，为其设置在该商机中的角色。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No contacts yet: add the people who take part in the decision.</source>
        <translation>暂无联系人：添加参与采购决策的人员。</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Log follow-up with {name}…</source>
        <translation>记录与{name}的跟进…</translation>
    </message>
</context>
<context>
    <name>StanceLegend</name>
    <message>
        <location filename="../../ui/pages/clients/power_map.py" line="+273" />
        <source>Influence: ●●● high · ●● medium · ● low</source>
        <translation>影响力：●●● 高 · ●● 中 · ● 低</translation>
    </message>
</context>
<context>
    <name>StanceTimeline</name>
    <message>
        <location filename="../../ui/pages/clients/stance_timeline.py" line="+42" />
        <source>No stance recorded yet.</source>
        <translation>暂无立场记录。</translation>
    </message>
    <message>
        <location line="+19" />
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>First recorded as {new}</source>
        <translation>首次记录为{new}</translation>
    </message>
</context>
<context>
    <name>StepTableModel</name>
    <message>
        <location filename="../../ui/pages/today/models.py" line="-44" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plan</source>
        <translation>计划类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next step</source>
        <translation>下步事务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location line="+9" />
        <source>{due}: {days} overdue</source>
        <translation>{due}：已逾期 {days}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_ui.py" line="+267" />
        <source>S&amp;ync now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sync fo&amp;lder…</source>
        <translation>同步文件夹(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sync &amp;with team database…</source>
        <translation>与团队数据库同步(&amp;W)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export c&amp;hanges…</source>
        <translation>导出变更(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Import chan&amp;ges…</source>
        <translation>导入变更(&amp;G)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sync con&amp;flicts…</source>
        <translation>同步冲突(&amp;F)…</translation>
    </message>
    <message>
        <source>Exchange changes with the other computers through the shared folder</source>
        <translation type="vanished">通过共享文件夹与其他电脑交换变更</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Choose the shared folder every computer syncs with</source>
        <translation>选择各台电脑共同同步的共享文件夹</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Write this file's changes to a change file for another computer</source>
        <translation>把本文件的变更写入变更文件，供另一台电脑导入</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Merge a change file written by another computer</source>
        <translation>合并另一台电脑写出的变更文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The changes two computers made to the same field</source>
        <translation>两台电脑对同一字段所做的不同修改</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Sync is for a database file: on a team database every computer already works on the same data.</source>
        <translation>同步用于数据库文件：在团队数据库上，各台电脑本来就在使用同一份数据。</translation>
    </message>
    <message>
        <location line="+43" />
        <source>A sync is already running.</source>
        <translation>同步正在进行中。</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Synced with {folder} at {time}</source>
        <translation>已于 {time} 与 {folder} 同步</translation>
    </message>
    <message>
        <location line="+21" />
        <source>the shared folder</source>
        <translation>共享文件夹</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Syncing with {folder}…</source>
        <translation>正在与 {folder} 同步…</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Choose the shared folder</source>
        <translation>选择共享文件夹</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Choose the shared folder: a network drive, a synced cloud folder or a USB stick; every computer syncs with the same folder.</source>
        <translation>请选择共享文件夹：网络驱动器、云同步文件夹或U盘均可。
每台电脑都与同一个文件夹同步。</translation>
    </message>
    <message>
        <location line="-33" />
        <location line="+36" />
        <location line="+210" />
        <location line="+36" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="-393" />
        <source>Exchange changes with the partner of the last sync: the team database or the shared folder</source>
        <translation>与上次同步的对象交换变更：团队数据库或共享文件夹</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Send this computer's changes to the team database and bring the team's changes here</source>
        <translation>把本机的变更发送到团队数据库，并把团队的变更带回本机</translation>
    </message>
    <message>
        <location line="+87" />
        <source>Synced with the team database {team} at {time}</source>
        <translation>已于 {time} 与团队数据库 {team} 同步</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+28" />
        <source>Syncing with the team database {team}…</source>
        <translation>正在与团队数据库 {team} 同步…</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+183" />
        <location line="+11" />
        <source>Sync with team database</source>
        <translation>与团队数据库同步</translation>
    </message>
    <message>
        <location line="-173" />
        <source>Choose the folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sync with team database…</source>
        <translation>与团队数据库同步…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+19" />
        <location line="+7" />
        <location line="+1" />
        <source>Export changes</source>
        <translation>导出变更</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Change files (*.crmchanges)</source>
        <translation>变更文件 (*.crmchanges)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Writing the changes to {path}…</source>
        <translation>正在把变更写入 {path}…</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+9" />
        <location line="+1" />
        <source>Import changes</source>
        <translation>导入变更</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Change files (*.crmchanges);;All files (*)</source>
        <translation>变更文件 (*.crmchanges);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Importing the changes of {path}…</source>
        <translation>正在导入 {path} 中的变更…</translation>
    </message>
    <message>
        <location line="+56" />
        <location line="+27" />
        <source>Team database not reachable — working offline</source>
        <translation>无法连接团队数据库——正在离线工作</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+15" />
        <location line="+76" />
        <source>The automatic sync failed: {error}</source>
        <translation>自动同步失败：{error}</translation>
    </message>
</context>
<context>
    <name>SyncFolderDialog</name>
    <message>
        <location line="-463" />
        <source>Look in:</source>
        <translation>查找范围：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
</context>
<context>
    <name>SyncResult</name>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="-285" />
        <source>Show conflicts…</source>
        <translation>查看冲突…</translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message>
        <location filename="../../ui/sync_text.py" line="+28" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category</source>
        <translation>分类标签</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Client's category</source>
        <translation>客户的分类标签</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Milestone</source>
        <translation>关键节点</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+136" />
        <source>Custom field</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <location line="-135" />
        <source>Custom field value</source>
        <translation>自定义字段值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stance change</source>
        <translation>立场变化</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Opportunity contact</source>
        <translation>商机联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Payment plan instalment</source>
        <translation>回款计划期次</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Payment</source>
        <translation>回款</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+128" />
        <source>Follow-up</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location line="-127" />
        <source>Follow-up contact</source>
        <translation>跟进联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next step</source>
        <translation>下步事务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Goal target</source>
        <translation>数字目标</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+105" />
        <source>Goal action</source>
        <translation>行动目标</translation>
    </message>
    <message>
        <location line="-104" />
        <source>Goal client</source>
        <translation>目标客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Goal action client</source>
        <translation>行动目标客户</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+121" />
        <source>Weekly form</source>
        <translation>周报</translation>
    </message>
    <message>
        <location line="-120" />
        <source>Weekly collection item</source>
        <translation>周回款项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weekly plan item</source>
        <translation>周计划项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Annotation</source>
        <translation>批注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weekly score</source>
        <translation>周报评分</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Criterion score</source>
        <translation>评分项得分</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Handbook entry</source>
        <translation>绩效手册条目</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Saved view</source>
        <translation>已保存的视图</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Client dossier</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dossier note</source>
        <translation>档案记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service record</source>
        <translation>服务单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+73" />
        <source>Created at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changed at</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In the trash since</source>
        <translation>移入回收站时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>When it happened</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+77" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="-76" />
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1" />
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Actual value</source>
        <translation>实际值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assigned by</source>
        <translation>下达人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time slot</source>
        <translation>时间段</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Business scope</source>
        <translation>经营范围</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changed on</source>
        <translation>变化日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason for closing</source>
        <translation>关闭原因</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed on</source>
        <translation>关闭日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Completed by follow-up</source>
        <translation>完成它的跟进记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirmed at</source>
        <translation>确认时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decided at</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>View settings</source>
        <translation>视图设置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Headcount</source>
        <translation>人员规模</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location line="+1" />
        <source>KPI</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Line</source>
        <translation>批注位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New stance</source>
        <translation>新立场</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Noted on</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previous stance</source>
        <translation>原立场</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attached to</source>
        <translation>所属记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attached to record</source>
        <translation>所属记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parent goal</source>
        <translation>上级目标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Planned collection</source>
        <translation>计划回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason for the proposal</source>
        <translation>提议理由</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposal state</source>
        <translation>提议状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposed at</source>
        <translation>提议时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposed by</source>
        <translation>提议人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Proposed value</source>
        <translation>提议值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Qualitative</source>
        <translation>定性目标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referred by (client)</source>
        <translation>推荐客户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Referred by (contact)</source>
        <translation>推荐联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Registered capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reports to</source>
        <translation>汇报对象</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolved at</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Annual revenue</source>
        <translation>年营业额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Revised on</source>
        <translation>修订日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reward given</source>
        <translation>已给奖励</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reward given (amount)</source>
        <translation>已给奖励金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reward given on</source>
        <translation>奖励给予日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reward promised</source>
        <translation>许诺的奖励</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reward promised (amount)</source>
        <translation>许诺的奖励金额</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scored by</source>
        <translation>评分人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Instalment number</source>
        <translation>期次</translation>
    </message>
    <message>
        <location line="+1" />
        <source>File contents</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <location line="+1" />
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From follow-up</source>
        <translation>来源跟进记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Handed in at</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Value (date)</source>
        <translation>值（日期）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Value (number)</source>
        <translation>值（数字）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <location line="+1" />
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Both computers changed this field since they last synced: the newer change was kept.</source>
        <translation>自上次同步以来，两台电脑都修改了这个字段：保留了较新的修改。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Both computers created a record under this name: they were merged into one record that keeps the links of both.</source>
        <translation>两台电脑都以这个名称新建了记录：它们已合并为一条记录，保留双方的全部关联。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The two files already held different values when they first synced: one was kept.</source>
        <translation>两个文件第一次同步时这个字段的值就已不同：保留了其中一个。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>{kind} · {name}</source>
        <translation>{kind} · {name}</translation>
    </message>
    <message>
        <location line="+43" />
        <source>(set)</source>
        <translation>（已设置）</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+4" />
        <source>(a record not on this computer)</source>
        <translation>（本机没有这条记录）</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Records received: {records} ({applied} updated here, {unchanged} already up to date).</source>
        <translation>收到记录：{records} 条（本机更新 {applied} 条，{unchanged} 条已是最新）。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Conflicts: {count} (the same field changed on two computers). Click Show conflicts… to check them.</source>
        <translation>冲突：{count} 处（同一字段在两台电脑上都被修改）。请点击“查看冲突…”核对。</translation>
    </message>
    <message>
        <source>newer change kept</source>
        <translation type="vanished">保留较新的修改</translation>
    </message>
    <message>
        <source>same name: merged into one</source>
        <translation type="vanished">同名：已合并为一条</translation>
    </message>
    <message>
        <source>differed before the first sync</source>
        <translation type="vanished">首次同步前已不同</translation>
    </message>
    <message>
        <location line="-50" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+39" />
        <source>No new changes from the other computers.</source>
        <translation>其他电脑没有新的变更。</translation>
    </message>
    <message>
        <source>Records received: {records} ({applied} applied, {unchanged} already here).</source>
        <translation type="vanished">收到记录：{records} 条（应用 {applied} 条，{unchanged} 条本机已有）。</translation>
    </message>
    <message>
        <source>Conflicts: {count}. Open the list to check them.</source>
        <translation type="vanished">冲突：{count} 个。请打开冲突列表查看。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>No conflicts: every change merged cleanly.</source>
        <translation>没有冲突：所有修改都已顺利合并。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Waiting for records not received yet: {count} (they are applied at a later sync).</source>
        <translation>等待尚未收到的记录：{count} 条（将在之后的同步中应用）。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Records sent: {count}.</source>
        <translation>发出记录：{count} 条。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Synced with the team database {team}.</source>
        <translation>已与团队数据库 {team} 同步。</translation>
    </message>
    <message>
        <source>Conflicts on the team database: {count} (a field changed here was changed there too: sync kept one value there).</source>
        <translation type="vanished">团队数据库上的冲突：{count} 处（本机修改的字段在那里也被修改过：同步在那里保留了其中一个值）。</translation>
    </message>
    <message>
        <location line="+32" />
        <source>The changes were written to {path}.</source>
        <translation>变更已写入 {path}。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Import this file on the other computer (File → Import changes…).</source>
        <translation>请在另一台电脑上导入此文件（文件 → 导入变更…）。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Synced with {folder}.</source>
        <translation>已与 {folder} 同步。</translation>
    </message>
    <message>
        <location line="-38" />
        <location line="+44" />
        <source>Nothing new to send from this computer.</source>
        <translation>本机没有需要发出的新变更。</translation>
    </message>
    <message>
        <location line="-41" />
        <source>Of the conflicts, {count} were met on the team database while it merged this computer's changes.</source>
        <translation>其中 {count} 个是团队数据库合并本机的变更时遇到的。</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+36" />
        <source>Not imported: {file}: {error}</source>
        <translation>未导入：{file}：{error}</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <location filename="../../ui/pages/clients/editor_tags.py" line="+51" />
        <source>New category</source>
        <translation>新分类</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <location filename="../../ui/pages/goals/dialogs.py" line="-244" />
        <source>Edit target</source>
        <translation>编辑数字目标</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New target</source>
        <translation>新建数字目标</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Optional for a KPI, required for a manual target</source>
        <translation>指标类目标可不填，手工目标必填</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Actual entered</source>
        <translation>已录入实际值</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../ui/tasks.py" line="+84" />
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
    <message>
        <location line="+153" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/custom_fields.py" line="-471" />
        <location filename="../../ui/tasks.py" line="+19" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TeamConnectDialog</name>
    <message>
        <location filename="../../ui/team_database.py" line="+148" />
        <source>Connect to team database</source>
        <translation>连接团队数据库</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A team database is one PostgreSQL database that everybody in the team works on at once. Ask whoever runs the server for these details (see the README).</source>
        <translation>团队数据库是团队所有人同时使用的一个 PostgreSQL 数据库。请向服务器管理员索取以下信息（见 README）。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>leave empty to use ~/.pgpass or PGPASSWORD</source>
        <translation>留空则使用 ~/.pgpass 或 PGPASSWORD</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The password is kept in memory until the program closes, never saved.</source>
        <translation>密码只保存在内存中，程序关闭即清除，绝不写入磁盘。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Enter the name of the database.</source>
        <translation>请输入数据库名称。</translation>
    </message>
</context>
<context>
    <name>TeamDatabase</name>
    <message>
        <location line="-82" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The team database {url} asks for a password.

Password for {user}:</source>
        <translation>团队数据库 {url} 需要密码。

{user} 的密码：</translation>
    </message>
</context>
<context>
    <name>TeamOverviewView</name>
    <message>
        <location filename="../../ui/pages/weekly/team_view.py" line="+38" />
        <location line="+15" />
        <location line="+50" />
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location line="-65" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Double-click a person to open their form.</source>
        <translation>双击某人打开其周报。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Export the weekly forms' status</source>
        <translation>导出周报状态</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export the monthly behaviour scores</source>
        <translation>导出月度周行为分</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Weekly forms of {week}</source>
        <translation>{week} 的周报</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Nobody to review.</source>
        <translation>没有需要检视的人。</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Monthly behaviour score</source>
        <translation>月度周行为分</translation>
    </message>
    <message>
        <source>Monthly behaviour score ({kpi})</source>
        <translation type="vanished">月度周行为分（{kpi}）</translation>
    </message>
</context>
<context>
    <name>TeamSection</name>
    <message>
        <location filename="../../ui/pages/settings_team.py" line="+31" />
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The people who use this file. A salesperson sees their own goals and weekly forms; a supervisor also sees those of the people reporting to them and of salespeople who report to nobody. A PIN protects switching to a person (set one for every supervisor).</source>
        <translation>使用此数据文件的人员。业务员只能看到自己的目标和周报；主管还能看到向其汇报的人员以及无上级的业务员的目标和周报。PIN 码可防止他人切换到该身份（请为每位主管设置）。</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+70" />
        <source>Loading the team…</source>
        <translation>正在读取团队…</translation>
    </message>
    <message>
        <location line="-62" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reports to</source>
        <translation>上级</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+129" />
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="-128" />
        <location line="+131" />
        <source>Set PIN…</source>
        <translation>设置 PIN 码…</translation>
    </message>
    <message>
        <location line="-129" />
        <location line="+246" />
        <location line="+10" />
        <source>Remove PIN</source>
        <translation>移除 PIN 码</translation>
    </message>
    <message>
        <location line="-253" />
        <source>Export the team</source>
        <translation>导出团队</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+63" />
        <source>The team could not be read: {error}</source>
        <translation>无法读取团队：{error}</translation>
    </message>
    <message>
        <location line="+13" />
        <source>{name} (working now)</source>
        <translation>{name}（当前使用者）</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+1" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-1" />
        <location line="+1" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Change PIN…</source>
        <translation>修改 PIN 码…</translation>
    </message>
    <message>
        <location line="+39" />
        <source>{name} was added.</source>
        <translation>已添加{name}。</translation>
    </message>
    <message>
        <location line="+27" />
        <source>The changes were saved.</source>
        <translation>修改已保存。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>{name} was deactivated; their records stay.</source>
        <translation>已停用{name}，其记录仍然保留。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>{name} is active again.</source>
        <translation>{name}已重新启用。</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The PIN of {name} was set.</source>
        <translation>已设置{name}的 PIN 码。</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Enter the current PIN of {name} to remove it.</source>
        <translation>请输入{name}当前的 PIN 码以将其移除。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Remove the PIN of {name}? Anyone will then be able to work as {name}.</source>
        <translation>移除{name}的 PIN 码？之后任何人都能以{name}的身份工作。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The PIN of {name} was removed.</source>
        <translation>已移除{name}的 PIN 码。</translation>
    </message>
</context>
<context>
    <name>TeamSyncDialog</name>
    <message>
        <location filename="../../ui/sync_dialogs.py" line="-24" />
        <source>Sync with team database</source>
        <translation>与团队数据库同步</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This computer keeps working on its own file: sync sends its changes to the team database and brings the team's changes here. After that, Sync now and the automatic sync every 5 minutes use this database.

Ask whoever runs the server for these details.</source>
        <translation>本机继续使用自己的数据库文件：同步把本机的变更发送到团队数据库，并把团队的变更带回本机。之后，“立即同步”和每 5 分钟一次的自动同步都会使用这个数据库。

以下信息请向服务器管理员索取。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../ui/importer/template_dialog.py" line="+31" />
        <source>Import template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <location line="+4" />
        <source>An empty file with the column headers the import recognises. Fill it in with Excel or WPS, then use File → Import….</source>
        <translation>一个带有可识别表头的空白文件。用 Excel 或 WPS 填写后，再通过“文件 → 导入…”导入。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Records:</source>
        <translation>记录类型：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>English headers</source>
        <translation>英文表头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Chinese headers</source>
        <translation>中文表头</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Headers:</source>
        <translation>表头：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CSV, UTF-8 with BOM (.csv)</source>
        <translation>CSV，UTF-8 带 BOM（.csv）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{name}-import-template.{suffix}</source>
        <translation>{name}-导入模板.{suffix}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The template was saved to {path}.</source>
        <translation>模板已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>TodayModels</name>
    <message>
        <location filename="../../ui/pages/today/models.py" line="-48" />
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Today {time}</source>
        <translation>今天 {time}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{weekday} {time}</source>
        <translation>{weekday} {time}</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../ui/pages/today/page.py" line="+81" />
        <location line="+232" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location line="-224" />
        <source>My agenda</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Whole team</source>
        <translation>整个团队</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Later this week</source>
        <translation>本周到期</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+36" />
        <source>Neglected clients</source>
        <translation>久未联系的客户</translation>
    </message>
    <message>
        <location line="-35" />
        <source>Overdue receivables</source>
        <translation>逾期应收</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Next steps</source>
        <translation>下步事务</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No open next steps this week. Well done.</source>
        <translation>本周没有待办的下步事务，做得好。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Every client has been contacted within its grade's limit.</source>
        <translation>所有客户都在其定级的期限内联系过。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Payments to collect</source>
        <translation>待回款</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No payment instalment is due this week or overdue.</source>
        <translation>本周没有到期或逾期的回款。</translation>
    </message>
    <message>
        <location line="+134" />
        <source>Loading the agenda…</source>
        <translation>正在加载待办…</translation>
    </message>
    <message>
        <location line="+84" />
        <source>{date} · the whole team's agenda</source>
        <translation>{date} · 整个团队的待办</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{date} · agenda of {name}</source>
        <translation>{date} · {name} 的待办</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The agenda could not be loaded: {error}</source>
        <translation>无法加载待办：{error}</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Complete next step</source>
        <translation>完成下步事务</translation>
    </message>
    <message>
        <location line="+9" />
        <location line="+4" />
        <source>Snooze next step</source>
        <translation>推迟下步事务</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Log follow-up</source>
        <translation>记录跟进</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Record payment</source>
        <translation>登记回款</translation>
    </message>
    <message>
        <location line="+30" />
        <source>{count}+</source>
        <translation>{count}+</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation type="vanished">未来 7 天</translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="vanished">到期时间</translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="vanished">客户</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="vanished">计划类型</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="vanished">下步事务</translation>
    </message>
    <message>
        <location line="-222" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>{date} · open next steps of {name}, due today or overdue</source>
        <translation type="vanished">{date} · {name} 今天到期或已逾期的下步事务</translation>
    </message>
    <message>
        <source>{date} · open next steps due today or overdue</source>
        <translation type="vanished">{date} · 今天到期或已逾期的下步事务</translation>
    </message>
</context>
<context>
    <name>TodayRefusal</name>
    <message>
        <location filename="../../ui/pages/today/dialogs.py" line="+42" />
        <source>The client of this next step has been deleted; restore the client first.</source>
        <translation>此下步事务的客户已被删除，请先恢复该客户。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This next step is already done.</source>
        <translation>此下步事务已完成。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This time is in the past. Choose a time from now on.</source>
        <translation>该时间已经过去，请选择现在之后的时间。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/pages/settings_team.py" line="-496" />
        <source>Edit {name}</source>
        <translation>编辑{name}</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <location line="+20" />
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reports to</source>
        <translation>上级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>VCardImportDialog</name>
    <message>
        <location filename="../../ui/pages/clients/vcard_dialog.py" line="+75" />
        <source>Import contacts from vCard</source>
        <translation>从 vCard 导入联系人</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Update the existing contact</source>
        <translation>更新已有联系人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add them as new contacts</source>
        <translation>作为新联系人添加</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Duplicates (same name or phone):</source>
        <translation>重复项（姓名或电话相同）：</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Same name or phone as {name}</source>
        <translation>与 {name} 姓名或电话相同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New contact</source>
        <translation>新联系人</translation>
    </message>
    <message>
        <location line="+13" />
        <source>{file}: cards: {cards} · duplicates: {dups} · with problems: {bad}</source>
        <translation>{file}：名片 {cards} 张 · 重复 {dups} 张 · 有问题 {bad} 张</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Leave out the cards with problems ({count})</source>
        <translation>不导入有问题的名片（{count} 张）</translation>
    </message>
    <message>
        <source>{file}: {cards} cards, {dups} duplicates, {bad} with problems.</source>
        <translation type="vanished">{file}：共 {cards} 张名片，{dups} 张重复，{bad} 张有问题。</translation>
    </message>
    <message>
        <source>Leave out the {count} cards with problems</source>
        <translation type="vanished">不导入有问题的 {count} 张名片</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{file} cannot be imported.</source>
        <translation>无法导入 {file}。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Some cards have problems: leave them out, or correct the file and try again.</source>
        <translation>部分名片有问题：可以不导入它们，或修改文件后重试。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>VCardPreviewModel</name>
    <message>
        <location line="-136" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check</source>
        <translation>检查结果</translation>
    </message>
</context>
<context>
    <name>WeeklyFormEditor</name>
    <message>
        <location filename="../../ui/pages/weekly/form_editor.py" line="+118" />
        <source>1. Assessment task</source>
        <translation>一、考核任务</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location line="+0" />
        <source>To date</source>
        <translation>至今完成</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Gap</source>
        <translation>差额</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No month or quarter goal holds this week.</source>
        <translation>本周不属于任何月度或季度目标。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>2. Collections</source>
        <translation>二、回款</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last week: planned and received</source>
        <translation>上周计划回款与实际回款</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+18" />
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-18" />
        <source>Planned</source>
        <translation>计划回款</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Received</source>
        <translation>实际回款</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This week: planned collections</source>
        <translation>本周回款计划</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add line…</source>
        <translation>添加一行…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Remove line</source>
        <translation>删除该行</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Contract / note</source>
        <translation>合同/备注</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0" />
        <source>To collect</source>
        <translation>待回款</translation>
    </message>
    <message>
        <location line="+9" />
        <source>3. Work</source>
        <translation>三、工作</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This week: plan per day</source>
        <translation>本周计划工作（按天）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plan work…</source>
        <translation>计划工作…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Done / not done</source>
        <translation>完成/未完成</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Day</source>
        <translation>星期</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Client / goal</source>
        <translation>客户/目标</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Export the weekly form's table</source>
        <translation>导出周报表格</translation>
    </message>
    <message>
        <location line="+2" />
        <source>4. Facts of the week</source>
        <translation>四、本周成果</translation>
    </message>
    <message>
        <location line="+8" />
        <source>5. Summary</source>
        <translation>五、总结</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save summary</source>
        <translation>保存总结</translation>
    </message>
    <message>
        <location line="+7" />
        <source>What went well, what did not, what you need</source>
        <translation>做得好的、没做好的、需要的支持</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Annotations and score</source>
        <translation>批注与评分</translation>
    </message>
    <message>
        <location line="+52" />
        <location line="+29" />
        <source>(no client)</source>
        <translation>（无客户）</translation>
    </message>
    <message>
        <location line="-24" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="-125" />
        <location line="+143" />
        <source>Instalment due {date}</source>
        <translation>回款计划 {date} 到期</translation>
    </message>
    <message>
        <location line="-144" />
        <location line="+146" />
        <source>Added by hand</source>
        <translation>手工添加</translation>
    </message>
    <message>
        <location line="+48" />
        <source>No annotations.</source>
        <translation>暂无批注。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not scored yet.</source>
        <translation>尚未评分。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Score {score} / 100 by {name}</source>
        <translation>评分 {score} / 100（{name}）</translation>
    </message>
</context>
<context>
    <name>WeeklyPage</name>
    <message>
        <source>Week</source>
        <translation type="vanished">周次</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation type="vanished">业务员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="vanished">状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="vanished">评分</translation>
    </message>
    <message>
        <source>Planned collection</source>
        <translation type="vanished">本周回款计划</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="vanished">提交时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/weekly/page.py" line="+84" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Previous week</source>
        <translation>上一周</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Next week</source>
        <translation>下一周</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Submit…</source>
        <translation>提交…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Annotate…</source>
        <translation>批注…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Score…</source>
        <translation>评分…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <location line="+43" />
        <location line="+166" />
        <source>Weekly form</source>
        <translation>周目标</translation>
    </message>
    <message>
        <location line="-120" />
        <source>Loading the weekly form…</source>
        <translation>正在加载周报…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Nobody to show yet: add a user in Settings → Team.</source>
        <translation>还没有人员：请在“设置 → 团队”中添加用户。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>{name}'s weekly goal form, filled from the data; last week's form on the right</source>
        <translation>{name}的周目标/周报，按数据自动填写；右侧为上周周报</translation>
    </message>
    <message>
        <location line="+11" />
        <source>{week} ({start} – {end})</source>
        <translation>{week}（{start} – {end}）</translation>
    </message>
    <message>
        <location line="+126" />
        <source>Submit the form of {week}? It is locked afterwards; {name} can return it for revision.</source>
        <translation>提交 {week} 的周报？提交后将锁定；{name}可以退回修改。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>your supervisor</source>
        <translation>你的主管</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Submit the weekly form</source>
        <translation>提交周报</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Whole form</source>
        <translation>整张周报</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Fact: {name}</source>
        <translation>成果：{name}</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Export the weekly form as PDF</source>
        <translation>将周报导出为 PDF</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>{year} week {week}</source>
        <translation type="vanished">{year} 年第 {week} 周</translation>
    </message>
    <message>
        <source>The latest weekly goal forms, with their status and score</source>
        <translation type="vanished">最近的周目标表，含状态和评分</translation>
    </message>
</context>
<context>
    <name>WeeklyPdf</name>
    <message>
        <location filename="../../ui/pages/weekly/pdf.py" line="+27" />
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
</context>
<context>
    <name>WeeklyReviewSettingsSection</name>
    <message>
        <location filename="../../ui/pages/settings_weekly.py" line="+35" />
        <source>Weekly review</source>
        <translation>周报检视</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The criteria a supervisor can score a weekly form by. The total is the weighted mean of the criteria scores; without criteria a form gets one total score.</source>
        <translation>主管给周报打分的评分项。总分为各评分项得分的加权平均；没有评分项时只打一个总分。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Criterion</source>
        <translation>评分项</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Add criterion</source>
        <translation>添加评分项</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+31" />
        <source>New criterion</source>
        <translation>新评分项</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Saved. New scores use these criteria.</source>
        <translation>已保存。之后的评分使用这些评分项。</translation>
    </message>
</context>
<context>
    <name>WeeklyTexts</name>
    <message>
        <location filename="../../ui/pages/weekly/texts.py" line="+24" />
        <source>Missing</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Saturday</source>
        <translation>周六</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sunday</source>
        <translation>周日</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Whole form</source>
        <translation>整张周报</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fact: {name}</source>
        <translation>成果：{name}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Plan: {text}</source>
        <translation>工作计划：{text}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Collection: {text}</source>
        <translation>回款：{text}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Instalment: {text}</source>
        <translation>回款计划：{text}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assessment: {text}</source>
        <translation>考核任务：{text}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Plan quality</source>
        <translation>计划质量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Execution of the plan</source>
        <translation>计划执行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Results and collections</source>
        <translation>成果与回款</translation>
    </message>
</context>
<context>
    <name>WorkingAs</name>
    <message>
        <location filename="../../ui/working_as.py" line="-30" />
        <source>(no user yet)</source>
        <translation>（尚无用户）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <location line="+178" />
        <source>Switch to {name}</source>
        <translation>切换到{name}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{name} is protected by a PIN. Enter it to continue.</source>
        <translation>{name}受 PIN 码保护，请输入后继续。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Working as</source>
        <translation>当前使用者</translation>
    </message>
</context>
<context>
    <name>WorkingAsSwitch</name>
    <message>
        <location line="+14" />
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Choose who is working on this copy</source>
        <translation>选择当前使用此软件的人</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Working as: {who}</source>
        <translation>当前使用者：{who}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Enter your name…</source>
        <translation>输入您的姓名…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Working as</source>
        <translation>当前使用者</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{user} · PIN</source>
        <translation>{user} · PIN</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Manage the team…</source>
        <translation>管理团队…</translation>
    </message>
</context>
<context>
    <name>_DamageReport</name>
    <message>
        <location filename="../../ui/file_status.py" line="+126" />
        <source>{path} is damaged (SQLite's check: {problem}). It stays open read-only so that nothing more is lost.</source>
        <translation>{path} 已损坏（SQLite 检查结果：{problem}）。它将保持只读打开，以免丢失更多数据。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The latest backup is from {when}: restore it with File → Restore from backup… (the damaged file is kept).</source>
        <translation>最近的备份时间为 {when}：请通过“文件 → 从备份恢复……”恢复（损坏的文件会被保留）。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The file is damaged</source>
        <translation>文件已损坏</translation>
    </message>
</context>
<context>
    <name>_TableExport</name>
    <message>
        <location filename="../../ui/exporter/widget_tables.py" line="+126" />
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="+53" />
        <source>Export this table…</source>
        <translation>导出此表格…</translation>
    </message>
</context>
<context>
    <name>candidates</name>
    <message>
        <source>Never</source>
        <translation type="obsolete">从未联系</translation>
    </message>
    <message>
        <source>{days} ago</source>
        <translation type="obsolete">{days}前</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>Today</source>
        <translation type="obsolete">今天</translation>
    </message>
    <message>
        <source>Signed 1 year ago</source>
        <translation type="obsolete">签约 1 周年</translation>
    </message>
    <message>
        <source>Signed {years} years ago</source>
        <translation type="obsolete">签约 {years} 周年</translation>
    </message>
</context>
<context>
    <name>instalments</name>
    <message>
        <source>{days} overdue</source>
        <translation type="obsolete">已逾期 {days}</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation type="obsolete">今天到期</translation>
    </message>
</context>
<context>
    <name>neglected</name>
    <message>
        <source>Never</source>
        <translation type="obsolete">从未联系</translation>
    </message>
    <message>
        <source>{days} ago</source>
        <translation type="obsolete">{days}前</translation>
    </message>
</context>
</TS>
