using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Leads;

/// <summary>
/// A lead as a document: its snapshot's fields (the phone only as the protector keeps it) plus
/// fields derived for indexes. The derived "Open…" fields are null for won and lost leads and the
/// "…ByState" keys start with the state, so the everyday open-only queries never walk through
/// years of closed leads.
/// </summary>
internal static class LeadDocuments
{
    public const string Name = "Name";
    public const string Phone = "Phone";
    public const string PhoneLookup = "PhoneLookup";
    public const string Email = "Email";
    public const string EmailLookup = "EmailLookup";
    public const string Region = "Region";
    public const string Company = "Company";
    public const string Industry = "Industry";
    public const string Stage = "Stage";
    public const string Amount = "Amount";
    public const string Currency = "Currency";
    public const string TeamKey = "TeamKey";
    public const string OwnerKey = "OwnerKey";
    public const string AssigneeKey = "AssigneeKey";
    public const string Source = "Source";
    public const string CreatedAt = "CreatedAt";
    public const string CreatedBy = "CreatedBy";
    public const string UpdatedAt = "UpdatedAt";
    public const string LastFollowUpAt = "LastFollowUpAt";
    public const string NextFollowUpAt = "NextFollowUpAt";
    public const string Version = "Version";
    public const string Number = "Number";
    public const string ClosedAt = "ClosedAt";
    public const string OpportunityAt = "OpportunityAt";
    public const string FirstFollowUpAt = "FirstFollowUpAt";
    public const string ExcludedAs = "ExcludedAs";

    public const string SearchKeys = "SearchKeys";
    public const string SearchKeysIndexExpression = "$.SearchKeys[*]";
    public const string Closed = "Closed";
    public const string LastActivityAt = "LastActivityAt";
    public const string OpenLastActivityAt = "OpenLastActivityAt";
    public const string OpenNextFollowUpAt = "OpenNextFollowUpAt";
    public const string OwnerByState = "OwnerByState";
    public const string TeamByState = "TeamByState";

    /// <summary>Single-field indexes of the leads collection; the multikey SearchKeys index is apart.</summary>
    public static readonly string[] IndexedFields =
    [
        OwnerByState, TeamByState, AssigneeKey, PhoneLookup, EmailLookup, CreatedAt,
        LastActivityAt, NextFollowUpAt, OpenLastActivityAt, OpenNextFollowUpAt,
    ];

    /// <summary>
    /// The key of the owner (or team) index: open or closed, then the key, "" for none. A person
    /// keeps years of won and lost leads; scoped like this, their open leads are one index lookup
    /// and the closed ones are never read unless asked for.
    /// </summary>
    public static string ByState(bool closed, string? key) => (closed ? "closed:" : "open:") + key;

    public static BsonDocument ToDocument(Lead lead, IPersonalDataProtector protector)
    {
        var snapshot = lead.ToSnapshot();
        var document = new BsonDocument { ["_id"] = snapshot.Number };
        WriteSnapshotFields(document, snapshot, protector);
        document[PhoneLookup] = BsonFields.Text(snapshot.PhoneE164 is null ? null : protector.LookupKey(snapshot.PhoneE164));
        document[EmailLookup] = BsonFields.Text(snapshot.Email is null ? null : protector.LookupKey(snapshot.Email));
        document[SearchKeys] = new BsonArray(lead.SearchKeys.Select(key => new BsonValue(key)));
        document[Closed] = lead.IsClosed;
        document[LastActivityAt] = lead.LastActivityAt.UtcTicks;
        document[OpenLastActivityAt] = lead.IsClosed ? BsonValue.Null : lead.LastActivityAt.UtcTicks;
        document[OpenNextFollowUpAt] = lead.IsClosed ? BsonValue.Null : BsonFields.Ticks(lead.NextFollowUpAt);
        document[OwnerByState] = ByState(lead.IsClosed, lead.OwnerKey);
        document[TeamByState] = ByState(lead.IsClosed, lead.TeamKey);
        OwnedLeadKeys.Write(document);
        return document;
    }

    public static Lead ToLead(BsonDocument document, IPersonalDataProtector protector) =>
        Lead.FromSnapshot(ReadSnapshotFields(document, document["_id"].AsString, protector));

    /// <summary>A snapshot kept inside another document (an audit entry's before and after).</summary>
    public static BsonDocument SnapshotToDocument(LeadSnapshot snapshot, IPersonalDataProtector protector)
    {
        var document = new BsonDocument { [Number] = snapshot.Number };
        WriteSnapshotFields(document, snapshot, protector);
        return document;
    }

