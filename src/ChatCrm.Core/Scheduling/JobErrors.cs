namespace ChatCrm.Core.Scheduling;

/// <summary>No scheduled job has the name the admin gave; <see cref="Known"/> are the names there are.</summary>
public sealed record JobNotFound(string Name, IReadOnlyList<string> Known) : CrmError
{
    public override string Code => "job_not_found";
}

/// <summary>The job is already paused (or already running on its schedule); nothing was changed.</summary>
public sealed record JobAlreadyInState(string Name, bool Paused) : CrmError
{
    public override string Code => "job_unchanged";
}
