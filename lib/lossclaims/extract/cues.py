from __future__ import annotations

import re

from ..caseless import caseless_module



_PLUS = re.compile(r"(?:^\s*\(|\|)\s*\+\s*$")
_DAILY_AFTER = re.compile(r"^\s*(?:\)|\||$)")
_LAUNCH = re.compile(r"\b(?:(?:struck|attacked|hit|targeted|pounded|bombarded|shelled)\s+(?:[\w'-]+\s+){0,4}?with|hits\s+from|using|with\s+the\s+use\s+of|hits\s+by|impacts\s+(?:by|of)|struck\s+by|attacked\s+by|launch(?:ed|es|ing)|fired|fires|firing|attacked\s+with|sent|used|deployed|unleashed|"
                     r"released)\b", re.IGNORECASE)
_RATE_AFTER = re.compile(
    # ("in a day", "in just a week", "over a month" are a window, not a rate)
    r"^[^.;]{0,45}?\b(?:per\s+(?:square|sq|km|kilomet|day|week|month|year|hour)|"
    r"(?<!\bin\s)(?<!\bwithin\s)(?<!\bjust\s)(?<!\bonly\s)(?<!\bover\s)a\s+(?:day|week|month|year)\b|"
    r"each\s+(?:day|week|month)|every\s+(?:day|week|month|single)|for\s+every|for\s+each|an\s+hour|on\s+average|"
    r"a\s+square|daily\s+average)",
    re.IGNORECASE,
)
_RATE_BEFORE = re.compile(r"\b(?:average\s+of|averag(?:e|ed|ing)|rate\s+of|ratio\s+of|an\s+average)\s+(?:\w+\s+){0,2}$|\bper\s+$|"
                          r"\bfor\s+(?:every|each)\s+$|"
                          # "for every kilometre, Russia is losing more than 170 soldiers"
                          r"\b(?:for|per)\s+(?:every|each)\s+[\w-]+(?:\s+of\s+[\w-]+)?\s*,[^.;]{0,60}$|"
                          r"\brate\b[^.;,]{0,40}\b(?:was|is|of|at|stood\s+at|reached|(?:to\s+)?exceed(?:ed)?|topped|"
                          r"(?:to\s+)?reach|hit)\s+(?:\w+\s+){0,2}$",
                          re.IGNORECASE)
_STOCK = re.compile(
    r"\b(?:suppl(?:y|ied|ies|ying)|deliver(?:ed|ies|y|ing)|provid(?:ed|es|ing)|donat(?:ed|es|ing)|pledg(?:ed|es)|"
    r"transferr?(?:ed|ing)|receiv(?:ed|es|ing)|ordered|bought|purchas(?:ed|es)|produc(?:ed|es|ing|tion)|"
    r"manufactur(?:ed|es|ing)|built|build|builds|building(?=\s+(?:up|more|new|its|their|a\s+new)\b)|stockpiles?|inventory|in\s+storage|from\s+storage|stored|"
    r"in\s+service|arsenal|fleet\s+of|started\s+the\s+war\s+with|entered\s+the\s+war\s+with|before\s+the\s+war|"
    r"possess(?:es|ed)?|set\s+up|amass(?:ed|ing)|mass(?:ed|ing)|stationed|concentrat(?:ed|ing)|grouping|"
    r"refurbish(?:ed|ing)|modernis(?:ed|ing)|moderniz(?:ed|ing)|(?:army|armed\s+forces)\s+of(?!\s+(?:the\s+)?(?:ukraine|russia|russian\s+federation)\b)|repair(?:ed|ing)|"
    r"restor(?:ed|ing)|has\s+some|has\s+about|operat(?:es|ing)|aid\s+package|package)\b",
    re.IGNORECASE,
)
_RECRUIT = re.compile(
    r"\b(?:recruit(?:ed|s|ing|ment)?|mobili[sz](?:ed|ation|ing|e)|conscript(?:ed|ion|s)?|enlist(?:ed|ing|s)?|"
    r"sign(?:ed|ing)?\s+(?:up|contracts?)|draft(?:ed)?|call(?:ed)?[\s-]up|volunteers?\s+join)\b",
    re.IGNORECASE,
)
_FORECAST = re.compile(
    r"\b(?:expected\s+to|aims?\s+to|aiming\s+to|plans?\s+to|planning\s+to|goal\s+(?:is|of)|target\s+of|(?:is|are|set)\s+to\s+(?:reach|rise|grow|increase)|(?:could|might|may|would)\s+(?:eventually\s+|soon\s+|potentially\s+|still\s+)?"
    r"(?:send|deploy|lose|suffer)|could\s+(?:reach|rise|climb|top|lose|hit|exceed|pass|surpass)|will\s+(?:likely\s+)?(?:reach|rise|climb|top|lose|hit|exceed|pass|surpass|cross|approach)|"
    r"would\s+(?:reach|rise|lose|be)|projected|forecasts?|forecasted|predict(?:ed|s|ion)?|on\s+track\s+to|"
    r"likely\s+to\s+(?:reach|rise|lose|exceed)|may\s+(?:reach|rise|lose|exceed))\b",
    re.IGNORECASE,
)
_EXCHANGE = re.compile(
    r"\b(?:exchang(?:e|ed|es|ing)|swap(?:s|ped)?|repatriat(?:ed|ion)|returned|return\s+of|released|freed|retrieved|"
    r"brought\s+(?:back\s+)?home|liberated|"
    r"handed\s+over|bodies\s+of|prisoner\s+swap)\b",
    re.IGNORECASE,
)
_POPULATION = re.compile(r"\b(?:home\s+to|population\s+of|a\s+city\s+of|a\s+town\s+of|inhabited\s+by|populated\s+by)\s+"
                         r"(?:\w+\s+){0,2}$", re.I)
