using ChatCrm.Core.Store;

namespace ChatCrm.Core.Access;

/// <summary>Finds the user a person named in chat: by login key, else by name or alias.</summary>
internal static class UserMentions
{
    public static User? Find(ICrmSession session, string mention) =>
        session.People.FindUser(mention.Trim().ToLowerInvariant())
        ?? session.People.AllUsers().FirstOrDefault(user => user.Answers(mention.Trim()));
}
