namespace ChatCrm.Language.Evaluation;

/// <summary>How many cases passed, and score.py's failure line for each that did not.</summary>
public sealed record NluScoreResult(int Passed, int Total, IReadOnlyList<string> Failures)
{
    public double Accuracy => Total == 0 ? 0 : (double)Passed / Total;

    public string Report() =>
        string.Join(Environment.NewLine, Failures.Append($"accuracy: {Accuracy:F3} ({Passed}/{Total})"));
}