_NOT_LOSS = re.compile(r"\b(?:survived|survivors?|rescued|evacuated|displaced|refugees?|treated|saved|trained|training|"
                       r"fled|fleeing|sought\s+refuge|seeking\s+refuge)\b",
                       re.IGNORECASE)
# Not people lost: "4.8 million Ukrainians have fled abroad", "turned 15 million Ukrainians into refugees"
_REFUGEES = re.compile(r"^[^.;]{0,40}?\b(?:(?:have|has|had)\s+)?(?:fled|flee|fleeing|sought\s+refuge|seeking\s+refuge|"
                       r"(?:are|were|remain|became|become)\s+(?:internally\s+)?displaced|into\s+refugees|(?:are|were|became)\s+refugees)\b",
                       re.IGNORECASE)
# Losses set against recruitment: "lost 9,000 more troops than it recruited", "than it was able to replace"
_BEYOND_RECRUITMENT = re.compile(r"^[^.;]{0,60}?\bmore\b[^.;]{0,40}?\bthan\s+(?:it|they|russia|moscow|kyiv|ukraine)\s+"
                                 r"(?:was\s+able\s+to\s+|could\s+|can\s+)?(?:recruit|replace|mobili[sz]e|enlist)", re.IGNORECASE)
# A ratio, not a count: "losses were 1 to 27", "a 4:1 ratio"
_RATIO_AFTER = re.compile(r"^\s*(?::\s*\d|to\s+\d[\d,.]*\s+(?:at\s+one\s+point|ratio)\b)|^\s*-to-\d", re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"(?:\d\s*:\s*|\bratio\s+of\s+(?:\w+\s+){0,2}|\b1\s+to\s+)$", re.IGNORECASE)
_DURATION_AFTER = re.compile(
    r"^(?:-and-a-half|\s+and\s+a\s+half)?[\s-]*(?:(?:full|straight|long|more|consecutive|additional|calendar)\s+)?"
    r"(?:days?|weeks?|months?|years?|hours?|minutes?|decades?|nights?)\b",
    re.IGNORECASE,
)
_DAY_BEFORE = re.compile(r"(?:^|\b(?:on|since|by|of|as\s+of|marks?|marking|reached|entered|it\s+is|it's))\s*day\s+(?:no\.?\s+)?$",
                         re.IGNORECASE)
_AGE = re.compile(r"^(?:-years?-old|\s+years?\s+old|-year-old)", re.IGNORECASE)
# "aged 54", "the median age of the dead has risen to 36"
_AGE_BEFORE = re.compile(r"\baged\s+(?:(?:\d{1,3}|[a-z]+)\s*(?:,|and|or)\s*){0,4}$|\bage\s+(?:of\s+)?$|\b(?:median|average|mean)\s+age\b[^.;]{0,60}$", re.IGNORECASE)
_MODEL_BEFORE = re.compile(r"\b(?:Leopard|Challenger|Marder|Gepard|Patriot|Tornado|Mirage|Gripen|Iskander|Kinzhal|Tochka|"
                           r"Zircon|Kalibr|Shahed|Geran|Lancet|Orlan|Bayraktar|Stryker|Piranha|Caesar|Krab|Zuzana|Project)\s$")
_UNIT_BEFORE = re.compile(r"\b(?:unit|brigade|regiment|battalion|division|no\.|number|corps|group|model|version)\s+#?$",
                          re.IGNORECASE)
_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
_DATE_CONTEXT_BEFORE = re.compile(rf"\b{_MONTHS}\s+$|\b{_MONTHS}\s+\d{{1,2}},?\s+$", re.IGNORECASE)
_DATE_CONTEXT_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?![a-z])", re.IGNORECASE)
_LINK_BEFORE = re.compile(
    r"\b(?P<noun>death\s+toll|toll|casualt(?:y|ies)|causalities|losses|total|tally|number|figure|count|killed|dead|"
    r"wounded|injured|deaths|fatalities|personnel|troops|soldiers|servicemen)\b"
    # "the death toll of 500", "casualties at 1,000": the link word right after the noun ...
    r"(?:(?P<gap0>\s+(?:of|at|to)\s+(?:[\w']+\s+){0,3})$"
    # ... or a verb further on: "casualties in the war have passed the grim milestone of"
    # (a date may sit in the gap: "bringing the total since Feb. 24, 2022 to")
    r"|(?P<gap>(?:[^.;:,]|(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))\.|,(?=\s*(?:19|20)\d\d\b)){0,70}?)"
    # ("estimates casualties between 500,000 and", "deaths could range from", "killed thus far -- 15,000":
    # a range or a dash links only a figure with no noun of its own, see `linking_phrase`)
    r"(?:(?<=\s)(?P<dash>--|\u2014|\u2013)|\b(?P<range>between|from|range\s+of)|\b(?:to|reached|reach|reaches|surpassed|surpass|surpasses|passed|pass|passes|exceeded|exceed|exceeds|"
    r"topped|tops|top|is|was|are|were|hit|hits|crossed|stood|stands|than|approaching|nearing|near|now|past|"
    r"over|nearly|almost|around|about|some|includes|included|including|amounted\s+to|amount\s+to|at|"
    r"totall?ed|totals|numbered|came\s+to|rose\s+by|risen\s+by|increased\s+by|grew\s+by|climbed\s+by|jumped\s+by))\s+"
    # only determiners, bounds and milestone words between the link and the figure
    r"(?:(?:a|an|the|some|grim|milestone|mark|of|staggering|whopping|record|total|figure|at|least|more|than|over|"
    r"nearly|almost|about|around|close|to|up|just|short|well|upwards|approximately|roughly|estimated|beyond|"
    r"above|under|below|fewer|less)\s+){0,4}$)",
    re.IGNORECASE,
)
_TOTAL_BEFORE = re.compile(r"\b(?:total|overall|cumulative|in\s+all|altogether|bringing|taking(?!\s+(?:place|part|shelter|cover))|"
                           r"brings|takes(?!\s+(?:place|part))|raising|"
                           r"raises|brought|took\s+the)\b[^.;]{0,60}$", re.IGNORECASE)
