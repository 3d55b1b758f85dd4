using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Leads;

internal sealed class LeadRepository(SessionScope scope, ILiteCollection<BsonDocument> leads, IPersonalDataProtector protector, Reports.ReportTallyKeeper tallies) : ILeadRepository
{
    public Lead? Find(string number)
    {
        var document = scope.Read(() => leads.FindById(number));
        return document is null ? null : LeadDocuments.ToLead(document, protector);
    }

    public IReadOnlyList<Lead> FindByKey(string searchKey, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var documents = scope.Read(() => leads
            .Query()
            .Where(BsonExpression.Create(LeadDocuments.SearchKeysIndexExpression + " ANY = @0", new BsonValue(searchKey)))
            .Limit(limit)
            .ToList());
        return ToLeads(documents);
    }

    // Only the protector's lookup key is compared: the stored phone may be encrypted.
    public Lead? FindByPhone(Phone phone)
    {
        var lookupKey = protector.LookupKey(phone.E164);
        var document = scope.Read(() => leads
            .Find(BsonExpression.Create($"$.{LeadDocuments.PhoneLookup} = @0", new BsonValue(lookupKey)))
            .OrderBy(candidate => candidate["_id"].AsString, StringComparer.Ordinal)
            .FirstOrDefault());
        return document is null ? null : LeadDocuments.ToLead(document, protector);
    }

    public Lead? FindByEmail(Email email)
    {
        var lookupKey = protector.LookupKey(email.Address);
        var document = scope.Read(() => leads
            .Find(BsonExpression.Create($"$.{LeadDocuments.EmailLookup} = @0", new BsonValue(lookupKey)))
            .OrderBy(candidate => candidate["_id"].AsString, StringComparer.Ordinal)
            .FirstOrDefault());
        return document is null ? null : LeadDocuments.ToLead(document, protector);
    }

    public IReadOnlyList<Lead> FindAllByPhone(Phone phone, int limit) =>
        FindAllBy(LeadDocuments.PhoneLookup, protector.LookupKey(phone.E164), limit);

    public IReadOnlyList<Lead> FindAllByEmail(Email email, int limit) =>
        FindAllBy(LeadDocuments.EmailLookup, protector.LookupKey(email.Address), limit);

    public IReadOnlyList<Lead> List(LeadQuery query) => ToLeads(scope.Read(() => LeadQueryPlan.ForList(query).List(leads)));

    public int Count(LeadQuery query) => scope.Read(() => LeadQueryPlan.ForCount(query).Count(leads));

    public void Insert(Lead lead)
    {
        var document = LeadDocuments.ToDocument(lead, protector);
        scope.Write(() =>
        {
            leads.Insert(document);
            tallies.Stored(null, lead);
        });
    }

    public void Update(Lead lead)
    {
        var document = LeadDocuments.ToDocument(lead, protector);
        scope.Write(() =>
        {
            var before = leads.FindById(lead.Number);
            if (before is null || !leads.Update(document))
            {
                throw new InvalidOperationException($"Lead {lead.Number} is not stored, so it cannot be updated.");
            }

            tallies.Stored(before, lead);
        });
    }

    public void Delete(string number) => scope.Write(() =>
    {
        var before = leads.FindById(number);
        if (leads.Delete(number))
        {
            tallies.Removed(before);
        }
    });

    public void VisitAll(Action<Lead> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        scope.Read(() =>
        {
            foreach (var document in leads.FindAll())
            {
                visit(LeadDocuments.ToLead(document, protector));
            }

            return true;
        });
    }

    private List<Lead> FindAllBy(string lookupField, string lookupKey, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var documents = scope.Read(() => leads
            .Find(BsonExpression.Create($"$.{lookupField} = @0", new BsonValue(lookupKey)))
            .OrderByDescending(candidate => candidate[LeadDocuments.UpdatedAt].AsInt64)
            .ThenBy(candidate => candidate["_id"].AsString, StringComparer.Ordinal)
            .Take(limit)
            .ToList());
        return ToLeads(documents);
    }

    private List<Lead> ToLeads(IReadOnlyList<BsonDocument> documents) =>
        [.. documents.Select(document => LeadDocuments.ToLead(document, protector))];
}
