"""Word lists for invented people and companies (Chinese and English). No real people or companies."""

from __future__ import annotations

# Surnames with their pinyin (for e-mail addresses), roughly by frequency.
SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
    ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"),
    ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("高", "gao"),
    ("林", "lin"), ("罗", "luo"), ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"),
    ("唐", "tang"), ("许", "xu"), ("韩", "han"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"),
    ("彭", "peng"), ("曾", "zeng"), ("肖", "xiao"), ("田", "tian"), ("董", "dong"), ("潘", "pan"),
    ("袁", "yuan"), ("蒋", "jiang"), ("蔡", "cai"), ("余", "yu"), ("杜", "du"), ("叶", "ye"),
    ("程", "cheng"), ("魏", "wei"), ("苏", "su"), ("吕", "lv"), ("丁", "ding"), ("沈", "shen"),
    ("欧阳", "ouyang"), ("司马", "sima"),
)  # fmt: skip

# Single-character given names (王磊, 陈静: a two-character full name) ...
GIVEN_1: tuple[str, ...] = tuple("磊静伟芳娜敏强军洋勇艳杰涛明超霞平刚琳颖鹏辉丹玲斌峰浩婷雪")
# ... and two-character given names (周建华: a three-character full name).
GIVEN_2: tuple[str, ...] = (
    "建华", "志远", "晓明", "海燕", "文博", "俊杰", "雅婷", "子涵", "国平", "立新", "春梅", "晓东",
    "永刚", "丽娟", "宏伟", "秀英", "家豪", "思远", "欣怡", "振宇", "玉兰", "佳琪", "德明", "少华",
    "美玲", "天宇", "红霞", "学军", "梦瑶", "一鸣", "建国", "凤英", "浩然", "雨桐", "卫东", "若曦",
)  # fmt: skip

ENGLISH_FIRST: tuple[str, ...] = (
    "James", "Emily", "Michael", "Sarah", "David", "Laura", "Daniel", "Sophie", "Thomas", "Anna",
    "Peter", "Rachel", "Mark", "Julia", "Kevin", "Helen", "Oliver", "Grace", "Lucas", "Nina",
)  # fmt: skip
ENGLISH_LAST: tuple[str, ...] = (
    "Miller", "Fischer", "Walker", "Bennett", "Hughes", "Turner", "Collins", "Hoffmann", "Brooks",
    "Clarke", "Reed", "Porter", "Lambert", "Schneider", "Young", "Foster", "Murray", "Wagner",
)  # fmt: skip

# (province, city, telephone area code); municipalities have an empty province.
CITIES: tuple[tuple[str, str, str], ...] = (
    ("", "上海", "021"), ("", "北京", "010"), ("", "天津", "022"), ("", "重庆", "023"),
    ("广东", "深圳", "0755"), ("广东", "广州", "020"), ("广东", "东莞", "0769"), ("广东", "佛山", "0757"),
    ("江苏", "苏州", "0512"), ("江苏", "南京", "025"), ("江苏", "无锡", "0510"), ("江苏", "常州", "0519"),
    ("浙江", "杭州", "0571"), ("浙江", "宁波", "0574"), ("浙江", "温州", "0577"), ("浙江", "嘉兴", "0573"),
    ("山东", "青岛", "0532"), ("山东", "济南", "0531"), ("福建", "厦门", "0592"), ("福建", "福州", "0591"),
    ("湖北", "武汉", "027"), ("湖南", "长沙", "0731"), ("四川", "成都", "028"), ("陕西", "西安", "029"),
    ("河南", "郑州", "0371"), ("安徽", "合肥", "0551"), ("辽宁", "大连", "0411"), ("天津", "滨海", "022"),
)  # fmt: skip
# Weights: the coastal manufacturing belt dominates a B2B salesperson's territory.
CITY_WEIGHTS: tuple[int, ...] = (
    9, 6, 3, 2, 7, 5, 4, 3, 8, 4, 4, 3, 6, 4, 2, 2, 3, 2, 2, 1, 3, 2, 3, 2, 2, 2, 1, 1,
)  # fmt: skip

# Brand-ish words with pinyin (for web sites).
BRANDS: tuple[tuple[str, str], ...] = (
    ("恒达", "hengda"), ("华创", "huachuang"), ("鼎盛", "dingsheng"), ("盛世", "shengshi"),
    ("宏远", "hongyuan"), ("博瑞", "borui"), ("天成", "tiancheng"), ("金桥", "jinqiao"),
    ("中联", "zhonglian"), ("新丰", "xinfeng"), ("永信", "yongxin"), ("瑞祥", "ruixiang"),
    ("泰和", "taihe"), ("众合", "zhonghe"), ("安捷", "anjie"), ("凯旋", "kaixuan"),
    ("锦程", "jincheng"), ("卓越", "zhuoyue"), ("华信", "huaxin"), ("东方", "dongfang"),
    ("正泰", "zhengtai"), ("嘉禾", "jiahe"), ("明辉", "minghui"), ("亿科", "yike"),
    ("同创", "tongchuang"), ("汇丰达", "huifengda"), ("九州", "jiuzhou"), ("银河", "yinhe"),
    ("兴业", "xingye"), ("远航", "yuanhang"), ("精工", "jinggong"), ("海纳", "haina"),
    ("百川", "baichuan"), ("先锋", "xianfeng"), ("长盛", "changsheng"), ("联创", "lianchuang"),
    ("德润", "derun"), ("华美", "huamei"), ("科达", "keda"), ("中瑞", "zhongrui"),
    ("启航", "qihang"), ("蓝海", "lanhai"), ("鑫源", "xinyuan"), ("晨光", "chenguang"),
)  # fmt: skip

