using ChatCrm.Language;
using ChatCrm.Language.Embedded;

namespace ChatCrm.Jobs;

/// <summary>
/// Interprets a few sentences once at start, off the start-up path, so the first person to type
/// does not pay for compiling the grammars and loading the phone-number metadata (tens of ms).
/// The embedded rules, always: they are the model path's fallback too, and warming up must not
/// send made-up sentences to a language model.
/// </summary>
public sealed class InterpreterWarmUp(EmbeddedInterpreter interpreter, TimeProvider clock) : BackgroundService
{
    private static readonly string[] Sentences =
    [
        "新建线索:张伟,13800138000,华为,通信行业",
        "今天下午给王总打了电话,他对报价很感兴趣,下周三再跟进",
        "remind me to call Sarah next Monday at 10am",
        "Acme deal is worth $120k",
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        foreach (var sentence in Sentences)
        {
            interpreter.Interpret(new Utterance(sentence, clock.GetUtcNow()));
        }
    }
}