    public static LeadSnapshot SnapshotFromDocument(BsonDocument document, IPersonalDataProtector protector) =>
        ReadSnapshotFields(document, document[Number].AsString, protector);

    private static void WriteSnapshotFields(BsonDocument document, LeadSnapshot snapshot, IPersonalDataProtector protector)
    {
        document[Name] = snapshot.Name;
        document[Phone] = BsonFields.Text(snapshot.PhoneE164 is null ? null : protector.Protect(snapshot.PhoneE164));
        document[Email] = BsonFields.Text(snapshot.Email is null ? null : protector.Protect(snapshot.Email));
        document[Region] = BsonFields.Text(snapshot.Region);
        document[Company] = BsonFields.Text(snapshot.Company);
        document[Industry] = BsonFields.Text(snapshot.Industry);
        document[Stage] = BsonFields.Name<LeadStage>(snapshot.Stage);
        document[Amount] = BsonFields.Number(snapshot.Amount);
        document[Currency] = BsonFields.Text(snapshot.Currency);
        document[TeamKey] = BsonFields.Text(snapshot.TeamKey);
        document[OwnerKey] = BsonFields.Text(snapshot.OwnerKey);
        document[AssigneeKey] = BsonFields.Text(snapshot.AssigneeKey);
        document[Source] = snapshot.Source;
        BsonFields.SetMoment(document, CreatedAt, snapshot.CreatedAt);
        document[CreatedBy] = snapshot.CreatedBy;
        BsonFields.SetMoment(document, UpdatedAt, snapshot.UpdatedAt);
        BsonFields.SetMoment(document, LastFollowUpAt, snapshot.LastFollowUpAt);
        BsonFields.SetMoment(document, NextFollowUpAt, snapshot.NextFollowUpAt);
        document[Version] = snapshot.Version;
        // Written only when set: most leads are open, never excluded, and a lean document is a faster intake.
        SetWhenPresent(document, ClosedAt, snapshot.ClosedAt);
        SetWhenPresent(document, OpportunityAt, snapshot.OpportunityAt);
        SetWhenPresent(document, FirstFollowUpAt, snapshot.FirstFollowUpAt);
        if (snapshot.ExcludedAs is { } excluded)
        {
            document[ExcludedAs] = excluded;
        }
    }

    private static void SetWhenPresent(BsonDocument document, string name, DateTimeOffset? moment)
    {
        if (moment is { } value)
        {
            BsonFields.SetMoment(document, name, value);
        }
    }

    // Leads stored before reports kept none of these.
    private static DateTimeOffset? GetWhenPresent(BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && !value.IsNull ? BsonFields.GetMoment(document, name) : null;

    private static LeadSnapshot ReadSnapshotFields(BsonDocument document, string number, IPersonalDataProtector protector)
    {
        var storedPhone = BsonFields.GetText(document, Phone);
        return new LeadSnapshot(
            number,
            BsonFields.GetRequiredText(document, Name),
            storedPhone is null ? null : protector.Reveal(storedPhone),
            BsonFields.GetText(document, Company),
            BsonFields.GetText(document, Industry),
            BsonFields.GetName<LeadStage>(document, Stage),
            BsonFields.GetOptionalNumber(document, Amount),
            BsonFields.GetText(document, Currency),
            BsonFields.GetText(document, TeamKey),
            BsonFields.GetText(document, OwnerKey),
            BsonFields.GetText(document, AssigneeKey),
            BsonFields.GetRequiredText(document, Source),
            BsonFields.GetMoment(document, CreatedAt),
            BsonFields.GetRequiredText(document, CreatedBy),
            BsonFields.GetMoment(document, UpdatedAt),
            BsonFields.GetOptionalMoment(document, LastFollowUpAt),
            BsonFields.GetOptionalMoment(document, NextFollowUpAt),
            document[Version].AsInt32,
            // Leads stored before intake kept no email or region.
            document.TryGetValue(Email, out var storedEmail) && storedEmail.IsString ? protector.Reveal(storedEmail.AsString) : null,
            document.TryGetValue(Region, out var region) && region.IsString ? region.AsString : null,
            GetWhenPresent(document, ClosedAt),
            GetWhenPresent(document, OpportunityAt),
            GetWhenPresent(document, FirstFollowUpAt),
            document.TryGetValue(ExcludedAs, out var excluded) && excluded.IsString ? excluded.AsString : null);
    }
}
