<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="+94"/>
        <source>Something went wrong: {error}

The details were written to the log file.</source>
        <translation>出错了：{error}

详细信息已写入日志文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../ui/pages/clients.py" line="+21"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>定级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clients</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} clients, newest first</source>
        <translation>共 {count} 个客户，最新的在前</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="+20"/>
        <source>Signed, last 12 months</source>
        <translation>近 12 个月签约额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected, last 12 months</source>
        <translation>近 12 个月回款额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected / signed</source>
        <translation>回款 / 签约</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signed and collected amounts per month, whole team</source>
        <translation>全团队每月签约额与回款额</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Signed</source>
        <translation>签约额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected</source>
        <translation>回款额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed vs collected per month</source>
        <translation>每月签约额与回款额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No contracts or payments in the last 12 months</source>
        <translation>近 12 个月没有合同或回款</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../ui/fmt.py" line="+50"/>
        <source>MMM yy</source>
        <comment>QDate format of a month on a chart axis</comment>
        <translation>yy年M月</translation>
    </message>
</context>
<context>
    <name>GoalsPage</name>
    <message>
        <location filename="../../ui/pages/goals.py" line="+24"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No year, quarter or month goal covers today yet.</source>
        <translation>还没有覆盖今天的年度、季度或月度目标。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goals of {name} for the current year, quarter and month</source>
        <translation>{name} 本年度、本季度和本月的目标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Team goals for the current year, quarter and month</source>
        <translation>团队本年度、本季度和本月的目标</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Target: {label}</source>
        <translation>数字目标：{label}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Action: {title}</source>
        <translation>行动目标：{title}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="+14"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>成交客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dormant</source>
        <translation>休眠</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Lost</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Valuable</source>
        <translation>有价值</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Churned</source>
        <translation>流失</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not valuable</source>
        <translation>无价值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A · Big deal</source>
        <translation>A · 大单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B · Normal</source>
        <translation>B · 正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C · Small deal</source>
        <translation>C · 小单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approver</source>
        <translation>批准者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision maker</source>
        <translation>决策者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluator</source>
        <translation>评估者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coach</source>
        <translation>保荐者</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close ally</source>
        <translation>良友</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supporter</source>
        <translation>支持者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neutral</source>
        <translation>中立</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opponent</source>
        <translation>反对者</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep in touch</source>
        <translation>保持联络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Improve relationship</source>
        <translation>增进关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cultivate demand</source>
        <translation>培养需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dig opportunity</source>
        <translation>挖掘机会</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beat a competitor</source>
        <translation>打击竞品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp; collect</source>
        <translation>签约回款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Greeting</source>
        <translation>普通问候</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Later today</source>
        <translation>今天稍后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tonight</source>
        <translation>今晚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This week</source>
        <translation>本周内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next week</source>
        <translation>下周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next month</source>
        <translation>下月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact time</source>
        <translation>指定时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Initial contact</source>
        <translation>初步接触</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs analysis</source>
        <translation>需求分析</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposal</source>
        <translation>方案报价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negotiation</source>
        <translation>商务谈判</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Won</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiple choice</source>
        <translation>多选</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+66"/>
        <location line="+26"/>
        <source>Sales CRM</source>
        <translation>销售客户管理</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Backup…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performance &amp;handbook</source>
        <translation>绩效手册(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} clients</source>
        <translation>{count} 个客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schema v{version}</source>
        <translation>数据结构 v{version}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+6"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} already exists. Use Open database to open it.</source>
        <translation>{path} 已存在。请用“打开数据库”打开它。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Sales CRM</source>
        <translation>关于销售客户管理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sales CRM: an offline CRM for B2B salespeople.
Every record lives in one local SQLite file that you can back up and move.</source>
        <translation>销售客户管理：为 B2B 业务员打造的离线 CRM。
所有记录都保存在一个本地 SQLite 文件中，可以随时备份和迁移。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The performance handbook is empty.</source>
        <translation>绩效手册还是空的。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Performance handbook</source>
        <translation>绩效手册</translation>
    </message>
</context>
<context>
    <name>PipelinePage</name>
    <message>
        <location filename="../../ui/pages/pipeline.py" line="+22"/>
        <source>Open opportunities</source>
        <translation>进行中的商机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open amount</source>
        <translation>进行中金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Weighted amount</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Won amount</source>
        <translation>成功金额</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opportunities</source>
        <translation>商机数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pipeline</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Expected amounts per stage; weighted by each opportunity&apos;s probability</source>
        <translation>各阶段的预计金额；加权金额按每个商机的成功概率计算</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../ui/prompts.py" line="+43"/>
        <source>CRM database (*.sqlite3 *.db);;All files (*)</source>
        <translation>CRM 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="+39"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window switches language at once; your choice is remembered.</source>
        <translation>窗口会立即切换语言，并记住你的选择。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working as</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Language and data location</source>
        <translation>语言和数据位置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no user yet)</source>
        <translation>（尚无用户）</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/shell.py" line="+28"/>
        <source>Demo data is not available in this version.</source>
        <translation>此版本不提供演示数据。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This database is new and empty.

Start with demo data? You can explore every page with realistic clients, follow-ups and goals, then create a new database for real work.</source>
        <translation>这是一个新的空数据库。

要从演示数据开始吗？你可以用逼真的客户、跟进记录和目标浏览每个页面，之后再新建一个数据库用于实际工作。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Generating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../ui/tasks.py" line="+72"/>
        <source>Unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../ui/pages/today.py" line="+20"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next 7 days</source>
        <translation>未来 7 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>计划类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step</source>
        <translation>下步事务</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{date} · open next steps of {name}, due today or overdue</source>
        <translation>{date} · {name} 今天到期或已逾期的下步事务</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{date} · open next steps due today or overdue</source>
        <translation>{date} · 今天到期或已逾期的下步事务</translation>
    </message>
</context>
<context>
    <name>WeeklyPage</name>
    <message>
        <location filename="../../ui/pages/weekly.py" line="+21"/>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned collection</source>
        <translation>本周回款计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Weekly form</source>
        <translation>周目标</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{year} week {week}</source>
        <translation>{year} 年第 {week} 周</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The latest weekly goal forms, with their status and score</source>
        <translation>最近的周目标表，含状态和评分</translation>
    </message>
</context>
</TS>
