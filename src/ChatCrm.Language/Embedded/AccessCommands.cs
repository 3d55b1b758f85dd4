namespace ChatCrm.Language.Embedded;

/// <summary>
/// The admin commands for the organisation: /admin position list|show|add|grant|revoke,
/// /admin user list|show|add|position|team|region|grant, /admin team list|add|region|manager.
/// Options are written key=value (team=east position=finance region=east-china).
/// </summary>
internal static class AccessCommands
{
    public static Intent Admin(string[] all)
    {
        // "reason=…" ends a command and takes the rest of the line: a change to one's own permissions needs one.
        var reasonAt = Array.FindIndex(all, word => word.StartsWith("reason=", StringComparison.OrdinalIgnoreCase) || word.StartsWith("原因=", StringComparison.Ordinal));
        var words = reasonAt < 0 ? all : all[..reasonAt];
        var reason = reasonAt < 0 ? null : string.Join(' ', all[reasonAt..])[(all[reasonAt].IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
        reason = string.IsNullOrEmpty(reason) ? null : reason;
        string? Word(int index) => index < words.Length ? words[index] : null;
        var (positional, options) = Split(words);
        string? Positional(int index) => index < positional.Count ? positional[index] : null;
        string? Rest(int from) => positional.Count > from ? string.Join(' ', positional.Skip(from)) : null;
        return (Word(0)?.ToLowerInvariant(), Word(1)?.ToLowerInvariant()) switch
        {
            ("position" or "positions", "list" or null) => new ListPositionsIntent(),
            ("position", "show") => new ShowPositionIntent(Word(2)),
            ("position", "add") => AddPosition(positional),
            ("position", "grant") => new GrantPositionIntent(Word(2), Word(3), Word(4), reason),
            ("position", "revoke") => new GrantPositionIntent(Word(2), Word(3), Word(3) is null ? null : "none", reason),
            ("user" or "users", "list" or null) => new ListUsersIntent(),
            ("user", "show") => new ShowUserIntent(Word(2)),
            ("user", "add") => new AddUserIntent(Positional(2), Rest(3), options.GetValueOrDefault("team"), options.GetValueOrDefault("position")),
            ("user", "position" or "team" or "region") => new ChangeUserIntent(Word(2), Word(1)!.ToLowerInvariant(), Word(3), reason),
            ("user", "grant") => new GrantUserIntent(Word(2), Word(3), Word(4), reason),
            ("team" or "teams", "list" or null) => new ListTeamsIntent(),
            ("team", "add") => new AddTeamIntent(Positional(2), Positional(3), options.GetValueOrDefault("region"), Rest(4)),
            ("team", "region" or "manager") => new ChangeTeamIntent(Word(2), Word(1)!.ToLowerInvariant(), Word(3)),
            _ => new UnknownIntent(),
        };
    }

    // "/admin position add east_sales 华东销售 like sales": the name is every word between the key and "like".
    private static AddPositionIntent AddPosition(List<string> positional)
    {
        var like = positional.FindIndex(3, word => string.Equals(word, "like", StringComparison.OrdinalIgnoreCase) || word == "参照");
        var nameEnd = like < 0 ? positional.Count : like;
        var name = nameEnd > 3 ? string.Join(' ', positional.Skip(3).Take(nameEnd - 3)) : null;
        return new AddPositionIntent(positional.ElementAtOrDefault(2), name, like < 0 ? null : positional.ElementAtOrDefault(like + 1));
    }

    private static (List<string> Positional, Dictionary<string, string> Options) Split(string[] words)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in words)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && equals < word.Length - 1)
            {
                options[word[..equals]] = word[(equals + 1)..];
            }
            else
            {
                positional.Add(word);
            }
        }

        return (positional, options);
    }
}
