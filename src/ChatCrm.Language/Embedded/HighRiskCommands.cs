using ChatCrm.Core.Bulk;
using ChatCrm.Core.Exports;

namespace ChatCrm.Language.Embedded;

/// <summary>
/// The commands of high-risk operations: /delete, /approve, /reject, /bulk, /export and /admin purge.
/// Lead numbers come first, then the words the command knows; what is left is the reason.
/// </summary>
internal static class HighRiskCommands
{
    public static DeleteLeadIntent Delete(string args)
    {
        var words = Words(args);
        return words.Count == 0 ? new DeleteLeadIntent(null, null) : new DeleteLeadIntent(words[0], Rest(words, 1));
    }

    public static DecideApprovalIntent Decide(string args, bool approve)
    {
        var words = Words(args);
        return new DecideApprovalIntent(words.Count == 0 ? null : words[0], approve, Rest(words, 1));
    }

    public static Intent Bulk(string args)
    {
        var words = Words(args);
        BulkKind? kind = words.Count == 0 ? null : words[0].ToLowerInvariant() switch
        {
            "transfer" or "转交" or "转给" => BulkKind.Transfer,
            "return" or "退回" => BulkKind.Return,
            "delete" or "删除" => BulkKind.Delete,
            _ => null,
        };
        if (kind is null)
        {
            return new BulkChangeIntent(null, [], null, null, null);
        }

        var numbers = words.Skip(1).TakeWhile(IsLeadNumber).Select(word => word.ToUpperInvariant()).ToList();
        var next = 1 + numbers.Count;
        string? from = null;
        if (numbers.Count == 0 && next < words.Count)
        {
            from = words[next++];
        }

        string? to = null;
        if (kind == BulkKind.Transfer && next < words.Count)
        {
            // "/bulk transfer L-… L-… to bob" or "… 给 bob"
            if (words[next].ToLowerInvariant() is "to" or "给" or "->" && next + 1 < words.Count)
            {
                next++;
            }

            to = words[next++];
        }

        return new BulkChangeIntent(kind, numbers, from, to, Rest(words, next));
    }

    public static ExportLeadsIntent Export(string args)
    {
        ExportScope? scope = null;
        var phones = false;
        var rest = new List<string>();
        foreach (var word in Words(args))
        {
            switch (word.ToLowerInvariant())
            {
                case "mine" or "my" or "我的" when scope is null:
                    scope = ExportScope.Mine;
                    break;
                case "team" or "团队" when scope is null:
                    scope = ExportScope.Team;
                    break;
                case "all" or "全部" when scope is null:
                    scope = ExportScope.All;
                    break;
                case "phones" or "phone" or "电话" or "手机号" when !phones:
                    phones = true;
                    break;
                default:
                    rest.Add(word);
                    break;
            }
        }

        return new ExportLeadsIntent(scope, phones, rest.Count == 0 ? null : string.Join(' ', rest));
    }

    public static PurgeLeadsIntent Purge(IReadOnlyList<string> words)
    {
        var numbers = words.TakeWhile(IsLeadNumber).Select(word => word.ToUpperInvariant()).ToList();
        return new PurgeLeadsIntent(numbers, Rest(words, numbers.Count));
    }

    private static bool IsLeadNumber(string word) => Core.Leads.LeadNumber.IsLeadNumber(word);

    private static List<string> Words(string args) =>
        [.. args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? Rest(IReadOnlyList<string> words, int from) =>
        from >= words.Count ? null : string.Join(' ', words.Skip(from));
}
