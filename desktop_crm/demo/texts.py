"""Sentence templates for follow-ups, next steps, deals and weekly forms (slots in braces)."""

from __future__ import annotations

PRODUCTS: tuple[str, ...] = (
    "MES生产管理系统", "智能仓储方案", "工业传感器", "自动化产线改造", "节能空压机组", "ERP对接服务",
    "质量追溯系统", "设备维保服务", "数据采集网关", "包装自动化设备",
)  # fmt: skip
COMPETITORS: tuple[str, ...] = (
    "华拓科技", "远图智能", "凯思达", "德森工业", "Apex Systems", "众盈软件", "恒信自动化",
)  # fmt: skip
DOCS: tuple[str, ...] = ("报价单", "技术方案", "案例资料", "合同草案", "产品手册", "测试报告")

# How a follow-up starts, per channel ({c} = contact or 对方, {s} = the client's short name, {d} = a document).
OPENERS: dict[str, tuple[str, ...]] = {
    "call": ("给{c}打电话，", "电话回访{c}，", "{c}来电，", "和{c}通了电话，"),
    "sms": ("短信提醒{c}，", "给{c}发短信，"),
    "visit": ("上门拜访{c}，", "到{s}现场拜访{c}，", "去{s}工厂见了{c}，"),
    "wechat": ("微信和{c}沟通，", "微信发了{d}给{c}，", "{c}在微信上问，"),
    "email": ("邮件发送{d}给{c}，", "给{c}发邮件，"),
    "meeting": ("与{c}等人开会，", "在{s}会议室做{d}汇报，", "和{c}一起参加评审会，"),
}
# What was talked about, per purpose ({p} = product, {k} = competitor, {a} = amount in 万元).
TOPICS: dict[str, tuple[str, ...]] = {
    "keep_in_touch": (
        "了解近期生产排期",
        "确认上次发货的使用情况",
        "聊了他们今年的扩产计划",
        "问了新厂房的进度",
        "了解{p}的使用反馈",
    ),
    "improve_relationship": (
        "聊了行业展会的安排",
        "约了下次一起吃饭",
        "送了公司年会的伴手礼",
        "一起看了{p}的标杆客户现场",
    ),
    "cultivate_demand": (
        "介绍了{p}在节能方面的优势",
        "分享了同行业的{p}案例",
        "讲了{p}能帮他们减少返工",
        "演示了{p}的新功能",
    ),
    "dig_opportunity": (
        "对方提到下季度有新产线要上马，预算约{a}万",
        "了解到老设备明年到期要更换",
        "对方在考虑上{p}，想先看方案",
        "听说他们正在做明年的采购预算",
    ),
    "beat_competitor": (
        "对方正在比较{k}的报价，我们强调了售后响应速度",
        "{k}报价比我们低8%，解释了总拥有成本",
        "针对{k}的方案做了对比表",
        "对方担心{k}的交期，我们承诺两周到货",
    ),
    "sign_and_collect": (
        "确认合同条款，付款方式按3-6-1",
        "催收本期款项，财务说月底前安排",
        "讨论了合同金额{a}万的折扣",
        "确认了验收时间和付款节点",
        "跟进发票和回款进度",
    ),
    "greeting": ("节日问候，发了祝福", "生日问候", "新年问候，寄了台历"),
}
OUTCOMES: tuple[str, ...] = (
    "对方态度积极，约好下周再谈。", "对方表示需要内部讨论。", "客户比较忙，只聊了几分钟。",
    "还需要等技术部门的评估结果。", "对方很认可，答应推荐给采购。", "对价格还有顾虑。",
    "需要我们补充资料。", "老板出差，下周回来再定。", "整体进展顺利。", "对方没有明确答复。",
    "约了下次上门演示。", "对方提出了几个新需求，已记录。",
)  # fmt: skip
ENGLISH_SUMMARIES: tuple[str, ...] = (
    "Call with {c}: discussed the delivery schedule, they will confirm by Friday.",
    "Sent the {d} to {c}; waiting for feedback from their engineering team.",
    "Visited {c} on site, walked through the {p} demo. Positive reaction.",
    "{c} asked for a revised quote; {k} is also bidding.",
    "Follow-up on the open invoice with {c}; payment promised before month end.",
    "Quarterly review meeting with {c} and the operations team.",
)

