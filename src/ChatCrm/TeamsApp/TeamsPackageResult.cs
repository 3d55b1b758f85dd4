namespace ChatCrm.TeamsApp;

/// <summary>
/// What building the Teams app package came to: the zip written and the files in it, or the
/// reasons it was refused (then nothing was written).
/// </summary>
/// <param name="ZipPath">The full path of the zip written, or null when refused.</param>
/// <param name="Entries">The file names at the zip's root, in the order written.</param>
/// <param name="Problems">Why the package was refused, one sentence each; empty when written.</param>
public sealed record TeamsPackageResult(string? ZipPath, IReadOnlyList<string> Entries, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static TeamsPackageResult Written(string zipPath, IReadOnlyList<string> entries) => new(zipPath, entries, []);

    public static TeamsPackageResult Refused(IReadOnlyList<string> problems) => new(null, [], problems);
}