_SINCE_WAR = re.compile(
    r"\bsince\s+(?:the\s+|its\s+|russia's\s+|moscow's\s+|(?:vladimir\s+)?putin's\s+)?(?:(?:start|beginning|outset|onset)\s+of\s+"
    r"(?:the\s+|its\s+|russia's\s+|(?:vladimir\s+)?putin's\s+)?)?"
    r"(?:full[\s-]scale\s+)?(?:russian\s+)?(?:invasion|war|conflict|special\s+(?:military\s+)?operation|aggression|hostilities|"
    r"conflict's\s+onset|war's\s+start|war's\s+outset|invasion's\s+start)|since\s+(?:the\s+)?(?:launching|starting|"
    r"launch\s+of)|since\s+(?:feb(?:ruary)?\.?\s+(?:of\s+)?(?:24,?\s+)?2022|(?:24\s+)?feb(?:ruary)?\.?\s+(?:of\s+)?2022|2022|2014)|"
    r"(?:from|between|since)\s+(?:24\.02\.(?:20)?22|feb(?:ruary)?\.?\s+24\b|24\s+feb(?:ruary)?\b)|"
    # "between February 2022 and December 2025": from the start of the war
    r"(?:from|between)\s+feb(?:ruary)?\.?\s+(?:24,?\s+)?2022\s+(?:and|to|until|till)\b|"
    r"since\s+(?:russia|moscow|putin|the\s+kremlin|it|they|the\s+country)\s+(?:launched|began|started|invaded|unleashed)"
    r"(?!\s+(?:its|their|the|a)\s+(?:[\w-]+\s+)?(?:counter-?offensive|offensive|incursion|operation|attack|assault))|"
    # "since beginning their invasion on February 24"
    r"since\s+(?:the\s+)?(?:beginning|starting|launching)\s+(?:of\s+)?(?:their|its|the)\s+(?:full[\s-]scale\s+)?"
    r"(?:invasion|war|aggression)|"
    r"(?:back\s+)?in\s+feb(?:ruary)?,?\s+2022|"
    r"(?:start|beginning|outset|onset)\s+of\s+(?:the\s+|its\s+)?(?:full[\s-]scale\s+)?(?:invasion|war)",
    re.IGNORECASE,
)
_WINDOW = re.compile(
    rf"\b(?:since\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:{_MONTHS}\s+)?(?:\d{{1,2}},?\s+)?20(?:2[3-9])|"
    rf"since\s+(?:the\s+)?(?:start|beginning|launch)\s+of\s+(?:the|its|their|kyiv's|ukraine's|russia's)?\s*"
    rf"(?:(?-i:[A-Z])[\w'-]+\s+){{0,2}}(?:counter-?offensive|offensive|incursion|operation\s+in|summer|year)|(?:over|during|in|for)\s+the\s+(?:period|month|year|week)\b|"
    rf"(?:over|during|in)\s+(?:the\s+)?(?:whole\s+|course\s+)?(?:of\s+)?20(?:2[2-9])\b|\bmonthly\b|\bper\s+month\b|\blast\s+{_MONTHS}\b|"
    rf"since\s+(?:the\s+(?:start|beginning)\s+of\s+)?{_MONTHS}(?!\s+(?:of\s+)?(?:24,?\s+)?2022|\s+24\b)|"
    rf"(?:in|during|throughout|by)\s+(?:early\s+|late\s+|mid-?)?(?:the\s+)?(?:first|second|third|fourth|last)?\s*(?:half\s+of\s+|quarter\s+of\s+)?"
    rf"(?:{_MONTHS}|20\d\d|summer|winter|spring|autumn|fall)\b|between\s+{_MONTHS}|"
    rf"(?:over|in|during)\s+(?:the\s+)?(?:past|last|previous|first|next)\s+(?:\w+\s+){{0,2}}(?:days|weeks|months|years|nights|week|month|year)\b|"
    rf"\b(?:in|within|over)\s+(?:just\s+|only\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d{{1,2}})\s+(?:hours|days|weeks|months)\b|"
    # "on the night of September 26", "yesterday's missile attack": one night, one attack
    rf"\bon\s+the\s+night\s+of\b|\b(?:yesterday|last\s+night)'s\b|"
    rf"\bon\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bon\s+\d{{1,2}}\s+{_MONTHS}|\bon\s+{_MONTHS}\s+\d|\b(?:monday|tuesday|wednesday|thursday|"
    rf"friday|saturday|sunday)'s\b|\boverni(?:ght)\b|\bone\s+night\b|\bthis\s+(?:week|month|year)\b|\blast\s+(?:week|month|year)\b|"
    rf"\bin\s+(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:attack|strike|night|assault|battle|week|month|offensive|raid|airstrike|bombardment)\b|\bin\s+the\s+(?:attack|strike|"
    rf"shelling|assault|bombing|battle\s+(?:for|of))\b|\bduring\s+the\s+(?:attack|strike|shelling|assault|battle|offensive|"
    rf"counteroffensive|incursion|operation)\b|\bin\s+(?:the\s+)?(?:attack|strike|shelling|assault|bombing)\s+on\b|"
    rf"\bin\s+(?:\w+\s+)?(?:strikes|attacks|assaults|raids)\s+(?:on|near|in|against)\b)",
    re.IGNORECASE,
)
# Words without which the big period patterns cannot match: tested first, they are cheap.
_SINCE_HINT = re.compile(r"since|from|start|beginning|outset|onset|feb", re.I)
_DAILY_HINT = re.compile(r"day|hour|daily", re.I)
_WINDOW_HINT = re.compile(
    rf"since|between|{_MONTHS}|20\d\d|night|week|month|year|period|alone|summer|winter|spring|autumn|fall|"
    rf"past|last|previous|first|next|attack|strike|shelling|assault|bombing|battle|offensive|incursion|operation|"
    rf"raid|day|alone|hour",
    re.I,
)
# Fighting in a named place or a named operation frames its figures as a window ("during fights in
# the Kursk direction", "in the battles for Avdiivka", "during the Kursk incursion"); a bare "on the
# Kherson axis" in a day's report is where, not when.
_REGIONAL_FRAME = re.compile(
    # "during the four months of the most intense battles for Avdiivka", "in the drawn-out battle for the eastern
    # Ukrainian city of Bakhmut", "during Russia's siege of Mariupol"
    r"\b(?i:(?:during|in|amid|over\s+the\s+course\s+of)\s+(?:the\s+|russia's\s+|ukraine's\s+)?(?:[\w-]+\s+){0,6}?"
    r"(?:fights?|fighting|hostilities|battles?|clashes|combat|operations?|offensive|counter-?offensive|incursion|siege)\s+"
    r"(?:in|for|on|near|around|at|of)\s+(?:the\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,5}?(?:(?:city|town|village|region)\s+of\s+)?)"
    # (a place, not the whole war's country, nor another war's)
    r"(?=[A-Z])(?!(?:Ukraine|Russia)\b(?!['\u2019]))(?!(?:Afghanistan|Iraq|Syria|Chechnya|Vietnam|Korea)\b)|\b(?i:during|in)\s+(?i:the)\s+(?:[A-Z][\w'-]+\s+){1,2}(?i:operation|incursion|offensive|"
    r"counter-?offensive|campaign)\b")
