using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Channels.Conversation;

namespace ChatCrm.Channels.WeCom.Messages;

/// <summary>
/// Renders a channel-neutral <see cref="ChatReply"/> as the body of WeCom's <c>message/send</c>
/// (without <c>touser</c> and <c>agentid</c>, which the sender adds): a text message when it has
/// no buttons, else a "button_interaction" template card whose buttons carry their payloads in
/// their keys. WeCom's limits are kept by cutting text, never by failing the send; duplicate
/// checking is on, so a message the outbox sends twice reaches the person once.
/// </summary>
public static class WeComMessageWriter
{
    /// <summary>WeCom cuts text messages longer than this many bytes.</summary>
    public const int MaxTextBytes = 2048;

    public const int MaxButtons = 6;

    public const int MaxFacts = 6;

    /// <summary>A template card lists at most this many jump links.</summary>
    public const int MaxJumps = 3;

    /// <summary>How long WeCom drops a message identical to one sent before (its maximum is 4 hours).</summary>
    public const int DuplicateCheckSeconds = 1800;

    public static JsonObject Write(ChatReply reply, string taskId)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var buttons = reply.Actions.Where(action => ReplyLink.UrlOf(action) is null)
            .Select(action => (action.Title, Key: WeComButtonKey.Write(action.Payload))).Where(button => button.Key is not null).Take(MaxButtons).ToList();
        var links = reply.Actions.Select(action => (action.Title, Url: ReplyLink.UrlOf(action))).Where(link => link.Url is not null).ToList();
        return buttons.Count > 0 ? Card(reply, buttons!, taskId, links.Select(link => link.Url!).FirstOrDefault())
            : links.Count > 0 ? LinkCard(reply, links!)
            : Text(reply);
    }

    /// <summary>A task id for a new card: unique, at most 128 of the characters WeCom allows.</summary>
    public static string NewTaskId(Guid id) => "cc_" + id.ToString("N");

    /// <summary>The body of <c>message/update_template_card</c> that replaces the pressed card's buttons with a note.</summary>
    public static JsonObject PressedCardUpdate(string responseCode, string note) => new()
    {
        ["response_code"] = responseCode,
        ["button"] = new JsonObject { ["replace_name"] = Cut(note, 10) },
    };

    private static JsonObject Text(ChatReply reply)
    {
        var text = new StringBuilder(reply.Text);
        foreach (var fact in reply.Facts)
        {
            text.Append('\n').Append(fact.Label).Append(':').Append(fact.Value);
        }

        return new JsonObject
        {
            ["msgtype"] = "text",
            ["text"] = new JsonObject { ["content"] = CutBytes(text.ToString(), MaxTextBytes) },
            ["enable_duplicate_check"] = 1,
            ["duplicate_check_interval"] = DuplicateCheckSeconds,
        };
    }

    /// <param name="link">A link beside the buttons (a digest's full report): a tap on the card opens it, as a button card has no jump list.</param>
    private static JsonObject Card(ChatReply reply, List<(string Title, string Key)> buttons, string taskId, string? link)
    {
        var card = new JsonObject
        {
            ["card_type"] = "button_interaction",
            ["task_id"] = taskId,
            ["main_title"] = new JsonObject { ["title"] = Cut(FirstLine(reply.Text), 36) },
        };
        if (reply.Text.Length > 36 || reply.Text.Contains('\n', StringComparison.Ordinal))
        {
            card["sub_title_text"] = Cut(reply.Text, 112);
        }

        if (reply.Facts.Count > 0)
        {
            card["horizontal_content_list"] = new JsonArray(reply.Facts.Take(MaxFacts)
                .Select(fact => (JsonNode)new JsonObject { ["keyname"] = Cut(fact.Label, 10), ["value"] = Cut(fact.Value, 60) }).ToArray());
        }

        // The list holds six facts of 60 characters; more, or longer, are shown whole in the quote area.
        if (reply.Facts.Count > MaxFacts || reply.Facts.Any(fact => new StringInfo(fact.Value).LengthInTextElements > 60))
        {
            card["quote_area"] = new JsonObject
            {
                ["type"] = 0,
                ["quote_text"] = CutBytes(string.Join('\n', reply.Facts.Select(fact => $"{fact.Label}:{fact.Value}")), MaxTextBytes / 2),
            };
        }

        if (link is not null)
        {
            card["card_action"] = new JsonObject { ["type"] = 1, ["url"] = link };
        }

        card["button_list"] = new JsonArray(buttons
            .Select(button => (JsonNode)new JsonObject { ["text"] = Cut(button.Title, 10), ["style"] = 1, ["key"] = button.Key }).ToArray());
        return new JsonObject
        {
            ["msgtype"] = "template_card",
            ["template_card"] = card,
            ["enable_duplicate_check"] = 1,
            ["duplicate_check_interval"] = DuplicateCheckSeconds,
        };
    }

    /// <summary>A "text_notice" template card: the sentence, the facts, and the links as its jump list (the first also opens on a tap of the card).</summary>
    private static JsonObject LinkCard(ChatReply reply, List<(string Title, string Url)> links)
    {
        var card = new JsonObject
        {
            ["card_type"] = "text_notice",
            ["main_title"] = new JsonObject { ["title"] = Cut(FirstLine(reply.Text), 26) },
            ["sub_title_text"] = Cut(reply.Text, 112),
            ["card_action"] = new JsonObject { ["type"] = 1, ["url"] = links[0].Url },
        };
        if (reply.Facts.Count > 0)
        {
            card["horizontal_content_list"] = new JsonArray(reply.Facts.Take(MaxFacts)
                .Select(fact => (JsonNode)new JsonObject { ["keyname"] = Cut(fact.Label, 5), ["value"] = Cut(fact.Value, 26) }).ToArray());
        }

        // The list cuts values at 26 characters; a fact longer than that is shown whole in the quote area.
        if (reply.Facts.Any(fact => new StringInfo(fact.Value).LengthInTextElements > 26))
        {
            card["quote_area"] = new JsonObject
            {
                ["type"] = 0,
                ["quote_text"] = CutBytes(string.Join('\n', reply.Facts.Select(fact => $"{fact.Label}:{fact.Value}")), MaxTextBytes / 2),
            };
        }

        card["jump_list"] = new JsonArray(links.Take(MaxJumps)
            .Select(link => (JsonNode)new JsonObject { ["type"] = 1, ["title"] = Cut(link.Title, 13), ["url"] = link.Url }).ToArray());
        return new JsonObject
        {
            ["msgtype"] = "template_card",
            ["template_card"] = card,
            ["enable_duplicate_check"] = 1,
            ["duplicate_check_interval"] = DuplicateCheckSeconds,
        };
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    // By text elements, so an emoji or a CJK character is never cut in half.
    private static string Cut(string text, int maxCharacters)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= maxCharacters ? text : info.SubstringByTextElements(0, maxCharacters - 1) + "…";
    }

    private static string CutBytes(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var info = new StringInfo(text);
        var length = info.LengthInTextElements;
        while (length > 0 && Encoding.UTF8.GetByteCount(info.SubstringByTextElements(0, length)) > maxBytes - 3)
        {
            length--;
        }

        return info.SubstringByTextElements(0, length) + "…";
    }
}
