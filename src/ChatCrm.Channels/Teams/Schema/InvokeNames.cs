namespace ChatCrm.Channels.Teams.Schema;

/// <summary>The <c>name</c> of the invoke activities ChatCrm answers.</summary>
public static class InvokeNames
{
    /// <summary>An Adaptive Card Action.Execute (Universal Actions) was pressed.</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";

    /// <summary>A message action with <c>fetchTask: true</c> was chosen: the bot answers with the dialog to show.</summary>
    public const string ComposeExtensionFetchTask = "composeExtension/fetchTask";

    /// <summary>A message action ("Log to CRM") from the app's compose extension was run on a chat message.</summary>
    public const string ComposeExtensionSubmitAction = "composeExtension/submitAction";
}