_REGIONAL_SINCE = re.compile(r"\bsince\s+(?:it|they|kyiv|ukraine|russia|moscow|ukrainian\s+forces|russian\s+forces)\s+"
                             r"(?:launched|began|started)\s+(?:its|their|the|a)\s+(?:[\w-]+\s+)?(?:counter-?offensive|offensive|"
                             r"incursion)\b|"
                             r"\bsince\s+the\s+(?:start|beginning|outset)\s+of\s+(?:the\s+)?(?:hostilities|fighting|incursion|"
                             r"offensive|operation|battle)(?:\s+of\s+(?:the\s+)?[\w\s'-]{1,40}?)?\s+(?:in|for|near|around|into)\b|"
                             # the Kursk operation of 2024-25 frames the losses told "in Kursk", "in the Kursk area"
                             r"\bin\s+(?:the\s+)?kursk(?:\s+(?:region|oblast|area|direction|sector))?\b(?!\s+(?:city|regional))|"
                             # "since the Ukrainian troops entered the Kursk Region", "since clashes erupted there"
                             r"\bsince\s+(?:the\s+)?(?:(?:ukrainian|russian)\s+)?(?:troops|forces|army|armed\s+forces|units)\s+"
                             r"(?:entered|invaded|crossed\s+into|broke\s+into)\b|"
                             r"\bsince\s+(?:the\s+)?(?:clashes|fighting|hostilities|battles?)\s+(?:there\s+)?(?:erupted|began|started|broke\s+out)\b",
                             re.I)
