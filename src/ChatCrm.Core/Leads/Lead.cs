using ChatCrm.Core.Access;
using ChatCrm.Core.Personal;

namespace ChatCrm.Core.Leads;

/// <summary>
/// A prospective customer and the deal around it. State changes only through its methods, each of
/// which checks the lead's state and bumps <see cref="Version"/>.
/// </summary>
public sealed class Lead
{
    private Lead(LeadSnapshot snapshot)
    {
        Number = snapshot.Number;
        Name = snapshot.Name;
        Phone = snapshot.PhoneE164 is null ? null : Phone.FromE164(snapshot.PhoneE164);
        Email = snapshot.Email is null ? null : Email.FromStored(snapshot.Email);
        Region = snapshot.Region;
        Company = snapshot.Company;
        Industry = snapshot.Industry;
        Stage = snapshot.Stage;
        Amount = snapshot.Amount;
        Currency = snapshot.Currency;
        TeamKey = snapshot.TeamKey;
        OwnerKey = snapshot.OwnerKey;
        AssigneeKey = snapshot.AssigneeKey;
        Source = snapshot.Source;
        CreatedAt = snapshot.CreatedAt;
        CreatedBy = snapshot.CreatedBy;
        UpdatedAt = snapshot.UpdatedAt;
        LastFollowUpAt = snapshot.LastFollowUpAt;
        NextFollowUpAt = snapshot.NextFollowUpAt;
        Version = snapshot.Version;
        ClosedAt = snapshot.ClosedAt;
        OpportunityAt = snapshot.OpportunityAt;
        FirstFollowUpAt = snapshot.FirstFollowUpAt;
        ExcludedAs = snapshot.ExcludedAs;
    }

    /// <summary>The lead number, e.g. L-20261118-0007: unique, and how people refer to it.</summary>
    public string Number { get; }

    public string Name { get; private set; }

    public Phone? Phone { get; private set; }

    public Email? Email { get; private set; }

    /// <summary>The city or region the customer is in, as intake gave it (assignment rules match on it).</summary>
    public string? Region { get; private set; }

    public string? Company { get; private set; }

    public string? Industry { get; private set; }

    public LeadStage Stage { get; private set; }

    public decimal? Amount { get; private set; }

    public string? Currency { get; private set; }

    public string? TeamKey { get; private set; }

    /// <summary>The salesperson who claimed the lead; null while it sits in the pool.</summary>
    public string? OwnerKey { get; private set; }

    /// <summary>The salesperson the lead is offered to until they claim it.</summary>
    public string? AssigneeKey { get; private set; }

    /// <summary>Where the lead came from: "chat", "demo", later an intake source.</summary>
    public string Source { get; }

    public DateTimeOffset CreatedAt { get; }

