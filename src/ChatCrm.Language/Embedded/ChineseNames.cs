namespace ChatCrm.Language.Embedded;

/// <summary>Character classes for recognising Chinese person names by their surname and title.</summary>
internal static class ChineseNames
{
    // Common surnames; characters that are far more often words here (和, 于, 时, 明, 成, 师) are left out.
    public const string Surname =
        "(?:欧阳|司马|诸葛|上官|东方|皇甫|慕容|令狐|司徒|夏侯|尉迟|公孙|长孙|宇文|" +
        "[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔" +
        "钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施牛樊" +
        "葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆" +
        "蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿" +
        "桂佟臧闵苟邬边卞姬仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝])";

    // A character of a given name: any ideograph except the function words and verbs that follow a name,
    // and not the start of a day word (明天, 下周) that often follows one.
    public const string GivenChar =
        @"(?:(?!明[天早晚日年]|今[天日晚早年]|后天|昨天|下[周午个次礼星]|上[周午个次礼星])" +
        @"[\u4e00-\u9fff-[的了和跟给与在是说讲对把被向约见打发聊电话微信邮件会议开面谈沟确签通过吗呢吧啊也都就还又再已" +
        "要想去来到从让这那个们您你我他她它昨刚将很非常总经理先生女士转交公司客户线索商机单准备表示觉得认为反馈" +
        "回复答应同意拒绝问看关联绑定认领退跟进提醒]])";

    public const string LongTitle =
        "董事长|总经理|副总裁|副总|总监|总裁|经理|主任|主管|老师|女士|先生|小姐|律师|医生|教授|博士|处长|局长|科长|部长|院长|校长|行长|厂长|店长|老板";

    // Short titles right after the surname; the look-aheads keep 总部/总结, 工作/工资 and 董事会 out.
    public const string ShortTitle = "总(?![结共部体额价是算计之经监裁])|董(?!事)|工(?![作资厂程具业])|姐|哥";
}