# (word in the company name, industry label for the client's industry field).
INDUSTRIES: tuple[tuple[str, str], ...] = (
    ("精密机械", "机械制造"), ("自动化设备", "机械制造"), ("电子科技", "电子电器"), ("电气", "电子电器"),
    ("医疗器械", "医疗器械"), ("生物医药", "医药"), ("供应链管理", "物流"), ("物流", "物流"),
    ("新材料", "化工材料"), ("化工", "化工材料"), ("食品", "食品饮料"), ("饮料", "食品饮料"),
    ("建设工程", "建筑工程"), ("软件", "IT/软件"), ("信息技术", "IT/软件"), ("包装材料", "包装印刷"),
    ("汽车零部件", "汽车"), ("环保科技", "环保"), ("纺织", "纺织服装"), ("家具", "家居建材"),
    ("光电", "电子电器"), ("模具", "机械制造"), ("贸易", "商贸"), ("新能源", "新能源"),
)  # fmt: skip
COMPANY_SUFFIXES: tuple[str, ...] = (
    "有限公司", "有限公司", "有限公司", "股份有限公司", "科技有限公司", "科技股份有限公司",
    "集团有限公司", "实业有限公司",
)  # fmt: skip

ENGLISH_BRANDS: tuple[str, ...] = (
    "Northwind", "Bluewave", "Silverline", "Summit", "Evergreen", "Pacific Rim", "Redwood",
    "Keystone", "Brightpath", "Ironbridge", "Harborview", "Crestline", "Oakridge", "Sunfield",
)  # fmt: skip
# (English industry word, industry label).
ENGLISH_INDUSTRIES: tuple[tuple[str, str], ...] = (
    ("Logistics", "物流"), ("Electronics", "电子电器"), ("Trading", "商贸"), ("Medical", "医疗器械"),
    ("Software", "IT/软件"), ("Packaging", "包装印刷"), ("Automation", "机械制造"), ("Foods", "食品饮料"),
)  # fmt: skip
ENGLISH_SUFFIXES: tuple[str, ...] = ("Ltd.", "Co., Ltd.", "Inc.", "GmbH", "Pte. Ltd.", "(China) Co., Ltd.")

DISTRICTS: tuple[str, ...] = ("高新区", "经济开发区", "工业园区", "新区", "开发区", "科技园", "保税区")
ROADS: tuple[str, ...] = (
    "人民路", "建设路", "科技大道", "长江路", "中山路", "解放路", "创业路", "滨河路", "星湖街",
    "金融街", "工业大道", "东环路",
)  # fmt: skip

SOURCES: tuple[str, ...] = (
    "展会", "转介绍", "官网", "电话开发", "老客户推荐", "行业协会", "招投标网站", "微信公众号", "陌生拜访",
)  # fmt: skip
SOURCE_WEIGHTS: tuple[int, ...] = (5, 4, 3, 4, 2, 1, 2, 1, 2)

# Job titles by seniority level: (title, stakeholder role, influence, department).
TITLES: tuple[tuple[tuple[str, str | None, str, str], ...], ...] = (
    (
        ("总经理", "approver", "high", "总经办"),
        ("董事长", "approver", "high", "董事会"),
        ("总裁", "approver", "high", "总经办"),
    ),
    (
        ("副总经理", "decision_maker", "high", "总经办"),
        ("采购总监", "decision_maker", "high", "采购部"),
        ("技术总监", "evaluator", "high", "技术部"),
        ("财务总监", "decision_maker", "medium", "财务部"),
        ("运营总监", "decision_maker", "medium", "运营部"),
    ),
    (
        ("采购经理", "user", "medium", "采购部"),
        ("IT主管", "evaluator", "medium", "信息部"),
        ("生产经理", "user", "medium", "生产部"),
        ("项目经理", "user", "medium", "项目部"),
        ("质量经理", "evaluator", "medium", "质量部"),
        ("行政经理", "user", "low", "行政部"),
    ),
    (
        ("采购专员", "user", "low", "采购部"),
        ("工程师", "evaluator", "low", "技术部"),
        ("总经理助理", None, "low", "总经办"),
        ("仓库主管", "user", "low", "物流部"),
    ),
)
ENGLISH_TITLES: tuple[tuple[tuple[str, str | None, str, str], ...], ...] = (
    (("General Manager", "approver", "high", "Management"),),
    (
        ("Operations Director", "decision_maker", "high", "Operations"),
        ("IT Director", "evaluator", "high", "IT"),
    ),
    (
        ("Purchasing Manager", "user", "medium", "Purchasing"),
        ("Project Manager", "user", "medium", "Projects"),
    ),
    (("Buyer", "user", "low", "Purchasing"), ("Engineer", "evaluator", "low", "Engineering")),
)

INTERESTS: dict[str, tuple[str, ...]] = {
    "approver": ("投资回报", "公司战略和风险控制", "年度预算"),
    "decision_maker": ("总体成本", "供应稳定性", "项目按期上线"),
    "evaluator": ("技术指标和兼容性", "方案是否可靠", "售后技术支持"),
    "user": ("操作简单", "交货及时", "培训和日常服务"),
    "coach": ("个人在公司的表现", "项目成功后的认可"),
}
TENURES: tuple[str, ...] = ("1年", "2年", "3年", "5年以上", "刚入职半年", "8年", "10年以上")

TAGS: tuple[tuple[str, str], ...] = (
    ("重点客户", "#d9534f"), ("老客户转介绍", "#5cb85c"), ("政府项目", "#337ab7"), ("外资企业", "#5bc0de"),
    ("价格敏感", "#f0ad4e"), ("需要技术支持", "#9b59b6"), ("有竞品在用", "#e67e22"), ("待激活", "#95a5a6"),
    ("高层关系好", "#16a085"), ("展会线索", "#2c3e50"),
)  # fmt: skip
