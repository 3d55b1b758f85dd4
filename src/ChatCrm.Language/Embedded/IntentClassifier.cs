namespace ChatCrm.Language.Embedded;

/// <summary>
/// Decides what a message asks for by adding up the evidence for each intent. A generic word alone
/// (今天, call, 一般) never reaches the threshold, so small talk stays unknown.
/// </summary>
internal static class IntentClassifier
{
    private const int Threshold = 3;

    public static IntentKind Classify(MessageContext message)
    {
        var text = message.Text;
        Span<int> score = stackalloc int[(int)IntentKind.Unknown];

        if (IntentCues.HelpWhole().IsMatch(text))
        {
            score[(int)IntentKind.Help] += 8;
        }
        else if (IntentCues.HelpPhrase().IsMatch(text))
        {
            score[(int)IntentKind.Help] += 4;
        }

        if (IntentCues.Undo().IsMatch(text))
        {
            score[(int)IntentKind.Undo] += 6;
        }

        if (IntentCues.ReminderStrong().IsMatch(text))
        {
            score[(int)IntentKind.SetReminder] += 7;
        }
        else if (IntentCues.ReminderWeak().IsMatch(text))
        {
            score[(int)IntentKind.SetReminder] += message.Moments.Count > 0 ? 4 : 2;
        }

        AddIf(score, IntentKind.TransferLead, 5, IntentCues.Transfer().IsMatch(text));
        score[(int)IntentKind.ReturnLead] += IntentCues.Return().IsMatch(text) ? 5 : IntentCues.ReturnWeak().IsMatch(text) ? 3 : 0;
        AddIf(score, IntentKind.ClaimLead, 5, IntentCues.Claim().IsMatch(text));
        AddIf(score, IntentKind.LinkChat, 5, IntentCues.Link().IsMatch(text));

        // "王总那边最近怎么样", "summarise Acme": a question about a lead outweighs the channel and interest words it may hold.
        AddIf(score, IntentKind.SummarizeLead, 7, SummaryReader.IsAsked(text));
        var reportCue = IntentCues.Report().IsMatch(text);
        ScoreCreateLead(score, message, reportCue);
        ScoreDeal(score, text);
        ScoreQueries(score, message, reportCue);
        ScoreFollowUp(score, message);

        var best = IntentKind.Unknown;
        var bestScore = Threshold - 1;
        for (var kind = 0; kind < score.Length; kind++)
        {
            if (score[kind] > bestScore)
            {
                bestScore = score[kind];
                best = (IntentKind)kind;
            }
        }

        return best;
    }

    private static void ScoreCreateLead(Span<int> score, MessageContext message, bool reportCue)
    {
        var text = message.Text;
        var points = IntentCues.CreateLead().IsMatch(text) ? 5 : 0;
        if (PhoneFinder.IsPresent(text))
        {
            // A phone number is what a new lead is given; in a follow-up it comes with a channel word.
            points += points > 0 ? 2 : message.Channel is null ? 3 : 0;
        }

        // "上周新增商机TOP3", "how many new leads": counting new leads is a report, not an entry.
        if (reportCue)
        {
            points -= 4;
        }

        score[(int)IntentKind.CreateLead] += points;
    }

    private static void ScoreDeal(Span<int> score, string text)
    {
        if (ScriptSplit.IsMatch(text, IntentCues.ChineseStageChange(), IntentCues.EnglishStageChange()))
        {
            score[(int)IntentKind.SetStage] += 5;
        }
        else if (IntentCues.StageTerminal().IsMatch(text))
        {
            score[(int)IntentKind.SetStage] += 4;
        }

        if (AmountGrammar.FindDealAmount(text) is not { } amount)
        {
            return;
        }

        if (IntentCues.AmountCue().IsMatch(text))
        {
            score[(int)IntentKind.SetAmount] += amount.IsMarked ? 6 : 4;
        }
        else if (amount.IsMarked)
        {
            score[(int)IntentKind.SetAmount] += IntentCues.AmountWeakCue().IsMatch(text) ? 4 : 2;
        }
    }

    private static void ScoreQueries(Span<int> score, MessageContext message, bool reportCue)
    {
        var text = message.Text;
        var asks = IntentCues.QueryWord().IsMatch(text);
        if (QueryVocabulary.FindFilter(text) is not null)
        {
            // A filter phrase that is (nearly) the whole message is a question too: "我的线索", "my leads".
            var isShort = text.Length <= (message.IsChinese ? 10 : 24) && message.Interest is null && message.Channel is null
                && LeadMentionExtractor.FindTitled(text) is null;
            score[(int)IntentKind.QueryLeads] += asks || isShort ? 6 : 2;
        }

        if (reportCue)
        {
            score[(int)IntentKind.QueryReport] += 4 + (QueryVocabulary.FindPeriod(text) is not null ? 1 : 0);
        }
    }

    private static void ScoreFollowUp(Span<int> score, MessageContext message)
    {
        var text = message.Text;
        var points = 0;
        if (IntentCues.FollowUpPrefix().IsMatch(text))
        {
            points += 4;
        }

        if (message.Channel is not null)
        {
            points += 2;
        }

        if (message.Interest is { } interest)
        {
            // "very interested" on its own is a note about a customer; "还行" on its own may be small talk.
            points += interest.IsClear ? 3 : 1;
        }

        if (IntentCues.FollowUpNext().IsMatch(text))
        {
            points += 2;
        }

        // Talking is evidence of a contact, but "我们聊了很久" alone is small talk: it needs a second sign.
        if (points > 0 && IntentCues.TalkVerb().IsMatch(text))
        {
            points += 1;
        }

        if (IntentCues.ContactVerb().IsMatch(text))
        {
            points += 2;
        }

        if (points == 0)
        {
            return;
        }

        if (message.Channel is not null && IntentCues.PastMarker().IsMatch(text))
        {
            points += 1;
        }

        if (message.NextMoment is not null)
        {
            points += 1;
        }

        if (LeadMentionExtractor.FindPerson(text) is not null)
        {
            points += 1;
        }

        score[(int)IntentKind.LogFollowUp] += points;
    }

    private static void AddIf(Span<int> score, IntentKind kind, int points, bool evidence)
    {
        if (evidence)
        {
            score[(int)kind] += points;
        }
    }
}