# Next-step titles per plan type ({c} = contact, {s} = short name, {p} = product).
NEXT_STEP_TITLES: dict[str, tuple[str, ...]] = {
    "keep_in_touch": ("回访{c}，了解使用情况", "电话联系{c}", "问问{s}新厂房进度"),
    "improve_relationship": ("约{c}吃饭", "邀请{c}参观样板客户", "给{c}送展会门票"),
    "cultivate_demand": ("给{c}发{p}案例", "安排{p}技术交流", "整理{s}的痛点清单"),
    "dig_opportunity": ("了解{s}明年的预算", "找{c}确认项目立项时间", "拜访{s}技术部"),
    "beat_competitor": ("准备与竞品的对比方案", "请技术总监一起拜访{c}", "约{c}做现场测试"),
    "sign_and_collect": ("发合同草案给{c}", "催{s}第二期回款", "确认{s}的验收日期"),
    "greeting": ("节日问候{c}", "给{c}发生日祝福"),
}

OPPORTUNITY_NAMES: tuple[str, ...] = (
    "{s}{p}项目",
    "{s}{p}采购",
    "{s}二期{p}",
    "{s}年度{p}框架协议",
    "{s}{p}升级",
)
LOST_REASONS: tuple[str, ...] = (
    "价格没有竞争力，客户选了{k}", "客户预算被砍，项目搁置", "技术评估没通过，{k}的方案更贴合",
    "决策人换了，新领导倾向{k}", "交期满足不了客户要求", "关系没做到位，高层一直没见到",
)  # fmt: skip
WON_REASONS: tuple[str, ...] = (
    "技术方案获得评估组认可",
    "售后服务和响应速度打动客户",
    "老客户复购",
    "价格合理，交期有保障",
)
PAYMENT_METHODS: tuple[str, ...] = ("银行转账", "银行转账", "承兑汇票", "支票")

WEEK_PLAN_TEXTS: tuple[str, ...] = (
    "拜访{s}，推进{p}方案", "电话回访{s}的采购", "给{s}发报价单", "准备{s}的技术交流材料",
    "跟进{s}合同审批", "催收{s}回款", "陪同技术人员去{s}调试", "整理本周新客户名单", "参加行业展会，收集线索",
)  # fmt: skip
WEEK_SUMMARIES_GOOD: tuple[str, ...] = (
    "本周完成{n}次跟进，{s}的合同已进入法务审核，回款基本按计划。下周重点推进签约。",
    "本周拜访了{s}的技术总监，评估结论对我们有利。回款完成计划的九成。",
    "新增两家意向客户，{s}确认下月下单。",
)
WEEK_SUMMARIES_BUSY: tuple[str, ...] = (
    "本周打了很多电话、跑了{n}次客户，大部分客户还在观望，没有签单。",
    "本周跟进量{n}次，{s}说再考虑考虑，回款计划没有完成。",
    "拜访很多，但客户都说预算没批下来，下周继续跟。",
)
WEEK_SUMMARIES_PLAIN: tuple[str, ...] = (
    "本周完成{n}次跟进，{s}项目推进到方案阶段，回款按计划进行。",
    "本周主要维护老客户，{s}有复购意向。",
)
ANNOTATIONS_BUSY: tuple[str, ...] = (
    "跟进量很足，但是A类客户的推进太慢。先想清楚每个客户的价值，再决定打不打电话。",
    "你的电话和拜访是团队最多的，可签约最少。下周挑三个有价值的客户，每个写清楚切入点和支撑点。",
    "{s}这个客户定性是‘不确定’，却花了大半周时间，值得吗？和我聊聊。",
    "不要只记录‘客户说再考虑’，下一步事务要具体：见谁、谈什么、要什么结果。",
    "决策者一直没有见到，只跟使用者聊，很难推进。试试自上而下的切入点。",
)
ANNOTATIONS_GOOD: tuple[str, ...] = (
    "{s}的节奏把握得很好，注意回款节点。",
    "做得不错，把你的跟单方法在周会上给大家讲讲。",
    "签约后别忘了售后回访，争取转介绍。",
    "回款计划完成得好，下周继续盯住{s}。",
)
ANNOTATIONS_PLAIN: tuple[str, ...] = (
    "本周计划写得具体，继续保持。",
    "回款计划完成率偏低，{s}要提前催。",
    "中立的决策者要主动去见，别放弃。",
)