_SAME_PERIOD = re.compile(r"\b(?:in|over|during|for)\s+the\s+same\s+(?:period|time|timeframe|months?)\b", re.I)
_CUMULATIVE = re.compile(r"\b(?:in\s+total|overall|so\s+far|to\s+date|cumulative|altogether|in\s+all(?=\s*,)|"
                         # "after one month in the invasion", "in the month since Russia invaded", "a year into the war":
                         # the war so far, however long it has lasted
                         r"(?:after|in|during|over)\s+(?:the\s+)?(?:first\s+|past\s+|last\s+)?(?:\w+\s+)?(?:days?|weeks?|months?|years?)\s+"
                         r"(?:of|in|since|into)\s+(?:the\s+)?(?:full[\s-]scale\s+)?(?:russian\s+)?(?:invasion|war)|"
                         r"(?:\w+\s+)?(?:days?|weeks?|months?|years?)\s+into\s+the\s+(?:full[\s-]scale\s+)?(?:war|invasion)|"
                         r"in\s+the\s+(?:\w+\s+)?(?:days?|weeks?|months?|year)\s+since\s+(?:russia|moscow|the\s+kremlin)\s+invaded|"
                         # "as of this week", "as of the end of May": the day of a running total, not a window
                         r"as\s+(?:of|at|on(?=\s+(?:\d|(?i:january|february|march|april|may|june|july|august|september|october|"
                         r"november|december))))(?:\s+(?:(?:this|last)\s+(?:week|month|year)|today|now|(?:the\s+)?(?:end|beginning|middle|start)"
                         r"\s+of\s+(?:the\s+)?\w+))?)\b", re.I)
_REPORTING = re.compile(r"\b(?:said|says|told|announced|assessed|estimated|estimates|reported|reports|stated|claimed|"
                        r"claims|wrote|noted|added|confirmed|counted|documented|recorded|verified|put)\b", re.I)
# "said in February 2025 that": when it was said, not the period of the figure.
_SPEECH_DATE = re.compile(
    rf"\b(?:said|says|announced|reported|stated|claimed|told\s+\w+|wrote|estimated|noted|added|published|released|"
    rf"posted|updated|pledged|promised|delivered|supplied|sent|received|ordered|invaded|launched|began|started|admitted|"
    rf"acknowledged|conceded|revealed|disclosed|given\s+by\s+(?:[\w.-]+\s+){{0,4}}?|"
    # "last officially updated its loss figures on December 8"
    rf"(?:updated|published|released|revised)\s+(?:its|their|the)\s+(?:[\w-]+\s+){{0,2}}?(?:figures?|data|tally|count|toll|numbers?|statistics))"
    rf"\s+(?:(?:last|this)\s+(?:week|month)|(?:on|in|late\s+on|early\s+on)\s+(?:(?:early\s+|late\s+|mid-?)?{_MONTHS}(?:\s+\d{{1,2}})?,?(?:\s+20\d\d|\s+of\s+(?:this|last)\s+year)?|"
    rf"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|evening|night))?))",
    re.IGNORECASE,
)
_DAILY = re.compile(
    r"\b(?:(?:over|in|during|within)\s+(?:the\s+)?(?:past|last|previous|preceding)\s+(?:day|24\s+hours)|past\s+24\s+hours|"
    r"(?:in|within|over)\s+(?:just\s+|only\s+)?24\s+hours|(?:in|within|over|during)\s+(?:a|the|one)\s+24[\s-]hours?\s+period|"
    r"over\s+the\s+day|"
    r"last\s+24\s+hours|past\s+day|yesterday(?!'s)|in\s+a\s+single\s+day|on\s+the\s+previous\s+day|during\s+the\s+day|"
    r"daily\s+(?:losses|toll|update|report|figures?)|per\s+the\s+daily|in\s+(?:just\s+|only\s+)?(?:one|a)\s+day|"
    r"in\s+the\s+(?:space|course)\s+of\s+(?:(?:a|one|a\s+single)\s+day|24\s+hours))\b",
    re.IGNORECASE,
)
_CIVIL_CONTEXT = re.compile(
    r"\b(?:civilians?|residents?|shell(?:ing|ed)|bomb(?:ing|ed)|glide\s+bomb|apartment|hospital|school|"
    r"playground|governor|mayor|people|person|children|woman|women|man|girl|boy|rescuers|passengers|injured\s+in|"
    r"killed\s+in\s+(?:a|an|the)\s+(?:\w+\s+){0,3}(?:strike|attack))\b",
    re.IGNORECASE,
)
_ARMY_CONTEXT = re.compile(r"\b(?:regime|army|armed\s+forces|troops|servicemen|soldiers|military\s+losses|combat\s+losses|"
                           r"the\s+enemy|personnel|units|brigades?|battalions?|regiments?|compan(?:y|ies)|north\s+korean)\b", re.I)
# (a city's or region's "Military Administration" is Ukraine's civil authority in wartime, not the army)
_MILITARY_CONTEXT = re.compile(r"\b(?:troops|soldiers|servicemen|personnel|military(?![\s-]+(?:civil(?:ian)?[\s-]+)?administrations?\b)|"
                               r"army|forces|fighters|combat|front|"
                               r"north\s+korean|brigades?|units)\b",
                               re.IGNORECASE)