    public string CreatedBy { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? LastFollowUpAt { get; private set; }

    public DateTimeOffset? NextFollowUpAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>When the lead was last won or lost; null while open.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When it first reached an opportunity stage (see <see cref="StageProbability.IsOpportunity"/>); it stays.</summary>
    public DateTimeOffset? OpportunityAt { get; private set; }

    public DateTimeOffset? FirstFollowUpAt { get; private set; }

    /// <summary>"test", "demo" or "internal" when reports leave it out; null when it counts.</summary>
    public string? ExcludedAs { get; private set; }

    public bool IsClosed => Stage is LeadStage.Won or LeadStage.Lost;

    /// <summary>When someone last did something with the customer: the last follow-up, else creation.</summary>
    public DateTimeOffset LastActivityAt => LastFollowUpAt ?? CreatedAt;

    /// <summary>The keys the store indexes so chat mentions find this lead.</summary>
    public IReadOnlyList<string> SearchKeys => LeadSearchKeys.For(Name, Company);

    /// <summary>A new lead, owned by <paramref name="owner"/> when given, else in <paramref name="teamKey"/>'s pool.</summary>
    public static Lead Create(
        string number,
        string name,
        Phone? phone,
        string? company,
        string? industry,
        LeadStage stage,
        User? owner,
        string? teamKey,
        string source,
        string createdBy,
        DateTimeOffset now,
        Email? email = null,
        string? region = null) =>
        new(new LeadSnapshot(
            number, name.Trim(), phone?.E164, Blank(company), Blank(industry), stage, null, null,
            owner?.TeamKey ?? teamKey, owner?.Key, null, source, now, createdBy, now, null, null, 1, email?.Address, Blank(region),
            StageProbability.IsClosed(stage) ? now : null, StageProbability.IsOpportunity(stage) ? now : null));

    public static Lead FromSnapshot(LeadSnapshot snapshot) => new(snapshot);

    public LeadSnapshot ToSnapshot() => new(
        Number, Name, Phone?.E164, Company, Industry, Stage, Amount, Currency, TeamKey, OwnerKey, AssigneeKey,
        Source, CreatedAt, CreatedBy, UpdatedAt, LastFollowUpAt, NextFollowUpAt, Version, Email?.Address, Region,
        ClosedAt, OpportunityAt, FirstFollowUpAt, ExcludedAs);

    public LeadSummary ToSummary() => new(Number, Name, Company, Stage, OwnerKey, LastFollowUpAt, NextFollowUpAt);

    /// <summary>Takes the lead from the pool. Fails if someone owns it or it waits for someone else.</summary>
    public CrmError? Claim(User user, DateTimeOffset now)
    {
        if (OwnerKey == user.Key)
        {
            return new NoChange(Number);
        }

        if (OwnerKey is not null)
        {
            return new AlreadyOwned(Number, OwnerKey);
        }

        if (AssigneeKey is not null && AssigneeKey != user.Key)
        {
            return new AssignedToSomeoneElse(Number, AssigneeKey);
        }

        OwnerKey = user.Key;
        TeamKey = user.TeamKey ?? TeamKey;
        AssigneeKey = null;
        return Touch(now);
    }

    /// <summary>Puts the lead back in the pool for anyone in its team to claim.</summary>
    public CrmError? ReturnToPool(DateTimeOffset now)
    {
        if (OwnerKey is null)
        {
            return new NotOwned(Number);
        }

        OwnerKey = null;
        AssigneeKey = null;
        return Touch(now);
    }

    /// <summary>Hands the lead to another salesperson, who owns it at once.</summary>
    public CrmError? TransferTo(User user, DateTimeOffset now)
    {
        if (OwnerKey == user.Key)
        {
            return new NoChange(Number);
        }

        OwnerKey = user.Key;
        TeamKey = user.TeamKey ?? TeamKey;
        AssigneeKey = null;
        return Touch(now);
    }

    /// <summary>Offers the lead to a salesperson, who must claim it.</summary>
    public CrmError? OfferTo(User user, DateTimeOffset now)
    {
        if (OwnerKey is not null)
        {
            return new AlreadyOwned(Number, OwnerKey);
        }

        AssigneeKey = user.Key;
        TeamKey = user.TeamKey ?? TeamKey;
        return Touch(now);
    }

    /// <summary>Takes back an offer nobody claimed: the lead stays in its team's pool.</summary>
    public CrmError? WithdrawOffer(DateTimeOffset now)
    {
        if (OwnerKey is not null)
        {
            return new AlreadyOwned(Number, OwnerKey);
        }

        if (AssigneeKey is null)
        {
            return new NoChange(Number);
        }

        AssigneeKey = null;
        return Touch(now);
    }

    /// <summary>Moves an unowned, unoffered lead to another team's pool (an assignment rule routes it there).</summary>
    public CrmError? PlaceInPool(string teamKey, DateTimeOffset now)
    {
        if (OwnerKey is not null)
        {
            return new AlreadyOwned(Number, OwnerKey);
        }

        if (AssigneeKey is not null)
        {
            return new AssignedToSomeoneElse(Number, AssigneeKey);
        }

        if (TeamKey == teamKey)
        {
            return new NoChange(Number);
        }

        TeamKey = teamKey;
        return Touch(now);
    }

    public CrmError? MoveTo(LeadStage stage, DateTimeOffset now)
    {
        if (Stage == stage)
        {
            return new NoChange(Number);
        }

        Stage = stage;
        ClosedAt = StageProbability.IsClosed(stage) ? now : null;
        OpportunityAt ??= StageProbability.IsOpportunity(stage) ? now : null;
        return Touch(now);
    }

    /// <summary>Marks the lead as test, demo or internal data that reports leave out, or (null) as real again.</summary>
    public CrmError? ExcludeFromReports(string? kind, DateTimeOffset now)
    {
        if (ExcludedAs == kind)
        {
            return new NoChange(Number);
        }

        ExcludedAs = kind;
        return Touch(now);
    }

    public CrmError? Value(decimal amount, string currency, DateTimeOffset now)
    {
        if (amount < 0)
        {
            return new InvalidValue("amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Amount == amount && Currency == currency)
        {
            return new NoChange(Number);
        }

        Amount = amount;
        Currency = currency;
        return Touch(now);
    }

    /// <summary>Notes that the customer was contacted; a new lead counts as contacted from then on.</summary>
    public void RecordFollowUp(DateTimeOffset at, DateTimeOffset? nextAt, DateTimeOffset now)
    {
        LastFollowUpAt = at;
        NextFollowUpAt = nextAt;
        FirstFollowUpAt ??= at;
        if (Stage == LeadStage.New)
        {
            Stage = LeadStage.Contacted;
        }

        Touch(now);
    }

    /// <summary>Sets when to follow up next without a contact now: a plan made after the follow-up, or moved.</summary>
    public CrmError? PlanNextFollowUp(DateTimeOffset at, DateTimeOffset now)
    {
        if (NextFollowUpAt == at)
        {
            return new NoChange(Number);
        }

        NextFollowUpAt = at;
        return Touch(now);
    }

    private CrmError? Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
