namespace ChatCrm.Core.Access;

/// <summary>What a person does in the sales organisation; decides what they may see and change.</summary>
public enum Role
{
    Salesperson,
    Manager,
    Admin,
}