_LOCATION_BEFORE = re.compile(
    r"\b(?:in|into|inside|across|on|throughout|against|invasion\s+of|invaded|invading|war\s+in|war\s+on|war\s+with|"
    r"from|near|to|toward|towards|with|between|and|assist|help|support|supporting|supported|for|attack\s+on|attacks\s+on|"
    r"fight\s+for|fighting\s+for|by)\s+(?:the\s+|its\s+)?$",
    re.IGNORECASE,
)
# a clause break: a figure's voice, place and side are read within its clause ("..., while officials in Russia said")
_CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|but)\b", re.IGNORECASE)
_OCCUPIED = re.compile(r"\b(?:occupied|russian[\s-](?:installed|appointed|controlled|occupied)|moscow[\s-](?:installed|appointed))\b", re.I)
_RUSSIAN_PLACES = re.compile(
    r"\b(?:belgorod|kursk|bryansk|voronezh|rostov|krasnodar|moscow\s+region|lipetsk|oryol|tula|kaluga|smolensk|"
    r"tatarstan|bashkortostan|novorossiysk|sevastopol|russian\s+(?:region|city|town|village|territory|border\s+region)|"
    r"in\s+russia(?!'s)|inside\s+russia(?!'s)|russian\s+civilians|russian\s+nationals|russian\s+citizens|(?:in|on|over|approach(?:ing|ed)?|towards?|to)\s+moscow\b(?!'s)|"
    r"moscow\s+mayor|mayor\s+of\s+moscow|sobyanin|russian\s+capital)\b",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(
    r"^[\w'\s,().-]{0,50}?\b(?:said|says|say|told|tells|claimed|claims|claim|stated|states|reported|reports|report|"
    r"announced|announces|estimated|estimates|estimate|noted|notes|wrote|writes|tweeted|posted|added|adds|confirmed|"
    r"confirms|counted|counts|documented|documents|assessed|assesses|assessment|believes|believed|suggests|suggest|"
    r"suggested|indicated|indicates|puts|published|publishes|verified|recorded|figures|data|update|updates|statement|"
    r"briefing|calculated|calculates|tallied|tally|count|analysis|shows|showed|revealed|reveals|warned|stressed|"
    r"explained|put|evaluates|evaluated|concluded|saying|disclosed|announcing|reporting|claiming|counts|listed|lists|"
    r"asserted|asserts|insisted|insists|maintained|maintains|alleged|alleges|"
    r"recorded|registered|calculated|tallies|acknowledged|admitted|dismissed|denied|rejected|disputed|countered)\b",
    re.IGNORECASE,
)
# A side named as the voice after a cue: "reported by the Air Force of Ukraine", "according to Russia"
# (only names and 'of'/'the' between, so "an analysis by Oryx suggests Russia has lost" is no cue)
_SIDE_CUE_BEFORE = re.compile(r"\b(?i:according\s+to|reported\s+(?:in\s+(?:the|a|its)\s+\w+\s+)?by|cited\s+by|statement\s+(?:by|from)|"
                              r"data\s+(?:from|of))\s+(?:(?:the|of)\s+|[A-Z][\w'.-]*\s+){0,5}$")
_CUE_BEFORE = re.compile(
    r"\b(?:source\s*:|sources\s*:|with\s+reference\s+to|referring\s+to|according\s+to|given\s+by|provided\s+by|data\s+from|figures\s+from|cited\s+by|citing|per|reported\s+(?:in\s+(?:the|a|its)\s+\w+\s+)?by|estimates?\s+(?:from|by)|"
    r"based\s+on(?:\s+data\s+from)?|quoted\s+by|statement\s+(?:by|from)|report\s+(?:by|from)|told|source\s+in|"
    r"sources\s+in|published\s+by|released\s+by|confirmed\s+by|tallied\s+by|counted\s+by|data\s+of|verified\s+by|"
    r"assessment\s+(?:by|from)|analysis\s+(?:by|from)|intelligence\s+from|"
    r"(?:by|in|under|on)\s+the\s+(?:latest\s+|own\s+)?(?:count|tally|reckoning|estimates?|figures|calculations?)\s+of)"
    r"\s+(?:the\s+)?(?:[\w'.]+\s+){0,4}$",
    re.IGNORECASE,
)
_LOCAL_OFFICIAL = re.compile(
    r"\b(?:(?:acting\s+)?(?:regional\s+|city\s+|oblast\s+|district\s+)?(?:governor|mayor|military\s+administration|"
    r"regional\s+administration|city\s+authorities|regional\s+authorities|local\s+authorities|city\s+council|"
    r"(?:local|regional|city|municipal)\s+officials|(?<![\w-])authorities(?=\s+(?:said|say|says|reported|added|confirmed|announced)\b)|"
    r"emergency\s+services?|emergency\s+officials|police|prosecutor's\s+office|prosecutor\s+general's\s+office|"
    # "the head of the administration", "the head of the regional military administration", "the OMA reported"
    r"head\s+of\s+the\s+(?:[\w-]+\s+){0,3}?administration)|(?-i:O[MV]A|MVA)|[A-Z][a-z]+\s+(?:Governor|Mayor)|"
    # "Russian-installed officials in occupied Donetsk", "the Moscow-appointed head of the region"
    r"(?:russian|russia|moscow|kremlin)[\s-](?:installed|appointed|backed)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:officials?|head|leader|authorities|administration|chief))\b",
    re.IGNORECASE,
)
# A voice that introduces figures to come: "according to a new count by the BBC", "a study by CSIS".
_INTRO = re.compile(r"\b(?:count|tally|estimates?|data|figures|analysis|study|report|assessment|documents|database|list)\s+"
                    r"(?:\w+\s+){0,3}?(?:by|from|of|published\s+by|compiled\s+by)\b", re.I)
_TRAILING_VOICE = re.compile(r"\b(?:data|figures|numbers|statistics|information|losses|tally|count|column|table|update|"
                             r"these|this|the\s+report)\b", re.I)
_DATELINE = re.compile(r"\((?:Reuters|AP|AFP|Bloomberg|TASS|Interfax|Xinhua|dpa|Yonhap)\)\s*[-:]", re.I)
_NATIONAL_OFFICIAL = re.compile(r"\b(?:[Tt]he\s+)?(?:[Dd]efen[cs]e\s+[Mm]inistry|[Mm]inistry\s+of\s+[Dd]efen[cs]e|MoD|"
                                r"(?:(?<=[Tt]he )|(?<=country's ))[Aa]ir\s+[Ff]orce|(?<=[Tt]he )[Gg]eneral\s+[Ss]taff|"
                                r"(?:(?<=[Tt]he )|(?<=country's ))military(?=\s+(?:said|says|reported))|"
                                # "the ministry said", "a statement by the ministry": the ministry named before
                                r"(?:(?<=[Tt]he )|(?<=by the ))[Mm]inistry(?=\s+(?:also\s+)?(?:said|says|reported|reports|added|"
                                r"stated|noted|claimed|claims|informed|announced|confirmed)\b|\s*[,.])|"
                                # '..." spokesman Viktor Trehubov told Anadolu': a spokesman of the side last heard
                                r"(?:(?<=[,\"'] )|(?<=[Mm]ilitary )|(?<=[Aa]rmy ))spokes(?:man|woman|person)(?=\s+[A-Z]))(?!\s+of)\b")
_OWNED_NOUN = re.compile(r"\s+(?:personnel|equipment|hardware|losses|casualties|vehicles|units|positions|targets|"
                         r"aircraft|bases?|convoys?|columns?|assets|deaths|dead|death\s+toll|servicemen|troops|"
                         r"installations|facilities|depots?)\b", re.I)
_NATIONAL_WORDS = re.compile(r"(?:the\s+)?(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|mod|air\s+force|general\s+staff|"
                            r"military|ministry|spokes(?:man|woman|person))", re.I)
# A side's own command speaking: "Ukraine's Khortytsia operational-strategic group", "Russia's Dnepr group of forces"
_MILITARY_VOICE = re.compile(
    r"\b(?P<c>Ukraine's|Ukrainian|Russia's|Russian)\s+(?:[A-Z][\w'-]*\s+){0,3}(?:operational[\s-]strategic\s+group(?:\s+of\s+forces)?|"
    r"operational\s+command|group\s+of\s+(?:forces|troops)|joint\s+forces\s+command)\b", re.I)


_LOCAL_HINTS = ("governor", "mayor", "administration", "authorities", "council", "emergency", "police", "prosecutor", "oma", "ova", "mva",
                "officials",
                "installed", "appointed", "backed")
_BACK_REFERENCE = re.compile(
    r"\b(?:according\s+to\s+(?:the|its|their|this|that)\s+(?:same\s+)?(?:\w+\s+)?(?:report|data|figures|update|ministry|"
    r"statement|estimate|estimates|source|agency|military|tally|count|officials|authors|study|analysis|minister|mission|"
    r"researchers|analysts|assessment)|the\s+(?:\w+\s+){0,2}?(?:ministry|military|agency|report|statement|update|"
    r"general\s+staff|army|department|office|mission|spokesperson|spokesman|spokeswoman|official|officials|governor|"
    r"mayor|authors|count|study|analysis|minister|researchers|analysts|assessment|think\s+tank)\s+(?:also\s+|separately\s+)?"
    r"(?:said|says|added|reported|reports|noted|stated|claimed|claims|estimates?|estimated|shows|showed|found|finds|put)|"
    r"(?:he|she|they|it)\s+(?:also\s+|previously\s+|later\s+|earlier\s+|further\s+)?(?:said|says|added|claimed|claims|noted|"
    r"told|estimated|wrote|reported|reports|stated|clarified|specified|confirmed|announced)|"
    # "One document in particular suggests": one of the documents named before
    r"(?:one|the|a|another)\s+(?:of\s+the\s+)?(?:leaked\s+)?documents?\s+(?:in\s+particular\s+)?(?:suggests?|shows?|says?|"
    r"estimates?|indicates?|puts?|lists?))\b",
    re.IGNORECASE,
)
# A line of a list under a header ending with ':' ("471,220 (+1,180) military personnel;", "- tanks - 7,417").
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022|\u00b7\u2023\u25aa\u25cf\u25e6\u25ba\u2013\u2014]\s*)?(?:\d|[A-Za-z][\w ,/-]{0,60}?\s(?:-|:|\|)\s*(?:about\s+|approximately\s+|around\s+)?\d)")
_LABELLED_LINE = re.compile(r"\s*[A-Z][\w ()'-]{0,40}:\s*(?:up\s+to|over|more\s+than|about|around|some|nearly|at\s+least)?\s*\d")
_RANGE_MID = re.compile(r"^\s*(?:-|to|and)\s*$", re.IGNORECASE)
_LIST_SEP = re.compile(r"^\s*(?:,|;|,?\s*and|,?\s*as\s+well\s+as|,?\s*plus|,?\s*along\s+with|,?\s*while|,?\s*with)?"
                       r"\s*(?:also\s+|even\s+|another\s+)?$", re.IGNORECASE)
