using System.CommandLine;
using ChatCrm.Channels.Conversation;
using ChatCrm.Hosting;
using ChatCrm.Storage.LiteDb;

namespace ChatCrm.Cli;

/// <summary>
/// `chat --as alice`: the web chat in the terminal. Type a sentence; press a button by typing its
/// number. It talks to the running server when there is one (the server owns the store), else
/// opens the store itself.
/// </summary>
public static class ChatCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--as") { Description = "The user to chat as, e.g. alice", Required = true };
        var conversation = new Option<string>("--conversation") { Description = "The conversation id", DefaultValueFactory = _ => "terminal" };
        var server = new Option<Uri>("--server") { Description = "The server to use when one is running", DefaultValueFactory = _ => new Uri(ChatCrmHost.DefaultUrl) };
        var command = new Command("chat", "Chat with the bot in the terminal") { user, conversation, server };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(user)!, result.GetValue(conversation)!, result.GetValue(server)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string user, string conversation, Uri server, CancellationToken cancellationToken)
    {
        await using var chat = await ConnectAsync(user, conversation, server, cancellationToken);
        Console.WriteLine($"ChatCrm — chatting as {user} with {chat.Description}. Type /help for examples, a number to press a button, an empty line to quit.");
        IReadOnlyList<ReplyAction> buttons = [];
        while (!cancellationToken.IsCancellationRequested)
        {
            Print(await chat.InboxAsync(cancellationToken), ref buttons);
            Console.Write("> ");
            var line = Console.ReadLine();
            if (string.IsNullOrWhiteSpace(line))
            {
                return 0;
            }

            var pressed = int.TryParse(line.Trim(), out var number) && number >= 1 && number <= buttons.Count ? buttons[number - 1] : null;
            var replies = pressed is not null
                ? await chat.SendAsync(null, pressed.Payload, cancellationToken)
                : await chat.SendAsync(line, null, cancellationToken);
            Print(replies, ref buttons);
        }

        return 0;
    }

    private static async Task<IChatConnection> ConnectAsync(string user, string conversation, Uri server, CancellationToken cancellationToken)
    {
        try
        {
            return await InProcessChat.StartAsync(user, conversation, cancellationToken);
        }
        catch (StoreInUseException)
        {
            var baseAddress = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
            return new ServerChat(new HttpClient { BaseAddress = baseAddress }, user, conversation);
        }
    }

    private static void Print(IReadOnlyList<ChatReply> replies, ref IReadOnlyList<ReplyAction> buttons)
    {
        if (replies.Count == 0)
        {
            return;
        }

        var shown = new List<ReplyAction>();
        foreach (var reply in replies)
        {
            Console.WriteLine(reply.Text);
            foreach (var fact in reply.Facts)
            {
                Console.WriteLine($"    {fact.Label}: {fact.Value}");
            }

            foreach (var action in reply.Actions)
            {
                // A link opens a page; it is not a turn to send back.
                if (ReplyLink.UrlOf(action) is { } url)
                {
                    Console.WriteLine($"    {action.Title}: {url}");
                    continue;
                }

                shown.Add(action);
                Console.WriteLine($"  [{shown.Count}] {action.Title}");
            }
        }

        buttons = shown;
    }
}
