using System.Diagnostics;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Storage.LiteDb.Leads;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Bench;

/// <summary>
/// The baseline the intake benchmark compares with: the same lead documents inserted straight into
/// LiteDB (the leads collection with its indexes, one insert per document, LiteDB's own commit),
/// with none of the product around them. Kept here because no LiteDB type may leave the storage part.
/// </summary>
public static class RawLeadInserts
{
    /// <summary>Inserts <paramref name="leads"/> one by one into a new database at <paramref name="path"/>; returns the elapsed time.</summary>
    public static TimeSpan Measure(string path, IReadOnlyList<Lead> leads, IPersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(leads);
        using var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        var collection = database.GetCollection("leads");
        foreach (var field in LeadDocuments.IndexedFields)
        {
            collection.EnsureIndex(field, "$." + field);
        }

        collection.EnsureIndex(LeadDocuments.SearchKeys, LeadDocuments.SearchKeysIndexExpression);
        var documents = leads.Select(lead => LeadDocuments.ToDocument(lead, protector)).ToList();
        var started = Stopwatch.GetTimestamp();
        foreach (var document in documents)
        {
            collection.Insert(document);
        }

        database.Checkpoint();
        return Stopwatch.GetElapsedTime(started);
    }
}