_ANAPHORA = re.compile(r"^\s*(?:of\s+(?:them|those|these|whom|which)|more|others|other|additional)\b", re.IGNORECASE)
_FORM_REASONS = ("age", "date", "year", "time", "ordinal", "model_number", "measurement", "duration", "percentage", "money")
_SHARED_TRAPS = ("stock", "launched", "rate", "recruitment", "forecast", "exchange")  # a figure compared with one of these is one too
# "2,398 were destroyed", "five were \"lost\" to jamming": what happened to the items counted before
_EQUIPMENT_FATE = re.compile(r"^\s*(?:were|was|had\s+been|have\s+been)?\s*[\"']?"
                            r"(?:(?:locally|reportedly|also|later|successfully|then|likely|probably)\s+)?[\"']?(?:destroyed|captured|damaged|abandoned|shot\s+down|"
                            r"lost|downed|intercepted|suppressed|jammed)\b", re.I)
_COMPARED = re.compile(r"\b(?:up\s+from|down\s+from|compared\s+(?:with|to)|against|versus|vs\.?|after)\s+(?:\w+\s+){0,2}$"
                       r"|\b(?:with|for|and\s+for|in)\s+(?:[A-Z][\w-]*\s+){0,2}$", re.I)
_ANOTHER_BEFORE = re.compile(r"\b(?:another|a\s+further|further|an\s+additional|additional|other)\s+$", re.IGNORECASE)
_ARTICLE_NUMBER = re.compile(
    r"\b(?P<a>[Aa]n?)\s+(?:(?:(?i:russian|ukrainian|north\s+korean|enemy|[\w.]+-made|[\w.]+-built|[\w-]+-(?:year|month|week)-old|young|elderly|pregnant|"
    r"local|single|second|third|fourth|fifth|further|modern|western|soviet-era|american|german|british|"
    r"energy|railway|utility|aid|humanitarian|emergency|police)|[A-Z][\w/.-]*\d[\w/.-]*|"
    r"[A-Z][a-z]+-?\d*|[A-Z]{2,}[\w-]*|\d+mm|(?i:attack|combat|strike|fpv|kamikaze|reconnaissance|military))\s+){0,3}"
    r"(?P<noun>(?i:tank|infantry\s+fighting\s+vehicle|armou?red\s+personnel\s+carrier|armou?red\s+vehicle|helicopter|"
    r"submarine|warship|ship|plane|jet|fighter\s+jet|aircraft|bomber|howitzer|self-propelled\s+gun|multiple\s+rocket\s+launcher|"
    r"air\s+defen[cs]e\s+system|radar|woman|man|child|girl|boy|teenager|civilian|pensioner|resident|person|soldier|"
    r"serviceman|drone|cruise\s+missile|self-propelled\s+howitzer|rocket\s+launcher|radar\s+station|"
    r"electronic[\s-]warfare\s+station|engineering\s+vehicle|pickup(?:\s+truck)?|truck|armou?red\s+combat\s+vehicle|"
    r"armou?red\s+fighting\s+vehicle|fighter-bomber|attack\s+aircraft|bomber|fighter|warplane|vessel|boat|"
    r"sailor|pilot|officer|crew\s+member|mercenary|conscript|worker|rescuer|medic|paramedic|firefighter|"
    r"journalist|driver|doctor|nurse|teacher|schoolteacher|student|coach|"
    r"(?:surface-to-air\s+|anti-aircraft\s+)?missile\s+system))\b",
)
_LIST_LOSS = re.compile(r"\b(?:lost|losses|loses|destroyed|shot\s+down|downed|hit|struck|eliminated|amounted\s+to)\b",
                        re.IGNORECASE)
