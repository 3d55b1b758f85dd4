namespace ChatCrm.Cli;

/// <summary>Varied sentences for the interpreter benchmark: every intent, both languages, short and long.</summary>
public static class BenchSentences
{
    private static readonly string[] Names = ["王总", "李经理", "张伟", "刘女士", "赵总", "John Smith", "Sarah", "Mike Chen", "Li Na", "David"];

    private static readonly string[] Templates =
    [
        "今天下午给{0}打了电话,他对报价很感兴趣,下周三再跟进",
        "刚拜访了华为的{0},聊了交付周期,周五前发方案",
        "微信上跟{0}聊了下,他说预算还没批下来,12月3号再联系",
        "和{0}开了个线上会议,对方很感兴趣,明天上午10点发合同",
        "Called {0} at Acme, very interested in the pro plan, follow up next Tuesday",
        "Met with {0} from Globex today, she wants a demo, follow up tomorrow at 3pm",
        "新建线索:{0},13800138000,华为,通信行业",
        "把这个聊天关联到{0}",
        "把{0}转给bob跟进",
        "{0}的单子赢单了!",
        "华为这单金额改成50万",
        "明天上午9点提醒我给{0}打电话",
        "remind me to call {0} next Monday at 10am",
        "哪些客户超过7天没跟进了",
        "show unclaimed leads",
        "认领",
        "今天天气不错",
        "/link L-20261118-0007",
    ];

    public static IReadOnlyList<string> Mixed() =>
        [.. Templates.SelectMany(template => Names.Select(name => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, name)))];
}
