"""The fields each kind of record can be imported into, their headers and the header synonyms.

A column is recognised by its header, compared *normalised* (``normalise_header``: Unicode NFKC, case
folded, without blanks, ``_``, ``-``, ``.``, ``:``, a trailing ``*`` or a bracketed remark such as
"(必填)"/"(required)"). Each field has a canonical English and Chinese header (what templates and the export
write) and synonyms seen in exports of other CRMs (Salesforce, HubSpot, Zoho, 悟空CRM, 销售易, 纷享销客, Excel
sheets kept by hand).

First and last names: a person's name may come in two columns. The pseudo-keys ``<key>_first`` and
``<key>_last`` (``name_first``/``name_last`` on contacts, ``contact_first``/``contact_last`` on clients) are
combined into ``<key>`` (see ``combine_name``): Chinese names as family name + given name without a
space (张 + 三 = 张三), other names as "First Last". Map either or both; a column mapped to ``<key>``
itself wins over the parts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models.enums import (
    CHANNELS,
    CLIENT_STATUSES,
    GRADES,
    HEADCOUNT_BANDS,
    INFLUENCES,
    OPPORTUNITY_STAGES,
    PLAN_TYPES,
    REVENUE_BANDS,
    STAKEHOLDER_ROLES,
    STANCES,
    VALUE_VERDICTS,
)
from ..models.service import SERVICE_SEVERITIES, SERVICE_STATUSES

KINDS = (
    "clients",
    "contacts",
    "follow-ups",
    "opportunities",
    "contracts",
    "payment-plans",
    "payments",
    "service-records",
    "referrals",
    "dossier-notes",
)


@dataclass(frozen=True)
class FieldSpec:
    key: str  # model-ish key, e.g. "name", "grade", "phone", "client", "owner", "amount_cents"
    header_en: str  # canonical English header (export writes it; import recognises it)
    header_zh: str  # canonical Chinese header
    kind: str  # "text" | "choice" | "date" | "datetime" | "money" | "int" | "ref"
    required: bool
    choices: tuple[str, ...] = ()  # stored keys for "choice"
    synonyms: tuple[str, ...] = ()  # other headers seen in Chinese/English CRM exports
    max_length: int = 200  # "text": the longest value stored


def _f(
    key: str,
    en: str,
    zh: str,
    kind: str = "text",
    required: bool = False,
    choices: tuple[str, ...] = (),
    synonyms: tuple[str, ...] = (),
    max_length: int = 200,
) -> FieldSpec:
    return FieldSpec(key, en, zh, kind, required, choices, synonyms, max_length)


NOTES_MAX = 100_000

_CLIENT_REF = _f(
    "client",
    "Client",
    "客户名称",
    "ref",
    True,
    synonyms=(
        "客户",
        "公司名称",
        "公司",
        "企业名称",
        "单位名称",
        "所属客户",
        "客户名",
        "Account Name",
        "Account",
        "Company",
        "Company Name",
        "Customer",
        "Customer Name",
        "Organization",
        "Organisation",
        "Organization Name",
        "Associated Company",
        "Account Name (Account)",
    ),
)
_OWNER = _f(
    "owner",
    "Owner",
    "负责人",
    "ref",
    synonyms=(
        "所有者",
        "归属人",
        "客户负责人",
        "销售",
        "业务员",
        "销售代表",
        "跟进人员",
        "Account Owner",
        "Contact Owner",
        "Deal Owner",
        "Opportunity Owner",
        "Sales Rep",
        "Salesperson",
        "Assigned To",
        "Owner Name",
        "Company owner",
        "Record Owner",
    ),
)
_CONTRACT_REF = _f(
    "contract",
    "Contract",
    "合同",
    "ref",
    True,
    synonyms=(
        "合同编号",
        "合同名称",
        "合同号",
        "关联合同",
        "Contract Number",
        "Contract Name",
        "Contract No",
    ),
)
_NOTES = _f(
    "notes",
    "Notes",
    "备注",
    synonyms=("备注信息", "说明", "描述", "Description", "Note", "Remarks", "Comments", "Comment"),
    max_length=NOTES_MAX,
)

_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "clients": (
        _f(
            "name",
            "Name",
            "客户名称",
            required=True,
            synonyms=(
                "客户",
                "客户名",
                "公司名称",
                "公司",
                "企业名称",
                "单位名称",
                "客户全称",
                "Account Name",
                "Account",
                "Company",
                "Company Name",
                "Customer",
                "Customer Name",
                "Client",
                "Client Name",
                "Organization",
                "Organisation",
                "Organization Name",
            ),
        ),
        _f(
            "short_name",
            "Short name",
            "简称",
            synonyms=("客户简称", "公司简称", "Short Name", "Abbreviation", "Alias"),
        ),
        _f(
            "status",
            "Status",
            "客户状态",
            "choice",
            choices=CLIENT_STATUSES,
            synonyms=(
                "状态",
                "客户阶段",
                "Account Status",
                "Lifecycle Stage",
                "Customer Status",
                "Type",
                "Account Type",
                "Lead Status",
            ),
        ),
        _f(
            "grade",
            "Grade",
            "客户级别",
            "choice",
            choices=GRADES,
            synonyms=(
                "级别",
                "客户等级",
                "等级",
                "定级",
                "客户分级",
                "Rating",
                "Account Rating",
                "Tier",
                "Level",
                "Priority",
                "Customer Level",
            ),
        ),
        _f(
            "value_verdict",
            "Value verdict",
            "价值判断",
            "choice",
            choices=VALUE_VERDICTS,
            synonyms=("定性", "客户价值", "价值", "Value"),
        ),
        _f(
            "expected_sign_date",
            "Expected signing date",
            "预计签约日期",
            "date",
            synonyms=("预计签约时间", "预计成交日期", "Expected Close Date", "Expected Signing"),
        ),
        _f(
            "expected_amount_cents",
            "Expected amount",
            "预计金额",
            "money",
            synonyms=(
                "预计签约金额",
                "预计成交金额",
                "预估金额",
                "Expected Revenue",
                "Expected Value",
            ),
        ),
        _OWNER,
        _f(
            "source",
            "Source",
            "客户来源",
            synonyms=(
                "来源",
                "线索来源",
                "Lead Source",
                "Account Source",
                "Original Source",
                "Source of lead",
            ),
        ),
        _f("industry", "Industry", "所属行业", synonyms=("行业", "客户行业", "Industry Type")),
        _f(
            "region",
            "Region",
            "地区",
            synonyms=(
                "区域",
                "所在地区",
                "省份",
                "城市",
                "省市",
                "所在城市",
                "Billing State/Province",
                "State/Region",
                "State",
                "City",
                "Billing City",
                "Province",
                "Territory",
            ),
        ),
        _f(
            "phone",
            "Phone",
            "电话",
            synonyms=(
                "手机",
                "手机号",
                "手机号码",
                "联系电话",
                "电话号码",
                "公司电话",
                "座机",
                "客户电话",
                "Mobile",
                "Mobile Phone",
                "Phone 1",
                "Phone Number",
                "Telephone",
                "Tel",
                "Business Phone",
                "Company Phone",
                "Primary Phone",
                "Work Phone",
                "Cell",
            ),
        ),
        _f(
            "address",
            "Address",
            "地址",
            synonyms=(
                "详细地址",
                "公司地址",
                "客户地址",
                "联系地址",
                "Billing Street",
                "Street Address",
                "Billing Address",
                "Mailing Street",
            ),
            max_length=300,
        ),
        _f(
            "website",
            "Website",
            "网址",
            synonyms=("网站", "公司网址", "官网", "Web Site", "Company Domain Name", "Domain", "URL"),
        ),
        _NOTES,
        _f(
            "contact",
            "Contact",
            "联系人",
            synonyms=(
                "联系人姓名",
                "主要联系人",
                "首要联系人",
                "Contact Name",
                "Primary Contact",
                "Full Name",
                "Contact Person",
            ),
            max_length=100,
        ),
        _f(
            "contact_first",
            "Contact first name",
            "联系人名",
            synonyms=("First Name", "First", "Given Name", "名"),
            max_length=100,
        ),
        _f(
            "contact_last",
            "Contact last name",
            "联系人姓",
            synonyms=("Last Name", "Last", "Surname", "Family Name", "姓"),
            max_length=100,
        ),
        _f(
            "next_contact",
            "Next contact",
            "下次联系时间",
            "datetime",
            synonyms=(
                "下次跟进时间",
                "下次联系",
                "下次跟进",
                "下次回访时间",
                "Next Contact",
                "Next Contact Date",
                "Next Activity Date",
                "Next Follow-up",
                "Next Follow Up Date",
                "Next Step Date",
            ),
        ),
        _f(
            "tags",
            "Categories",
            "分类",
            "tags",
            synonyms=("标签", "客户标签", "客户分类", "类别", "Tags", "Tag", "Category", "Categories"),
            max_length=NOTES_MAX,
        ),
        # who referred the client: a client's name or "Contact name (Client name)" (``importing.referrers``)
        _f(
            "referrer",
            "Referred by",
            "介绍人",
            synonyms=("推荐人", "转介绍人", "介绍客户", "Referrer", "Referral", "Referred By Account"),
        ),
        # the dossier (客户雷达, slice io11; written to client_dossier by ``importing.dossier``)
        _f(
            "credit_code",
            "Unified social credit code",
            "统一社会信用代码",
            "credit_code",
            synonyms=(
                "信用代码",
                "社会信用代码",
                "统一代码",
                "税号",
                "纳税人识别号",
                "Credit Code",
                "USCC",
                "Tax ID",
            ),
            max_length=60,
        ),
        _f(
            "legal_representative",
            "Legal representative",
            "法定代表人",
            synonyms=("法人", "法人代表", "Legal Representative", "Legal Person"),
            max_length=100,
        ),
        _f(
            "registered_capital_cents",
            "Registered capital",
            "注册资本",
            "money",
            synonyms=("注册资金", "Registered Capital"),
        ),
        _f(
            "founded_on",
            "Founding date",
            "成立日期",
            "date",
            synonyms=("成立时间", "注册日期", "Founded", "Date Founded", "Founded On", "Year Founded"),
        ),
        _f(
            "business_scope",
            "Business scope",
            "经营范围",
            synonyms=("Business Scope", "Scope"),
            max_length=5000,
        ),
        _f(
            "headcount_band",
            "Headcount",
            "人员规模",
            "choice",
            choices=HEADCOUNT_BANDS,
            synonyms=("员工人数", "公司规模", "人数", "Employees", "Number of Employees", "Company Size"),
        ),
        _f(
            "revenue_band",
            "Revenue",
            "营收规模",
            "choice",
            choices=REVENUE_BANDS,
            synonyms=("年营收", "营业收入", "Annual Revenue", "Revenue Band"),
        ),
    ),
    "contacts": (
        _CLIENT_REF,
        _f(
            "name",
            "Name",
            "姓名",
            required=True,
            synonyms=("联系人", "联系人姓名", "名字", "Contact Name", "Full Name", "Contact", "Name"),
            max_length=100,
        ),
        _f(
            "name_first",
            "First name",
            "名",
            synonyms=("First Name", "First", "Given Name", "名字(名)"),
            max_length=100,
        ),
        _f(
            "name_last",
            "Last name",
            "姓",
            synonyms=("Last Name", "Last", "Surname", "Family Name", "姓氏"),
            max_length=100,
        ),
        _f(
            "title",
            "Job title",
            "职务",
            synonyms=("职位", "头衔", "Title", "Job Title", "Position", "Organization Title"),
            max_length=100,
        ),
        _f("department", "Department", "部门", synonyms=("所属部门", "Dept"), max_length=100),
        _f(
            "phone",
            "Phone",
            "手机",
            synonyms=(
                "手机号",
                "手机号码",
                "电话",
                "联系电话",
                "电话号码",
                "Mobile",
                "Mobile Phone",
                "Phone 1",
                "Phone Number",
                "Telephone",
                "Tel",
                "Business Phone",
                "Work Phone",
                "Cell",
            ),
            max_length=50,
        ),
        _f(
            "email",
            "E-mail",
            "邮箱",
            synonyms=("电子邮箱", "电子邮件", "邮件", "Email", "Email Address", "E-mail Address", "Mail"),
        ),
        _f("wechat", "WeChat", "微信", synonyms=("微信号", "Wechat ID", "WeChat ID"), max_length=100),
        _f(
            "role",
            "Role",
            "角色",
            "choice",
            choices=STAKEHOLDER_ROLES,
            synonyms=("决策角色", "采购角色", "Buying Role", "Contact Role", "Role in deal"),
        ),
        _f("stance", "Stance", "立场", "choice", choices=STANCES, synonyms=("态度", "Attitude")),
        _f(
            "influence",
            "Influence",
            "影响力",
            "choice",
            choices=INFLUENCES,
            synonyms=("影响", "Influence Level"),
        ),
        _f("tenure", "Tenure", "任职期限", synonyms=("任职时间", "任期"), max_length=100),
        _f(
            "birthday",
            "Birthday",
            "生日",
            "date",
            synonyms=("出生日期", "出生年月日", "Date of birth", "DOB", "Birthdate", "Birth Date"),
        ),
        _f(
            "interests",
            "Interests",
            "关心的利益",
            synonyms=("关注点", "关心的问题", "利益诉求"),
            max_length=NOTES_MAX,
        ),
        _NOTES,
    ),
    "follow-ups": (
        _CLIENT_REF,
        _f(
            "happened_at",
            "Time",
            "跟进时间",
            "datetime",
            True,
            synonyms=(
                "时间",
                "日期",
                "跟进日期",
                "联系时间",
                "拜访时间",
                "活动时间",
                "Date",
                "Activity Date",
                "Date/Time",
                "Call Date",
                "Follow-up Date",
                "Created Date",
                "Timestamp",
                "When",
            ),
        ),
        _f(
            "channel",
            "Channel",
            "跟进方式",
            "choice",
            True,
            choices=CHANNELS,
            synonyms=(
                "方式",
                "联系方式",
                "跟进类型",
                "活动类型",
                "Type",
                "Activity Type",
                "Task Type",
                "Communication Type",
                "Method",
            ),
        ),
        _f(
            "purpose",
            "Purpose",
            "跟进目的",
            "choice",
            choices=PLAN_TYPES,
            synonyms=("目的", "事务类型", "Plan type", "Objective"),
        ),
        _f(
            "duration_minutes",
            "Duration (minutes)",
            "通话时长（分钟）",
            "int",
            synonyms=("时长", "通话时长", "时长(分钟)", "Duration", "Call Duration", "Minutes"),
        ),
        _f(
            "summary",
            "Summary",
            "跟进内容",
            synonyms=(
                "内容",
                "跟进记录",
                "沟通内容",
                "详情",
                "Subject",
                "Description",
                "Comments",
                "Notes",
                "Details",
                "Body",
            ),
            max_length=NOTES_MAX,
        ),
        _f(
            "user",
            "Logged by",
            "跟进人",
            "ref",
            synonyms=(
                "记录人",
                "创建人",
                "负责人",
                "业务员",
                "销售",
                "Owner",
                "Assigned To",
                "Created By",
                "Activity Owner",
                "User",
                "Salesperson",
            ),
        ),
        _f(
            "contacts",
            "Contacts",
            "参与联系人",
            synonyms=(
                "联系人",
                "拜访对象",
                "沟通对象",
                "Contact",
                "Contact Name",
                "Attendees",
                "Participants",
            ),
            max_length=NOTES_MAX,
        ),
        _f(
            "opportunity",
            "Opportunity",
            "关联商机",
            "ref",
            synonyms=("商机", "商机名称", "Opportunity Name", "Deal"),
        ),
    ),
    "opportunities": (
        _CLIENT_REF,
        _f(
            "name",
            "Opportunity",
            "商机名称",
            required=True,
            synonyms=(
                "商机",
                "机会名称",
                "销售机会",
                "项目名称",
                "Opportunity Name",
                "Deal Name",
                "Deal",
                "Name",
                "Deal Title",
                "Title",
            ),
        ),
        _OWNER,
        _f(
            "stage",
            "Stage",
            "销售阶段",
            "choice",
            choices=OPPORTUNITY_STAGES,
            synonyms=("阶段", "商机阶段", "Deal Stage", "Opportunity Stage", "Sales Stage"),
        ),
        _f(
            "probability",
            "Probability",
            "赢率",
            "int",
            synonyms=(
                "成交概率",
                "赢单率",
                "可能性",
                "Probability (%)",
                "Win Probability",
                "Deal Probability",
            ),
        ),
        _f(
            "expected_amount_cents",
            "Expected amount",
            "预计金额",
            "money",
            synonyms=(
                "商机金额",
                "金额",
                "预计成交金额",
                "预计销售金额",
                "销售金额",
                "Amount",
                "Deal Amount",
                "Expected Revenue",
                "Value",
                "Deal Value",
            ),
        ),
        _f(
            "expected_close_date",
            "Expected close date",
            "预计成交日期",
            "date",
            synonyms=(
                "预计结单日期",
                "预计签单日期",
                "结单日期",
                "Close Date",
                "Expected Close Date",
                "Estimated Close Date",
            ),
        ),
        _f("competitor", "Competitor", "竞争对手", synonyms=("竞品", "Competitors", "Main Competitor")),
        _f(
            "closed_on",
            "Closed on",
            "关闭日期",
            "date",
            synonyms=("结束日期", "赢单日期", "Actual Close Date", "Closed Date"),
        ),
        _f(
            "close_reason",
            "Reason",
            "输赢原因",
            synonyms=(
                "赢单原因",
                "输单原因",
                "关闭原因",
                "Closed Lost Reason",
                "Loss Reason",
                "Close Reason",
            ),
            max_length=NOTES_MAX,
        ),
        _NOTES,
    ),
    "contracts": (
        _CLIENT_REF,
        _f(
            "number",
            "Contract number",
            "合同编号",
            synonyms=("合同号", "编号", "Contract Number", "Contract No", "Number", "No."),
            max_length=100,
        ),
        _f(
            "title",
            "Title",
            "合同名称",
            synonyms=("合同标题", "名称", "Contract Name", "Contract Title", "Name"),
        ),
        _f(
            "amount_cents",
            "Amount",
            "合同金额",
            "money",
            True,
            synonyms=(
                "金额",
                "签约金额",
                "总金额",
                "合同总额",
                "Contract Amount",
                "Total Amount",
                "Contract Value",
                "Value",
            ),
        ),
        _f(
            "signed_on",
            "Signing date",
            "签约日期",
            "date",
            True,
            synonyms=(
                "签订日期",
                "签约时间",
                "合同日期",
                "签署日期",
                "Signed Date",
                "Customer Signed Date",
                "Contract Start Date",
                "Start Date",
                "Date Signed",
            ),
        ),
        _f(
            "opportunity", "Opportunity", "关联商机", "ref", synonyms=("商机", "商机名称", "Opportunity Name")
        ),
        _NOTES,
    ),
    "payment-plans": (
        _CLIENT_REF,
        _CONTRACT_REF,
        _f(
            "due_date",
            "Due date",
            "计划回款日期",
            "date",
            True,
            synonyms=(
                "到期日期",
                "应收日期",
                "计划日期",
                "回款计划日期",
                "Due",
                "Planned Date",
                "Planned on",
            ),
        ),
        _f(
            "amount_cents",
            "Amount",
            "计划回款金额",
            "money",
            True,
            synonyms=("金额", "计划金额", "应收金额", "Planned Amount", "Amount Due"),
        ),
        _f("note", "Note", "备注", synonyms=("说明", "Notes", "Comment", "Remarks"), max_length=200),
    ),
    "payments": (
        _CLIENT_REF,
        _CONTRACT_REF,
        _f(
            "paid_on",
            "Payment date",
            "回款日期",
            "date",
            True,
            synonyms=(
                "回款时间",
                "收款日期",
                "到账日期",
                "付款日期",
                "Payment Date",
                "Paid On",
                "Date Paid",
                "Date",
            ),
        ),
        _f(
            "amount_cents",
            "Amount",
            "回款金额",
            "money",
            True,
            synonyms=("金额", "收款金额", "到账金额", "Payment Amount", "Amount Paid", "Paid Amount"),
        ),
        _f(
            "method",
            "Method",
            "回款方式",
            synonyms=("付款方式", "收款方式", "支付方式", "Payment Method"),
            max_length=50,
        ),
        _f("note", "Note", "备注", synonyms=("说明", "Notes", "Comment", "Remarks"), max_length=200),
        _f(
            "instalment",
            "Instalment due",
            "对应回款计划",
            "date",
            synonyms=("回款计划", "回款期次", "计划回款日期", "Instalment", "Instalment Due Date"),
        ),
    ),
    # service records (服务单, slice io11): the type is a key, a built-in type's English or Chinese name or
    # a business type's name (checked by ``service_rows``); the contact is named within the client
    "service-records": (
        _CLIENT_REF,
        _f(
            "kind",
            "Service type",
            "服务类型",
            "service_type",
            True,
            synonyms=("类型", "服务类别", "工单类型", "Type", "Case Type", "Ticket Type", "Category"),
            max_length=40,
        ),
        _f(
            "title",
            "Title",
            "服务主题",
            required=True,
            synonyms=("主题", "标题", "工单标题", "Subject", "Case Subject", "Ticket Subject", "Summary"),
        ),
        _f(
            "severity",
            "Severity",
            "紧急程度",
            "choice",
            choices=SERVICE_SEVERITIES,
            synonyms=("优先级", "严重程度", "Priority", "Case Priority"),
        ),
        _f(
            "status",
            "Status",
            "处理状态",
            "choice",
            choices=SERVICE_STATUSES,
            synonyms=("状态", "工单状态", "Case Status", "Ticket Status"),
        ),
        _f(
            "description",
            "Description",
            "问题描述",
            synonyms=("描述", "详情", "问题", "Details", "Problem", "Case Description"),
            max_length=NOTES_MAX,
        ),
        _f(
            "contact",
            "Contact",
            "联系人",
            synonyms=("联系人姓名", "报告人", "Contact Name", "Reported By"),
            max_length=100,
        ),
        _f(
            "contract",
            "Contract",
            "合同",
            "ref",
            synonyms=("合同编号", "合同名称", "关联合同", "Contract Number", "Contract Name"),
        ),
        _f(
            "created_at",
            "Opened at",
            "创建时间",
            "datetime",
            synonyms=("开单时间", "提交时间", "受理时间", "Created", "Created Date", "Date Opened", "Opened"),
        ),
        _f(
            "due_at",
            "Due at",
            "要求完成时间",
            "datetime",
            synonyms=("截止时间", "到期时间", "Due", "Due Date", "Deadline"),
        ),
        _f(
            "resolved_at",
            "Resolved at",
            "解决时间",
            "datetime",
            synonyms=("完成时间", "处理完成时间", "Date Closed", "Closed Date", "Resolved"),
        ),
        _f(
            "resolution",
            "Resolution",
            "处理结果",
            synonyms=("解决方案", "处理意见", "处理说明", "Solution"),
            max_length=NOTES_MAX,
        ),
        _f(
            "confirmed_at",
            "Confirmed at",
            "客户确认时间",
            "datetime",
            synonyms=("确认时间", "Confirmed"),
        ),
        _f(
            "satisfaction",
            "Satisfaction",
            "满意度",
            "int",
            synonyms=("客户满意度", "评分", "满意度评分", "CSAT", "Rating"),
        ),
        _f(
            "user",
            "Logged by",
            "登记人",
            "ref",
            synonyms=("创建人", "记录人", "受理人", "Created By", "Case Owner", "Owner"),
        ),
    ),
    # referrals (转介绍, slice io11b): one per referred client; the referrer as the clients' "Referred by"
    # column writes it (``importing.referrers``); the reward rules of ``services.referrals``
    "referrals": (
        replace(  # the client referred
            _CLIENT_REF,
            synonyms=(
                *_CLIENT_REF.synonyms,
                "被介绍客户",
                "被推荐客户",
                "转介绍客户",
                "Referred client",
                "Referred Account",
            ),
        ),
        _f(
            "referrer",
            "Referred by",
            "介绍人",
            required=True,
            synonyms=("推荐人", "转介绍人", "介绍客户", "Referrer", "Referred By Account"),
        ),
        _f(
            "reward_promised",
            "Reward promised",
            "承诺奖励",
            synonyms=("约定奖励", "承诺的奖励", "Promised Reward"),
            max_length=2000,
        ),
        _f(
            "reward_promised_cents",
            "Reward promised amount",
            "承诺奖励金额",
            "money",
            synonyms=("约定奖励金额", "Promised Reward Amount"),
        ),
        _f(
            "reward_given",
            "Reward given",
            "已兑现奖励",
            synonyms=("兑现奖励", "已给奖励", "Given Reward", "Reward Paid"),
            max_length=2000,
        ),
        _f(
            "reward_given_cents",
            "Reward given amount",
            "已兑现奖励金额",
            "money",
            synonyms=("兑现奖励金额", "Given Reward Amount", "Reward Paid Amount"),
        ),
        _f(
            "reward_given_on",
            "Reward given on",
            "奖励兑现日期",
            "date",
            synonyms=("兑现日期", "奖励日期", "Reward Date", "Reward Paid On"),
        ),
        _NOTES,
    ),
    # dossier notes (客户雷达记录, slice io11b): dated public information about a client and its source
    "dossier-notes": (
        _CLIENT_REF,
        _f(
            "noted_on",
            "Date",
            "日期",
            "date",
            True,
            synonyms=("记录日期", "时间", "发布日期", "Noted On", "Date Noted", "Published"),
        ),
        _f(
            "source",
            "Source",
            "信息来源",
            synonyms=("来源", "出处", "Information Source", "Where"),
            max_length=300,
        ),
        _f(
            "text",
            "Note",
            "记录内容",
            required=True,
            synonyms=("内容", "记录", "信息", "Text", "Content", "Notes", "Details"),
            max_length=20_000,
        ),
    ),
}

# Client "Name" and a contacts' "client" share headers with other kinds: each kind's own list decides.

_BRACKETS = re.compile(r"[\(\[（【].*?[\)\]）】]")
_DROP = re.compile(r"[\s_\-.:：*#/\\'\"`]+")


def normalise_header(text: object) -> str:
    """A header as compared: NFKC, case folded, without blanks/punctuation and bracketed remarks."""
    value = unicodedata.normalize("NFKC", "" if text is None else str(text)).casefold().strip()
    stripped = _BRACKETS.sub("", value)
    if _DROP.sub("", stripped):  # keep the brackets when they are all there is ("(%)" alone)
        value = stripped
    return _DROP.sub("", value)


def fields(kind: str) -> tuple[FieldSpec, ...]:
    """The importable fields of ``kind`` (one of ``KINDS``), required ones first in display order."""
    if kind not in _FIELDS:
        from ..errors import ValidationError

        raise ValidationError("import.unknown_kind", "kind", kind=str(kind)[:60], kinds=", ".join(KINDS))
    if kind == "clients":
        return _FIELDS[kind] + custom_field_specs()
    return _FIELDS[kind]


CUSTOM_PREFIX = "custom:"
# custom field kind (enums.CUSTOM_FIELD_KINDS) -> FieldSpec.kind
CUSTOM_KINDS = {
    "text": "custom_text",
    "number": "custom_number",
    "date": "custom_date",
    "choice": "custom_choice",
    "multi_choice": "custom_multi",
}


def custom_field_specs() -> tuple[FieldSpec, ...]:
    """One field per custom field (业务特征) of the open database: key ``custom:<id>``, headed by the
    field's name in both languages; none when no database is open."""
    import json

    from peewee import PeeweeException

    from ..models import database

    try:
        rows = database.execute_sql(
            "SELECT id, name, kind, choices FROM custom_field_def ORDER BY position, id"
        ).fetchall()
    except (AttributeError, PeeweeException):  # no database bound (templates, tests of the core alone)
        return ()
    specs = []
    for ident, name, kind, choices in rows:
        try:
            options = json.loads(choices or "[]")
        except ValueError:
            options = []
        texts = tuple(c for c in options if isinstance(c, str)) if isinstance(options, list) else ()
        spec_kind = CUSTOM_KINDS.get(str(kind), "custom_text")
        specs.append(
            FieldSpec(f"{CUSTOM_PREFIX}{ident}", str(name), str(name), spec_kind, False, texts, (), NOTES_MAX)
        )
    return tuple(specs)


