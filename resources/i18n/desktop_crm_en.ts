<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="+94"/>
        <source>Something went wrong: {error}

The details were written to the log file.</source>
        <translation>Something went wrong: {error}

The details were written to the log file.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../ui/pages/clients.py" line="+21"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected amount</source>
        <translation>Expected amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} clients, newest first</source>
        <translation>{count} clients, newest first</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="+20"/>
        <source>Signed, last 12 months</source>
        <translation>Signed, last 12 months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected, last 12 months</source>
        <translation>Collected, last 12 months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected / signed</source>
        <translation>Collected / signed</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signed and collected amounts per month, whole team</source>
        <translation>Signed and collected amounts per month, whole team</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected</source>
        <translation>Collected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed vs collected per month</source>
        <translation>Signed vs collected per month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No contracts or payments in the last 12 months</source>
        <translation>No contracts or payments in the last 12 months</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../ui/fmt.py" line="+50"/>
        <source>MMM yy</source>
        <comment>QDate format of a month on a chart axis</comment>
        <translation>MMM yy</translation>
    </message>
</context>
<context>
    <name>GoalsPage</name>
    <message>
        <location filename="../../ui/pages/goals.py" line="+24"/>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actual</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Goals</source>
        <translation>Goals</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No year, quarter or month goal covers today yet.</source>
        <translation>No year, quarter or month goal covers today yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goals of {name} for the current year, quarter and month</source>
        <translation>Goals of {name} for the current year, quarter and month</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Team goals for the current year, quarter and month</source>
        <translation>Team goals for the current year, quarter and month</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Target: {label}</source>
        <translation>Target: {label}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Action: {title}</source>
        <translation>Action: {title}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="+14"/>
        <source>Salesperson</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dormant</source>
        <translation>Dormant</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Valuable</source>
        <translation>Valuable</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Churned</source>
        <translation>Churned</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Uncertain</source>
        <translation>Uncertain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not valuable</source>
        <translation>Not valuable</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A · Big deal</source>
        <translation>A · Big deal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B · Normal</source>
        <translation>B · Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C · Small deal</source>
        <translation>C · Small deal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approver</source>
        <translation>Approver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision maker</source>
        <translation>Decision maker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluator</source>
        <translation>Evaluator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close ally</source>
        <translation>Close ally</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supporter</source>
        <translation>Supporter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opponent</source>
        <translation>Opponent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep in touch</source>
        <translation>Keep in touch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Improve relationship</source>
        <translation>Improve relationship</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cultivate demand</source>
        <translation>Cultivate demand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dig opportunity</source>
        <translation>Dig opportunity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beat a competitor</source>
        <translation>Beat a competitor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp; collect</source>
        <translation>Sign &amp; collect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Greeting</source>
        <translation>Greeting</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Later today</source>
        <translation>Later today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tonight</source>
        <translation>Tonight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tomorrow</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next week</source>
        <translation>Next week</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next month</source>
        <translation>Next month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact time</source>
        <translation>Exact time</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Initial contact</source>
        <translation>Initial contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs analysis</source>
        <translation>Needs analysis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negotiation</source>
        <translation>Negotiation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Won</source>
        <translation>Won</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarter</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scored</source>
        <translation>Scored</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choice</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiple choice</source>
        <translation>Multiple choice</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+66"/>
        <location line="+26"/>
        <source>Sales CRM</source>
        <translation>Sales CRM</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New database…</source>
        <translation>&amp;New database…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Backup…</source>
        <translation>&amp;Backup…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Performance &amp;handbook</source>
        <translation>Performance &amp;handbook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Database: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} clients</source>
        <translation>{count} clients</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schema v{version}</source>
        <translation>Schema v{version}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+6"/>
        <source>New database</source>
        <translation>New database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} already exists. Use Open database to open it.</source>
        <translation>{path} already exists. Use Open database to open it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open database</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Sales CRM</source>
        <translation>About Sales CRM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sales CRM: an offline CRM for B2B salespeople.
Every record lives in one local SQLite file that you can back up and move.</source>
        <translation>Sales CRM: an offline CRM for B2B salespeople.
Every record lives in one local SQLite file that you can back up and move.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The performance handbook is empty.</source>
        <translation>The performance handbook is empty.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Performance handbook</source>
        <translation>Performance handbook</translation>
    </message>
</context>
<context>
    <name>PipelinePage</name>
    <message>
        <location filename="../../ui/pages/pipeline.py" line="+22"/>
        <source>Open opportunities</source>
        <translation>Open opportunities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open amount</source>
        <translation>Open amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Weighted amount</source>
        <translation>Weighted amount</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Won amount</source>
        <translation>Won amount</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opportunities</source>
        <translation>Opportunities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Expected amounts per stage; weighted by each opportunity&apos;s probability</source>
        <translation>Expected amounts per stage; weighted by each opportunity&apos;s probability</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../ui/prompts.py" line="+43"/>
        <source>CRM database (*.sqlite3 *.db);;All files (*)</source>
        <translation>CRM database (*.sqlite3 *.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="+39"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window switches language at once; your choice is remembered.</source>
        <translation>The window switches language at once; your choice is remembered.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database file</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working as</source>
        <translation>Working as</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings file</source>
        <translation>Settings file</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Language and data location</source>
        <translation>Language and data location</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no user yet)</source>
        <translation>(no user yet)</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/shell.py" line="+28"/>
        <source>Demo data is not available in this version.</source>
        <translation>Demo data is not available in this version.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This database is new and empty.

Start with demo data? You can explore every page with realistic clients, follow-ups and goals, then create a new database for real work.</source>
        <translation>This database is new and empty.

Start with demo data? You can explore every page with realistic clients, follow-ups and goals, then create a new database for real work.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Generating demo data…</source>
        <translation>Generating demo data…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../ui/tasks.py" line="+72"/>
        <source>Unexpected error: {error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../ui/pages/today.py" line="+20"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next 7 days</source>
        <translation>Next 7 days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{date} · open next steps of {name}, due today or overdue</source>
        <translation>{date} · open next steps of {name}, due today or overdue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{date} · open next steps due today or overdue</source>
        <translation>{date} · open next steps due today or overdue</translation>
    </message>
</context>
<context>
    <name>WeeklyPage</name>
    <message>
        <location filename="../../ui/pages/weekly.py" line="+21"/>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salesperson</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned collection</source>
        <translation>Planned collection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Weekly form</source>
        <translation>Weekly form</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{year} week {week}</source>
        <translation>{year} week {week}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The latest weekly goal forms, with their status and score</source>
        <translation>The latest weekly goal forms, with their status and score</translation>
    </message>
</context>
</TS>
