namespace ChatCrm.Core.Access;

/// <summary>
/// What a person does in the sales organisation: salespeople are offered leads, managers lead a
/// team, admins run the install. What they may see and change comes from their position, which
/// defaults from this (<see cref="DefaultPositions.For"/>).
/// </summary>
public enum Role
{
    Salesperson,
    Manager,
    Admin,
}