def field_map(kind: str) -> dict[str, FieldSpec]:
    return {spec.key: spec for spec in fields(kind)}


def _header_index(kind: str) -> dict[str, str]:
    """normalised header -> field key: canonical headers and keys first, then synonyms."""
    index: dict[str, str] = {}
    specs = fields(kind)
    for spec in specs:
        for text in (spec.key, spec.header_en, spec.header_zh):
            index.setdefault(normalise_header(text), spec.key)
    for spec in specs:
        for text in spec.synonyms:
            index.setdefault(normalise_header(text), spec.key)
    return index


def field_for_header(kind: str, header: object) -> str | None:
    """The field key a header names (canonical header, key or synonym), or None."""
    return _header_index(kind).get(normalise_header(header))


# The record type other CRMs put before every header of an export ("Organization - Name" in Pipedrive),
# by kind: a header with its own kind's prefix is also read without it.
_RECORD_PREFIXES = {
    "clients": ("organization", "organisation", "account", "company"),
    "contacts": ("person", "contact"),
    "opportunities": ("deal", "opportunity"),
    "follow-ups": ("activity",),
    "contracts": ("contract",),
    "payments": ("payment",),
}
_VALUE_SUFFIX = re.compile(r"(?i)(?<=\d)\s*[-–]\s*value\s*$")  # Google Contacts: "Phone 1 - Value"
_NUMBERING = re.compile(r"(?<=[^\W\d_])\s+\d{1,2}(?=\s*(?:[-–:]|$))")  # "Organization 1 - Name"
_PREFIXED = re.compile(r"^\s*([^\W\d_]+)\s*[-–:]\s*(.+)$")


