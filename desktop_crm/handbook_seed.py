"""The first edition of the performance handbook (绩效手册), in English and Chinese.

One entry per topic: each KPI of ``kpi.KPI_KEYS`` (what it counts, exactly as DOMAIN.md defines it, and how
it is judged), each scoring rule (``rule:*``) and each role's job description (``role:*``, 职务说明书).
A handbook entry's ``kpi_key`` holds its topic key: a bare KPI key, or a prefixed key for the other
topics. ``services.handbook.seed_handbook(lang)`` copies one language into an empty handbook; the demo
data uses the Chinese edition. Answers are plain text: paragraphs separated by a blank line, lines
starting with "- " are list items.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("en", "zh_CN")
RULE_PREFIX = "rule:"
ROLE_PREFIX = "role:"


@dataclass(frozen=True)
class Text:
    title: str  # the topic's short name (shown where the topic is picked)
    question: str
    answer: str


@dataclass(frozen=True)
class SeedEntry:
    key: str
    en: Text
    zh: Text

    def text(self, lang: str) -> Text:
        return self.zh if language(lang) == "zh_CN" else self.en


def language(lang: str) -> str:
    """``"zh_CN"`` for any Chinese language code, else ``"en"``."""
    return "zh_CN" if lang.lower().startswith("zh") else "en"


def _e(key: str, en: tuple[str, str, str], zh: tuple[str, str, str]) -> SeedEntry:
    return SeedEntry(key, Text(*en), Text(*zh))


_EN_PERIOD = "Period rules: see “How are periods, dates and owners counted?”."
_ZH_PERIOD = "期间和归属的规则见“期间、日期和归属怎么算？”。"

_ROLES = (
    _e(
        "role:salesperson",
        (
            "Salesperson",
            "What is a salesperson judged on? (job description)",
            "The salesperson (业务员) finds, develops and keeps clients, and is judged on results first, "
            "then on the way the week is planned and carried out.\n\n"
            "Results (the numeric targets agreed for the assessment period, month or quarter):\n"
            "- collected amount: the money actually received; it counts most;\n"
            "- signed amount and first signings: the new business won;\n"
            "- conversion rate and follow-up cycle: whether the right clients get the effort.\n\n"
            "Behaviour (the weekly goal form):\n"
            "- fill in the week's form on Monday: collections planned per client, work planned per day, "
            "linked to clients and event goals;\n"
            "- log every follow-up with its next step, so the facts of the week gather themselves;\n"
            "- submit the form at the end of the week with an honest summary; the supervisor's weekly "
            "scores make the monthly behaviour score.\n\n"
            "Targets are agreed, not dictated: if an assigned target looks wrong, propose another value "
            "with a reason. Many actions with few results (the “model worker”, 劳模) is not a virtue in "
            "itself: it calls for coaching on client value, not for more calls.",
        ),
        (
            "业务员",
            "业务员考核什么？（职务说明书）",
            "业务员负责开发、推进和维护客户。考核先看结果，再看每周计划和执行的过程。\n\n"
            "结果（考核周期——月或季度——商定的数字目标）：\n"
            "- 回款额：实际到账的钱，权重最高；\n"
            "- 签约额和首次签约：新赢得的业务；\n"
            "- 转化率和跟单周期：精力是否花在了对的客户上。\n\n"
            "行为（周目标/周报）：\n"
            "- 每周一填写本周目标：按客户列出回款计划，按天列出工作计划，并关联客户和事件目标；\n"
            "- 每次跟进都记录并设定下步事务，本周的事实就会自动汇总；\n"
            "- 周末提交周报，如实写总结；主管每周的评分汇成月度周行为分。\n\n"
            "目标是商定的，不是硬性下放的：认为分配的目标不合理，可以提出不同的数值并说明理由。"
            "行动多而结果少本身不是优点（“劳模”），需要的是在客户价值判断上的辅导，而不是更多的电话。",
        ),
    ),
    _e(
        "role:supervisor",
        (
            "Supervisor",
            "What is a supervisor judged on? (job description)",
            "The supervisor (主管) owns the team's results and the salespeople's growth.\n\n"
            "Results: the team's collected amount, signed amount and first signings against the team "
            "goals of the assessment period.\n\n"
            "Management work, each week:\n"
            "- agree every salesperson's targets face to face; answer each proposed value (accept it or "
            "keep yours, with the reason);\n"
            "- read every submitted weekly form within the week: annotate (批注) the lines that need it, "
            "score it 0–100, or return it for revision with a reason;\n"
            "- look at whose forms are missing, and at who works hard with few results, and coach them;\n"
            "- revise this handbook when a rule turns out unclear: it is the team's case law.\n\n"
            "Feedback is about the work, not the person: quote the figures, agree on the next step.",
        ),
        (
            "主管",
            "主管考核什么？（职务说明书）",
            "主管对团队的结果和业务员的成长负责。\n\n"
            "结果：团队的回款额、签约额和首次签约，对照考核周期的团队目标。\n\n"
            "每周的管理工作：\n"
            "- 与每位业务员当面商定目标；对每个提议的数值给出答复（接受，或保留原值并说明理由）；\n"
            "- 在当周内看完每份提交的周报：对需要的行写批注，打0–100分，或注明理由退回修改；\n"
            "- 关注谁的周报没交，谁行动多而结果少，并给予辅导；\n"
            "- 规则说不清时修订本手册：它是团队的“判例法”。\n\n"
            "反馈对事不对人：拿出数据，商定下一步。",
        ),
    ),
)

_RULES = (
    _e(
        "rule:periods",
        (
            "Periods, dates and owners",
            "How are periods, dates and owners counted?",
            "A period runs from its first day up to, but not including, its end day. A record falls in a "
            "period by its local date (the date part of its time).\n\n"
            "- Weeks are ISO weeks, Monday first; a week belongs to the month that holds its Thursday.\n"
            "- Money is counted in cents, in one currency; averages of money are rounded to the nearest cent.\n"
            "- Days between two records are whole calendar days between their dates.\n"
            "- A follow-up belongs to whoever logged it; an opportunity to its owner; a client, and its "
            "contracts, payment plans and payments, to the client's current owner.\n"
            "- Deleted records count nowhere; a deleted client takes its follow-ups, contracts, plans, "
            "payments and opportunities out of every KPI.\n\n"
            "Every KPI can be read for the whole team or for one salesperson.",
        ),
        (
            "期间、日期和归属",
            "期间、日期和归属怎么算？",
            "一个期间从第一天开始，到结束日为止（不含结束日）。记录按其本地日期（时间的日期部分）计入期间。\n\n"
            "- 周按ISO周计算，周一为第一天；一周属于它的星期四所在的月份。\n"
            "- 金额以分为单位，同一币种；金额的平均值四舍五入到分。\n"
            "- 两条记录之间的天数是两个日期之间相差的整天数。\n"
            "- 跟进记录归记录人；商机归负责人；客户及其合同、回款计划和回款归客户的当前负责人。\n"
            "- 已删除的记录不计入任何指标；删除一个客户，它的跟进、合同、计划、回款和商机也都不再计入。\n\n"
            "每个指标都可以按整个团队看，也可以只看一位业务员。",
        ),
    ),
    _e(
        "rule:mom_yoy",
        (
            "Month-on-month and year-on-year",
            "What do month-on-month (MoM) and year-on-year (YoY) mean?",
            "MoM = value of the period ÷ value of the previous period of equal length − 1.\n"
            "YoY = value of the period ÷ value of the same period a year earlier − 1.\n\n"
            "Both are empty when the base is zero or empty. For weeks, YoY compares ISO week W of year Y "
            "with week W of year Y−1; week 53 has no year-earlier base when the year before had 52 weeks.\n\n"
            "How it is judged: a trend, not a verdict; read it with the figures behind it.",
        ),
        (
            "环比和同比",
            "环比和同比是什么意思？",
            "环比 = 本期数值 ÷ 上一个等长期间的数值 − 1。\n"
            "同比 = 本期数值 ÷ 上年同期的数值 − 1。\n\n"
            "基数为零或为空时两者都为空。按周看时，同比用Y年第W周对比Y−1年第W周；"
            "上一年只有52周时，第53周没有同比。\n\n"
            "怎么看：它是趋势，不是结论；要结合背后的数字一起看。",
        ),
    ),
    _e(
        "rule:weekly_score",
        (
            "Weekly form score",
            "How is the weekly form scored?",
            "Every salesperson fills one weekly goal form (周目标/周报) per ISO week and submits it; the "
            "submitted form is locked. The supervisor then:\n"
            "- writes annotations (批注), each dated, on the whole form or on one line;\n"
            "- scores it from 0 to 100, as one score or per criterion: the form's score is then the "
            "weighted mean (by default plan quality 30, execution of the plan 40, results and "
            "collections 30; the criteria and weights are kept in Settings);\n"
            "- or returns it for revision, with the reason.\n\n"
            "What earns a good score: a plan that is specific (days, clients, event goals), work done as "
            "planned, collections reached against last week's plan, and an honest summary of what went "
            "wrong and what comes next. A form that is not scored does not count in the monthly "
            "behaviour score.",
        ),
        (
            "周报评分",
            "周报怎么评分？",
            "每位业务员每个ISO周填写一份周目标/周报并提交；提交后周报锁定。然后由主管：\n"
            "- 写批注：可以针对整份周报，也可以针对某一行，每条都有时间；\n"
            "- 打0–100分：可以打一个总分，也可以按评分项打分，周报得分为加权平均"
            "（默认：计划质量30、计划执行40、结果与回款30；评分项和权重在设置中维护）；\n"
            "- 或者注明理由，退回修改。\n\n"
            "得高分的周报：计划具体（哪天、哪个客户、哪个事件目标），工作按计划完成，回款对照上周计划达成，"
            "总结如实写明问题和下一步。没有评分的周报不计入月度周行为分。",
        ),
    ),
    _e(
        "rule:completion",
        (
            "Completion and gap",
            "How are a goal's actual, completion and gap worked out?",
            "A numeric target follows one KPI (or a manual metric). Its actual is exactly that KPI's value "
            "for the goal's owner (or the whole team) over the goal's own period, the same figure the "
            "dashboard and `kpi --json` show; a manual metric's actual is entered by hand.\n\n"
            "- Completion = actual ÷ target. Where less is better (the follow-up cycle) it is target ÷ "
            "actual: staying at or below the target is 100 % or more.\n"
            "- Gap = target − actual: what is still missing; a negative gap is beyond the target (for the "
            "follow-up cycle, above it: worse).\n"
            "- A goal's overall completion is the mean of its targets' completions; a goal without a "
            "measurable target takes the mean of its sub-goals'.\n"
            "- A parent goal's target has its own actual over its own, longer period: the sub-goals show "
            "how the work is split, they are not added up.\n\n"
            "Qualitative goals have no figure: they are judged by the supervisor.",
        ),
        (
            "完成率和差额",
            "目标的实际值、完成率和差额怎么算？",
            "数字目标跟随一个关键指标（或手工指标）。实际值就是该指标在目标负责人（或整个团队）、"
            "目标自身期间内的数值，与仪表盘和 `kpi --json` 显示的数字相同；手工指标的实际值手工填写。\n\n"
            "- 完成率 = 实际值 ÷ 目标值。越少越好的指标（跟单周期）为目标值 ÷ 实际值：不超过目标即达到100%或以上。\n"
            "- 差额 = 目标值 − 实际值：还差多少；差额为负表示已超过目标（跟单周期为负则表示超出目标，是变差）。\n"
            "- 目标的总体完成率是其各数字目标完成率的平均值；没有可衡量目标的，取其下级目标的平均值。\n"
            "- 上级目标的实际值按它自己更长的期间计算：下级目标体现工作如何分解，不是简单相加。\n\n"
            "定性目标没有数字，由主管判断打分。",
        ),
    ),
    _e(
        "rule:on_pace",
        (
            "On pace",
            "What does “on pace” and its colour mean?",
            "On pace compares the completion with the share of the goal's period that has gone by "
            "(today counted as a whole day). Halfway through a month, half of a monthly amount or count "
            "should be reached. A rate or an average (conversion rate, follow-up cycle, score) is a "
            "level, not a sum: it is on pace only when it already meets the target.\n\n"
            "- Green: on pace or ahead.\n"
            "- Amber: behind, but at least 75 % of the expected completion.\n"
            "- Red: further behind; talk about it in this week's plan.\n"
            "- Grey: the period has not started, or there is no figure yet.\n\n"
            "Once the period has ended the goal shows reached (green) or missed (red).",
        ),
        (
            "进度",
            "“进度”和它的颜色是什么意思？",
            "进度比较的是完成率和目标期间已过去的时间比例（今天按整天计）。一个月过了一半，"
            "月度的金额或数量目标也应完成一半。比率和平均值（转化率、跟单周期、评分）是水平而不是累计，"
            "只有已经达到目标才算按进度。\n\n"
            "- 绿色：按进度或超前。\n"
            "- 黄色：落后，但不低于应有完成率的75%。\n"
            "- 红色：落后更多，应在本周计划中讨论对策。\n"
            "- 灰色：期间尚未开始，或还没有数据。\n\n"
            "期间结束后，目标显示为已达成（绿色）或未达成（红色）。",
        ),
    ),
    _e(
        "rule:smart",
        (
            "SMART check",
            "What do the SMART warnings on a goal mean?",
            "When a goal is saved it is checked against SMART. The warnings explain; they never block:\n"
            "- not Specific: no metric, and no linked clients or actions;\n"
            "- not Measurable: no numeric target, and not marked qualitative;\n"
            "- not Attainable: above twice the best of the last four comparable periods, or, for a growth "
            "goal, below the last one;\n"
            "- not Relevant: a goal below the year without a parent goal;\n"
            "- not Time-bound: no period.\n\n"
            "Not every goal can be quantified: mark such a goal qualitative; the supervisor judges it.",
        ),
        (
            "SMART检查",
            "目标上的SMART提醒是什么意思？",
            "保存目标时按SMART原则检查。提醒只是说明，不会阻止保存：\n"
            "- 不具体（S）：没有指标，也没有关联客户或行动；\n"
            "- 不可衡量（M）：没有数字目标，也没有标记为定性目标；\n"
            "- 不可实现（A）：超过最近四个可比期间最好成绩的两倍，或增长目标低于上一期；\n"
            "- 不相关（R）：年度以下的目标没有上级目标；\n"
            "- 无时限（T）：没有期间。\n\n"
            "并非所有目标都能量化：这样的目标标记为定性目标，由主管判断。",
        ),
    ),
    _e(
        "rule:agreed_targets",
        (
            "Agreed targets",
            "Who sets my targets?",
            "Targets are agreed, not dictated (充分沟通避免考核指标硬性下放). The supervisor splits the team's "
            "goals down to each salesperson; the salesperson can propose a different value for an "
            "assigned target, with a reason (a client's budget, the resources needed). The supervisor "
            "accepts the proposal or keeps the original value; the goal shows whether its target is "
            "proposed or agreed.\n\n"
            "A target nobody agreed to motivates nobody.",
        ),
        (
            "商定目标",
            "我的目标由谁定？",
            "目标是商定的，不是硬性下放的（充分沟通避免考核指标硬性下放）。主管把团队目标分解到每位业务员；"
            "业务员可以对分配的目标提出不同数值并说明理由（客户预算、所需资源等）。主管接受提议，"
            "或保留原值；目标上会显示它是“提议中”还是“已商定”。\n\n"
            "没有达成共识的指标不具备激励作用。",
        ),
    ),
)


def _kpi(key: str, en: tuple[str, str, str], zh: tuple[str, str, str]) -> SeedEntry:
    return _e(key, (en[0], en[1], f"{en[2]}\n\n{_EN_PERIOD}"), (zh[0], zh[1], f"{zh[2]}\n\n{_ZH_PERIOD}"))


_CHANNELS = (
    ("call", "calls", "电话"),
    ("sms", "text messages (SMS)", "短信"),
    ("visit", "visits", "拜访"),
    ("wechat", "WeChat messages", "微信"),
    ("email", "e-mails", "邮件"),
    ("meeting", "meetings", "会议"),
)

_ACTIVITY = tuple(
    _kpi(
        f"activity_{channel}",
        (
            f"Follow-ups: {en}",
            f"What does the “{en}” activity count?",
            f"The follow-ups logged in the period on the {en} channel, counted for whoever logged them.\n\n"
            "How it is judged: activity is the means, results are the goal. Compare it with the "
            "signings and collections it leads to.",
        ),
        (
            f"跟进：{zh}",
            f"“{zh}”行动量怎么算？",
            f"本期记录的渠道为{zh}的跟进记录条数，计入记录人。\n\n"
            "怎么看：行动是手段，结果是目的。要和它带来的签约、回款对照着看。",
        ),
    )
    for channel, en, zh in _CHANNELS
)

_KPIS = (
    _kpi(
        "new_clients",
        (
            "New clients",
            "What counts as a new client?",
            "The clients created (entered) in the period, counted for the client's current owner.\n\n"
            "How it is judged: more is better, but a new client is worth only what it later brings; read "
            "it with the conversion rate.",
        ),
        (
            "新增客户",
            "新增客户怎么算？",
            "本期创建（录入）的客户数，计入客户的当前负责人。\n\n"
            "怎么看：越多越好，但新客户的价值在于之后带来的业务；要和转化率一起看。",
        ),
    ),
    _kpi(
        "first_signings",
        (
            "First signings",
            "What is a first signing?",
            "A client whose earliest signed contract is dated in the period. A client signed twice has one "
            "first signing: its earliest contract (when two share the date, the one entered first). It "
            "counts for the client's current owner.\n\n"
            "How it is judged: more is better; it is the main result of new business.",
        ),
        (
            "首次签约",
            "什么是首次签约？",
            "最早一份签约合同的日期落在本期的客户。一个客户签了两次也只有一次首次签约：它最早的那份合同"
            "（同一天的两份合同取先录入的）。计入客户的当前负责人。\n\n"
            "怎么看：越多越好，这是新业务的主要成果。",
        ),
    ),
    _kpi(
        "conversion_rate",
        (
            "Conversion rate",
            "How is the conversion rate worked out?",
            "Of the clients created in the period, the share whose first contract is signed before the "
            "period ends. Empty when no client was created. Repeat orders of older clients do not count "
            "here (see the repeat rate).\n\n"
            "How it is judged: higher is better. Many new clients with a low rate means the leads were "
            "not qualified: calibrate client value earlier.",
        ),
        (
            "转化率",
            "转化率是怎么算的？",
            "本期新增的客户中，在期末之前签了第一份合同的比例。本期没有新增客户时为空。"
            "老客户复购不算在转化率里（见复购率）。\n\n"
            "怎么看：越高越好。新客户多而转化率低，说明线索没有甄别，要更早做客户价值标定。",
        ),
    ),
    _kpi(
        "repeat_rate",
        (
            "Repeat rate",
            "What does the repeat rate measure?",
            "Of the clients with a contract signed in the period, the share that had a contract signed "
            "before the period started. Empty when nobody signed in the period.\n\n"
            "How it is judged: a healthy share shows old clients being re-developed (二次开发): repeat "
            "orders, service beyond expectations, referrals.",
        ),
        (
            "复购率",
            "复购率指什么？",
            "本期有签约的客户中，本期开始之前已经签过合同的客户所占比例。本期没有签约时为空。\n\n"
            "怎么看：比例健康说明老客户在被二次开发：复购、超出预期的服务、转介绍。",
        ),
    ),
    _kpi(
        "first_order_avg_cents",
        (
            "First-order average value",
            "What is the first-order average value?",
            "The mean amount of the first contracts signed in the period (one per first signing), "
            "rounded to the nearest cent. Empty without first signings.\n\n"
            "How it is judged: higher means bigger first deals; compare it with the clients' grade (big, "
            "normal, small deal).",
        ),
        (
            "首次客单价",
            "首次客单价是什么？",
            "本期首次签约合同（每个首次签约一份）的平均金额，四舍五入到分。没有首次签约时为空。\n\n"
            "怎么看：越高说明首单越大；可与客户定级（大单、正常、小单）对照。",
        ),
    ),
    _kpi(
        "follow_up_cycle_days_mean",
        (
            "Follow-up cycle (mean)",
            "How is the follow-up cycle counted?",
            "For each first signing in the period: the whole days from the client's first follow-up (or "
            "from its creation, if it had no follow-up before signing) to the signing date. This is the "
            "mean over those signings. A follow-up on the signing day counts (a cycle of 0 days); all of "
            "the client's follow-ups count, whoever logged them. Empty without first signings.\n\n"
            "How it is judged: shorter is better. A target for it is reached by staying at or below it.",
        ),
        (
            "跟单周期（平均）",
            "跟单周期从哪天开始算？",
            "对本期每个首次签约：从客户的第一次跟进开始（签约前没有跟进的，从建档日开始），"
            "到首次签约日为止的整天数；取这些签约的平均值。签约当天的跟进也算（周期为0天）；"
            "客户的所有跟进都算，不论是谁记录的。没有首次签约时为空。\n\n"
            "怎么看：越短越好。它的目标不超过即为达成。",
        ),
    ),
    _kpi(
        "follow_up_cycle_days_median",
        (
            "Follow-up cycle (median)",
            "Why is there also a median follow-up cycle?",
            "The same days from first follow-up (or creation) to first signing as the mean cycle, but the "
            "middle value instead of the average: one very long deal does not move it.\n\n"
            "How it is judged: shorter is better; a mean far above the median points to a few deals that "
            "dragged on.",
        ),
        (
            "跟单周期（中位数）",
            "为什么还有跟单周期中位数？",
            "天数的算法与平均跟单周期相同（从第一次跟进或建档到首次签约），但取中间值而不是平均值："
            "个别特别长的单子不会拉动它。\n\n"
            "怎么看：越短越好；平均值远高于中位数，说明有少数单子拖得很久。",
        ),
    ),
    _kpi(
        "follow_ups_per_signed_client",
        (
            "Follow-ups per signed client",
            "Why do many follow-ups not raise my score?",
            "For the first signings in the period: the mean number of the client's follow-ups dated on or "
            "before the signing date (whoever logged them). Empty without first signings.\n\n"
            "How it is judged: not by itself. Actions are the means, results the goal. Many follow-ups "
            "per signing with few signings is the “model worker” (劳模) pattern: the supervisor coaches on "
            "client value and the way the deal is pushed, in the weekly form's annotations.",
        ),
        (
            "跟单次数",
            "为什么跟进次数多，绩效分反而不高？",
            "对本期的首次签约：签约日当天及之前该客户的跟进记录平均条数（不论是谁记录的）。"
            "没有首次签约时为空。\n\n"
            "怎么看：不能单独看。行动是手段，结果是目的。跟进多而签约少是“劳模”现象，"
            "说明客户价值判断或推进方法有问题，主管会在周报批注里辅导。",
        ),
    ),
    _kpi(
        "signed_amount_cents",
        (
            "Signed amount",
            "How is the signed amount counted?",
            "The sum of the amounts of the contracts signed in the period (by signing date), counted for "
            "the client's current owner.\n\n"
            "How it is judged: against the agreed target; money only counts once it is collected, so read "
            "it with the collected amount.",
        ),
        (
            "签约额",
            "签约额怎么算？",
            "本期签订（按签约日期）的合同金额之和，计入客户的当前负责人。\n\n"
            "怎么看：对照商定的目标；钱收回来才算数，所以要和回款额一起看。",
        ),
    ),
    _kpi(
        "collected_amount_cents",
        (
            "Collected amount",
            "Which day does a payment count on?",
            "The sum of the payments actually received in the period, by the date the money arrived "
            "(not the invoice date), counted for the client's current owner.\n\n"
            "How it is judged: the result that counts most. Compare it with the planned collection; the "
            "weekly form shows last week's planned and actual collections per client.",
        ),
        (
            "回款额",
            "回款额按哪天算？",
            "本期实际收到的回款之和，按实际到账日期计入，不按开票日期；计入客户的当前负责人。\n\n"
            "怎么看：最重要的结果。要对照计划回款；周报按客户列出上周计划回款和上周实际回款。",
        ),
    ),
    _kpi(
        "planned_collection_cents",
        (
            "Planned collection",
            "What is the planned collection?",
            "The sum of the payment-plan instalments due in the period, paid or not, counted for the "
            "client's current owner.\n\n"
            "How it is judged: it is the yardstick for the collected amount. Collections falling behind "
            "the plan go into this week's collection plan.",
        ),
        (
            "计划回款",
            "计划回款是什么？",
            "本期到期的回款计划分期金额之和，不论是否已付；计入客户的当前负责人。\n\n"
            "怎么看：它是衡量回款额的标尺。落后于计划的回款要列入本周回款计划。",
        ),
    ),
    *_ACTIVITY,
    _kpi(
        "activity_total",
        (
            "Follow-ups: all channels",
            "What does the total activity count?",
            "All follow-ups logged in the period, on every channel (call, SMS, visit, WeChat, e-mail, "
            "meeting), counted for whoever logged them.\n\n"
            "How it is judged: activity is the means, results are the goal. High activity with low "
            "results calls for coaching on client value, not for more calls.",
        ),
        (
            "跟进：全部渠道",
            "行动总量怎么算？",
            "本期记录的全部跟进（电话、短信、拜访、微信、邮件、会议），计入记录人。\n\n"
            "怎么看：行动是手段，结果是目的。行动多而结果少，需要的是客户价值上的辅导，而不是更多的电话。",
        ),
    ),
    _kpi(
        "call_minutes",
        (
            "Call minutes",
            "What are call minutes?",
            "The total duration, in minutes, of the calls logged in the period, counted for whoever logged "
            "them.\n\n"
            "How it is judged: with the number of calls; many short calls rarely move a deal.",
        ),
        (
            "通话分钟",
            "通话分钟是什么？",
            "本期记录的电话跟进的通话时长之和（分钟），计入记录人。\n\n"
            "怎么看：和电话次数一起看；很多很短的电话很少能推进商机。",
        ),
    ),
    _kpi(
        "new_opportunity_value_cents",
        (
            "New opportunity value",
            "What is the new opportunity value?",
            "The sum of the expected amounts of the opportunities created in the period, counted for the "
            "opportunity's owner.\n\n"
            "How it is judged: it fills the pipeline for the coming months; compare it with what is won.",
        ),
        (
            "新增商机金额",
            "新增商机金额是什么？",
            "本期新建商机的预计金额之和，计入商机负责人。\n\n怎么看：它决定未来几个月的商机储备；要和赢单金额对照。",
        ),
    ),
    _kpi(
        "won_count",
        (
            "Opportunities won",
            "What counts as a won opportunity?",
            "The opportunities closed as won in the period (by their closing date), counted for the "
            "opportunity's owner.\n\n"
            "How it is judged: more is better; read it with the lost count.",
        ),
        (
            "成功商机数",
            "什么算成功的商机？",
            "本期（按关闭日期）以成功关闭的商机数，计入商机负责人。\n\n怎么看：越多越好；要和失败数一起看。",
        ),
    ),
    _kpi(
        "won_amount_cents",
        (
            "Amount won",
            "How is the amount won counted?",
            "The sum of the expected amounts of the opportunities closed as won in the period, counted "
            "for the opportunity's owner.\n\n"
            "How it is judged: against the signed amount that follows.",
        ),
        (
            "成功金额",
            "成功金额怎么算？",
            "本期以成功关闭的商机的预计金额之和，计入商机负责人。\n\n怎么看：与随后的签约额对照。",
        ),
    ),
    _kpi(
        "lost_count",
        (
            "Opportunities lost",
            "What counts as a lost opportunity?",
            "The opportunities closed as lost in the period (by their closing date), counted for the "
            "opportunity's owner.\n\n"
            "How it is judged: not as a failure by itself. Record the reason and the competitor: losses "
            "explained are lessons for the next deal.",
        ),
        (
            "失败商机数",
            "什么算失败的商机？",
            "本期（按关闭日期）以失败关闭的商机数，计入商机负责人。\n\n"
            "怎么看：失败本身不扣分。记录原因和竞争对手：讲清楚的失败就是下一单的经验。",
        ),
    ),
    _kpi(
        "lost_amount_cents",
        (
            "Amount lost",
            "How is the amount lost counted?",
            "The sum of the expected amounts of the opportunities closed as lost in the period, counted "
            "for the opportunity's owner.\n\n"
            "How it is judged: large amounts lost to one competitor deserve a talk in the weekly review.",
        ),
        (
            "失败金额",
            "失败金额怎么算？",
            "本期以失败关闭的商机的预计金额之和，计入商机负责人。\n\n怎么看：大额输给同一个竞争对手，值得在周报评审时讨论。",
        ),
    ),
    _kpi(
        "behaviour_score",
        (
            "Monthly behaviour score",
            "How is the monthly behaviour score worked out?",
            "The mean of the scores of the scored weekly forms whose week belongs to the month (a week "
            "belongs to the month that holds its Thursday). Forms not scored do not count; empty when "
            "no form of the month is scored.\n\n"
            "How it is judged: it measures the way the work is planned and done, beside the results. See "
            "“How is the weekly form scored?”.",
        ),
        (
            "月度周行为分",
            "月度周行为分怎么算？",
            "该月所有已评分周报得分的平均值（一周属于它的星期四所在的月份）。没有评分的周报不计入；"
            "该月没有已评分的周报时为空。\n\n"
            "怎么看：它在结果之外衡量计划和执行的过程。评分方法见“周报怎么评分？”。",
        ),
    ),
    # after-sales: complaints (slice service)
    _kpi(
        "complaints_opened",
        (
            "Complaints opened",
            "What counts as a complaint opened?",
            "The service records of type complaint opened (created) in the period. A record belongs to its "
            "client's current owner; deleted records and deleted clients' records count nowhere.\n\n"
            "How it is judged: complaints are gold (客户抱怨是金): a complaint recorded is a chance to keep the "
            "client. Few complaints with unhappy clients means they are not being written down.",
        ),
        (
            "新增投诉",
            "新增投诉怎么算？",
            "期间内新建的类型为投诉的服务单数。服务单算在其客户当前的负责人名下；已删除的服务单和已删除客户的"
            "服务单不计入。\n\n"
            "怎么看：客户抱怨是金，记录下来的投诉是留住客户的机会。投诉很少而客户不满意，说明投诉没有被记录。",
        ),
    ),
    _kpi(
        "complaints_resolved",
        (
            "Complaints resolved",
            "What counts as a complaint resolved?",
            "The complaints whose resolution date is in the period. A complaint reopened and resolved again "
            "counts on its latest resolution date.\n\n"
            "How it is judged: set beside the complaints opened; a growing gap is a growing queue.",
        ),
        (
            "已解决投诉",
            "已解决投诉怎么算？",
            "解决日期在期间内的投诉数。重新打开后再次解决的投诉按最后一次解决的日期计算。\n\n"
            "怎么看：与新增投诉对照；两者差距越来越大，说明积压越来越多。",
        ),
    ),
    _kpi(
        "resolution_days_mean",
        (
            "Mean resolution days",
            "How are the mean resolution days worked out?",
            "For the complaints resolved in the period: the mean of the whole calendar days from the day the "
            "complaint was opened to the day it was resolved (a complaint resolved the day it came in counts "
            "0 days). Empty when no complaint was resolved.\n\n"
            "How it is judged: lower is better; compare it with the complaint type's response target in "
            "Settings.",
        ),
        (
            "平均解决天数",
            "平均解决天数怎么算？",
            "期间内解决的投诉，从投诉创建当天到解决当天相隔的整天数的平均值（当天解决记 0 天）。期间内没有"
            "解决的投诉时为空。\n\n"
            "怎么看：越低越好；可与设置中投诉类型的响应时限对照。",
        ),
    ),
    # referrals (slice care)
    _kpi(
        "referrals",
        (
            "Referrals",
            "What counts as a referral?",
            "The clients created in the period that record a referrer: another client, or a contact of "
            "another client, who brought them. A referred client belongs to its current owner; deleted "
            "clients count nowhere.\n\n"
            "How it is judged: long-standing clients asked for referrals (with a reward promised and kept) are "
            "the cheapest new clients. Few referrals from many signed clients means nobody asks.",
        ),
        (
            "转介绍客户",
            "转介绍客户怎么算？",
            "期间内新建、并记录了介绍人（另一个客户或另一个客户的联系人）的客户数。转介绍客户算在其当前负责人"
            "名下；已删除的客户不计入。\n\n"
            "怎么看：向老客户请求转介绍（许诺并兑现奖励）是获得新客户成本最低的方式。签约客户多而转介绍少，"
            "说明没有人去开口。",
        ),
    ),
    _kpi(
        "referral_conversion",
        (
            "Referral conversion",
            "How is the referral conversion worked out?",
            "Of the referrals created in the period, the share whose first contract is signed before the "
            "period ends. Empty when there is no referral.\n\n"
            "How it is judged: compare it with the conversion rate of all new clients; a referred client "
            "comes with trust and should convert better.",
        ),
        (
            "转介绍转化率",
            "转介绍转化率怎么算？",
            "期间内新建的转介绍客户中，在期间结束前签下首份合同的比例。期间内没有转介绍客户时为空。\n\n"
            "怎么看：与全部新客户的转化率对照；转介绍客户带着信任而来，转化率应当更高。",
        ),
    ),
)

SEED: tuple[SeedEntry, ...] = (*_ROLES, *_RULES, *_KPIS)
ROLE_KEYS = tuple(e.key for e in _ROLES)
RULE_KEYS = tuple(e.key for e in _RULES)
_BY_KEY = {e.key: e for e in SEED}


def seed_entries(lang: str) -> list[tuple[str, str, str]]:
    """The handbook's first edition in ``lang``: (topic key, question, answer) in order."""
    return [(e.key, e.text(lang).question, e.text(lang).answer) for e in SEED]


def topic_keys() -> tuple[str, ...]:
    """Every topic the handbook knows, in the seed's order."""
    return tuple(_BY_KEY)


def topic_title(key: str, lang: str) -> str:
    """The short name of a known topic in ``lang`` ("" for an unknown key)."""
    entry = _BY_KEY.get(key)
    return entry.text(lang).title if entry else ""
