namespace ChatCrm.Language.Embedded;

/// <summary>An amount of money said in a message, in whole currency units.</summary>
/// <param name="IsMarked">True when a unit, a currency or digit grouping shows it is money, not just a number.</param>
internal readonly record struct MoneyAmount(int Start, int End, decimal Value, string Currency, bool IsMarked);