def _header_variants(kind: str, header: object) -> list[str]:
    """Other readings of a header no field names as written: without a trailing " - Value" and group
    numbers (Google Contacts' "E-mail 1 - Value" is "E-mail"), and without the kind's own record prefix
    (Pipedrive's "Deal - Value" is "Value" for opportunities)."""
    text = unicodedata.normalize("NFKC", "" if header is None else str(header)).strip()
    variants = [_VALUE_SUFFIX.sub("", text)]
    variants.append(_NUMBERING.sub("", variants[0]))
    match = _PREFIXED.match(variants[-1])
    if match and match.group(1).casefold() in _RECORD_PREFIXES.get(kind, ()):
        variants.append(match.group(2))
    return variants


def suggest_mapping(kind: str, headers: Sequence[object]) -> dict[int, str]:
    """Column index -> field key, for the headers recognised; each field is given to one column only
    (the first, from left to right, by exact canonical header before synonym, then by the headers'
    other readings: ``_header_variants``)."""
    index = _header_index(kind)
    canonical = {normalise_header(t): s.key for s in fields(kind) for t in (s.key, s.header_en, s.header_zh)}
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for pass_ in ("canonical", "synonym", "variant"):
        for column, header in enumerate(headers):
            if column in mapping:
                continue
            if pass_ == "variant":
                found = (index.get(normalise_header(v)) for v in _header_variants(kind, header))
                key = next((k for k in found if k is not None and k not in taken), None)
            else:
                key = (canonical if pass_ == "canonical" else index).get(normalise_header(header))
            if key is not None and key not in taken:
                mapping[column] = key
                taken.add(key)
    # A full name column and first/last parts: the full name wins, the parts are left unmapped.
    for base in {key.rsplit("_", 1)[0] for key in taken if key.endswith(("_first", "_last"))}:
        if base in taken:
            mapping = {c: k for c, k in mapping.items() if k not in (f"{base}_first", f"{base}_last")}
    return dict(sorted(mapping.items()))


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def combine_name(first: str, last: str) -> str:
    """One name from a first and a last name: Chinese as family + given name (张 + 三 = 张三), others as
    "First Last"."""
    first, last = first.strip(), last.strip()
    if not first or not last:
        return first or last
    if _CJK.search(first) or _CJK.search(last):
        return last + first
    return f"{first} {last}"
