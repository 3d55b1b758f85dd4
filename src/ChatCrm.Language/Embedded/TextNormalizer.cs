namespace ChatCrm.Language.Embedded;

/// <summary>Folds full-width forms (，：１２) to ASCII so one grammar reads both keyboards.</summary>
internal static class TextNormalizer
{
    public static string Normalize(string text) =>
        string.Create(text.Length, text, static (target, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                target[i] = Fold(source[i]);
            }
        }).Trim();

    private static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u2005' or '\u00A0' or '\t' or '\r' or '\n' => ' ',
        '。' => '.',
        '、' => ',',
        '“' or '”' => '"',
        '‘' or '’' => '\'',
        _ => c,
    };
}
