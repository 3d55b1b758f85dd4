namespace ChatCrm.Core.Assignment;

/// <summary>The bounds every lead's assignment keeps to, whatever rule it matched.</summary>
/// <param name="ClaimWindow">Working time an offered salesperson has to claim before the next is offered.</param>
/// <param name="MaxOffers">Offers made for one lead before it escalates to the team's manager.</param>
/// <param name="EvaluationCap">Longest time spent weighing candidates for one lead; past it the lead escalates rather than loops.</param>
public sealed record AssignmentPolicy(TimeSpan ClaimWindow, int MaxOffers, TimeSpan EvaluationCap)
{
    public static AssignmentPolicy Default { get; } = new(TimeSpan.FromMinutes(30), 3, TimeSpan.FromSeconds(8));
}
