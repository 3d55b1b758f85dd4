namespace ChatCrm.Core.Intake;

/// <summary>No intake source has this key.</summary>
public sealed record IntakeSourceNotFound(string Key) : CrmError
{
    public override string Code => "intake_source_not_found";
}

/// <summary>An intake source with this key exists already.</summary>
public sealed record IntakeSourceExists(string Key) : CrmError
{
    public override string Code => "intake_source_exists";
}

/// <summary>An admin switched the source off: its requests are refused.</summary>
public sealed record IntakeSourceOff(string Key) : CrmError
{
    public override string Code => "intake_source_off";
}

/// <summary>The request's fields cannot make a lead; each named field says why.</summary>
/// <param name="Errors">The sender's field name → what is wrong with it.</param>
public sealed record IntakeFieldsInvalid(IReadOnlyDictionary<string, string[]> Errors) : CrmError
{
    public override string Code => "intake_fields_invalid";
}
