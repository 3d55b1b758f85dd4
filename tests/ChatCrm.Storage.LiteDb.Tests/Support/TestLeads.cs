using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;

namespace ChatCrm.Storage.LiteDb.Tests.Support;

/// <summary>People and leads for tests, built through the core's own factory.</summary>
public static class TestLeads
{
    /// <summary>A moment in Beijing time: offsets other than zero must survive the store.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 9, 30, 0, TimeSpan.FromHours(8));

    public static readonly User Alice = new("alice", "Alice", Role.Salesperson, "east", []);

    public static readonly User Bob = new("bob", "Bob", Role.Salesperson, "west", ["鲍勃", "Bobby"], "en");

    public static Lead Create(
        string number,
        string name = "王建国",
        string? phone = "13800138000",
        string? company = "Acme 有限公司",
        User? owner = null,
        bool inPool = false,
        DateTimeOffset? createdAt = null,
        LeadStage stage = LeadStage.New) =>
        Lead.Create(
            number,
            name,
            Phone.TryParse(phone),
            company,
            "制造",
            stage,
            inPool ? null : owner ?? Alice,
            null,
            "test",
            "alice",
            createdAt ?? Now);

    /// <summary>A lead that was followed up at <paramref name="at"/>, with the next follow-up planned.</summary>
    public static Lead FollowedUp(string number, DateTimeOffset at, DateTimeOffset? nextAt, User? owner = null, bool inPool = false)
    {
        var lead = Create(number, owner: owner, inPool: inPool, createdAt: at.AddDays(-30));
        lead.RecordFollowUp(at, nextAt, at);
        return lead;
    }

    public static Lead Closed(string number, LeadStage stage = LeadStage.Won, DateTimeOffset? createdAt = null, User? owner = null)
    {
        var lead = Create(number, owner: owner, createdAt: createdAt);
        lead.MoveTo(stage, createdAt ?? Now);
        return lead;
    }
}
