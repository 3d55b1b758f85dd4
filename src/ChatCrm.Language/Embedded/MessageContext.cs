using ChatCrm.Core.FollowUps;

namespace ChatCrm.Language.Embedded;

/// <summary>A message being interpreted, with the evidence several rules share computed once.</summary>
internal sealed class MessageContext
{
    private List<TemporalMention>? _moments;
    private bool _channelRead;
    private ContactChannel? _channel;
    private bool _interestRead;
    private (Interest Level, bool IsClear)? _interest;

    public MessageContext(string said, DateTimeOffset now)
    {
        Said = said;
        Text = TextNormalizer.Normalize(said);
        Now = now;
        Language = LanguageDetector.Detect(Text);
    }

    /// <summary>The message as the person typed it, mentions stripped.</summary>
    public string Said { get; }

    /// <summary>The message with full-width forms folded, which every rule reads.</summary>
    public string Text { get; }

    public DateTimeOffset Now { get; }

    public string Language { get; }

    public bool IsChinese => Language == LanguageDetector.Chinese;

    public List<TemporalMention> Moments => _moments ??= DateTimeGrammar.FindAll(Text, Now);

    public ContactChannel? Channel
    {
        get
        {
            if (!_channelRead)
            {
                _channel = ChannelLexicon.Find(Text);
                _channelRead = true;
            }

            return _channel;
        }
    }

    public (Interest Level, bool IsClear)? Interest
    {
        get
        {
            if (!_interestRead)
            {
                _interest = InterestLexicon.Find(Text);
                _interestRead = true;
            }

            return _interest;
        }
    }

    /// <summary>The last moment said that is still ahead: when the next step is planned.</summary>
    public TemporalMention? NextMoment => DateTimeGrammar.FindLast(Moments, Now);
}
