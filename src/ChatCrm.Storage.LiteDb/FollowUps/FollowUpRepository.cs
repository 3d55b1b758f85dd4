using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.FollowUps;

internal sealed class FollowUpRepository(SessionScope scope, ILiteCollection<BsonDocument> followUps) : IFollowUpRepository
{
    public FollowUp? Find(Guid id)
    {
        var document = scope.Read(() => followUps.FindById(id));
        return document is null ? null : FollowUpDocuments.ToFollowUp(document);
    }

    // A lead has tens of follow-ups, not thousands: read them all by lead and sort here.
    public IReadOnlyList<FollowUp> ListForLead(string leadNumber, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var documents = scope.Read(() => followUps
            .Find(BsonExpression.Create($"$.{FollowUpDocuments.LeadNumber} = @0", new BsonValue(leadNumber)))
            .ToList());
        return
        [
            .. documents
                .Select(FollowUpDocuments.ToFollowUp)
                .OrderByDescending(followUp => followUp.At)
                .ThenBy(followUp => followUp.Id)
                .Take(limit),
        ];
    }

    public void Insert(FollowUp followUp)
    {
        var document = FollowUpDocuments.ToDocument(followUp);
        scope.Write(() => followUps.Insert(document));
    }

    // Past a team or two, the period's follow-ups are walked once instead of a range per person.
    private const int MostAuthorWalks = 30;

    public IReadOnlyList<FollowUp> MadeBetween(DateTimeOffset from, DateTimeOffset to, IReadOnlySet<string> authorKeys) =>
        authorKeys.Count == 0 || to <= from
            ? []
            : scope.Read(() => authorKeys.Count <= MostAuthorWalks
                // A few people: each one's follow-ups of the period, a range of the author-then-time index.
                ? authorKeys.Order(StringComparer.Ordinal).SelectMany(author => followUps.Find(BsonExpression.Create(
                        FollowUpDocuments.AuthorAtExpression + " BETWEEN @0 AND @1",
                        FollowUpDocuments.AuthorAtKey(author, from),
                        FollowUpDocuments.AuthorAtKey(author, to.AddTicks(-1)))))
                    .Select(FollowUpDocuments.ToFollowUp)
                    .ToList()
                // Many: one walk of the period's follow-ups beats a walk per person.
                : followUps
                    .Find(Digest.ManagerDigestRepository.FollowUpsBetween(from, to))
                    .Where(document => authorKeys.Contains(document["AuthorKey"].AsString))
                    .Select(FollowUpDocuments.ToFollowUp)
                    .ToList());

    public void Delete(Guid id) => scope.Write(() => followUps.Delete(id));
}
