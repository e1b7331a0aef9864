"""Deterministic demo data: a small first-launch data set and a large one for benchmarks.

``generate_demo(db, size="small", seed=0, today=None, progress=None) -> DemoSummary`` (see
``generate.generate_demo``). The same (size, seed, today) gives identical tables, UUIDs and
timestamps included; every date is relative to ``today``.

The story: a supervisor (刘振华) and his salespeople. 王磊 is the steady closer: fewer follow-ups,
more signings, high weekly scores. 陈静 is busy but not converting (the "model worker", 劳模):
the most calls and visits, few signings, lower scores and annotations that coach her on client
value. Clients (Chinese and some English companies) move from lead to customer through
opportunities, contracts and payment plans (some paid in parts, some overdue); a few sign again.
Follow-ups are chained by next steps (open ones overdue, due today, due later). Key clients carry
a stakeholder map: a supportive general manager, a neutral high-influence deputy GM nobody has met
for months, an opposed technical director and a purchasing manager who became the coach. Goals run
year → quarter → month → week → event with numeric and action targets; weekly forms are scored,
the current week's is a draft; the performance handbook holds a few Q&A entries.

Sizes (``SIZES``): ``small`` = 3 users, 200 clients, ~3,000 follow-ups over 18 months;
``large`` = 23 users, 100,000 clients, 300,000 contacts, 1,000,000 follow-ups over 5 years.
"""

from .generate import DemoSummary, generate_demo
from .plan import SIZES

__all__ = ["SIZES", "DemoSummary", "generate_demo"]
