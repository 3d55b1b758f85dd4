using System.Text.RegularExpressions;

namespace ChatCrm.Language.Embedded;

/// <summary>Words and phrases that are evidence for one intent or another, in Chinese and English.</summary>
internal static partial class IntentCues
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant;

    private const string EnglishStage =
        @"closed[\s-]?won|closed[\s-]?lost|new|contacted|qualified|qualification|proposal|quote|quoted|negotiation|negotiating|won|lost";

    private const string ChineseStage =
        "新线索|已联系|初步接触|初次接触|已接触|需求确认|确认需求|需求已确认|意向确认|方案|报价|提案|商务谈判|谈判|议价|赢单|签约|签单|成交|输单|丢单";

    [GeneratedRegex(@"^(?:/?help(?:\s+me|\s+please)?|i\s+need\s+help|帮助|求助|菜单|menu|commands?|usage|说明|使用说明|指令|命令|\?+)[\s.!?]*$", Options)]
    public static partial Regex HelpWhole();

    [GeneratedRegex(
        @"怎么用|如何使用|怎么使用|使用方法|(?:你|机器人)?(?:能|可以|会)(?:帮我)?(?:做|干)(?:些)?(?:什么|啥|哪些|嘛)|你会什么|有什么功能|有哪些功能|" +
        @"有哪些命令|支持哪些|(?<![A-Za-z])(?:what\s+can\s+you\s+do|how\s+do\s+i\s+use|how\s+does\s+this\s+work|how\s+to\s+use|" +
        @"list\s+(?:of\s+)?commands|available\s+commands|show\s+(?:me\s+)?(?:the\s+)?help)(?![A-Za-z])", Options)]
    public static partial Regex HelpPhrase();

    [GeneratedRegex(
        @"撤销|撤消|撤回(?!公海)|取消(?:上一步|刚才|刚刚|上一条|上次)|回滚|" +
        @"(?<![A-Za-z])(?:undo|revert|take\s+(?:that|it)\s+back|roll\s*back)(?![A-Za-z])", Options)]
    public static partial Regex Undo();

    [GeneratedRegex(
        @"提醒我|提醒一下|提醒下|叫我|提个醒|设(?:个|置)?(?:一个)?提醒|加(?:个|一个)?提醒|定(?:个|一个)?提醒|" +
        @"(?<![A-Za-z])(?:remind\s+me|set\s+(?:a\s+|an\s+)?reminder|reminder\s*:|alert\s+me|ping\s+me|nudge\s+me)(?![A-Za-z])", Options)]
    public static partial Regex ReminderStrong();

    [GeneratedRegex(@"提醒|别忘了|记得|(?<![A-Za-z])(?:reminder|remind|don'?t\s+let\s+me\s+forget)(?![A-Za-z])", Options)]
    public static partial Regex ReminderWeak();

    [GeneratedRegex(
        @"转给|转交|移交|交给|分配给|转派|改派|转到|让给|划给|" +
        @"(?<![A-Za-z])(?:transfer(?:red|ring)?|hand(?:ed)?\s+(?:over|[^,.;!?]{1,40}?\s+over\s+to)|reassign(?:ed)?|" +
        @"(?:assign|give|pass)\s+[^,.;!?]{1,40}?\s+(?:on\s+)?to(?=\s+(?-i:[A-Z]))|assign\s+[^,.;!?]{1,40}?\s+to\s+me)(?![A-Za-z])", Options)]
    public static partial Regex Transfer();

    [GeneratedRegex(
        @"退回|退还|放回|还回|扔回|丢回|回公海|放到公海|放进公海|扔到公海|释放|放弃(?:这个|该)?(?:客户|线索)|" +
        @"(?<![A-Za-z])(?:return(?:ed|ing)?(?!\s+(?:my|his|her|their|the|a|our)\s+(?:call|email|message))|release|" +
        @"back\s+(?:to|into)\s+the\s+pool|give\s+up\s+on|unclaim|drop\s+(?:this|the|that)\s+(?:lead|customer|client))(?![A-Za-z])", Options)]
    public static partial Regex Return();

    [GeneratedRegex(@"不跟了|不跟进了|跟不了|不要了|不再跟进", Options)]
    public static partial Regex ReturnWeak();

    [GeneratedRegex(
        @"(?<![未没无待人被有])认领|我来跟|我来负责|我来处理|我来接|我接了|我接手|我要了|归我|领取|这个我来|" +
        @"(?<![A-Za-z])(?:claim(?:ed|ing)?|i'?ll\s+take\s+(?:it|this|that|over)|take\s+(?:this|that)\s+(?:lead|one|customer|client)|" +
        @"assign\s+(?:it|this(?:\s+\w+)?)\s+to\s+me|it'?s\s+mine)(?![A-Za-z])", Options)]
    public static partial Regex Claim();

    [GeneratedRegex(
        @"关联|绑定|链接到|挂到|对应到|对应的?(?:客户|线索)|" +
        @"(?<![A-Za-z])(?:(?<!(?:the|a|this|that|my|our|your|his|her)\s+)link(?:ed)?\s+(?:(?:this|the|our)\s+(?:chat|conversation|group|thread|room)\s+)?(?:to|with)|link\s+(?=L-\d)|^link|" +
        @"bind|associate|connect\s+(?:this|the)\s+(?:chat|conversation|group)|" +
        @"attach\s+(?:this\s+)?(?:chat|conversation))(?![A-Za-z])", Options)]
    public static partial Regex Link();

    [GeneratedRegex(
        @"(?:新建|新增|添加|增加|创建|录入|录(?:个|一个|一条|入)|建(?:个|一个|一条)|加(?:个|一个|一条)|登记)(?:一个|一条|个|条)?(?:新的?)?" +
        @"(?:线索|客户|商机|联系人)|新的?(?:线索|客户)\s*[:]|^新的?(?:线索|客户)|" +
        @"(?<![A-Za-z])(?:new|add|create|register|enter|log)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:lead|customer|client|contact|prospect)(?![A-Za-z])", Options)]
    public static partial Regex CreateLead();

    [GeneratedRegex(
        @"(?:进入|推进到?|推到|转入|转到|改为|改成|更新为|更新到|设为|设置为|标记为|标为|调整为|到了|进到|升级到|已到|变成|变为)\s*了?\s*(?:" + ChineseStage + ")" +
        @"|(?:" + ChineseStage + @")\s*阶段|阶段\s*(?:改|更新|调整|设)?\s*(?:为|成|到)\s*(?:" + ChineseStage + ")", Options)]
    public static partial Regex ChineseStageChange();

    [GeneratedRegex(
        @"(?<![A-Za-z])(?:(?:move|moved|set|put|mark|marked|change|changed|update|updated|advance|advanced|push|pushed|bump|bumped|" +
        @"switch|switched|progress|progressed)\s+[^,.;!?]{0,60}?(?:to|as|into|in)\s+(?:the\s+)?(?:stage\s+)?(?:" + EnglishStage + ")" +
        @"|closed[\s-]?won|closed[\s-]?lost|we\s+(?:won|lost)|(?:is|are)\s+(?:now\s+(?:in\s+)?|(?:now\s+)?in\s+(?:the\s+)?)(?:" + EnglishStage + ")" +
        @"|stage\s*(?::|=|to)\s*(?:" + EnglishStage + @")|(?:deal|opportunity)\s+(?:won|lost))(?![A-Za-z])", Options)]
    public static partial Regex EnglishStageChange();

    [GeneratedRegex(
        @"赢单|输单|丢单|签约了|签单了|成交了|拿下了|已签约|已成交|已签单|黄了|丢了|谈成了|签了合同|合同签了|" +
        @"(?<![A-Za-z])(?:(?:has|have|just|finally)\s+signed|signed\s+the\s+(?:contract|deal)|(?:won|lost|closed)\s+the\s+(?:[^,.;!?]{1,30}\s+)?deal)(?![A-Za-z])", Options)]
    public static partial Regex StageTerminal();

    [GeneratedRegex(
        @"金额|价值|合同额|合同金额|订单额|成交额|商机金额|预计|总价|总额|单值|改成|改为|设为|定为|更新为|调整为|这单|单子|" +
        @"(?<![A-Za-z])(?:worth|amount|value[ds]?|deal\s+size|size|valued|price[ds]?|set|update|change)(?![A-Za-z])", Options)]
    public static partial Regex AmountCue();

    [GeneratedRegex(@"预算|报价|(?<![A-Za-z])budget(?![A-Za-z])", Options)]
    public static partial Regex AmountWeakCue();

    [GeneratedRegex(
        @"漏斗|报表|报告|统计|业绩|转化率|赢单率|成交率|成交额|销售额|排行|排名|TOP\s*\d+|前\s*\d+\s*名|多少(?:个|条|家|单)?(?:新)?(?:线索|客户|商机|单)|" +
        @"(?:线索|客户|商机|单子?)(?:有|一共|总共)?多少|几个(?:新)?(?:线索|客户|商机)|周报|月报|日报|汇总|概况|总览|趋势|" +
        @"(?<![A-Za-z])(?:report|funnel|pipeline|conversion|win\s+rate|close\s+rate|how\s+many|how\s+much|stats|statistics|" +
        @"metrics?|revenue|summary|breakdown|trend|kpis?|leaderboard|ranking|top\s*\d+|dashboard)(?![A-Za-z])", Options)]
    public static partial Regex Report();

    [GeneratedRegex(
        @"哪些|哪几个|什么客户|什么线索|列出|列一下|列表|看看|看下|查看|查一下|查询|显示|给我看|有谁|谁|" +
        @"(?<![A-Za-z])(?:show|list|which|what|who|find|get|display|see|view|any)(?![A-Za-z])|\?$", Options)]
    public static partial Regex QueryWord();

    [GeneratedRegex(@"^跟进(?:记录|情况)?\s*[:]|跟进记录|(?<![A-Za-z])(?:follow[- ]?up\s*:|update\s*:|log\s*:)", Options)]
    public static partial Regex FollowUpPrefix();

    [GeneratedRegex(
        @"再跟进|再联系|再约|再打|再聊|再发|再沟通|再拜访|再去|再看|约了|跟进|回访|" +
        @"(?<![A-Za-z])(?:follow(?:ing)?[- ]?up|ping|check\s+in|circle\s+back|touch\s+base|reach\s+out|get\s+back|try\s+again)(?![A-Za-z])", Options)]
    public static partial Regex FollowUpNext();

    [GeneratedRegex(
        @"聊了|聊过|聊得|沟通了|沟通过|谈了|谈过|交流了|" +
        @"(?<![A-Za-z])(?:spoke\s+(?:to|with)|talked\s+(?:to|with)|chatted\s+with|(?:had\s+)?a\s+(?:\w+\s+)?chat\s+with|discussed|caught\s+up\s+with|" +
        @"touched\s+base\s+with|followed\s+up\s+with|reached\s+out\s+to|got\s+hold\s+of)(?![A-Za-z])", Options)]
    public static partial Regex ContactVerb();

    [GeneratedRegex(
        @"聊了|聊过|沟通了|谈了|谈过|见了|说|表示|反馈|答复|回复|问了|演示|" +
        @"(?<![A-Za-z])(?:spoke|talked|discussed|said|told|asked|mentioned|wants?|needs?|agreed|approved|sent|demoed)(?![A-Za-z])", Options)]
    public static partial Regex TalkVerb();

    [GeneratedRegex(
        @"了|过|刚|已经|" +
        @"(?<![A-Za-z])(?:called|phoned|rang|met|emailed|mailed|visited|went|spoke|talked|chatted|had|just)(?![A-Za-z])", Options)]
    public static partial Regex PastMarker();
}