_ARTICLE_LOSS = re.compile(
    r"^\s*,?\s*(?:(?:was|were|is)\s+among\s+(?:those\s+|the\s+)?(?:killed|injured|wounded|dead)|"
    r"(?:was|were|has\s+been|had\s+been|is|got)\s+(?:also\s+|reportedly\s+)?(?:killed|injured|wounded|destroyed|"
    r"damaged|shot\s+down|downed|sunk|hit|captured|lost|struck|hospitali[sz]ed)|died|(?:was\s+)?killed|"
    r"(?:is|was|remains|remained)\s+(?:also\s+)?in\s+(?:a\s+)?(?:serious|critical|grave|severe)\s+condition)\b",
    re.IGNORECASE,
)
_ARTICLE_LOSS_BEFORE = re.compile(
    r"\bamong\s+(?:the|those)\s+(?:\w+\s+)?(?:injured|wounded|dead|killed|victims|hurt)\s+(?:is|was|were|are)\s+(?:also\s+)?$|"
    r"\b(?:one|two|three)\s+of\s+the\s+(?:dead|victims|killed|injured|wounded)\s+(?:is|was)\s+$|\bthe\s+bod(?:y|ies)\s+of\s+$|\b(?:destroyed|destroying|damaged|shot\s+down|shooting\s+down|downed|sank|sunk|hit|struck|captured|lost|killing|killed|"
    r"wounding|wounded|injuring|injured|eliminated|took\s+out|knocked\s+out)\s+(?:also\s+)?$",
    re.IGNORECASE,
)


# Every case-insensitive pattern above scans lower-cased text case-sensitively: same matches,
# several times faster (see `caseless`).
caseless_module(globals())
