using ChatCrm.Core.Leads;

namespace ChatCrm.Core;

/// <summary>An expected failure of a use case. Channels turn each kind into a polite sentence.</summary>
public abstract record CrmError
{
    /// <summary>A short stable code for logs and problem details, e.g. "lead_not_found".</summary>
    public abstract string Code { get; }
}

/// <summary>No lead matches what the person said.</summary>
public sealed record LeadNotFound(string? Mention) : CrmError
{
    public override string Code => "lead_not_found";
}

/// <summary>No lead was named and none is linked to this conversation.</summary>
public sealed record NoLeadInContext : CrmError
{
    public override string Code => "no_lead_in_context";
}

/// <summary>Several leads match; the person must pick one.</summary>
public sealed record AmbiguousLead(string Mention, IReadOnlyList<LeadSummary> Candidates) : CrmError
{
    public override string Code => "ambiguous_lead";
}

/// <summary>The person's role does not allow this act on this lead.</summary>
public sealed record NotPermitted(string Act, string? LeadNumber) : CrmError
{
    public override string Code => "not_permitted";
}

/// <summary>The lead already has an owner, so it cannot be claimed.</summary>
public sealed record AlreadyOwned(string LeadNumber, string OwnerKey) : CrmError
{
    public override string Code => "already_owned";
}

/// <summary>The lead is waiting for another salesperson to claim it.</summary>
public sealed record AssignedToSomeoneElse(string LeadNumber, string AssigneeKey) : CrmError
{
    public override string Code => "assigned_elsewhere";
}

/// <summary>The act needs an owned lead and this one sits in the pool.</summary>
public sealed record NotOwned(string LeadNumber) : CrmError
{
    public override string Code => "not_owned";
}

/// <summary>The chat-platform identity belongs to another user already.</summary>
public sealed record IdentityTaken(string Channel, string UserKey) : CrmError
{
    public override string Code => "identity_taken";
}

/// <summary>No CRM user matches the name given.</summary>
public sealed record UserNotFound(string Mention) : CrmError
{
    public override string Code => "user_not_found";
}

/// <summary>A lead with the same phone exists already.</summary>
public sealed record DuplicatePhone(LeadSummary Existing) : CrmError
{
    public override string Code => "duplicate_phone";
}

/// <summary>A value the person typed cannot be used (bad phone, negative amount…).</summary>
public sealed record InvalidValue(string Field, string? Given) : CrmError
{
    public override string Code => "invalid_value";
}

/// <summary>Something the act needs was not said; the bot asks for it.</summary>
public sealed record MissingValue(string Field) : CrmError
{
    public override string Code => "missing_value";
}

/// <summary>The change is too old to undo, was undone already, or the lead changed since.</summary>
public sealed record CannotUndo(string Reason) : CrmError
{
    public override string Code => "cannot_undo";
}

/// <summary>The lead is already in the asked state; nothing was changed.</summary>
public sealed record NoChange(string LeadNumber) : CrmError
{
    public override string Code => "no_change";
}

/// <summary>This message was handled before (a channel's retry); nothing was changed again.</summary>
public sealed record AlreadyHandled(string InboundKey) : CrmError
{
    public override string Code => "already_handled";
}

/// <summary>The lead is not offered to this person, so there is no offer of theirs to decline.</summary>
public sealed record NotOffered(string LeadNumber) : CrmError
{
    public override string Code => "not_offered";
}

/// <summary>No position, team or other named thing with this key.</summary>
public sealed record NotFound(string Kind, string Key) : CrmError
{
    public override string Code => "not_found";
}

/// <summary>A user, team or position with this key exists already.</summary>
public sealed record AlreadyExists(string Kind, string Key) : CrmError
{
    public override string Code => "already_exists";
}

/// <summary>Raising one's own permissions needs a second person's approval.</summary>
public sealed record OwnPermissions(string Act) : CrmError
{
    public override string Code => "own_permissions";
}
