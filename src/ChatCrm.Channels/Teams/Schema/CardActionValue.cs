using System.Text.Json;

namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// What an <c>adaptiveCard/action</c> invoke carries: <c>value.action.verb</c> and
/// <c>value.action.data</c> of the pressed Action.Execute button.
/// </summary>
/// <param name="Verb">The button's verb; null when the card sent none.</param>
/// <param name="Data">The button's data (our buttons put an IntentPayload object there).</param>
/// <param name="ActionType">"Action.Execute" (Teams also routes Action.Submit here for Universal Actions cards).</param>
public sealed record CardActionValue(string? Verb, JsonElement? Data, string? ActionType);
